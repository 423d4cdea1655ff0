/**
 * Sprint metrics from the hub's tasks and task events: completion (figures.ts), velocity per working
 * day, the burndown per working day, per-agent and per-domain estimate accuracy, blocked tasks and the
 * time they stayed blocked, reassignments and splits. Pure: data and a time in, numbers out.
 */
import type { Sprint, Task, TaskEvent } from './protocol.js';
import { isFinished } from './task-lifecycle.js';
import { DAY, HOUR, round2 } from './units.js';
import { calendarDays, completion, isTimed, workdaysBetween, workdaysElapsed, workdayStarts, type Completion } from './figures.js';

/** Tasks the lead split say so in their rationale (blocker-resolver.ts writes it, the report reads it). */
export const SPLIT_PREFIX = 'Split from';

/** One status change of a task, enough to compute hours, blockers and throughput. */
export interface TimelineEntry {
  ts: number;
  taskId: string;
  action: string;
  from: string;
  to: string;
  assignee: string | null;
  previousAssignee: string | null;
  note: string | null;
}

/** The status changes (and repeated block reports) among task events, oldest first. */
export function timelineOf(events: readonly TaskEvent[]): TimelineEntry[] {
  return events
    .filter((e) => e.change.from !== e.change.to || e.change.action === 'block' || e.change.action === 'reassign')
    .map((e) => ({ ts: e.ts, taskId: e.task.id, action: e.change.action, from: e.change.from, to: e.change.to, assignee: e.change.assignee, previousAssignee: e.change.previousAssignee, note: e.change.note }))
    .sort((a, b) => a.ts - b.ts);
}

export interface Accuracy {
  tasksDone: number;
  /** estimates of the tasks finished */
  estimatedHours: number;
  /** hours those tasks were held in progress or blocked */
  actualHours: number;
  /** 1 when actual equals estimated, lower the further apart (history.ts's measure); null without data */
  accuracy: number | null;
}

export interface AgentMetrics extends Accuracy {
  name: string;
  tasksFailed: number;
  /** tasks done per working day */
  tasksPerDay: number;
}

export interface DomainMetrics extends Accuracy {
  domain: string;
}

export interface BurndownPoint {
  /** 0 is the sprint's start; n the end of its n-th working day (or now, for the day under way) */
  day: number;
  at: number;
  /** points of the tasks in the sprint at that time (work added mid-sprint raises it) */
  scopePoints: number;
  remainingPoints: number;
  remainingHours: number;
  idealPoints: number;
}

export interface BlockedTask {
  taskId: string;
  title: string;
  hours: number;
  /** still blocked at the time of the metrics */
  open: boolean;
  reason: string | null;
}

export interface Reassignment {
  taskId: string;
  title: string;
  from: string | null;
  to: string | null;
  why: string | null;
  at: number;
}

export interface SprintMetrics {
  sprintId: string;
  name: string;
  status: Sprint['status'];
  startsAt: number;
  endsAt: number;
  at: number;
  /** completion by tasks, with points and hours beside it: the figures every view shows */
  completion: Completion;
  tasksTotal: number;
  tasksDone: number;
  tasksCancelled: number;
  tasksOpen: number;
  tasksBlocked: number;
  tasksAtRisk: number;
  tasksOverdue: number;
  /** done ÷ (all but cancelled), as a ratio: completion.percent is the same as a percent */
  completionRate: number;
  pointsTotal: number;
  pointsDone: number;
  hoursTotal: number;
  hoursDone: number;
  calendarDays: number;
  workdays: number;
  /** working days begun from the sprint's start to now (or to its last completion), at least one */
  elapsedWorkdays: number;
  velocityPointsPerDay: number;
  velocityHoursPerDay: number;
  burndown: BurndownPoint[];
  agents: AgentMetrics[];
  domains: DomainMetrics[];
  blockers: { count: number; open: number; reports: number; meanHoursToUnblock: number | null; maxHoursToUnblock: number | null };
  blocked: BlockedTask[];
  reassignments: Reassignment[];
  /** tasks the lead split: the task and the smaller ones it became */
  splits: { from: string; into: string[] }[];
  /** unfinished when the sprint closed: they went to the backlog (and on to the next plan) */
  unfinished: { taskId: string; title: string; status: string; percent: number; assignee: string | null }[];
}

