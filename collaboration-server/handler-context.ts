/** What a command or query handler is given, and what a command returns: the events to relay. */
import type { Audience } from './protocol.js';
import type { ParticipantRow, Store, StoredEvent } from './store/index.js';

export interface HandlerContext {
  store: Store;
  now: number;
  actor: ParticipantRow;
  admin: boolean;
  isOnline(participantId: string): boolean;
  /** bytes in one page of a history answer; PAGE_BYTES when omitted */
  pageBytes?: number;
}

export interface Delivery {
  stored: StoredEvent;
  fromId: string | null;
  to: Audience;
}

export interface CommandOutcome {
  deliveries: Delivery[];
  result?: Record<string, unknown>;
}
