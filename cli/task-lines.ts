/**
 * One task in full, for `/task T-3` in the room and `huddle task show T-3`: what it is, when it is
 * done, what it waits for and what waits for it, who has it and why, its notes and its history.
 */
import type { ReplyTo } from '../collaboration-server/protocol.js';
import { isFinished } from '../collaboration-server/task-lifecycle.js';
import { countOf, utcDateTime } from '../collaboration-server/units.js';
import { describeEvent } from './describe-event.js';
import { taskDetails } from './mcp/task-details.js';

/** Who has it; a task held back until its dependencies are done names who the plan gave it to. */
function assigneeOf(task: ReplyTo<'task'>['task']): string {
  if (task.assignee) return task.assignee;
  return task.plannedAssignee ? `nobody yet (planned for ${task.plannedAssignee}, once what it waits for is done)` : 'nobody yet';
}

export function taskLines(reply: ReplyTo<'task'>, sprintTasks: ReplyTo<'tasks'>['tasks']): { title: string; lines: string[] } {
  const { task, sprint, events, earlier } = reply;
  const d = taskDetails(task, sprintTasks.some((t) => t.id === task.id) ? sprintTasks : [task, ...sprintTasks]);
  const where = !sprint ? '' : sprint.status === 'active' ? sprint.name : isFinished(task.status) ? `${sprint.name} (${sprint.status})` : `the backlog (since ${sprint.name} closed)`;
  const link = (l: (typeof d.dependsOn)[number]) => `${l.id} ${l.title} (${l.status.replace('_', ' ')}${l.assignee ? `, ${l.assignee}` : ''})`;
  const lines = [
    `${task.status.replace('_', ' ')}, ${Math.round(d.percent)}% · ${task.estimateHours}h, ${countOf(task.points, 'point')}, ${task.priority} priority · ${task.role}, ${task.domain}${where ? ` · in ${where}` : ''}${task.due ? ` · due ${utcDateTime(task.due)} UTC` : ''}${task.atRisk ? ' · AT RISK' : ''}`,
    `Assignee: ${assigneeOf(task)}${task.rationale ? ` — why: ${task.rationale}` : ''}`,
    ...(task.objective ? [`Objective: ${task.objective}`] : []),
    ...(task.description ? [`Description: ${task.description}`] : []),
    `Done when: ${task.acceptance.length ? task.acceptance.join('; ') : 'no acceptance criteria were written'}`,
    `Waits for: ${d.dependsOn.length ? d.dependsOn.map(link).join('; ') : 'nothing'}`,
    ...(d.neededBy.length ? [`Needed by: ${d.neededBy.map(link).join('; ')}`] : []),
    ...(task.notes.length ? ['Notes:', ...task.notes.map((n) => `  ${n}`)] : []),
    'History:',
    ...(earlier > 0 ? [`  … ${earlier} earlier event(s) not shown (\`huddle history --all\` has them)`] : []),
    ...(events.length ? events.map((e) => `  ${describeEvent(e)}`) : ['  nothing has happened to it yet']),
  ];
  return { title: `${task.id} ${task.title}`, lines };
}