/** Hours each agent held each task in progress or blocked, from the timeline. */
function heldHours(timeline: readonly TimelineEntry[], until: number): Map<string, Map<string, number>> {
  const held = new Map<string, Map<string, number>>(); // taskId → agent → ms
  const open = new Map<string, { agent: string; since: number }>();
  const add = (taskId: string, agent: string, ms: number) => {
    const perAgent = held.get(taskId) ?? new Map<string, number>();
    perAgent.set(agent, (perAgent.get(agent) ?? 0) + ms);
    held.set(taskId, perAgent);
  };
  for (const e of timeline) {
    const working = e.to === 'in_progress' || e.to === 'blocked';
    const current = open.get(e.taskId);
    if (current && (!working || current.agent !== e.assignee)) {
      add(e.taskId, current.agent, e.ts - current.since);
      open.delete(e.taskId);
    }
    if (working && e.assignee && !open.has(e.taskId)) open.set(e.taskId, { agent: e.assignee, since: e.ts });
  }
  for (const [taskId, o] of open) add(taskId, o.agent, until - o.since);
  return held;
}

/**
 * Hours each task was worked on (held in progress or blocked, by anyone) from its events up to
 * `until`: the actual hours the report, the per-domain accuracy and the team's history all use.
 */
export function workedHours(events: readonly TaskEvent[], until: number): Map<string, number> {
  const worked = new Map<string, number>();
  for (const [taskId, perAgent] of heldHours(timelineOf(events), until)) worked.set(taskId, [...perAgent.values()].reduce((s, ms) => s + ms, 0) / HOUR);
  return worked;
}

function blockerStats(timeline: readonly TimelineEntry[], titles: ReadonlyMap<string, string>, until: number) {
  const openedAt = new Map<string, { at: number; reason: string | null }>();
  const durations: number[] = [];
  const perTask = new Map<string, BlockedTask>();
  let count = 0;
  let reports = 0;
  const addTime = (taskId: string, ms: number, open: boolean, reason: string | null) => {
    const t = perTask.get(taskId) ?? { taskId, title: titles.get(taskId) ?? taskId, hours: 0, open: false, reason };
    perTask.set(taskId, { ...t, hours: t.hours + ms / HOUR, open, reason: t.reason ?? reason });
  };
  for (const e of timeline) {
    if (e.action === 'block') reports++;
    if (e.to === 'blocked' && e.from !== 'blocked') {
      count++;
      openedAt.set(e.taskId, { at: e.ts, reason: e.note });
    } else if (e.from === 'blocked' && e.to !== 'blocked' && openedAt.has(e.taskId)) {
      const o = openedAt.get(e.taskId)!;
      durations.push(e.ts - o.at);
      addTime(e.taskId, e.ts - o.at, false, o.reason);
      openedAt.delete(e.taskId);
    }
  }
  for (const [taskId, o] of openedAt) addTime(taskId, until - o.at, true, o.reason);
  const mean = durations.length ? round2(durations.reduce((a, b) => a + b, 0) / durations.length / HOUR) : null;
  const max = durations.length ? round2(Math.max(...durations) / HOUR) : null;
  const blocked = [...perTask.values()].map((b) => ({ ...b, hours: round2(b.hours) })).sort((a, b) => b.hours - a.hours);
  return { stats: { count, open: openedAt.size, reports, meanHoursToUnblock: mean, maxHoursToUnblock: max }, blocked };
}

