/**
 * How the plain line mode writes things: readable lines, or one JSON object per line with --json.
 * Every line is made terminal-safe here, before it is styled (participant text is untrusted).
 */
import chalk from 'chalk';
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { Card } from '../../collaboration-server/cards.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { terminalJson, terminalSafe } from '../../collaboration-server/terminal-text.js';
import type { CommandResult } from '../input/commands.js';
import { describeEvent, EVENT_INDENT } from '../describe-event.js';
import { forTerminal } from '../command-hints.js';
import { isForMe, isOfferedToMe, type Me, type Room } from '../room.js';
import { repeatsEscalation } from '../said-once.js';
import { cardLines } from './card-text.js';

const safe = (text: string): string => terminalSafe(text, { indent: EVENT_INDENT });

export interface EventLineOptions {
  /** what this terminal has seen so far: an escalation it printed is not printed again */
  room?: Room;
  /** print every card's details under its message (--cards), not only where they add to the text */
  cards?: boolean;
}

/** Cards whose table a one-line message does not carry. */
const TABLE_CARDS: ReadonlySet<Card['kind']> = new Set(['capacity', 'objectives', 'breakdown', 'sprint_report']);
const cardAdds = (card: Card, text: string): boolean => TABLE_CARDS.has(card.kind) && !text.includes('\n');

/**
 * The lines a person reads for one event; a message addressed to me is marked with `>>`. Each thing
 * once: a lead's text says what its card says, so the card's lines follow only with --cards or where
 * they add a table; an escalation is printed with its blocker and impact, and the lead's announcement
 * of it is left out.
 */
export function eventLines(event: HubEvent, me: Me, { room, cards = false }: EventLineOptions = {}): string[] {
  if (room && repeatsEscalation(event, room)) return [];
  const line = safe(describeEvent(event));
  const lines = [isForMe(event, me) ? chalk.bold(`>> ${line}`) : line];
  const details = (texts: string[]) => texts.map((l) => `   | ${safe(l)}`);
  if (event.type === 'message' && event.card && (cards || cardAdds(event.card, event.text))) lines.push(...details(cardLines(event.card)));
  if (event.type === 'escalation') {
    const e = event.escalation;
    lines.push(...details([e.blocker ? `blocker: ${e.blocker}` : '', e.impact ? `impact: ${e.impact}` : ''].filter(Boolean)));
  }
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
    case 'task':
      return [`== ${safe(result.title)}`, ...result.lines.map((l) => `   ${safe(l)}`)];
  }
}

/** An error from the hub or a refused input, with its next step as the slash command typed here: its sentence may quote what someone typed. */
export const problemLine = (message: string): string => `error: ${safe(forTerminal(message))}`;

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
