/** The frames the monitor asks the lead to send, built in one place. */
import type { Card } from '../../collaboration-server/cards.js';
import type { Priority, TaskAction } from '../../collaboration-server/protocol.js';
import type { LeadAction } from '../lead-view.js';
import { MINUTE } from '../../collaboration-server/units.js';

export const say = (text: string, card?: Card): LeadAction => ({ type: 'chat', text, ...(card ? { card } : {}) });

export const sayTo = (name: string, text: string, card?: Card): LeadAction => ({
  type: 'chat',
  text,
  to: { kind: 'participant', name },
  ...(card ? { card } : {}),
});

export const updateTask = (
  taskId: string,
  action: TaskAction,
  extra: { note?: string; assignee?: string; fields?: { priority?: Priority } } = {},
): LeadAction => ({ type: 'task_update', taskId, action, ...extra });

export const alert = (level: 'info' | 'warning' | 'critical', title: string, detail: string, taskId: string | null): LeadAction =>
  say(`${title}: ${detail}`, { kind: 'alert', level, title, detail, taskId });

export const minutes = (ms: number): number => Math.round(ms / MINUTE);
