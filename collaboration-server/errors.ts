/** One error vocabulary for the hub, its clients and the CLI. */

export const ERROR_CODES = {
  BAD_JSON: 'the frame is not valid JSON',
  BAD_FRAME: 'the frame does not match the protocol',
  UNKNOWN_TYPE: 'the frame type is unknown',
  NOT_JOINED: 'send hello before anything else',
  ALREADY_JOINED: 'this connection already said hello',
  PROTOCOL_MISMATCH: 'the client speaks another protocol version',
  NAME_TAKEN: 'another live connection uses this name',
  BAD_NAME: 'the name holds characters a reader cannot see',
  NAME_LOOKALIKE: 'the name reads like another participant’s or a reserved name',
  CREDENTIAL_MISSING: 'this name has joined before; its credential is needed',
  CREDENTIAL_WRONG: 'the credential does not belong to this name',
  REVOKED: 'the product owner revoked this participant',
  JOIN_FIRST: 'a name that has not joined may only read; join once with huddle agent',
  FORBIDDEN: 'this participant may not do that',
  UNKNOWN_ROLE: 'the role is not one the hub knows',
  NOT_FOUND: 'no such thing',
  INVALID_TRANSITION: 'the task cannot move that way from its current status',
  CONFLICT: 'the request conflicts with the current state',
  NOT_LEAD: 'another technical lead holds the room; this one is a standby',
  STORAGE_FULL: 'the hub could not save: its disk is full',
  STORAGE_FAILED: 'the hub could not save the frame',
  RATE_LIMITED: 'too many frames',
  INTERNAL: 'the hub failed unexpectedly',
  LOCAL: 'this program failed on this machine, not in the hub',
  TIMEOUT: 'no answer in time',
  DISCONNECTED: 'the connection to the hub is closed',
  UNAUTHORIZED: 'the token is missing or wrong',
  UNSAFE_DATA: 'the data folder, or a file in it, could have been planted by someone else',
  DAMAGED_DATABASE: 'the database cannot be read',
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class HuddleError extends Error {
  override readonly name = 'HuddleError';
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Where something was thrown: in the hub (which reports it to the client in an error frame), or
 * here, in this program on this machine (a CLI command, an agent runner). The words say which.
 */
export type FailureSite = 'hub' | 'local';

/** Anything thrown, as a HuddleError whose message says what failed and where. */
export function toHuddleError(err: unknown, site: FailureSite = 'local'): HuddleError {
  if (err instanceof HuddleError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || (code === 'ENOSPC' && site === 'hub')) {
    return new HuddleError('STORAGE_FULL', 'The hub could not save this: its disk is full. Free some space and send it again.', { cause: err });
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return new HuddleError('STORAGE_FAILED', `The hub could not save this (${code}). Send it again; if it persists, check the hub's data folder.`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  if (site === 'hub') return new HuddleError('INTERNAL', `The hub failed unexpectedly: ${message}`, { cause: err });
  const onFile = typeof (err as { path?: unknown } | null)?.path === 'string' ? ' Check that path and its permissions.' : '';
  return new HuddleError('LOCAL', `Failed on this machine, not in the hub: ${message.replace(/\.$/, '')}.${onFile}`, { cause: err });
}

/** WebSocket close codes used by the hub (1000-1015 from RFC 6455, 4000+ ours). */
export const CLOSE_CODES = {
  NORMAL: 1000,
  POLICY: 1008, // rate limit exceeded
  TOO_BIG: 1009, // frame over the size bound (sent by ws itself)
  REPLACED: 4000, // the same participant connected again elsewhere
  HEARTBEAT: 4001, // no pong in time
  SHUTDOWN: 4002, // the hub is stopping
  REVOKED: 4003, // the product owner revoked or reset this participant's credential
} as const;
