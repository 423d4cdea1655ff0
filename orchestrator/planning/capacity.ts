/**
 * Team capacity for a sprint: who takes tasks, how many hours each gives over the sprint's working
 * days (from the role catalog or team file), minus the work they already hold.
 */
import type { CardOf } from '../../collaboration-server/cards.js';
import type { Participant, Task } from '../../collaboration-server/protocol.js';
import type { RoleSpec } from '../../agents/roles.js';
import { openHours } from '../../collaboration-server/task-lifecycle.js';
import { workdaysBetween } from '../../collaboration-server/workdays.js';
import { DAY, round1, utcDate } from '../../collaboration-server/units.js';

export interface TeamMember {
  name: string;
  role: string;
  expertise: string[];
  hoursPerDay: number;
  /** hours the member gives this sprint */
  capacityHours: number;
  /** hours of unfinished work already on their plate */
  loadHours: number;
}

export interface Capacity {
  startsAt: number;
  endsAt: number;
  days: number;
  workdays: number;
  members: TeamMember[];
  totalHours: number;
  loadHours: number;
}

export const DEFAULT_SPRINT_DAYS = 14;

/** Hours of unfinished work each person holds (estimate less the share reported done). */
export function loadByAssignee(tasks: readonly Task[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const t of tasks) {
    if (t.assignee) load.set(t.assignee, (load.get(t.assignee) ?? 0) + openHours(t));
  }
  return load;
}

/** The people who take tasks and are present (online or away), with their capacity and load. */
export function teamOf(roster: readonly Participant[], roles: readonly RoleSpec[], tasks: readonly Task[], workdays: number): TeamMember[] {
  const load = loadByAssignee(tasks);
  return roster
    .filter((p) => p.status !== 'offline')
    .flatMap((p) => {
      const spec = roles.find((r) => r.role === p.role);
      if (spec && !spec.takesTasks) return [];
      const hoursPerDay = spec?.hoursPerDay ?? 6;
      return [{
        name: p.name,
        role: p.role,
        expertise: spec?.expertise ?? [],
        hoursPerDay,
        capacityHours: hoursPerDay * workdays,
        loadHours: round1(load.get(p.name) ?? 0),
      }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function teamCapacity(
  input: { roster: readonly Participant[]; roles: readonly RoleSpec[]; tasks: readonly Task[] },
  startsAt: number,
  days = DEFAULT_SPRINT_DAYS,
): Capacity {
  const endsAt = startsAt + days * DAY;
  const workdays = workdaysBetween(startsAt, endsAt);
  const members = teamOf(input.roster, input.roles, input.tasks, workdays);
  return {
    startsAt,
    endsAt,
    days,
    workdays,
    members,
    totalHours: members.reduce((s, m) => s + Math.max(0, m.capacityHours - m.loadHours), 0),
    loadHours: members.reduce((s, m) => s + m.loadHours, 0),
  };
}

/** Load as a percent of the hours given (not of the hours left, which would show a full plate as 0%). */
const bookedPercent = (loadHours: number, capacityHours: number) => (capacityHours > 0 ? round1((loadHours / capacityHours) * 100) : 0);

export function capacityCard(c: Capacity): CardOf<'capacity'> {
  const gross = c.members.reduce((s, m) => s + m.capacityHours, 0);
  return {
    kind: 'capacity',
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    days: c.days,
    agents: c.members.map((m) => ({
      name: m.name,
      role: m.role,
      hoursPerDay: m.hoursPerDay,
      capacityHours: m.capacityHours,
      availableHours: round1(Math.max(0, m.capacityHours - m.loadHours)),
      loadHours: m.loadHours,
      bookedPercent: bookedPercent(m.loadHours, m.capacityHours),
    })),
    totalHours: round1(c.totalHours),
    bookedPercent: bookedPercent(c.loadHours, gross),
  };
}

export function capacityText(c: Capacity): string {
  const card = capacityCard(c);
  const lines = [
    `Sprint capacity: ${utcDate(c.startsAt)} → ${utcDate(c.endsAt)} (${c.days} days, ${c.workdays} working days), team of ${c.members.length}.`,
    ...card.agents.map((a) => `  ${a.name} (${a.role}): ${a.availableHours}h available (${a.hoursPerDay}h/day, ${a.loadHours}h already assigned)`),
    `Total: ${card.totalHours}h available, ${Math.round(card.bookedPercent)}% already in use${card.bookedPercent > 100 ? ': the team is overbooked' : ''}.`,
  ];
  if (c.members.length === 0) lines.push('Nobody who takes tasks is online yet: agents join with `huddle agent --role R --name N`.');
  return lines.join('\n');
}
