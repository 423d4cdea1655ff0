/** A small team and a lead view for the planning tests: a CTO, a backend developer and a QA engineer. */
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { HubEvent, Participant } from '../../collaboration-server/protocol.js';
import type { LeadView } from '../../orchestrator/lead-view.js';

export const SEED = 'We need to implement user authentication for our API, add real-time notifications, and improve our testing coverage';
export const MONDAY = Date.UTC(2026, 0, 5, 9, 0, 0);

export const person = (name: string, role: string, status: Participant['status'] = 'online'): Participant => ({ id: `p-${name}`, name, role, status });

export const seedRoster = (): Participant[] => [
  person('Product Owner', 'human'),
  person('Tech Lead', 'orchestrator'),
  person('CTO', 'cto'),
  person('Backend Developer', 'backend-dev'),
  person('QA Engineer', 'qa'),
];

export function seedView(overrides: Partial<LeadView> = {}): LeadView {
  return { sprint: null, tasks: [], roster: seedRoster(), roles: [...BUILT_IN_ROLES], escalations: [], self: 'Tech Lead', now: MONDAY, ...overrides };
}

/** Lead messages carrying a card of this kind. */
export const fromLead = (kind: string) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.card?.kind === kind;
/** Lead messages written to one participant. */
export const directTo = (name: string) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant' && e.to.name === name;

/** Titles of the tasks handed out so far (not pending), by assignee, sorted. */
export async function assignedTo(po: HuddleClient): Promise<Record<string, string[]>> {
  const { tasks } = await po.request({ type: 'tasks' });
  const by: Record<string, string[]> = {};
  for (const t of tasks) if (t.status !== 'pending' && t.assignee) (by[t.assignee] ??= []).push(t.title);
  for (const list of Object.values(by)) list.sort();
  return by;
}

/** What the lead hands out first for SEED: the designs and the test plan. */
export const FIRST_STAGE = {
  CTO: ['Design real-time notifications', 'Design user authentication for our API'],
  'QA Engineer': ['Plan testing coverage'],
};
