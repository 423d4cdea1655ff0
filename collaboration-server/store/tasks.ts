import type { Db } from './database.js';
import type { Decision, Escalation, Sprint, Task } from '../protocol.js';
import { FINISHED } from '../task-lifecycle.js';

/** Sprints, tasks, blockers, escalations and decisions. */
export class Work {
  private readonly insertSprint;
  private readonly sprintById;
  private readonly activeSprint;
  private readonly setSprintStatus;
  private readonly insertTask;
  private readonly setTaskBody;
  private readonly taskByNum;
  private readonly tasksOfSprint;
  private readonly openBlocker;
  private readonly resolveBlockers;
  private readonly insertEscalation;
  private readonly escalationById;
  private readonly escalationsByStatus;
  private readonly answerEscalation;
  private readonly insertDecision;
  private readonly allDecisions;
  private readonly unfinishedStmt;
  private readonly countStmts;
  private readonly sprintByName;
  private readonly allSprints;
  private readonly nextNumber;
  private readonly closeSprintStmt;
  private readonly insertCloseTask;
  private readonly closeTasksOf;
  private readonly insertTaskAt;
  private readonly maxTaskNum;
  private readonly backlogStmt;
  private readonly moveTaskStmt;

  constructor(db: Db) {
    this.insertSprint = db.prepare(
      'INSERT INTO sprints (id, number, name, goal, starts_at, ends_at, status, objectives, created_at, closed_at) VALUES (@id, @number, @name, @goal, @startsAt, @endsAt, @status, @objectives, @createdAt, @closedAt)',
    );
    const sprintCols =
      'id, number, name, goal, starts_at AS startsAt, ends_at AS endsAt, status, objectives, created_at AS createdAt, closed_at AS closedAt';
    this.sprintById = db.prepare(`SELECT ${sprintCols} FROM sprints WHERE id = ?`);
    this.activeSprint = db.prepare(`SELECT ${sprintCols} FROM sprints ORDER BY status = 'active' DESC, created_at DESC, rowid DESC LIMIT 1`);
    this.setSprintStatus = db.prepare('UPDATE sprints SET status = ? WHERE id = ?');
    this.insertTask = db.prepare("INSERT INTO tasks (sprint_id, body, status, assignee) VALUES (?, '', 'pending', NULL)");
    this.setTaskBody = db.prepare('UPDATE tasks SET body = @body, status = @status, assignee = @assignee WHERE num = @num');
    this.taskByNum = db.prepare('SELECT body FROM tasks WHERE num = ?').pluck();
    this.tasksOfSprint = db.prepare('SELECT body FROM tasks WHERE sprint_id = ? ORDER BY num').pluck();
    this.openBlocker = db.prepare('INSERT INTO blockers (task_id, reported_by, reason, opened_at) VALUES (?, ?, ?, ?)');
    this.resolveBlockers = db.prepare('UPDATE blockers SET resolved_at = ? WHERE task_id = ? AND resolved_at IS NULL');
    this.insertEscalation = db.prepare('INSERT INTO escalations (id, body, status, created_at) VALUES (@id, @body, @status, @createdAt)');
    this.escalationById = db.prepare('SELECT body FROM escalations WHERE id = ?').pluck();
    this.escalationsByStatus = db.prepare("SELECT body FROM escalations WHERE @status = 'all' OR status = @status ORDER BY created_at, rowid").pluck();
    this.answerEscalation = db.prepare('UPDATE escalations SET body = ?, status = ? WHERE id = ?');
    this.insertDecision = db.prepare('INSERT INTO decisions (id, escalation_id, body) VALUES (?, ?, ?)');
    this.allDecisions = db.prepare('SELECT body FROM decisions ORDER BY rowid').pluck();
    this.unfinishedStmt = db.prepare(`SELECT count(*) FROM tasks WHERE sprint_id = ? AND status NOT IN (${FINISHED.map((s) => `'${s}'`).join(', ')})`).pluck();
    this.sprintByName = db.prepare(`SELECT ${sprintCols} FROM sprints WHERE name = ?`);
    this.allSprints = db.prepare(`SELECT * FROM (SELECT ${sprintCols}, rowid AS r FROM sprints ORDER BY number DESC, rowid DESC LIMIT ?) ORDER BY number, r`);
    this.nextNumber = db.prepare('SELECT coalesce(max(number), 0) + 1 FROM sprints').pluck();
    this.closeSprintStmt = db.prepare('UPDATE sprints SET status = ?, closed_at = ? WHERE id = ?');
    this.insertCloseTask = db.prepare('INSERT OR REPLACE INTO sprint_close_tasks (sprint_id, task_num, body) VALUES (?, ?, ?)');
    this.closeTasksOf = db.prepare('SELECT body FROM sprint_close_tasks WHERE sprint_id = ? ORDER BY task_num').pluck();
    this.insertTaskAt = db.prepare("INSERT INTO tasks (num, sprint_id, body, status, assignee) VALUES (?, ?, '', 'pending', NULL)");
    this.maxTaskNum = db.prepare('SELECT coalesce(max(num), 0) FROM tasks').pluck();
    this.backlogStmt = db.prepare(
      `SELECT body FROM (SELECT t.num, t.body FROM tasks t JOIN sprints s ON s.id = t.sprint_id WHERE s.status != 'active' AND t.status NOT IN (${FINISHED.map((f) => `'${f}'`).join(', ')}) ORDER BY t.num DESC LIMIT ?) ORDER BY num`,
    ).pluck();
    this.moveTaskStmt = db.prepare('UPDATE tasks SET sprint_id = ? WHERE num = ?');
    this.countStmts = {
      escalations: db.prepare('SELECT count(*) FROM escalations').pluck(),
      decisions: db.prepare('SELECT count(*) FROM decisions').pluck(),
    };
  }

