/** How the CLI speaks: plain lines, JSON lines, errors with a next step. NO_COLOR is honoured by chalk. */
import { HuddleError, toHuddleError } from '../collaboration-server/errors.js';
import { DAY, HOUR, MINUTE, SECOND } from '../collaboration-server/units.js';

export const printJson = (value: unknown): void => {
  process.stdout.write(JSON.stringify(value) + '\n');
};

/**
 * Prints the error as one sentence and exits non-zero: 2 for bad input, 1 for everything else.
 * An error the hub reported keeps the hub's words; anything thrown here says it failed on this machine.
 */
export function exitWithError(err: unknown): never {
  const e = toHuddleError(err, 'local');
  process.stderr.write(`huddle: ${e.message}\n`);
  const badInput = ['BAD_FRAME', 'UNKNOWN_ROLE', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'UNAUTHORIZED', 'NAME_TAKEN', 'CONFLICT'];
  process.exit(badInput.includes(e.code) ? 2 : 1);
}

/** Parses `30m`, `2h`, `45s`, `1500ms` or a bare number of minutes into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new HuddleError('BAD_FRAME', `"${text}" is not a duration: try 30m, 2h or 45s.`);
  const unit = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY }[(match[2] ?? 'm') as 'ms'];
  return Number(match[1]) * unit;
}
