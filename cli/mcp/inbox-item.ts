/**
 * What belongs in a participant's inbox and how an agent reads it: messages to everyone, to me or to
 * my role (not my own), changes others made to my tasks, and new sprints; the lead's cards as text.
 * Shared by `huddle_inbox` and the hook command `huddle inbox`.
 */
import type { Card } from '../../collaboration-server/cards.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { utcTime } from '../../collaboration-server/units.js';
import { describeEvent } from '../describe-event.js';
import { cardLines } from '../plain/card-text.js';
import type { Me } from '../room.js';

/** Longest text one item may carry; a longer message is cut with a note. */
export const MAX_ITEM_CHARS = 4000;

export interface InboxItem {
  seq: number;
  at: string;
  type: 'message' | 'task' | 'sprint';
  /** who said or did it: `Name (role)` */
  from: string;
  /** `everyone`, `you` or `@role` for a message */
  to?: string;
  text: string;
  card?: Card;
  task?: { id: string; title: string; status: string; assignee: string | null };
}

export function belongsInInbox(event: HubEvent, me: Me): boolean {
  switch (event.type) {
    case 'message':
      if (event.from.name === me.name) return false;
      return event.to.kind === 'all' || (event.to.kind === 'participant' && event.to.name === me.name) || (event.to.kind === 'role' && event.to.role === me.role);
    case 'task':
      return event.change.by !== me.name && (event.task.assignee === me.name || event.change.previousAssignee === me.name);
    case 'sprint':
      return true;
    case 'presence':
    case 'escalation':
    case 'decision':
      // the lead announces escalations and decisions in a message of its own
      return false;
  }
}

/** describeEvent's line without its leading clock time: the item carries the time itself. */
const described = (event: HubEvent) => describeEvent(event).replace(/^\d\d:\d\d /, '');

const cut = (text: string) => (text.length <= MAX_ITEM_CHARS ? text : `${text.slice(0, MAX_ITEM_CHARS)}… (${text.length - MAX_ITEM_CHARS} more characters: huddle history shows it all)`);

/** What the agent should do about a change to its task, when there is something to do. */
function nextStep(event: Extract<HubEvent, { type: 'task' }>, me: Me): string | null {
  const { task, change } = event;
  if (task.assignee !== me.name) return change.previousAssignee === me.name ? `${task.id} is no longer yours: stop work on it and hand over your notes.` : null;
  if (task.status === 'assigned') return `${task.id} is yours: accept it (huddle_task_update action accept), then start it.`;
  return null;
}

export function toInboxItem(event: HubEvent, me: Me): InboxItem {
  const base = { seq: event.seq, at: new Date(event.ts).toISOString() };
  switch (event.type) {
    case 'message': {
      const to = event.to.kind === 'all' ? 'everyone' : event.to.kind === 'participant' ? 'you' : `@${event.to.role}`;
      return { ...base, type: 'message', from: `${event.from.name} (${event.from.role})`, to, text: cut(event.text), ...(event.card ? { card: event.card } : {}) };
    }
    case 'task': {
      const { task, change } = event;
      const step = nextStep(event, me);
      const text = [described(event), ...(step ? [step] : [])].join('\n');
      return { ...base, type: 'task', from: change.by, text: cut(text), task: { id: task.id, title: task.title, status: task.status, assignee: task.assignee } };
    }
    case 'sprint': {
      const mine = event.tasks.filter((t) => t.assignee === me.name).length;
      const text = `${described(event)}${mine ? `; ${mine} of them for you` : ''}`;
      return { ...base, type: 'sprint', from: event.by, text: cut(text) };
    }
    case 'presence':
    case 'escalation':
    case 'decision':
      return { ...base, type: 'message', from: 'hub', text: cut(described(event)) };
  }
}

/** An item as a few readable lines: `09:12 Tech Lead (orchestrator) → you: …`, its card indented. */
export function itemLines(item: InboxItem): string[] {
  const head = `${utcTime(Date.parse(item.at))} ${item.from}${item.to ? ` → ${item.to}` : ''}: `;
  const [first = '', ...rest] = item.text.split('\n');
  return [head + first, ...rest.map((l) => `  ${l}`), ...(item.card ? cardLines(item.card).map((l) => `  | ${l}`) : [])];
}