  createSprint(sprint: Sprint): void {
    this.insertSprint.run({ ...sprint, objectives: JSON.stringify(sprint.objectives) });
  }

  /** The number the next sprint gets: 1, 2, 3… */
  nextSprintNumber(): number {
    return this.nextNumber.get() as number;
  }

  sprintNamed(name: string): Sprint | undefined {
    return this.toSprint(this.sprintByName.get(name));
  }

  /** The latest `limit` sprints, oldest first. */
  sprints(limit = 100): Sprint[] {
    return this.allSprints.all(limit).map((r) => {
      const { r: _, ...row } = r as { r: number };
      return this.toSprint(row)!;
    });
  }

  /** Marks the sprint closed (or completed) and keeps its tasks as they are now: the sprint's record. */
  closeSprint(id: string, status: 'completed' | 'closed', at: number, tasks: readonly Task[]): void {
    this.closeSprintStmt.run(status, at, id);
    for (const t of tasks) this.insertCloseTask.run(id, Number(t.id.slice(2)), JSON.stringify(t));
  }

  /** A sprint's tasks as people should read them: as they were at its close, or live while it runs. */
  sprintRecord(sprintId: string): Task[] {
    const kept = this.closeTasksOf.all(sprintId) as string[];
    return kept.length ? kept.map((b) => JSON.parse(b) as Task) : this.tasks(sprintId);
  }

  /** Unfinished tasks whose sprint is over, the latest `limit`: they wait for a plan to take them. */
  backlog(limit = 200): Task[] {
    return (this.backlogStmt.all(limit) as string[]).map((b) => JSON.parse(b) as Task);
  }

  /** The number T-n of the last task ever made (0 before the first). */
  lastTaskNumber(): number {
    return this.maxTaskNum.get() as number;
  }

  sprint(id: string): Sprint | undefined {
    return this.toSprint(this.sprintById.get(id));
  }

  /** The active sprint, or else the most recent one. */
  currentSprint(): Sprint | undefined {
    return this.toSprint(this.activeSprint.get());
  }

  setSprint(id: string, status: Sprint['status']): void {
    this.setSprintStatus.run(status, id);
  }

  /** Reserves the next task id (T-n). */
  newTaskId(sprintId: string): string {
    return `T-${Number(this.insertTask.run(sprintId).lastInsertRowid)}`;
  }

  /** Reserves a given task id; the caller checked that no task has it. */
  newTaskIdAt(id: string, sprintId: string): string {
    this.insertTaskAt.run(Number(id.slice(2)), sprintId);
    return id;
  }

  /** Moves a task to another sprint (a plan took it from the backlog). */
  moveTask(task: Task): void {
    this.moveTaskStmt.run(task.sprintId, Number(task.id.slice(2)));
    this.saveTask(task);
  }

  saveTask(task: Task): void {
    this.setTaskBody.run({ num: Number(task.id.slice(2)), body: JSON.stringify(task), status: task.status, assignee: task.assignee });
  }

  task(id: string): Task | undefined {
    const body = this.taskByNum.get(Number(id.slice(2))) as string | undefined;
    return body ? (JSON.parse(body) as Task) : undefined;
  }

  tasks(sprintId: string): Task[] {
    return (this.tasksOfSprint.all(sprintId) as string[]).map((b) => JSON.parse(b) as Task);
  }

  openBlockerFor(taskId: string, by: string, reason: string, at: number): void {
    this.openBlocker.run(taskId, by, reason, at);
  }

  resolveBlockersOf(taskId: string, at: number): void {
    this.resolveBlockers.run(at, taskId);
  }

  createEscalation(escalation: Escalation): void {
    this.insertEscalation.run({ ...escalation, body: JSON.stringify(escalation) });
  }

  escalation(id: string): Escalation | undefined {
    const body = this.escalationById.get(id) as string | undefined;
    return body ? (JSON.parse(body) as Escalation) : undefined;
  }

  escalations(status: 'open' | 'answered' | 'all'): Escalation[] {
    return (this.escalationsByStatus.all({ status }) as string[]).map((b) => JSON.parse(b) as Escalation);
  }

  decide(escalation: Escalation, decision: Decision): void {
    this.answerEscalation.run(JSON.stringify(escalation), escalation.status, escalation.id);
    this.insertDecision.run(decision.id, decision.escalationId, JSON.stringify(decision));
  }

  /** Tasks of the sprint that are not finished (task-lifecycle.ts). */
  unfinishedTasks(sprintId: string): number {
    return this.unfinishedStmt.get(sprintId) as number;
  }

  /** How many rows a table holds: the next escalation or decision number. */
  count(table: 'escalations' | 'decisions'): number {
    return this.countStmts[table].get() as number;
  }

  decisions(): Decision[] {
    return (this.allDecisions.all() as string[]).map((b) => JSON.parse(b) as Decision);
  }

  private toSprint(row: unknown): Sprint | undefined {
    if (!row) return undefined;
    const r = row as Omit<Sprint, 'objectives'> & { objectives: string };
    return { ...r, objectives: JSON.parse(r.objectives) as string[] };
  }
}