/** When each task joined the sprint, was done, or left it (cancelled), from its events. */
function taskTimes(sprint: Sprint, tasks: readonly Task[], events: readonly TaskEvent[]) {
  const joined = new Map<string, number>();
  const doneAt = new Map<string, number>();
  const cancelledAt = new Map<string, number>();
  for (const e of events) {
    if (e.change.action === 'carry') joined.set(e.task.id, e.ts);
    if (e.change.to === 'done' && e.change.from !== 'done') doneAt.set(e.task.id, e.ts);
    if (e.change.to === 'cancelled') cancelledAt.set(e.task.id, e.ts);
  }
  // The sprint's own tasks (planned, or carried in) are made when the plan is approved, after planning
  // began at `startsAt`: they count from the start. Work added later joins on the day it came.
  const joinedAt = (t: Task) => {
    const at = joined.get(t.id) ?? t.createdAt;
    return at <= sprint.createdAt ? sprint.startsAt : Math.max(sprint.startsAt, at);
  };
  return tasks.map((t) => ({
    task: t,
    from: joinedAt(t),
    doneAt: t.status === 'done' ? (doneAt.get(t.id) ?? t.completedAt ?? t.updatedAt) : null,
    cancelledAt: t.status === 'cancelled' ? (cancelledAt.get(t.id) ?? t.updatedAt) : null,
  }));
}

/** Remaining work at the start and at the end of each working day begun, against the ideal line. */
function burndown(sprint: Sprint, tasks: readonly Task[], events: readonly TaskEvent[], until: number): BurndownPoint[] {
  const times = taskTimes(sprint, tasks, events);
  const at = (t: number) => {
    // a task joins the sprint on the day it is added: at the start, everything planned counts
    const inScope = times.filter((x) => x.from <= Math.max(t, sprint.startsAt) && (x.cancelledAt === null || x.cancelledAt > t));
    const left = inScope.filter((x) => x.doneAt === null || x.doneAt > t);
    return {
      scopePoints: inScope.reduce((s, x) => s + x.task.points, 0),
      remainingPoints: round2(left.reduce((s, x) => s + x.task.points, 0)),
      remainingHours: round2(left.reduce((s, x) => s + x.task.estimateHours, 0)),
    };
  };
  const start = at(sprint.startsAt);
  const days = workdayStarts(sprint.startsAt, sprint.endsAt);
  const ideal = (day: number) => round2(Math.max(0, start.scopePoints * (1 - day / Math.max(1, days.length))));
  const points: BurndownPoint[] = [{ day: 0, at: sprint.startsAt, ...start, idealPoints: start.scopePoints }];
  days.forEach((dayStart, i) => {
    const end = Math.min(dayStart + DAY, sprint.endsAt);
    if (end <= until) points.push({ day: i + 1, at: end, ...at(end), idealPoints: ideal(i + 1) });
  });
  const last = points[points.length - 1]!;
  if (last.at < until) {
    // now, in working days done: a working day under way counts in part, a weekend adds nothing
    const worked = round2(days.reduce((sum, dayStart) => sum + Math.min(1, Math.max(0, (until - dayStart) / DAY)), 0));
    // moments after a working day's end (or on a weekend) count the same day: the newer point replaces it
    if (last.day === worked) points.pop();
    points.push({ day: worked, at: until, ...at(until), idealPoints: ideal(worked) });
  }
  return points;
}

/** null when there is nothing to compare: no estimate, or no working time recorded (history.ts). */
const accuracyOf = (estimated: number, actual: number): number | null =>
  estimated > 0 && isTimed(actual) ? round2(Math.min(1, Math.max(0, 1 - Math.abs(1 - actual / estimated)))) : null;

const rounded = <T extends Accuracy>(a: T): T => ({ ...a, accuracy: accuracyOf(a.estimatedHours, a.actualHours), estimatedHours: round2(a.estimatedHours), actualHours: round2(a.actualHours) });

/**
 * The metrics of a sprint from what the hub holds: its tasks (for a closed sprint, as they were at its
 * close) and its task events (the `task_events` query, or the lead's view). The lead's reports and
 * `huddle status`/`report` all come here.
 */
