/**
 * The choices an escalation puts to the product owner, each with what it costs in hours and what it
 * does to the sprint.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import type { LeadView } from '../lead-view.js';
import type { BusinessReason } from './blocker-kind.js';

/** Effects the lead knows how to apply; anything else is recorded as a note. */
export type Effect = 'drop' | 'defer' | 'note' | 'reassign' | 'priority:high' | 'priority:low';

export type EscalationCause = { kind: 'business'; reason: BusinessReason } | { kind: 'no-reassignment' } | { kind: 'failures'; count: number };

export interface EscalationRequest {
  task: Task;
  /** the blocker in the words it was reported with */
  blocker: string;
  cause: EscalationCause;
  /** the room now: the sprint, its other tasks and the team, for costs and the sprint's slack */
  view: LeadView;
}

export interface CostedOption {
  label: string;
  effect: Effect;
  /** hours this choice adds to the sprint (negative: hours it frees) */
  hours: number;
  /** what it does to the sprint, in a few words */
  sprint: string;
}

const option = (label: string, effect: Effect): CostedOption => ({ label, effect, hours: 0, sprint: '' });

export function escalationOptions({ cause, task }: EscalationRequest): CostedOption[] {
  if (cause.kind === 'business') {
    const go: Record<BusinessReason, string> = {
      infrastructure: 'Approve the infrastructure investment and carry on',
      budget: 'Approve the spend and carry on',
      'third party': 'Chase the third party ourselves and carry on meanwhile',
      legal: 'Ask legal for a ruling and carry on with what is not affected',
      scope: 'Keep it in scope and carry on',
      priorities: 'Make this task the top priority',
      requirements: 'Go with the simplest reading of the requirement (noted on the task)',
    };
    return [
      option('Keep it simple for this sprint and note the question for the next one', 'note'),
      option(go[cause.reason], cause.reason === 'priorities' ? 'priority:high' : 'note'),
      option(`Defer "${task.title}" to a later sprint`, 'defer'),
      option(`Drop "${task.title}"`, 'drop'),
    ];
  }
  return [
    option('Try once more with someone else', 'reassign'),
    option(`Defer "${task.title}" to a later sprint`, 'defer'),
    option(`Drop "${task.title}"`, 'drop'),
    option('Raise its priority so the team swarms on it', 'priority:high'),
  ];
}
