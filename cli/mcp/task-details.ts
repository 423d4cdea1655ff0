/**
 * A task as an agent needs it: status, what it waits for and what waits for it, when it is done,
 * notes and attachments; and which of my tasks to take next. Pure: built from the sprint's tasks.
 */
import type { Task, TaskStatus } from '../../collaboration-server/protocol.js';
import { attachmentsOf, type Attachment } from './attachment.js';

interface Linked {
  id: string;
  title: string;
  status: TaskStatus;
  assignee: string | null;
}

export interface TaskDetails {
  id: string;
  title: string;
  status: TaskStatus;
  percent: number;
  estimateHours: number;
  priority: Task['priority'];
  assignee: string | null;
  description: string;
  acceptance: string[];
  dependsOn: Linked[];
  neededBy: Linked[];
  /** the latest notes, oldest first */
  notes: string[];
  attachments: Attachment[];
}

export interface NextStep {
  taskId: string;
  action: 'progress' | 'start' | 'accept' | 'unblock';
  why: string;
}

const NOTES_SHOWN = 8;
const link = (t: Task): Linked => ({ id: t.id, title: t.title, status: t.status, assignee: t.assignee });

export function taskDetails(task: Task, all: readonly Task[]): TaskDetails {
  const byId = new Map(all.map((t) => [t.id, t]));
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    percent: task.status === 'done' ? 100 : task.percent,
    estimateHours: task.estimateHours,
    priority: task.priority,
    assignee: task.assignee,
    description: task.description,
    acceptance: task.acceptance,
    dependsOn: task.dependsOn.flatMap((id) => (byId.has(id) ? [link(byId.get(id)!)] : [])),
    neededBy: all.filter((t) => t.dependsOn.includes(task.id) && t.status !== 'cancelled').map(link),
    notes: task.notes.slice(-NOTES_SHOWN),
    attachments: attachmentsOf(task),
  };
}

const PRIORITY = { high: 0, medium: 1, low: 2 } as const;
const byPriority = (a: Task, b: Task) => PRIORITY[a.priority] - PRIORITY[b.priority] || Number(a.id.slice(2)) - Number(b.id.slice(2));

/** The task to work on next: one in progress first, then a blocked one, then accepted, then offered. */
export function nextStep(mine: readonly Task[]): NextStep | null {
  const first = (status: TaskStatus) => mine.filter((t) => t.status === status).sort(byPriority)[0];
  const going = first('in_progress');
  if (going) return { taskId: going.id, action: 'progress', why: `${going.id} is in progress: report progress, or done when its acceptance holds.` };
  const blocked = first('blocked');
  if (blocked) return { taskId: blocked.id, action: 'unblock', why: `${blocked.id} is blocked: read the lead's guidance in huddle_inbox, ask with huddle_ask_lead, and report progress once it moves.` };
  const accepted = first('accepted');
  if (accepted) return { taskId: accepted.id, action: 'start', why: `${accepted.id} is accepted: start it.` };
  const offered = first('assigned');
  if (offered) return { taskId: offered.id, action: 'accept', why: `${offered.id} was given to you: accept it, then start it.` };
  return null;
}

/** A few readable lines for one task. */
export function detailLines(d: TaskDetails): string[] {
  const linked = (l: Linked) => `${l.id} ${l.status}${l.assignee ? ` (${l.assignee})` : ''}`;
  return [
    `${d.id} ${d.status} ${Math.round(d.percent)}% · ${d.estimateHours}h · ${d.priority} — ${d.title}`,
    ...(d.description ? [`  ${d.description.length > 300 ? `${d.description.slice(0, 300)}…` : d.description}`] : []),
    `  done when: ${d.acceptance.length ? d.acceptance.join('; ') : '(no acceptance criteria written)'}`,
    ...(d.dependsOn.length ? [`  waits for: ${d.dependsOn.map(linked).join(', ')}`] : []),
    ...(d.neededBy.length ? [`  needed by: ${d.neededBy.map(linked).join(', ')}`] : []),
    ...d.notes.map((n) => `  note: ${n}`),
    ...(d.attachments.length ? [`  attachments: ${d.attachments.map((a) => `${a.name} (${a.bytes} bytes)`).join(', ')}`] : []),
  ];
}
