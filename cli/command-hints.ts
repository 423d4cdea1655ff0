/**
 * Errors point to the command that fits where they were typed. The hub and the command table name
 * their next step one way (`huddle tasks`, `/answer`); a terminal shows the slash command and a shell
 * the `huddle` command. One table of pairs, read both ways. Pure.
 */

/** [as typed in a shell, as typed in a terminal] */
const PAIRS: readonly (readonly [string, string])[] = [
  ['huddle tasks', '/tasks all'],
  ['huddle who', '/who'],
  ['huddle answer', '/answer'],
  ['huddle task accept', '/accept'],
  ['huddle task start', '/start'],
  ['huddle task progress', '/progress'],
  ['huddle task done', '/done'],
  ['huddle task block', '/blocked'],
  ['huddle say --to', '/dm'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SHELL = new RegExp(`\`(${PAIRS.map(([shell]) => escape(shell)).join('|')})\\b([^\`]*)\``, 'g');
// a slash command where a word starts: not inside a path or a URL
const SLASH = new RegExp(`(^|[\\s\`("'])(${PAIRS.map(([, slash]) => escape(slash.split(' ')[0]!)).join('|')})(?![\\w/-])`, 'g');

/** The message with its `huddle ...` hints as the terminal's slash commands. */
export function forTerminal(message: string): string {
  return message.replace(SHELL, (_all, shell: string, rest: string) => `${PAIRS.find(([s]) => s === shell)![1]}${rest}`);
}

/** The message with its slash commands as `huddle ...` commands. */
export function forShell(message: string): string {
  return message.replace(SLASH, (_all, before: string, slash: string) => `${before}${PAIRS.find(([, s]) => s.split(' ')[0] === slash)![0]}`);
}
