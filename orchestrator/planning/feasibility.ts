/**
 * Does the plan fit? Total hours against the team's free capacity, each person's load against theirs,
 * and, when it does not fit, what to cut: the lowest priority first.
 */
import type { Assignment } from './assignment.js';
import type { PlannedTask } from './breakdown.js';
import type { TeamMember } from './capacity.js';
import { priorityRank } from './objectives.js';
import { round1 } from '../../collaboration-server/units.js';

export interface Feasibility {
  totalHours: number;
  capacityHours: number;
  fits: boolean;
  overloads: { name: string; hours: number; capacityHours: number }[];
  cuts: string[];
}

/** Lowest priority first; among equals, the later objective and the bigger task first. */
const cutOrder = (a: PlannedTask, b: PlannedTask) =>
  priorityRank(b.priority) - priorityRank(a.priority) || b.objectiveIndex - a.objectiveIndex || b.hours - a.hours;

export function checkFeasibility(tasks: readonly PlannedTask[], assignments: ReadonlyMap<string, Assignment>, team: readonly TeamMember[]): Feasibility {
  const totalHours = tasks.reduce((s, t) => s + t.hours, 0);
  const capacityHours = team.reduce((s, m) => s + Math.max(0, m.capacityHours - m.loadHours), 0);
  const hoursOf = new Map(team.map((m) => [m.name, m.loadHours]));
  for (const t of tasks) {
    const name = assignments.get(t.key)?.name;
    if (name) hoursOf.set(name, (hoursOf.get(name) ?? 0) + t.hours);
  }
  const overloads = team
    .filter((m) => (hoursOf.get(m.name) ?? 0) > m.capacityHours)
    .map((m) => ({ name: m.name, hours: round1(hoursOf.get(m.name)!), capacityHours: m.capacityHours }));

  const cuts: string[] = [];
  const cutKeys = new Set<string>();
  if (totalHours > capacityHours) {
    // Whole objectives first, lowest priority first, until the rest fits.
    const byObjective = new Map<number, PlannedTask[]>();
    for (const t of tasks) byObjective.set(t.objectiveIndex, [...(byObjective.get(t.objectiveIndex) ?? []), t]);
    const objectives = [...byObjective.values()].sort((a, b) => cutOrder(a[0]!, b[0]!));
    let excess = totalHours - capacityHours;
    for (const group of objectives) {
      if (excess <= 0) break;
      const hours = group.reduce((s, t) => s + t.hours, 0);
      const first = group[0]!;
      cuts.push(`Cut "${first.objective}" (${first.priority} priority, ${round1(hours)}h: ${group.map((t) => t.key).join(', ')})`);
      for (const t of group) cutKeys.add(t.key);
      excess -= hours;
    }
  }
  for (const o of overloads) {
    let excess = o.hours - o.capacityHours;
    const theirs = tasks.filter((t) => assignments.get(t.key)?.name === o.name && !cutKeys.has(t.key)).sort(cutOrder);
    for (const t of theirs) {
      if (excess <= 0) break;
      cuts.push(`Drop or move ${t.key} "${t.title}" (${t.priority}, ${t.hours}h) from ${o.name}`);
      excess -= t.hours;
    }
  }
  return { totalHours: round1(totalHours), capacityHours: round1(capacityHours), fits: totalHours <= capacityHours && overloads.length === 0, overloads, cuts };
}