export function computeMetrics(sprint: Sprint, tasks: readonly Task[], events: readonly TaskEvent[], now: number): SprintMetrics {
  const timeline = timelineOf(events);
  const figures = completion(tasks);
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const done = counted.filter((t) => t.status === 'done');
  const finishedAll = counted.length > 0 && done.length === counted.length;
  const lastDone = Math.max(sprint.startsAt, ...done.map((t) => t.completedAt ?? sprint.startsAt));
  const until = finishedAll ? lastDone : Math.min(Math.max(now, sprint.startsAt), sprint.closedAt ?? Number.MAX_SAFE_INTEGER);
  const elapsed = workdaysElapsed(sprint.startsAt, until);
  const held = heldHours(timeline, until);
  const titles = new Map(tasks.map((t) => [t.id, t.title]));

  const agents = new Map<string, AgentMetrics>();
  const domains = new Map<string, DomainMetrics>();
  const agent = (name: string) => {
    const a = agents.get(name) ?? { name, tasksDone: 0, tasksFailed: 0, estimatedHours: 0, actualHours: 0, accuracy: null, tasksPerDay: 0 };
    agents.set(name, a);
    return a;
  };
  for (const t of done) {
    const d = domains.get(t.domain) ?? { domain: t.domain, tasksDone: 0, estimatedHours: 0, actualHours: 0, accuracy: null };
    domains.set(t.domain, d);
    const perAgent = held.get(t.id);
    const fallback = t.startedAt !== null && t.completedAt !== null ? t.completedAt - t.startedAt : 0;
    d.tasksDone++;
    d.estimatedHours += t.estimateHours;
    d.actualHours += (perAgent ? [...perAgent.values()].reduce((s, ms) => s + ms, 0) : fallback) / HOUR;
    if (!t.assignee) continue;
    const a = agent(t.assignee);
    a.tasksDone++;
    a.estimatedHours += t.estimateHours;
    a.actualHours += (perAgent?.get(t.assignee) ?? fallback) / HOUR;
  }
  for (const e of timeline) if (e.action === 'fail' && e.assignee) agent(e.assignee).tasksFailed++;

  const splitFrom = new Map<string, string[]>();
  for (const t of tasks) {
    const source = t.rationale.startsWith(SPLIT_PREFIX) ? /T-\d+/.exec(t.rationale)?.[0] : undefined;
    if (source) splitFrom.set(source, [...(splitFrom.get(source) ?? []), t.id]);
  }
  const { stats, blocked } = blockerStats(timeline, titles, until);
  const closedOpen = sprint.status === 'closed' ? counted.filter((t) => !isFinished(t.status)) : [];

  return {
    sprintId: sprint.id,
    name: sprint.name,
    status: sprint.status,
    startsAt: sprint.startsAt,
    endsAt: sprint.endsAt,
    at: now,
    completion: figures,
    tasksTotal: tasks.length,
    tasksDone: figures.done,
    tasksCancelled: tasks.length - counted.length,
    tasksOpen: figures.open,
    tasksBlocked: tasks.filter((t) => t.status === 'blocked').length,
    tasksAtRisk: tasks.filter((t) => t.atRisk && !isFinished(t.status)).length,
    tasksOverdue: counted.filter((t) => !isFinished(t.status) && t.due !== null && t.due < now).length,
    completionRate: counted.length ? round2(done.length / counted.length) : 0,
    pointsTotal: figures.pointsTotal,
    pointsDone: figures.pointsDone,
    hoursTotal: figures.hoursTotal,
    hoursDone: figures.hoursDone,
    calendarDays: calendarDays(sprint.startsAt, sprint.endsAt),
    workdays: workdaysBetween(sprint.startsAt, sprint.endsAt),
    elapsedWorkdays: elapsed,
    velocityPointsPerDay: round2(figures.pointsDone / elapsed),
    velocityHoursPerDay: round2(figures.hoursDone / elapsed),
    burndown: burndown(sprint, tasks, events, until),
    agents: [...agents.values()].map((a) => ({ ...rounded(a), tasksPerDay: round2(a.tasksDone / elapsed) })).sort((a, b) => a.name.localeCompare(b.name)),
    domains: [...domains.values()].map(rounded).sort((a, b) => a.domain.localeCompare(b.domain)),
    blockers: stats,
    blocked,
    reassignments: timeline
      .filter((e) => e.action === 'reassign')
      .map((e) => ({ taskId: e.taskId, title: titles.get(e.taskId) ?? e.taskId, from: e.previousAssignee, to: e.assignee, why: e.note, at: e.ts })),
    splits: [...splitFrom].map(([from, into]) => ({ from, into })),
    unfinished: closedOpen.map((t) => ({ taskId: t.id, title: t.title, status: t.status, percent: Math.round(t.percent), assignee: t.assignee })),
  };
}
