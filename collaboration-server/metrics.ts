/**
 * Sprint metrics from the hub's tasks and task events: velocity, completion rate, burndown, per-agent
 * throughput and estimate accuracy, blockers and time to unblock. Pure: data and a time in, numbers out.
 */
import type { Sprint, Task, TaskEvent } from './protocol.js';
import { isFinished } from './task-lifecycle.js';
import { DAY, HOUR, round2 } from './units.js';
import { workdayStarts } from './workdays.js';

/** One status change of a task, enough to compute hours, blockers and throughput. */
export interface TimelineEntry {
  ts: number;
  taskId: string;
  action: string;
  from: string;
  to: string;
  assignee: string | null;
}

/** The status changes (and repeated block reports) among task events, oldest first. */
export function timelineOf(events: readonly TaskEvent[]): TimelineEntry[] {
  return events
    .filter((e) => e.change.from !== e.change.to || e.change.action === 'block' || e.change.action === 'reassign')
    .map((e) => ({ ts: e.ts, taskId: e.task.id, action: e.change.action, from: e.change.from, to: e.change.to, assignee: e.change.assignee }))
    .sort((a, b) => a.ts - b.ts);
}

export interface AgentMetrics {
  name: string;
  tasksDone: number;
  tasksFailed: number;
  /** estimates of the tasks they finished */
  estimatedHours: number;
  /** hours they held those tasks in progress or blocked */
  actualHours: number;
  /** 1 when actual equals estimated, lower the further apart (history.ts's measure); null without data */
  accuracy: number | null;
  tasksPerDay: number;
}

export interface BurndownPoint {
  day: number;
  at: number;
  remainingPoints: number;
  remainingHours: number;
  idealPoints: number;
}

