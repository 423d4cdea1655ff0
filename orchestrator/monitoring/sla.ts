/**
 * Deadlines and load: a task past its due time (or, without one, past the sprint's end) is an SLA
 * violation, said once per due time; an agent
 * whose unfinished work exceeds the hours left in the sprint is overloaded, said once per window.
 */
import { isDue, markSaid, withinBudget } from './alert-throttle.js';
import { teamOf } from '../planning/capacity.js';
import { workdaysBetween } from '../../collaboration-server/workdays.js';
import type { LeadAction, LeadView } from '../lead-view.js';
import { alert } from './actions.js';
import type { MonitorMemory } from './memory.js';
import type { MonitorOptions } from './options.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { HOUR, round1 } from '../../collaboration-server/units.js';

const FOREVER = Number.MAX_SAFE_INTEGER;
const hours = (ms: number) => round1(ms / HOUR);

export function slaChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions): LeadAction[] {
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    if (task.due === null || task.due >= view.now || isFinished(task.status)) continue;
    const key = `sla:${task.id}:${task.due}`;
    if (!isDue(memory.alerts, key, view.now, FOREVER)) continue;
    if (!withinBudget(memory.said, view.now, options.messagesPerMinute)) break;
    markSaid(memory.alerts, key, view.now);
    memory.said.push(view.now);
    actions.push(
      alert(
        task.priority === 'high' ? 'critical' : 'warning',
        `SLA missed on ${task.id}`,
        `"${task.title}" was due ${hours(view.now - task.due)}h ago and is ${task.status.replace('_', ' ')} at ${task.percent}% (${task.assignee ?? 'unassigned'}).`,
        task.id,
      ),
    );
  }
  return [...actions, ...sprintOverrun(view, memory)];
}

/** Tasks the plan gave no due time are due when the sprint ends: one alert for all of them. */
function sprintOverrun(view: LeadView, memory: MonitorMemory): LeadAction[] {
  const sprint = view.sprint;
  if (!sprint || sprint.endsAt >= view.now) return [];
  const late = view.tasks.filter((t) => t.sprintId === sprint.id && t.due === null && !isFinished(t.status));
  const key = `sla:${sprint.id}:${sprint.endsAt}`;
  if (late.length === 0 || !isDue(memory.alerts, key, view.now, FOREVER)) return [];
  markSaid(memory.alerts, key, view.now);
  const list = late.map((t) => `${t.id} (${t.assignee ?? 'unassigned'}, ${t.percent}%)`).join(', ');
  return [alert('critical', `Sprint "${sprint.name}" ended with ${late.length} unfinished task(s)`, `${list}. The product owner decides: carry them over or drop them.`, null)];
}

export function overloadChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions): LeadAction[] {
  if (!view.sprint || view.sprint.endsAt <= view.now) return [];
  const workdays = workdaysBetween(view.now, view.sprint.endsAt);
  const actions: LeadAction[] = [];
  for (const member of teamOf(view.roster, view.roles, view.tasks, workdays)) {
    if (member.loadHours <= member.capacityHours) continue;
    const key = `overload:${member.name}`;
    const saidLoad = `overload-hours:${member.name}`;
    // the same overload (same hours) is never said twice in a row, and any overload once per window
    if (memory.alerts[saidLoad] === member.loadHours || !isDue(memory.alerts, key, view.now, options.alertWindowMs)) continue;
    if (!withinBudget(memory.said, view.now, options.messagesPerMinute)) break;
    markSaid(memory.alerts, key, view.now);
    memory.alerts[saidLoad] = member.loadHours;
    memory.said.push(view.now);
    actions.push(
      alert(
        'warning',
        `${member.name} is over capacity`,
        `${member.loadHours}h of unfinished work against ${member.capacityHours}h left in the sprint (${workdays} working day(s)). Consider moving a task.`,
        null,
      ),
    );
  }
  return actions;
}
