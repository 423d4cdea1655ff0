/** How the CLI speaks: plain lines, JSON lines, errors with a next step. NO_COLOR is honoured by chalk. */
import { HuddleError, toHuddleError } from '../collaboration-server/errors.js';

export const printJson = (value: unknown): void => {
  process.stdout.write(JSON.stringify(value) + '\n');
};

/** Prints the error as one sentence and exits non-zero: 2 for bad input, 1 for everything else. */
export function exitWithError(err: unknown): never {
  const e = err instanceof HuddleError ? err : toHuddleError(err);
  process.stderr.write(`huddle: ${e.message}\n`);
  const badInput = ['BAD_FRAME', 'UNKNOWN_ROLE', 'NOT_FOUND', 'FORBIDDEN', 'INVALID_TRANSITION', 'UNAUTHORIZED', 'NAME_TAKEN', 'CONFLICT', 'BAD_NAME', 'NAME_LOOKALIKE', 'CREDENTIAL_MISSING', 'CREDENTIAL_WRONG', 'REVOKED', 'JOIN_FIRST'];
  process.exit(badInput.includes(e.code) ? 2 : 1);
}

/** Parses `30m`, `2h`, `45s`, `1500ms` or a bare number of minutes into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(text.trim());
  if (!match) throw new HuddleError('BAD_FRAME', `"${text}" is not a duration: try 30m, 2h or 45s.`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 'm') as 'ms'];
  return Number(match[1]) * unit;
}
