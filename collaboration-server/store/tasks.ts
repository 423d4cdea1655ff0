import type { Db } from './database.js';
import type { Decision, Escalation, Sprint, Task } from '../protocol.js';
import { FINISHED } from '../task-lifecycle.js';

/** Sprints, tasks, blockers, escalations and decisions. */
export class Work {
  private readonly insertSprint;
  private readonly sprintById;
  private readonly activeSprint;
  private readonly allSprints;
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

  constructor(db: Db) {
    this.insertSprint = db.prepare(
      'INSERT INTO sprints (id, name, goal, starts_at, ends_at, status, objectives, created_at) VALUES (@id, @name, @goal, @startsAt, @endsAt, @status, @objectives, @createdAt)',
    );
    const sprintCols =
      'id, name, goal, starts_at AS startsAt, ends_at AS endsAt, status, objectives, created_at AS createdAt';
    this.sprintById = db.prepare(`SELECT ${sprintCols} FROM sprints WHERE id = ?`);
    this.activeSprint = db.prepare(`SELECT ${sprintCols} FROM sprints ORDER BY status = 'active' DESC, created_at DESC, rowid DESC LIMIT 1`);
    this.allSprints = db.prepare(`SELECT ${sprintCols} FROM sprints ORDER BY created_at, rowid`);
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
    this.countStmts = {
      escalations: db.prepare('SELECT count(*) FROM escalations').pluck(),
      decisions: db.prepare('SELECT count(*) FROM decisions').pluck(),
    };
  }

  createSprint(sprint: Sprint): void {
    this.insertSprint.run({ ...sprint, objectives: JSON.stringify(sprint.objectives) });
  }

  sprint(id: string): Sprint | undefined {
    return this.toSprint(this.sprintById.get(id));
  }

  /** The active sprint, or else the most recent one. */
  currentSprint(): Sprint | undefined {
    return this.toSprint(this.activeSprint.get());
  }

  /** Every sprint, oldest first. */
  sprints(): Sprint[] {
    return this.allSprints.all().map((row) => this.toSprint(row)!);
  }

  setSprint(id: string, status: Sprint['status']): void {
    this.setSprintStatus.run(status, id);
  }

  /** Reserves the next task id (T-n). */
  newTaskId(sprintId: string): string {
    return `T-${Number(this.insertTask.run(sprintId).lastInsertRowid)}`;
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
