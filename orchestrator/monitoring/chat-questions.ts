/**
 * What the lead says back to a chat line it read: the one short question when it is unsure ("Sounds
 * like … is holding up T-4 — shall I record it as a blocker? (yes/no)"), the question about which task
 * a blocker holds up when the sender has none in progress, and reading the yes or no that answers it.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import type { ChatReading } from './chat-reading.js';

const MAX_QUOTE = 70;

/** The words that name the trouble: what is waited on, else the part of the line that was heard. */
function troubleOf(reading: ChatReading, text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const waitedOn = reading.category === 'waiting' && reading.heard ? /^(?:still )?(?:waiting|wait) (?:on|for) (.+)$/.exec(reading.heard)?.[1] : undefined;
  if (waitedOn) return waitedOn;
  const clause = line.split(/(?<=[.!?;])\s+|,\s+/).find((c) => reading.heard && c.toLowerCase().includes(reading.heard)) ?? line;
  const short = clause.length > MAX_QUOTE ? `${clause.slice(0, MAX_QUOTE - 1)}…` : clause;
  return `“${short.replace(/[.!?]+$/, '')}”`;
}

export function askAboutLine(reading: ChatReading, text: string, task: Task, about?: string): string {
  const trouble = troubleOf(reading, text);
  if (about) return `Sounds like ${about} is held up on ${task.id} by ${trouble} — shall I record it as a blocker? (yes/no)`;
  const what = trouble.startsWith('“') ? trouble : `waiting on ${trouble}`;
  return `Sounds like ${what} is holding up ${task.id} — shall I record it as a blocker? (yes/no)`;
}

export function askWhichTask(name: string, mine: readonly Task[]): string {
  const pending = mine.filter((t) => t.status === 'pending' || t.status === 'assigned' || t.status === 'accepted').slice(0, 3);
  const hint = pending.length ? ` Yours: ${pending.map((t) => `${t.id} "${t.title}"`).join(', ')}.` : '';
  return `${name}, that sounds like a blocker, but you have no task in progress: which task is it holding up? Say /blocked T-n and what is in the way.${hint}`;
}

/** A yes or a no to the lead's question, read from the start of the reply; null for anything else. */
export function yesOrNo(text: string): 'yes' | 'no' | null {
  const t = text.trim().toLowerCase().replace(/[’‘]/g, "'");
  if (/^(?:yes|yep|yeah|yup|y|sure|correct|right|please do|do it|record it|ok|okay|👍)(?![\w'])/.test(t)) return 'yes';
  if (/^(?:no|nope|nah|n|not really|no thanks|it's fine|not a blocker|not blocked|all good|never mind)(?![\w'])/.test(t)) return 'no';
  return null;
}
