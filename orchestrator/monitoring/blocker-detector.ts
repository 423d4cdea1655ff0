/**
 * Chat about tasks: which task a sentence from an agent is about, whether a message comes from a bot,
 * and whether it answers the lead's offer to split. How a line reads (blocker, unsure, none) is the
 * advisor's call: chat-reading.ts offline.
 */
import type { MessageEvent, Task, TaskStatus } from '../../collaboration-server/protocol.js';
import { isActive } from '../../collaboration-server/task-lifecycle.js';

const normalise = (text: string) => text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();

const ACTIVE_ORDER: readonly TaskStatus[] = ['in_progress', 'blocked', 'accepted', 'assigned'];

/** The task a sentence from `agent` is about: a task id it names, else the agent's active task. */
export function linkToActiveTask(agent: string, text: string, tasks: readonly Task[]): Task | undefined {
  const mine = tasks.filter((t) => t.assignee === agent && isActive(t.status));
  const named = /\bT-\d+\b/i.exec(text)?.[0].toUpperCase();
  if (named) return mine.find((t) => t.id === named);
  return [...mine].sort((a, b) => ACTIVE_ORDER.indexOf(a.status) - ACTIVE_ORDER.indexOf(b.status) || b.updatedAt - a.updatedAt)[0];
}

/** Messages the lead must not react to: its own, another bot's, or one that carries a card. */
export function isFromBot(event: MessageEvent, self: string): boolean {
  return event.from.name === self || event.from.role === 'orchestrator' || event.card !== undefined;
}

/** An answer to the lead's offer to split a task ("yes, split it", "can we break it up?"). */
export function asksToSplit(text: string): boolean {
  return /\b(split|break) (it|this|that|the task|.{0,30} into)( up)?\b|\b(yes|please),? split\b/.test(normalise(text));
}
