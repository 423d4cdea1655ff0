/**
 * The proposal the lead would make, without a hub (`huddle plan`): the planning session itself, fed
 * `plan sprint`, the objectives and the strategy, with a team made from the role catalogue (one person
 * per role that takes tasks, named by its title). Same code, same replies, as in the room.
 */
import type { Participant } from '../../collaboration-server/protocol.js';
import type { RoleSpec } from '../../agents/roles.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import type { LeadView } from '../lead-view.js';
import type { Strategy } from './assignment.js';
import { buildProposal, type Proposal } from './proposal.js';
import { handleMessage } from './session.js';
import { initialPlanningState, type PlanningState } from './state.js';

export interface DryRunInput {
  /** what the product owner would say: one objective (or several) per message */
  messages: readonly string[];
  roles: readonly RoleSpec[];
  days: number;
  strategy: Strategy;
  now: number;
  advisor?: Advisor;
}

export interface DryRun {
  /** the lead's replies, as it would post them */
  replies: string[];
  /** null when nothing in the messages could be planned */
  proposal: Proposal | null;
}

/** One person per role that takes tasks, named by the role's title. */
export function teamFromRoles(roles: readonly RoleSpec[], now: number): LeadView {
  const names = new Set<string>();
  const roster: Participant[] = roles
    .filter((r) => r.takesTasks)
    .map((r) => {
      const name = names.has(r.title) ? `${r.title} (${r.role})` : r.title;
      names.add(name);
      return { id: `p-${r.role}`, name, role: r.role, status: 'online' as const };
    });
  return { sprint: null, tasks: [], roster, roles: [...roles], escalations: [], self: 'Tech Lead', now };
}

export function planWithoutHub(input: DryRunInput): DryRun {
  const advisor = input.advisor ?? offlineAdvisor;
  const view = teamFromRoles(input.roles, input.now);
  const replies: string[] = [];
  let state: PlanningState = initialPlanningState();
  // Without a hub there is nothing to answer: the lines that ask for objectives or commands are left out.
  const ASKS = /^(?:What should this sprint achieve\?|Reply with: )/;
  const say = (text: string) => {
    const result = handleMessage(state, text, view, advisor);
    state = result.state;
    replies.push(...result.replies.map((r) => r.text.split('\n').filter((line) => !ASKS.test(line)).join('\n')));
  };
  say(`plan sprint --days ${input.days}`);
  say(input.messages.join('\n'));
  if (state.phase !== 'proposed') return { replies, proposal: null };
  if (input.strategy !== state.strategy) say(`strategy ${input.strategy}`);
  return { replies, proposal: buildProposal(state, view, advisor) };
}
