/**
 * Where a client is in the room's log, with no socket: the last sequence number it has passed on,
 * which its hello names so the hub replays exactly what was missed. Each event passes once, in order:
 * one replayed and also seen live (or the other way round) is skipped. The Node client (`client.ts`)
 * and the web page (`web/hub-link.ts`) both keep one.
 *
 * Browser-safe: it imports only types, and the page loads it as it is (`tsc -p web`).
 */
import type { HubEvent } from './protocol.js';

export class EventCursor {
  /** the last sequence passed on; undefined before the first welcome */
  lastSeq: number | undefined;

  /** True once there is a place to resume from: a welcome's history is then what was missed. */
  get resuming(): boolean {
    return this.lastSeq !== undefined;
  }

  /** The hello's part of a resume: `{ lastSeq }`, or nothing on a first join. */
  resumeFields(): { lastSeq?: number } {
    return this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {};
  }

  /** True when `event` is new and is to be passed on; the cursor then stands on it. */
  pass(event: HubEvent): boolean {
    if (this.lastSeq !== undefined && event.seq <= this.lastSeq) return false;
    this.lastSeq = event.seq;
    return true;
  }

  /** The welcome's history that is new to this client (none on a first join, which starts at the welcome). */
  missed(history: readonly HubEvent[]): HubEvent[] {
    return this.resuming ? history.filter((event) => this.pass(event)) : [];
  }

  /** The client has caught up with a welcome that stood at `lastSeq`. */
  caughtUp(lastSeq: number): void {
    this.lastSeq = Math.max(this.lastSeq ?? 0, lastSeq);
  }
}
