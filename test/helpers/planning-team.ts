/** A small team and a lead view for the planning tests: a CTO, a backend developer and a QA engineer. */
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { Participant } from '../../collaboration-server/protocol.js';
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
