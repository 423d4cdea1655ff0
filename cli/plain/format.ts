/** How the plain line mode writes things: readable lines, or one JSON object per line with --json. */
import chalk from 'chalk';
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import type { CommandResult } from '../input/commands.js';
import { describeEvent } from '../describe-event.js';
import { isForMe, isOfferedToMe, type Me } from '../room.js';
import { cardLines } from './card-text.js';

/** The lines a person reads for one event; a message addressed to me is marked with `>>`. */
export function eventLines(event: HubEvent, me: Me): string[] {
  const line = describeEvent(event);
  const lines = [isForMe(event, me) ? chalk.bold(`>> ${line}`) : line];
  if (event.type === 'message' && event.card) lines.push(...cardLines(event.card).map((l) => `   | ${l}`));
  if (isOfferedToMe(event, me)) lines.push(chalk.yellow(`>> ${event.task.id} is yours (${event.task.estimateHours}h): ${event.task.title}. Take it with /accept ${event.task.id}`));
  return lines;
}

export function resultLines(result: CommandResult): string[] {
  switch (result.kind) {
    case 'none':
    case 'quit':
      return [];
    case 'done':
      return [`ok: ${result.text}`];
    case 'error':
      return [chalk.red(`error: ${result.message}`)];
    case 'lines':
      return [`== ${result.title}`, ...result.lines.map((l) => `   ${l}`)];
  }
}

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
