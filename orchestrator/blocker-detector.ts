/**
 * Reads chat for blockers: a sentence from an agent that says it is stuck ("having trouble", "can't",
 * "waiting on", "confusing"...) is linked to that agent's active task. Ordinary chat is not a blocker;
 * test/blocker-detector.test.ts measures precision and recall on a labelled set.
 */
import type { MessageEvent, Task } from '../collaboration-server/protocol.js';

const BLOCKER_CUES: readonly { cue: string; re: RegExp }[] = [
  { cue: 'stuck', re: /\bstuck\b/ },
  { cue: 'blocked', re: /\bblock(ed|er|ing me)\b/ },
  { cue: 'having trouble', re: /\b(having|have|had|got) (a lot of |some |real |serious )?(trouble|problems?|issues?|difficult(y|ies))\b/ },
  { cue: 'struggling', re: /\bstruggl(e|ing)\b/ },
  { cue: "can't", re: /\b(can'?t|cannot|can not|couldn'?t|unable to|not able to)\b(?! wait\b)(?! complain\b)/ },
  { cue: 'waiting on', re: /\bwaiting (on|for) (someone|somebody|access|approval|credentials|the|an?|them|him|her|\w+'s)\b/ },
  { cue: 'confusing', re: /\bconfus(ed|ing)\b|\bunclear\b|\bmakes? no sense\b|\bdon'?t (understand|get how|know how)\b|\bno idea (how|why|what)\b/ },
  { cue: 'not working', re: /\b(doesn'?t|does not|isn'?t|is not|won'?t|not) (work|working|pass|passing|compile|compiling|connect|connecting)\b|\bkeeps? (failing|crashing|timing out)\b/ },
  { cue: 'need help', re: /\b(need|needs|could use) (some )?(help|a hand|guidance|advice)\b|\bhelp me\b/ },
  { cue: 'hit a wall', re: /\b(hit|hitting) (a|the) wall\b|\bgoing (in circles|nowhere)\b|\bdead end\b/ },
];

/** Sentences that mention a cue but say the opposite ("no longer stuck", "unblocked", "figured it out"). */
const NOT_A_BLOCKER = [
  /\b(no longer|not|never|wasn'?t|isn'?t|aren'?t|nobody is|no one is) (stuck|blocked)\b/,
  /\bunblocked\b/,
  /\b(stuck|blocked|trouble)\b.*\b(anymore|any more)\b/,
  /\b(figured (it )?out|sorted (it )?out|solved|fixed it|resolved|works now|working now|got it working)\b/,
  /\bnot a blocker\b|\bno (blockers?|problems?|issues?)\b/,
  /^(can|could) (you|someone|anyone|we)\b/,
];

export interface BlockerReading {
  blocker: boolean;
  /** the cue that made it read as a blocker */
  cue: string | null;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** Whether a chat sentence reads as a blocker, and by which cue. */
export function readAsBlocker(text: string): BlockerReading {
  const t = normalise(text);
  if (NOT_A_BLOCKER.some((re) => re.test(t))) return { blocker: false, cue: null };
  const hit = BLOCKER_CUES.find(({ re }) => re.test(t));
  return hit ? { blocker: true, cue: hit.cue } : { blocker: false, cue: null };
}

const ACTIVE_ORDER = ['in_progress', 'blocked', 'accepted', 'assigned'] as const;

/** The task a sentence from `agent` is about: a task id it names, else the agent's active task. */
export function linkToActiveTask(agent: string, text: string, tasks: readonly Task[]): Task | undefined {
  const mine = tasks.filter((t) => t.assignee === agent && (ACTIVE_ORDER as readonly string[]).includes(t.status));
  const named = /\bT-\d+\b/i.exec(text)?.[0].toUpperCase();
  if (named) return mine.find((t) => t.id === named);
  return [...mine].sort((a, b) => ACTIVE_ORDER.indexOf(a.status as never) - ACTIVE_ORDER.indexOf(b.status as never) || b.updatedAt - a.updatedAt)[0];
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