export interface SprintMetrics {
  sprintId: string;
  name: string;
  startsAt: number;
  endsAt: number;
  at: number;
  tasksTotal: number;
  tasksDone: number;
  tasksCancelled: number;
  tasksOpen: number;
  tasksBlocked: number;
  tasksAtRisk: number;
  tasksOverdue: number;
  /** done ÷ (all but cancelled) */
  completionRate: number;
  pointsTotal: number;
  pointsDone: number;
  hoursTotal: number;
  hoursDone: number;
  /** days from the sprint's start to now (or to its last completion), at least one */
  elapsedDays: number;
  velocityPointsPerDay: number;
  velocityHoursPerDay: number;
  burndown: BurndownPoint[];
  agents: AgentMetrics[];
  blockers: { count: number; open: number; reports: number; meanHoursToUnblock: number | null; maxHoursToUnblock: number | null };
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

function blockerStats(timeline: readonly TimelineEntry[]) {
  const openedAt = new Map<string, number>();
  const durations: number[] = [];
  let count = 0;
  let reports = 0;
  for (const e of timeline) {
    if (e.action === 'block') reports++;
    if (e.to === 'blocked' && e.from !== 'blocked') {
      count++;
      openedAt.set(e.taskId, e.ts);
    } else if (e.from === 'blocked' && e.to !== 'blocked' && openedAt.has(e.taskId)) {
      durations.push(e.ts - openedAt.get(e.taskId)!);
      openedAt.delete(e.taskId);
    }
  }
  const mean = durations.length ? round2(durations.reduce((a, b) => a + b, 0) / durations.length / HOUR) : null;
  const max = durations.length ? round2(Math.max(...durations) / HOUR) : null;
  return { count, open: openedAt.size, reports, meanHoursToUnblock: mean, maxHoursToUnblock: max };
}

/**
 * Remaining work after each working day, against the ideal line that burns the total evenly over the
 * sprint's working days: point 0 is the sprint's start, point i the end of its i-th working day, and the
 * last point is `until` (the day counted in working days done, so a weekend adds nothing to it).
 */
function burndown(sprint: Sprint, counted: readonly Task[], until: number): BurndownPoint[] {
  const totalPoints = counted.reduce((s, t) => s + t.points, 0);
  const totalHours = counted.reduce((s, t) => s + t.estimateHours, 0);
  const workdays = workdayStarts(sprint.startsAt, sprint.endsAt);
  const days = Math.max(1, workdays.length);
  const at = (t: number, day: number): BurndownPoint => {
    const done = counted.filter((x) => x.status === 'done' && x.completedAt !== null && x.completedAt <= t);
    return {
      day,
      at: t,
      remainingPoints: round2(totalPoints - done.reduce((s, x) => s + x.points, 0)),
      remainingHours: round2(totalHours - done.reduce((s, x) => s + x.estimateHours, 0)),
      idealPoints: round2(Math.max(0, totalPoints * (1 - day / days))),
    };
  };
  const ends = [sprint.startsAt, ...workdays.map((start) => Math.min(start + DAY, sprint.endsAt))];
  const points: BurndownPoint[] = [];
  for (let day = 0; day < ends.length && ends[day]! <= until; day++) points.push(at(ends[day]!, day));
  const last = points[points.length - 1];
  if (!last || last.at < until) {
    const worked = round2(workdays.reduce((sum, start) => sum + Math.min(1, Math.max(0, (until - start) / DAY)), 0));
    // moments after a working day's end (or on a weekend) count the same day: the newer point replaces it
    if (last && last.day === worked) points.pop();
    points.push(at(until, worked));
  }
  return points;
}

const accuracyOf = (estimated: number, actual: number): number | null =>
  estimated > 0 && actual > 0 ? round2(Math.min(1, Math.max(0, 1 - Math.abs(1 - actual / estimated)))) : null;

/**
 * The metrics of a sprint from what the hub holds: its tasks and its task events (the `task_events`
 * query, or the lead's view). The lead's completion report and `huddle status`/`report` all come here.
 */
export function computeMetrics(sprint: Sprint, tasks: readonly Task[], events: readonly TaskEvent[], now: number): SprintMetrics {
  const timeline = timelineOf(events);
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const done = counted.filter((t) => t.status === 'done');
  const finishedAll = counted.length > 0 && done.length === counted.length;
  const lastDone = Math.max(sprint.startsAt, ...done.map((t) => t.completedAt ?? sprint.startsAt));
  const until = finishedAll ? lastDone : Math.max(now, sprint.startsAt);
  const elapsedDays = Math.max(1, (until - sprint.startsAt) / DAY);
  const held = heldHours(timeline, until);

  const agents = new Map<string, AgentMetrics>();
  const agent = (name: string) => {
    const a = agents.get(name) ?? { name, tasksDone: 0, tasksFailed: 0, estimatedHours: 0, actualHours: 0, accuracy: null, tasksPerDay: 0 };
    agents.set(name, a);
    return a;
  };
  for (const t of done) {
    if (!t.assignee) continue;
    const a = agent(t.assignee);
    a.tasksDone++;
    a.estimatedHours += t.estimateHours;
    const mine = held.get(t.id)?.get(t.assignee);
    const fallback = t.startedAt !== null && t.completedAt !== null ? t.completedAt - t.startedAt : 0;
    a.actualHours += (mine ?? fallback) / HOUR;
  }
  for (const e of timeline) if (e.action === 'fail' && e.assignee) agent(e.assignee).tasksFailed++;
  for (const a of agents.values()) {
    a.accuracy = accuracyOf(a.estimatedHours, a.actualHours);
    a.estimatedHours = round2(a.estimatedHours);
    a.actualHours = round2(a.actualHours);
    a.tasksPerDay = round2(a.tasksDone / elapsedDays);
  }

  const pointsDone = done.reduce((s, t) => s + t.points, 0);
  const hoursDone = done.reduce((s, t) => s + t.estimateHours, 0);
  return {
    sprintId: sprint.id,
    name: sprint.name,
    startsAt: sprint.startsAt,
    endsAt: sprint.endsAt,
    at: now,
    tasksTotal: tasks.length,
    tasksDone: done.length,
    tasksCancelled: tasks.length - counted.length,
    tasksOpen: counted.length - done.length,
    tasksBlocked: tasks.filter((t) => t.status === 'blocked').length,
    tasksAtRisk: tasks.filter((t) => t.atRisk && !isFinished(t.status)).length,
    tasksOverdue: counted.filter((t) => !isFinished(t.status) && t.due !== null && t.due < now).length,
    completionRate: counted.length ? round2(done.length / counted.length) : 0,
    pointsTotal: counted.reduce((s, t) => s + t.points, 0),
    pointsDone,
    hoursTotal: round2(counted.reduce((s, t) => s + t.estimateHours, 0)),
    hoursDone: round2(hoursDone),
    elapsedDays: round2(elapsedDays),
    velocityPointsPerDay: round2(pointsDone / elapsedDays),
    velocityHoursPerDay: round2(hoursDone / elapsedDays),
    burndown: burndown(sprint, counted, until),
    agents: [...agents.values()].sort((a, b) => a.name.localeCompare(b.name)),
    blockers: blockerStats(timeline),
  };
}
