/**
 * The same tool call retried is applied once. An agent retries a call that did not get a clear answer
 * (the hub was down, the frame waits in the outbox); the retry must not post the message twice. So
 * while a call's outcome is undecided, the same tool with the same arguments, made again within
 * `keepMs`, gets the same frame id, and the hub, which applies each frame id once, answers it as a
 * duplicate. Once a call got an answer (done, or refused), the same call again is a new one.
 */
import { createHash } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { Clock } from '../../collaboration-server/clock.js';
import { HuddleError } from '../../collaboration-server/errors.js';

export const REPEAT_WINDOW_MS = 10 * 60_000;

/** JSON with sorted keys: `{a, b}` and `{b, a}` are the same call. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hub may yet apply it: the frame is queued, or its answer was not heard in time. */
const undecided = (err: unknown) => err instanceof HuddleError && (err.code === 'DISCONNECTED' || err.code === 'TIMEOUT');

export class CallMemory {
  private readonly pending = new Map<string, { id: string; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly keepMs = REPEAT_WINDOW_MS,
  ) {}

  /** Runs `send` with the call's frame id: the undecided earlier one (`repeat`) or a new one. */
  async once<T>(tool: string, args: unknown, send: (id: string, repeat: boolean) => Promise<T>): Promise<T> {
    const now = this.clock.now();
    for (const [key, call] of this.pending) if (now - call.at > this.keepMs) this.pending.delete(key);
    // hashed: an attachment's content can be long
    const key = createHash('sha256').update(`${tool} ${canonical(args)}`).digest('base64url');
    const earlier = this.pending.get(key);
    const id = earlier?.id ?? `mcp-${nanoid(12)}`;
    this.pending.set(key, { id, at: now });
    try {
      const result = await send(id, !!earlier);
      this.pending.delete(key);
      return result;
    } catch (err) {
      if (!undecided(err)) this.pending.delete(key);
      throw err;
    }
  }
}
