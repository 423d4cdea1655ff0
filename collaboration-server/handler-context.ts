/** What a command or query handler is given, and what a command returns: the events to relay. */
import type { Audience } from './protocol.js';
import type { ParticipantRow, Store, StoredEvent } from './store/index.js';

export interface HandlerContext {
  store: Store;
  now: number;
  actor: ParticipantRow;
  admin: boolean;
  isOnline(participantId: string): boolean;
  /** the lead's seat as this connection sees it (lead-seat.ts); absent where there is none */
  lead?: LeadSeatView;
  /** bytes in one page of a history answer; PAGE_BYTES when omitted */
  pageBytes?: number;
}

export interface LeadSeatView {
  /** Takes or keeps the seat for this connection; what the claim's ack says. */
  claim(): { granted: boolean; epoch: number; holder: string };
  /** Refuses (NOT_LEAD) a lead's command from a connection that does not hold the current epoch. */
  check(): void;
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
