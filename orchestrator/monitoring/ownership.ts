/**
 * Every owned task is watched, not only the ones being worked on: an assignment nobody accepted within
 * the grace gets a nudge to its assignee (progress-checks.ts then hands it to someone else if the
 * assignee stays offline), and a task ready to be taken that nobody present can take (nobody with its
 * role online) is flagged to the product owner. Pure: view and memory in, frames out.
 */
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import type { LeadAction, LeadView } from '../lead-view.js';
import { teamOf } from '../planning/capacity.js';
import { alert, minutes, sayTo } from './actions.js';
import { isDue, markSaid } from './alert-throttle.js';
import type { MonitorMemory } from './memory.js';
import type { MonitorOptions } from './options.js';

const toProductOwner = (action: LeadAction): LeadAction => (action.type === 'chat' ? { ...action, to: { kind: 'role', role: 'human' } } : action);

/** An assignment not accepted within the grace: one nudge per window to its assignee. */
export function acceptChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions): LeadAction[] {
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    if (task.status !== 'assigned' || !task.assignee) continue;
    const waiting = view.now - task.updatedAt;
    const key = `nudge:${task.id}:${task.assignee}`;
    if (waiting < options.acceptGraceMs || !isDue(memory.alerts, key, view.now, options.alertWindowMs)) continue;
    markSaid(memory.alerts, key, view.now);
    const away = memory.offlineSince[task.assignee] !== undefined;
    actions.push(
      sayTo(
        task.assignee,
        `${task.assignee}, ${task.id} "${task.title}" was given to you ${minutes(waiting)} min ago and waits for you: /accept ${task.id} when you take it, or tell me if you cannot.` +
          (away ? ` You are offline: if you stay away, I hand it to someone else in ${minutes(options.offlineGraceMs + options.reassignAfterMs)} min.` : ''),
      ),
    );
  }
  return actions;
}

/** Ready tasks (every dependency finished) that nobody has and nobody present with their role can take. */
export function unownedChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions): LeadAction[] {
  const byId = new Map(view.tasks.map((t) => [t.id, t]));
  const present = teamOf(view.roster, view.roles, view.tasks, 1);
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    if (task.status !== 'pending' || task.assignee || view.now - task.updatedAt < options.acceptGraceMs) continue;
    if (!task.dependsOn.every((d) => byId.has(d) && isFinished(byId.get(d)!.status))) continue;
    if (present.some((m) => m.role === task.role)) continue;
    const key = `unowned:${task.id}`;
    if (!isDue(memory.alerts, key, view.now, options.alertWindowMs)) continue;
    markSaid(memory.alerts, key, view.now);
    actions.push(
      toProductOwner(
        alert(
          'warning',
          `${task.id} has nobody to take it`,
          `"${task.title}" is ready, but nobody with the ${task.role} role is online. Bring someone in (\`huddle agent --role ${task.role} --name NAME\`), or give it to someone present: \`assign ${task.id} to NAME\`.`,
          task.id,
        ),
      ),
    );
  }
  return actions;
}
