/**
 * The REST API's reads: JSON views of what the store holds, the same data the protocol's queries give,
 * with the figures from the shared pure modules (metrics.ts, team-view.ts). Documented in docs/api.md.
 */
import { HuddleError } from '../errors.js';
import { computeMetrics, type SprintMetrics } from '../metrics.js';
import { TASK_STATUSES, type Decision, type Escalation, type Participant, type Sprint, type Task, type TaskEvent, type TaskStatus } from '../protocol.js';
import type { Store } from '../store/index.js';
import { summarizeSprint, type SprintSummary } from '../sprint-summary.js';
import { teamRows, type TeamRole, type TeamRow } from '../team-view.js';
import type { TaskDetail } from './task-detail.js';

export interface ReadContext {
  store: Store;
  now: number;
  roles: readonly TeamRole[];
  roster(): Participant[];
}

/** The most of an artifact the API returns: its end, where a log's outcome is. */
export const ARTIFACT_TAIL_CHARS = 256 * 1024;

function sprintOf(store: Store, id: string | null): Sprint | null {
  if (!id) return store.work.currentSprint() ?? null;
  const sprint = store.work.sprint(id);
  if (!sprint) throw new HuddleError('NOT_FOUND', `No sprint ${id}. GET /api/sprints lists them.`);
  return sprint;
}

const taskEventsOf = (store: Store, sprintId: string): TaskEvent[] =>
  store.events.ofSprint(sprintId, 'task').filter((e): e is TaskEvent => e.type === 'task');

export function readSprint(ctx: ReadContext, query: URLSearchParams): { sprint: Sprint | null; tasksByStatus: Record<TaskStatus, number>; openEscalations: number } {
  const sprint = sprintOf(ctx.store, query.get('sprint'));
  const tasksByStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const t of sprint ? ctx.store.work.tasks(sprint.id) : []) tasksByStatus[t.status]++;
  return { sprint, tasksByStatus, openEscalations: ctx.store.work.escalations('open').length };
}

/** Every sprint with the figures the velocity chart draws, oldest first. */
export function readSprints(ctx: ReadContext): { sprints: SprintSummary[] } {
  return {
    sprints: ctx.store.work.sprints().map((sprint) => summarizeSprint(sprint, computeMetrics(sprint, ctx.store.work.tasks(sprint.id), taskEventsOf(ctx.store, sprint.id), ctx.now))),
  };
}

export function readTasks(ctx: ReadContext, query: URLSearchParams): { sprint: Sprint | null; tasks: Task[] } {
  const sprint = sprintOf(ctx.store, query.get('sprint'));
  const statuses = query.getAll('status').flatMap((s) => s.split(','));
  const unknown = statuses.find((s) => !(TASK_STATUSES as readonly string[]).includes(s));
  if (unknown) throw new HuddleError('BAD_FRAME', `Unknown status "${unknown.slice(0, 40)}": use ${TASK_STATUSES.join(', ')}.`);
  const assignee = query.get('assignee');
  const tasks = (sprint ? ctx.store.work.tasks(sprint.id) : []).filter(
    (t) => (statuses.length === 0 || statuses.includes(t.status)) && (assignee === null || t.assignee === assignee),
  );
  return { sprint, tasks };
}

export function readTask(ctx: ReadContext, id: string): TaskDetail {
  const task = /^T-\d{1,9}$/.test(id) ? ctx.store.work.task(id) : undefined;
  if (!task) throw new HuddleError('NOT_FOUND', `No task ${id.slice(0, 40)}. GET /api/tasks lists the sprint's tasks.`);
  const artifacts = ctx.store.kv.artifactKinds(task.id).map(({ kind, chars }) => {
    const content = ctx.store.kv.artifact(task.id, kind);
    return { kind, chars, content: content.slice(-ARTIFACT_TAIL_CHARS), truncated: content.length > ARTIFACT_TAIL_CHARS };
  });
  return { task, events: taskEventsOf(ctx.store, task.sprintId).filter((e) => e.task.id === task.id), notes: task.notes, artifacts };
}

export function readAgents(ctx: ReadContext): { sprint: Sprint | null; agents: TeamRow[] } {
  const sprint = ctx.store.work.currentSprint() ?? null;
  return { sprint, agents: teamRows(ctx.roster(), sprint ? ctx.store.work.tasks(sprint.id) : [], sprint, ctx.roles, ctx.now) };
}

export function readEscalations(ctx: ReadContext, query: URLSearchParams): { escalations: (Escalation & { decision: Decision | null })[] } {
  const status = query.get('status') ?? 'all';
  if (status !== 'open' && status !== 'answered' && status !== 'all') throw new HuddleError('BAD_FRAME', `status is open, answered or all, not "${status.slice(0, 40)}".`);
  const decisions = ctx.store.work.decisions();
  return { escalations: ctx.store.work.escalations(status).map((e) => ({ ...e, decision: decisions.find((d) => d.escalationId === e.id) ?? null })) };
}

/** The sprint report's figures: what `huddle report --format json` prints. */
export function readReport(ctx: ReadContext, query: URLSearchParams): SprintMetrics {
  const sprint = sprintOf(ctx.store, query.get('sprint'));
  if (!sprint) throw new HuddleError('NOT_FOUND', 'There is no sprint to report on yet. The product owner starts one by typing: plan sprint');
  return computeMetrics(sprint, ctx.store.work.tasks(sprint.id), taskEventsOf(ctx.store, sprint.id), ctx.now);
}
