/**
 * How the plain line mode writes things: readable lines, or one JSON object per line with --json.
 * Every line is made terminal-safe here, before it is styled (participant text is untrusted).
 */
import chalk from 'chalk';
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { terminalJson, terminalSafe } from '../../collaboration-server/terminal-text.js';
import type { CommandResult } from '../input/commands.js';
import { describeEvent, EVENT_INDENT } from '../describe-event.js';
import { isForMe, isOfferedToMe, type Me } from '../room.js';
import { cardLines } from './card-text.js';

const safe = (text: string): string => terminalSafe(text, { indent: EVENT_INDENT });

/** The lines a person reads for one event; a message addressed to me is marked with `>>`. */
export function eventLines(event: HubEvent, me: Me): string[] {
  const line = safe(describeEvent(event));
  const lines = [isForMe(event, me) ? chalk.bold(`>> ${line}`) : line];
  if (event.type === 'message' && event.card) lines.push(...cardLines(event.card).map((l) => `   | ${safe(l)}`));
  if (isOfferedToMe(event, me)) lines.push(chalk.yellow(`>> ${safe(`${event.task.id} is yours (${event.task.estimateHours}h): ${event.task.title}`)}. Take it with /accept ${event.task.id}`));
  return lines;
}

export function resultLines(result: CommandResult): string[] {
  switch (result.kind) {
    case 'none':
    case 'quit':
      return [];
    case 'done':
      return [`ok: ${safe(result.text)}`];
    case 'error':
      return [chalk.red(problemLine(result.message))];
    case 'lines':
      return [`== ${safe(result.title)}`, ...result.lines.map((l) => `   ${safe(l)}`)];
  }
}

/** An error from the hub or a refused input: its sentence may quote what someone typed. */
export const problemLine = (message: string): string => `error: ${safe(message)}`;

export const joinedLine = (me: Me): string => safe(`~ joined as ${me.name} (${me.role}). Type a message, or /help.`);

/** With --json: one object per line, safe to print (terminalJson). */
export const jsonLine = (value: unknown): string => terminalJson(value);

export function connectionLine(state: ConnectionState, queued: number): string {
  const waiting = queued ? ` (${queued} message(s) queued, sent when back online)` : '';
  switch (state) {
    case 'online':
      return `~ online${queued ? ` — sending ${queued} queued message(s)` : ''}`;
    case 'reconnecting':
      return `~ connection lost, reconnecting…${waiting}`;
    case 'connecting':
      return `~ connecting…${waiting}`;
    case 'closed':
      return '~ closed';
  }
}
