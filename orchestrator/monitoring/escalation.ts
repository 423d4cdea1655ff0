/**
 * Escalations to the product owner: the frame with 2-4 concrete options (each with the effect the lead
 * applies when it is picked; the options come from the advisor, escalation-options.ts offline), the
 * card that announces it, and the application of the decision.
 */
import type { CardOf } from '../../collaboration-server/cards.js';
import type { DecisionEvent, Escalation, EscalationOption, Task } from '../../collaboration-server/protocol.js';
import type { CostedOption, EscalationCause } from './escalation-options.js';
import type { LeadAction, LeadView } from '../lead-view.js';
import { say, updateTask } from './actions.js';
import type { Picker } from './picker.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { utcDateTime } from '../../collaboration-server/units.js';

const WHY: Record<EscalationCause['kind'], (c: EscalationCause) => string> = {
  business: (c) => `it needs a product decision (${c.kind === 'business' ? c.reason : ''}), not a technical one`,
  'no-reassignment': () => 'guidance did not unblock it and nobody else on the team can take it',
  failures: (c) => `it failed ${c.kind === 'failures' ? c.count : 3} times with different people`,
};

/** An option's label with its cost, as the product owner reads it. */
function labelled(o: CostedOption): string {
  const cost = o.sprint ? ` — ${o.sprint}` : '';
  return `${o.label}${cost}`.slice(0, 300);
}

/** The `escalate` frame for a task's blocker, with the options the advisor chose. */
export function escalationFor(task: Task, blocker: string, cause: EscalationCause, choices: readonly CostedOption[]): LeadAction {
  const options: EscalationOption[] = choices.slice(0, 4).map((o, i) => ({ key: String.fromCharCode(65 + i), label: labelled(o), effect: o.effect }));
  return {
    type: 'escalate',
    taskId: task.id,
    title: `${task.id} "${task.title}": ${cause.kind === 'business' ? 'decision needed' : 'stuck'}`,
    blocker,
    impact: `${task.id} (${task.estimateHours}h, ${task.priority} priority${task.due ? `, due ${utcDateTime(task.due)}` : ''}) cannot move until this is decided; ${task.assignee ?? 'nobody'} is waiting.`,
    reason: `Escalated because ${WHY[cause.kind](cause)}.`,
    options,
  };
}

/** An escalation as the card a terminal draws. */
export const escalationCard = (e: Escalation): CardOf<'escalation'> => ({
  kind: 'escalation',
  escalationId: e.id,
  taskId: e.taskId,
  title: e.title,
  blocker: e.blocker,
  impact: e.impact,
  reason: e.reason,
  options: e.options.map((o) => ({ key: o.key, label: o.label })),
});

/** The chat message that announces an escalation to the product owner, with its card. */
export function announceEscalation(e: Escalation): LeadAction {
  const options = e.options.map((o) => `${o.key}) ${o.label}`).join('  ');
  return say(`${e.id} needs the product owner: ${e.title}. Blocker: ${e.blocker} Impact: ${e.impact} ${e.reason} Options: ${options}. Answer with: huddle answer ${e.id} KEY`, escalationCard(e));
}

/** What the lead does with the product owner's decision: announce it, then apply its effect to the task. */
export function applyDecision(event: DecisionEvent, view: LeadView, pick: Picker): LeadAction[] {
  const { decision, escalation } = event;
  const option = escalation.options.find((o) => o.key === decision.option);
  const effect = option?.effect ?? 'note';
  const task = escalation.taskId ? view.tasks.find((t) => t.id === escalation.taskId) : undefined;
  const heading = `${decision.by} decided on ${escalation.id}: ${decision.text}`;
  if (!task || isFinished(task.status)) return [say(`${heading}. Noted.`)];

  const note = `Decision ${escalation.id} by ${decision.by}: ${decision.text}`;
  const resume = task.status === 'blocked' ? [updateTask(task.id, 'unblock', { note: 'unblocked by the decision' })] : [];
  switch (effect) {
    case 'drop':
      return [say(`${heading}. ${task.id} is dropped from the sprint.`), updateTask(task.id, 'cancel', { note })];
    case 'defer':
      return [say(`${heading}. ${task.id} is deferred to a later sprint.`), updateTask(task.id, 'cancel', { note: `deferred — ${note}` })];
    case 'priority:high':
    case 'priority:low': {
      const priority = effect === 'priority:high' ? 'high' : 'low';
      return [say(`${heading}. ${task.id} is now ${priority} priority.`), updateTask(task.id, 'update', { fields: { priority } }), updateTask(task.id, 'note', { note }), ...resume];
    }
    case 'reassign': {
      const next = pick(task, view, task.assignee ? [task.assignee] : []);
      if (!next) return [say(`${heading}. Nobody else can take ${task.id}; I noted the decision on it.`), updateTask(task.id, 'note', { note })];
      return [
        say(`${heading}. ${task.id} moves to ${next.name}: ${next.rationale}.`, { kind: 'reassignment', taskId: task.id, title: task.title, from: task.assignee, to: next.name, rationale: next.rationale }),
        updateTask(task.id, 'reassign', { assignee: next.name, note }),
      ];
    }
    case 'note':
    default:
      return [say(`${heading}. Noted on ${task.id}${resume.length ? `; ${task.assignee ?? 'the assignee'} can carry on` : ''}.`), updateTask(task.id, 'note', { note }), ...resume];
  }
}
