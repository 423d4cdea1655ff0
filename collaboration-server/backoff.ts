/**
 * How long a client waits before it tries to reach the hub again: doubling from `minMs` up to
 * `maxMs`, with jitter (between half and all of it) so that many clients of a restarted hub do not
 * come back at the same instant. No timer here: the caller schedules the wait; `random` is injectable.
 *
 * Browser-safe: the page uses it too (`web/hub-link.ts`).
 */
export interface BackoffOptions {
  minMs: number;
  maxMs: number;
  /** a number in [0, 1): Math.random unless a test fixes it */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;

  constructor(private readonly options: BackoffOptions) {}

  /** The wait before the next attempt; each call doubles the one after it. */
  next(): number {
    const { minMs, maxMs, random = Math.random } = this.options;
    return Math.min(maxMs, minMs * 2 ** this.attempt++) * (0.5 + random() * 0.5);
  }

  /** A connection worked: the next failure waits the least again. */
  reset(): void {
    this.attempt = 0;
  }
}
