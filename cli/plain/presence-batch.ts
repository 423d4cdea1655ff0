/**
 * Presence in the plain line mode, folded as the ink UI folds it: others' joins and leaves wait a
 * moment and come out as one line ("12:04 * Dee joined · 3 terminals reconnected"), so a hub restart
 * is one line, not one per terminal. A line can't be taken back once printed, so the group is held
 * until things go quiet for `quietMs`, or until something else is printed (which keeps the order).
 */
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { utcTime } from '../../collaboration-server/units.js';
import { emptyGroup, foldPresence, presenceText, type PresenceGroup } from '../presence-fold.js';
import { realTimers, type Timers } from '../ui/idle.js';

type Presence = Extract<HubEvent, { type: 'presence' }>;

/** How long the plain mode waits for more joins before it prints them: a restart brings terminals back within about this. */
export const PRESENCE_QUIET_MS = 1500;

export interface PresenceBatch {
  /** one more join or leave; `known`: the room had this name before the event */
  add(event: Presence, known: boolean): void;
  /** prints the held line now, if there is one */
  flush(): void;
}

export function presenceBatch(write: (line: string) => void, { quietMs = PRESENCE_QUIET_MS, timers = realTimers }: { quietMs?: number; timers?: Timers } = {}): PresenceBatch {
  let group: PresenceGroup | undefined;
  let lastTs = 0;
  let handle: unknown;
  const flush = () => {
    timers.clearTimeout(handle);
    handle = undefined;
    const held = group;
    group = undefined;
    const text = held && presenceText(held);
    if (text) write(`${utcTime(lastTs)} * ${text}`);
  };
  return {
    add(event, known) {
      group = foldPresence(group ?? emptyGroup(), event, known);
      lastTs = event.ts;
      timers.clearTimeout(handle);
      handle = timers.setTimeout(flush, quietMs);
    },
    flush,
  };
}
