/**
 * Reads chat for blockers: a sentence from an agent that says it cannot go on is linked to that agent's
 * active task. The categories of what a blocker sounds like are in blocker-cues.ts; this reads a message
 * clause by clause, so a later clause can settle an earlier one ("I was stuck but figured it out") and
 * a new problem after a fix still counts ("fixed the login, but now the tests keep failing").
 * test/blocker-detector.test.ts measures precision and recall on labelled and held-out sentences.
 */
import type { MessageEvent, Task, TaskStatus } from '../../collaboration-server/protocol.js';
import { isActive } from '../../collaboration-server/task-lifecycle.js';
import { APPOINTMENT, BLOCKER_CUES, CONDITION, DENIES, ELSEWHERE, REMINDER, REQUEST, SETTLED, type BlockerCategory } from './blocker-cues.js';

export interface BlockerReading {
  blocker: boolean;
  /** what was heard that made it read as a blocker */
  cue: string | null;
  category: BlockerCategory | null;
}

const NOT_A_BLOCKER: BlockerReading = { blocker: false, cue: null, category: null };

const normalise = (text: string) => text.toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();

/** Clauses: sentences, then their parts around "but", commas and dashes. */
const clauses = (t: string) =>
  t
    .split(/[.!?;:]+(?:\s|$)|,|\s[-–—]\s|\bbut\b|\bthough\b|\balthough\b/)
    .map((c) => c.trim())
    .filter(Boolean);

/** Whether a chat sentence reads as a blocker, and by which cue. */
export function readAsBlocker(text: string): BlockerReading {
  const t = normalise(text);
  if (DENIES.some((re) => re.test(t))) return NOT_A_BLOCKER;
  let reading = NOT_A_BLOCKER;
  for (const clause of clauses(t)) {
    if (SETTLED.some((re) => re.test(clause))) {
      reading = NOT_A_BLOCKER;
      continue;
    }
    if (REQUEST.test(clause) || REMINDER.test(clause)) continue;
    const now = clause.replace(APPOINTMENT, ' ').replace(ELSEWHERE, ' ').replace(CONDITION, '').trim();
    const hit = BLOCKER_CUES.find(({ re }) => re.test(now));
    if (hit && !reading.blocker) reading = { blocker: true, cue: hit.cue, category: hit.category };
  }
  return reading;
}

/** Which of an agent's active tasks a sentence is most likely about, when it names none. */
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

export interface DetectedBlocker {
  task: Task;
  reason: string;
  cue: string;
}

/** A chat message that should be recorded as a blocker on its sender's active task, if it is one. */
export function detectChatBlocker(event: MessageEvent, tasks: readonly Task[], self: string): DetectedBlocker | undefined {
  if (isFromBot(event, self)) return undefined;
  const reading = readAsBlocker(event.text);
  if (!reading.blocker || !reading.cue) return undefined;
  const task = linkToActiveTask(event.from.name, event.text, tasks);
  return task ? { task, reason: event.text.trim(), cue: reading.cue } : undefined;
}

/** An answer to the lead's offer to split a task ("yes, split it", "can we break it up?"). */
export function asksToSplit(text: string): boolean {
  return /\b(split|break) (it|this|that|the task|.{0,30} into)( up)?\b|\b(yes|please),? split\b/.test(normalise(text));
}
