/** Notices when a person stops typing and when they are back. Timers are injectable so tests run in milliseconds. */

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface IdleWatch {
  /** the person did something: back from idle if they were, and the quiet time starts again */
  touch(): void;
  readonly idle: boolean;
  stop(): void;
}

/** After `afterMs` without a touch, `onIdle`; on the next touch, `onBack`. */
export function watchIdle({ afterMs, onIdle, onBack, timers = realTimers }: { afterMs: number; onIdle: () => void; onBack: () => void; timers?: Timers }): IdleWatch {
  let idle = false;
  let handle: unknown;
  const arm = () => {
    timers.clearTimeout(handle);
    handle = timers.setTimeout(() => {
      idle = true;
      onIdle();
    }, afterMs);
  };
  arm();
  return {
    touch() {
      if (idle) {
        idle = false;
        onBack();
      }
      arm();
    },
    get idle() {
      return idle;
    },
    stop: () => timers.clearTimeout(handle),
  };
}
