/** A task reported failed is retried with another agent; after `maxFailures` the lead escalates. */
import type { Task } from '../../collaboration-server/protocol.js';
import { escalationFor } from './escalation.js';
import type { EscalationCause } from './escalation-options.js';
import type { LeadAction } from '../lead-view.js';
import { say, updateTask } from './actions.js';
import { advisorOf, type LadderContext } from './blocker-resolver.js';
import { quote } from './quote.js';

export function onTaskFailed(task: Task, reason: string | null, failedBy: string | null, ctx: LadderContext): LeadAction[] {
  const { memory, options, view, pick } = ctx;
  const record = memory.failures[task.id] ?? { count: 0, agents: [] };
  const agents = failedBy && !record.agents.includes(failedBy) ? [...record.agents, failedBy] : record.agents;
  const count = record.count + 1;
  memory.failures[task.id] = { count, agents };
  const why = reason ?? 'no reason given';

  const escalate = (): LeadAction[] => {
    memory.ladder[task.id] = { rung: 3, blocker: why, reports: count, since: view.now, resolvedAt: null };
    const cause: EscalationCause = count >= options.maxFailures ? { kind: 'failures', count } : { kind: 'no-reassignment' };
    const blocker = `Failed ${count} time(s), last: ${why}`;
    return [escalationFor(task, blocker, cause, advisorOf(ctx).escalationOptions({ task, blocker, cause, view }))];
  };
  if (count >= options.maxFailures) return escalate();
  const next = pick(task, view, agents);
  if (!next) return escalate();
  const rationale = `attempt ${count + 1} of ${options.maxFailures} after ${failedBy ?? 'the assignee'} reported ${quote(why)}; ${next.name}: ${next.rationale}`;
  return [
    updateTask(task.id, 'reassign', { assignee: next.name, note: rationale }),
    say(`${task.id} "${task.title}" failed (${why}); retrying with ${next.name}: ${rationale}.`, {
      kind: 'reassignment',
      taskId: task.id,
      title: task.title,
      from: failedBy,
      to: next.name,
      rationale,
    }),
  ];
}
