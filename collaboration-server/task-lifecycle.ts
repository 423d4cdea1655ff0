/**
 * The task lifecycle: which action may move a task from which status, and who may take it.
 * assigned → accepted → in_progress → (blocked) → done, or failed / cancelled / reassigned.
 */
import { HuddleError } from './errors.js';
import { isAdminRole } from './admin-roles.js';
import type { Task, TaskAction, TaskStatus } from './protocol.js';

const ACTIVE: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'blocked'];
/** over: nothing more happens to it */
export const FINISHED: readonly TaskStatus[] = ['done', 'cancelled'];
/** taken up by its assignee: accepted, being worked on, or stuck */
const HELD: readonly TaskStatus[] = ['accepted', 'in_progress', 'blocked'];
const OPEN: readonly TaskStatus[] = ['pending', ...ACTIVE, 'failed'];

/** For each action: the statuses it may start from and the status it leads to (null: unchanged). */
const TRANSITIONS: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus | null; adminOnly: boolean }> = {
  assign: { from: ['pending', 'assigned', 'failed'], to: 'assigned', adminOnly: true },
  accept: { from: ['assigned'], to: 'accepted', adminOnly: false },
  start: { from: ['assigned', 'accepted', 'blocked'], to: 'in_progress', adminOnly: false },
  // progress on a blocked task says the work moves again
  progress: { from: ['assigned', 'accepted', 'in_progress', 'blocked'], to: 'in_progress', adminOnly: false },
  block: { from: ['assigned', 'accepted', 'in_progress', 'blocked'], to: 'blocked', adminOnly: false },
  unblock: { from: ['blocked'], to: 'in_progress', adminOnly: false },
  done: { from: ACTIVE, to: 'done', adminOnly: false },
  fail: { from: ACTIVE, to: 'failed', adminOnly: false },
  cancel: { from: OPEN, to: 'cancelled', adminOnly: true },
  reassign: { from: [...ACTIVE, 'failed'], to: 'assigned', adminOnly: true },
  note: { from: [...OPEN, 'done', 'cancelled'], to: null, adminOnly: false },
  at_risk: { from: ACTIVE, to: null, adminOnly: true },
  update: { from: OPEN, to: null, adminOnly: true },
};

export interface Actor {
  name: string;
  role: string;
}

/** The assignee rule: a task is changed by its assignee, the technical lead or the product owner. */
export function requireTaskWriter(task: Task, actor: Actor): void {
  if (!isAdminRole(actor.role) && task.assignee !== actor.name) {
    throw new HuddleError(
      'FORBIDDEN',
      `${task.id} is assigned to ${task.assignee ?? 'nobody'}; only its assignee, the lead or the product owner may change it.`,
    );
  }
}

/** The status `action` leads to, or a HuddleError that says why it cannot be taken. */
export function nextStatus(task: Task, action: TaskAction, actor: Actor, assignee?: string): TaskStatus {
  const rule = TRANSITIONS[action];
  if (rule.adminOnly && !isAdminRole(actor.role)) {
    throw new HuddleError('FORBIDDEN', `Only the technical lead or the product owner may ${action.replace('_', ' ')} a task.`);
  }
  requireTaskWriter(task, actor);
  if (!rule.from.includes(task.status)) {
    throw new HuddleError(
      'INVALID_TRANSITION',
      `${task.id} is ${task.status.replace('_', ' ')}; "${action}" works from ${rule.from.join(', ')}.`,
    );
  }
  if ((action === 'assign' || action === 'reassign') && !assignee) {
    throw new HuddleError('BAD_FRAME', `Say who gets ${task.id}: add an assignee.`);
  }
  return rule.to ?? task.status;
}

export const isActive = (status: TaskStatus): boolean => ACTIVE.includes(status);
export const isHeld = (status: TaskStatus): boolean => HELD.includes(status);
/** Hours of work a task still holds for its assignee: its estimate less the share reported done, while it is active. */
export const openHours = (task: Task): number => (isActive(task.status) ? task.estimateHours * (1 - task.percent / 100) : 0);
export const isFinished = (status: TaskStatus): boolean => FINISHED.includes(status);
