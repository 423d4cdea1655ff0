/**
 * How the CLI speaks: plain lines, JSON lines, errors with a next step; quietly to a closed pipe, without colour under NO_COLOR.
 * Every write to the terminal goes through here, made terminal-safe (participant text is untrusted; see
 * collaboration-server/terminal-text.ts); the lint forbids process.stdout.write elsewhere.
 */
import chalk from 'chalk';
import { HuddleError, toHuddleError } from '../collaboration-server/errors.js';
import { forShell } from './command-hints.js';
import { DAY, HOUR, MINUTE, SECOND } from '../collaboration-server/units.js';
import { terminalJson, terminalSafe } from '../collaboration-server/terminal-text.js';

/** One JSON object per line; raw data for programs, with what a terminal would act on \u-escaped. */
export const printJson = (value: unknown): void => {
  process.stdout.write(terminalJson(value) + '\n');
};

/** Text for a person to read, as it is (a stored log, a Markdown report), made terminal-safe. */
export const printText = (text: string): void => {
  process.stdout.write(terminalSafe(text));
};

/**
 * One line each, made terminal-safe; a newline inside one continues under `indent`, so that text holding
 * a newline cannot pass for a line (an event, a task) of its own.
 */
export const printLines = (lines: readonly string[], indent = '  '): void => {
  process.stdout.write(lines.map((l) => terminalSafe(l, { indent }) + '\n').join(''));
};

/** A line of a long-running command's own log (the hub's, the lead's, an automated agent's), on stderr. */
export const logLine = (prefix: string, line: string): void => {
  process.stderr.write(`${prefix}${terminalSafe(line, { indent: '  ' })}\n`);
};

/** A structured log record on stderr, one JSON object a line (for a log collector). */
export const logJson = (record: object): void => {
  process.stderr.write(terminalJson(record) + '\n');
};

/**
 * Prints the error as one sentence and exits non-zero: 2 for bad input, 1 for everything else. An
 * error the hub reported keeps the hub's words, with its next step as the `huddle` command to type
 * (not the terminal's slash command); anything thrown here says it failed on this machine. With
 * --json the sentence is one JSON object on stderr, so stdout stays the data.
 */
export function exitWithError(err: unknown, json = process.argv.includes('--json')): never {
  const e = toHuddleError(err, 'local');
  if (json) process.stderr.write(terminalJson({ type: 'error', code: e.code, message: forShell(e.message) }) + '\n');
  else logLine('huddle: ', forShell(e.message));
  const badInput = ['BAD_FRAME', 'UNKNOWN_ROLE', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'UNAUTHORIZED', 'NAME_TAKEN', 'CONFLICT', 'BAD_NAME', 'NAME_LOOKALIKE', 'CREDENTIAL_MISSING', 'CREDENTIAL_WRONG', 'REVOKED', 'JOIN_FIRST'];
  process.exit(badInput.includes(e.code) ? 2 : 1);
}

/**
 * `huddle history | head -1`: once the reader has closed the pipe there is nobody left to tell, so
 * the command ends quietly and successfully, as `cat` and `git log` do, instead of dying on EPIPE.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

/** NO_COLOR (https://no-color.org): any value but the empty string turns colour off, in the ink UI too (it styles with the same chalk). */
export function honourNoColor(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NO_COLOR) chalk.level = 0;
}

/** Parses `30m`, `2h`, `45s`, `1500ms` or a bare number of minutes into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new HuddleError('BAD_FRAME', `"${text}" is not a duration: try 30m, 2h or 45s.`);
  const unit = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY }[(match[2] ?? 'm') as 'ms'];
  return Number(match[1]) * unit;
}
