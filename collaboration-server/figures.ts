/**
 * The sprint's figures, computed here and nowhere else, so the status bar, the side panel, `huddle
 * status`, `huddle tasks`, the cards, the report and the lead's answers all say the same numbers.
 *
 * - Completion counts tasks: done ÷ every task that is not cancelled. A task's own percent shows its
 *   progress, but a task counts as done only when it is done. Points and hours are shown beside it.
 * - Load is a person's open hours: the estimate less the share reported done, of the tasks they hold.
 * - Time is counted in working days (Monday to Friday, UTC); calendar days are named as such.
 */
import type { Task } from './protocol.js';
import { isFinished, openHours } from './task-lifecycle.js';
import { countOf, DAY, round1 } from './units.js';
import { workdayStarts } from './workdays.js';

export { workdayStarts, workdaysBetween } from './workdays.js';

export interface Completion {
  done: number;
  /** every task that is not cancelled */
  total: number;
  /** done ÷ total, as a whole percent */
  percent: number;
  open: number;
  pointsDone: number;
  pointsTotal: number;
  hoursDone: number;
  hoursTotal: number;
}

export function completion(tasks: readonly Task[]): Completion {
  const counted = tasks.filter((t) => t.status !== 'cancelled');
  const done = counted.filter((t) => t.status === 'done');
  const sum = (list: readonly Task[], f: (t: Task) => number) => list.reduce((s, t) => s + f(t), 0);
  return {
    done: done.length,
    total: counted.length,
    percent: percentOf(done.length, counted.length),
    open: counted.filter((t) => !isFinished(t.status)).length,
    pointsDone: sum(done, (t) => t.points),
    pointsTotal: sum(counted, (t) => t.points),
    hoursDone: round1(sum(done, (t) => t.estimateHours)),
    hoursTotal: round1(sum(counted, (t) => t.estimateHours)),
  };
}

/** `part` of `whole` as a whole percent (0 when there is no whole). */
export const percentOf = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** "5/8 tasks done (63%)": how every view words completion. */
export const completionWords = (c: Completion): string => `${c.done}/${countOf(c.total, 'task')} done (${c.percent}%)`;

/** "3/10 points": the points done of the points counted. */
export const pointsWords = (c: Completion): string => `${c.pointsDone}/${countOf(c.pointsTotal, 'point')}`;

/** Open hours per person: what each still has on their plate. */
export function loadByAssignee(tasks: readonly Task[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const t of tasks) {
    if (t.assignee) load.set(t.assignee, (load.get(t.assignee) ?? 0) + openHours(t));
  }
  return load;
}

/** One person's open hours. */
export const loadOf = (tasks: readonly Task[], name: string): number => loadByAssignee(tasks).get(name) ?? 0;

/** Calendar days from `startsAt` to `endsAt`, rounded up. */
export const calendarDays = (startsAt: number, endsAt: number): number => Math.max(1, Math.ceil((endsAt - startsAt) / DAY));

/** "14 calendar days, 10 working days": how every view names a span of time. */
export const daysWords = (calendar: number, working: number): string => `${countOf(calendar, 'calendar day')}, ${countOf(working, 'working day')}`;

/** Working days begun from `startsAt` up to `until`, at least one: what velocity is divided by. */
export const workdaysElapsed = (startsAt: number, until: number): number => Math.max(1, workdayStarts(startsAt, Math.max(until, startsAt + 1)).length);

/**
 * Less worked time than this says nothing about an estimate: the task was marked done straight away
 * (done offline, or started and finished in one go). It counts as done, but not in the estimates.
 */
export const MIN_TIMED_HOURS = 0.1;
export const isTimed = (actual: number): boolean => actual >= MIN_TIMED_HOURS;
