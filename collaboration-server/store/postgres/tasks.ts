import type { WorkStore } from '../store.js';
import type { Decision, Escalation, Sprint, Task } from '../../protocol.js';
import { FINISHED } from '../../task-lifecycle.js';
import type { SyncClient } from './sync-client.js';

const SPRINT_COLS = 'id, name, goal, starts_at AS "startsAt", ends_at AS "endsAt", status, objectives, created_at AS "createdAt"';
type SprintRow = Omit<Sprint, 'objectives'> & { objectives: string };
type Body = { body: string };

/** Sprints, tasks, blockers, escalations and decisions. Task numbers come from max(num) + 1 under the room's lock, like SQLite's. */
export class PostgresWork implements WorkStore {
  constructor(private readonly sql: SyncClient) {}

  createSprint(sprint: Sprint): void {
    this.sql.query('INSERT INTO sprints (id, name, goal, starts_at, ends_at, status, objectives, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      sprint.id, sprint.name, sprint.goal, sprint.startsAt, sprint.endsAt, sprint.status, JSON.stringify(sprint.objectives), sprint.createdAt,
    ]);
  }

  sprint(id: string): Sprint | undefined {
    return this.toSprint(this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints WHERE id = $1`, [id])[0]);
  }

  currentSprint(): Sprint | undefined {
    return this.toSprint(this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints ORDER BY status = 'active' DESC, created_at DESC, pos DESC LIMIT 1`)[0]);
  }

  sprints(): Sprint[] {
    return this.sql.query<SprintRow>(`SELECT ${SPRINT_COLS} FROM sprints ORDER BY created_at, pos`).map((row) => this.toSprint(row)!);
  }

  setSprint(id: string, status: Sprint['status']): void {
    this.sql.query('UPDATE sprints SET status = $1 WHERE id = $2', [status, id]);
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
