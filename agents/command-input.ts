/**
 * What a running command is given from the room, and who may answer its question. Pure.
 *
 * Every message is one line with its sender first, in the inbox file and (with --stdin open) on stdin:
 * `[Product Owner (human)] the text`. Its controls are shown (terminalSafe), and a backslash and a
 * newline in it are written `\\` and `\n`; in the name `[ ] ( )` are backslash-escaped too. So one
 * message is one line, and no text or name can pass for another sender's line.
 *
 * A question the command asked (a `[y/N]` prompt, say) is answered only by a message addressed to this
 * agent by name from the product owner (role human, which takes the admin token) or from a name the
 * agent was told to take answers from (`--answer-from NAME`), or by the product owner's decision on an
 * escalation about the task. Anything else — a member's message, the lead's guidance, a message to the
 * whole room or to a role — goes to the inbox and the log, and never to the waiting command. The answer
 * is written bare, one line escaped the same way: the program at the prompt compares the line it reads.
 */
import { terminalSafe } from '../collaboration-server/terminal-text.js';

export interface MessageSender {
  name: string;
  role: string;
  /** what it is when not a chat message, like "decision on E-1" */
  about?: string;
}

/** The product owner's role: the one that takes the admin token and answers escalations. */
const PRODUCT_OWNER_ROLE = 'human';

const oneLine = (text: string): string => terminalSafe(text.trim()).replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
const escapedName = (name: string): string => terminalSafe(name).replace(/[\\[\]()]/g, (c) => `\\${c}`);

/** `Name (role)`, or `Name (role), decision on E-1`: for the log and the notes. */
export const senderLabel = (from: MessageSender): string => `${from.name} (${from.role})${from.about ? `, ${from.about}` : ''}`;

/** `[Name (role)] text` on one line (no newline at its end). */
export function messageLine(from: MessageSender, text: string): string {
  return `[${escapedName(from.name)} (${from.role})${from.about ? `, ${from.about}` : ''}] ${oneLine(text)}`;
}

/** The answer to a question, as the waiting program reads it: the text alone, on one line. */
export const answerLine = (text: string): string => oneLine(text);

export interface AnswerRule {
  /** names, besides the product owner, whose direct messages answer the command's questions */
  answerFrom: readonly string[];
}

/** Whether a chat message may answer the command's question (decisions always may: the product owner made them). */
export function mayAnswer(from: MessageSender, addressedByName: boolean, rule: AnswerRule): boolean {
  return addressedByName && (from.role === PRODUCT_OWNER_ROLE || rule.answerFrom.includes(from.name));
}

/** Who may answer, in words, for the blocker note and the prompt: `the product owner, Ann or Bob`. */
export function answerers(rule: AnswerRule): string {
  const names = ['the product owner', ...rule.answerFrom];
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
