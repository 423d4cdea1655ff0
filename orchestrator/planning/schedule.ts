/**
 * Due times from the plan: the dependency stages run one after another across the sprint's working
 * days, each taking a share of them in proportion to how long it takes the team (the busiest person in
 * the stage, at their hours per day), so a task is due when its stage should be finished. The shares
 * fill the sprint: slack is spread over every stage, and a plan that does not fit is compressed, so
 * every due time falls within the sprint and the last stage is due at its end. A stage is due at the
 * start of the working day after the one it ends in: whole working days read well and leave a margin.
 */
import type { Assignment } from './assignment.js';
import type { PlannedTask } from './breakdown.js';
import type { Capacity } from './capacity.js';
import type { GraphAnalysis } from './dependency-graph.js';
import { utcTime } from '../../collaboration-server/units.js';
import { workdayStarts } from '../../collaboration-server/workdays.js';

/** hours a day for a task nobody takes yet (the role catalog's usual day) */
const UNASSIGNED_HOURS_PER_DAY = 6;

/** Days of work in one stage: people work in parallel, each through their own tasks in it. */
function stageDays(tasks: readonly PlannedTask[], assignments: ReadonlyMap<string, Assignment>, hoursPerDay: ReadonlyMap<string, number>): number {
  const perLane = new Map<string, number>();
  for (const t of tasks) {
    const who = assignments.get(t.key)?.name ?? null;
    const lane = who ?? `unassigned:${t.key}`;
    const rate = (who && hoursPerDay.get(who)) || UNASSIGNED_HOURS_PER_DAY;
    perLane.set(lane, (perLane.get(lane) ?? 0) + t.hours / rate);
  }
  return Math.max(0, ...perLane.values());
}

/** key → due time (ms) for every planned task. */
export function dueTimes(
  tasks: readonly PlannedTask[],
  graph: Pick<GraphAnalysis, 'stageOf' | 'stages'>,
  assignments: ReadonlyMap<string, Assignment>,
  capacity: Pick<Capacity, 'startsAt' | 'endsAt' | 'members'>,
): Map<string, number> {
  const due = new Map<string, number>();
  if (tasks.length === 0) return due;
  const hoursPerDay = new Map(capacity.members.map((m) => [m.name, m.hoursPerDay]));
  const byStage: PlannedTask[][] = Array.from({ length: graph.stages }, () => []);
  for (const t of tasks) byStage[(graph.stageOf.get(t.key) ?? 1) - 1]!.push(t);
  const days = byStage.map((s) => stageDays(s, assignments, hoursPerDay));
  const total = days.reduce((a, b) => a + b, 0);

  const starts = workdayStarts(capacity.startsAt, capacity.endsAt);
  /**
   * The stage that ends `p` working days in is due when the next working day begins (the sprint's
   * start time, Friday's work due on Monday); the last one when the sprint ends.
   */
  const at = (p: number): number => {
    const next = Math.max(1, Math.ceil(p - 1e-9));
    return next < starts.length ? starts[next]! : capacity.endsAt;
  };
  let done = 0;
  byStage.forEach((stage, i) => {
    done += days[i]!;
    // Without any hours to go by (every task 0h), stages share the sprint equally.
    const share = total > 0 ? done / total : (i + 1) / byStage.length;
    const time = i === byStage.length - 1 ? capacity.endsAt : at(share * starts.length);
    for (const t of stage) due.set(t.key, time);
  });
  return due;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Wed 7 Jan 14:00" (UTC), short enough for a line of the breakdown. */
export function formatDue(t: number): string {
  const d = new Date(t);
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${utcTime(t)}`;
}
