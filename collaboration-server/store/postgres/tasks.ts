import type { WorkStore } from '../store.js';
import type { Decision, Escalation, Sprint, Task } from '../../protocol.js';
import { FINISHED } from '../../task-lifecycle.js';
import type { SyncClient } from './sync-client.js';

const SPRINT_COLS = 'id, number, name, goal, starts_at AS "startsAt", ends_at AS "endsAt", status, objectives, created_at AS "createdAt", closed_at AS "closedAt"';
type SprintRow = Omit<Sprint, 'objectives'> & { objectives: string };
type Body = { body: string };

/** Sprints, tasks, blockers, escalations and decisions. Task numbers come from max(num) + 1 under the room's lock, like SQLite's. */
export class PostgresWork implements WorkStore {
  constructor(private readonly sql: SyncClient) {}

  createSprint(sprint: Sprint): void {
    this.sql.query('INSERT INTO sprints (id, number, name, goal, starts_at, ends_at, status, objectives, created_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      sprint.id, sprint.number, sprint.name, sprint.goal, sprint.startsAt, sprint.endsAt, sprint.status, JSON.stringify(sprint.objectives), sprint.createdAt, sprint.closedAt,
    ]);
  }

  sprint(id: string): Sprint | undefined {
    return this.toSprint(this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints WHERE id = $1`, [id])[0]);
  }

  currentSprint(): Sprint | undefined {
    return this.toSprint(this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints ORDER BY status = 'active' DESC, created_at DESC, pos DESC LIMIT 1`)[0]);
  }

  setSprint(id: string, status: Sprint['status']): void {
    this.sql.query('UPDATE sprints SET status = $1 WHERE id = $2', [status, id]);
  }

  nextSprintNumber(): number {
    return this.sql.query<{ n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM sprints')[0]!.n;
  }

  sprintNamed(name: string): Sprint | undefined {
    return this.toSprint(this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints WHERE name = $1`, [name])[0]);
  }

  sprints(limit = 100): Sprint[] {
    const latest = `SELECT ${SPRINT_COLS}, pos FROM sprints ORDER BY number DESC, pos DESC LIMIT $1`;
    return this.sql.query<SprintRow & { pos: number }>(`SELECT * FROM (${latest}) s ORDER BY number, pos`, [limit]).map(({ pos: _, ...r }) => this.toSprint(r)!);
  }

  closeSprint(id: string, status: 'completed' | 'closed', at: number, tasks: readonly Task[]): void {
    this.sql.query('UPDATE sprints SET status = $1, closed_at = $2 WHERE id = $3', [status, at, id]);
    for (const t of tasks) {
      this.sql.query(
        'INSERT INTO sprint_close_tasks (sprint_id, task_num, body) VALUES ($1, $2, $3) ON CONFLICT (sprint_id, task_num) DO UPDATE SET body = EXCLUDED.body',
        [id, Number(t.id.slice(2)), JSON.stringify(t)],
      );
    }
  }

  sprintRecord(sprintId: string): Task[] {
    const kept = this.bodies<Task>('SELECT body FROM sprint_close_tasks WHERE sprint_id = $1 ORDER BY task_num', [sprintId]);
    return kept.length ? kept : this.tasks(sprintId);
  }

  backlog(limit = 200): Task[] {
    const latest = `SELECT t.num, t.body FROM tasks t JOIN sprints s ON s.id = t.sprint_id WHERE s.status != 'active' AND NOT (t.status = ANY($1)) ORDER BY t.num DESC LIMIT $2`;
    return this.bodies<Task>(`SELECT body FROM (${latest}) b ORDER BY num`, [[...FINISHED], limit]);
  }

  lastTaskNumber(): number {
    return this.sql.query<{ n: number }>('SELECT coalesce(max(num), 0) AS n FROM tasks')[0]!.n;
  }

  newTaskIdAt(id: string, sprintId: string): string {
    this.sql.query("INSERT INTO tasks (num, sprint_id, body, status, assignee) VALUES ($1, $2, '', 'pending', NULL)", [Number(id.slice(2)), sprintId]);
    return id;
  }

  moveTask(task: Task): void {
    this.sql.query('UPDATE tasks SET sprint_id = $1 WHERE num = $2', [task.sprintId, Number(task.id.slice(2))]);
    this.saveTask(task);
  }

  newTaskId(sprintId: string): string {
    const num = this.sql.query<{ num: number }>(
      "INSERT INTO tasks (num, sprint_id, body, status, assignee) SELECT coalesce(max(num), 0) + 1, $1, '', 'pending', NULL FROM tasks RETURNING num",
      [sprintId],
    )[0]!.num;
    return `T-${num}`;
  }

  saveTask(task: Task): void {
    this.sql.query('UPDATE tasks SET body = $1, status = $2, assignee = $3 WHERE num = $4', [JSON.stringify(task), task.status, task.assignee, Number(task.id.slice(2))]);
  }

  task(id: string): Task | undefined {
    const num = Number(id.slice(2));
    if (!Number.isSafeInteger(num)) return undefined;
    const body = this.sql.query<Body>('SELECT body FROM tasks WHERE num = $1', [num])[0]?.body;
    return body ? (JSON.parse(body) as Task) : undefined;
  }

  tasks(sprintId: string): Task[] {
    return this.bodies<Task>('SELECT body FROM tasks WHERE sprint_id = $1 ORDER BY num', [sprintId]);
  }

  openBlockerFor(taskId: string, by: string, reason: string, at: number): void {
    this.sql.query('INSERT INTO blockers (task_id, reported_by, reason, opened_at) VALUES ($1, $2, $3, $4)', [taskId, by, reason, at]);
  }

  resolveBlockersOf(taskId: string, at: number): void {
    this.sql.query('UPDATE blockers SET resolved_at = $1 WHERE task_id = $2 AND resolved_at IS NULL', [at, taskId]);
  }

  createEscalation(escalation: Escalation): void {
    this.sql.query('INSERT INTO escalations (id, body, status, created_at) VALUES ($1, $2, $3, $4)', [escalation.id, JSON.stringify(escalation), escalation.status, escalation.createdAt]);
  }

  escalation(id: string): Escalation | undefined {
    return this.bodies<Escalation>('SELECT body FROM escalations WHERE id = $1', [id])[0];
  }

  escalations(status: 'open' | 'answered' | 'all'): Escalation[] {
    return this.bodies<Escalation>("SELECT body FROM escalations WHERE $1 = 'all' OR status = $1 ORDER BY created_at, pos", [status]);
  }

  decide(escalation: Escalation, decision: Decision): void {
    this.sql.query('UPDATE escalations SET body = $1, status = $2 WHERE id = $3', [JSON.stringify(escalation), escalation.status, escalation.id]);
    this.sql.query('INSERT INTO decisions (id, escalation_id, body) VALUES ($1, $2, $3)', [decision.id, decision.escalationId, JSON.stringify(decision)]);
  }

  unfinishedTasks(sprintId: string): number {
    return this.sql.query<{ n: number }>('SELECT count(*) AS n FROM tasks WHERE sprint_id = $1 AND NOT (status = ANY($2))', [sprintId, [...FINISHED]])[0]!.n;
  }

  count(table: 'escalations' | 'decisions'): number {
    const text = table === 'escalations' ? 'SELECT count(*) AS n FROM escalations' : 'SELECT count(*) AS n FROM decisions';
    return this.sql.query<{ n: number }>(text)[0]!.n;
  }

  decisions(): Decision[] {
    return this.bodies<Decision>('SELECT body FROM decisions ORDER BY pos');
  }

  private bodies<T>(text: string, params: unknown[] = []): T[] {
    return this.sql.query<Body>(text, params).map((r) => JSON.parse(r.body) as T);
  }

  private toSprint(row: SprintRow | undefined): Sprint | undefined {
    return row ? { ...row, objectives: JSON.parse(row.objectives) as string[] } : undefined;
  }
}
