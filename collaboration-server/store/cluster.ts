/**
 * What a store shared by several hubs adds to the Store contract (PostgreSQL's, in postgres/cluster.ts):
 * the log read as a follower reads it, a wake-up when another hub commits, who is online on which hub
 * until when, the join tokens every hub hands out, and the lead's lock and epoch. A store that serves
 * one hub (SQLite) has none of it; the hub then runs exactly as before. docs/scale-out.md says what
 * each part guarantees.
 */
import type { Tokens } from '../data-dir.js';
import type { Audience, Participant } from '../protocol.js';
import type { StoredEvent } from './events.js';

/** An event as the log keeps it: with who sent it and who may see it, so any hub can relay it. */
export interface LoggedEvent {
  stored: StoredEvent;
  fromId: string | null;
  to: Audience;
}

/** A participant online on this hub, as it records it for the others. */
export interface PresenceRow {
  participantId: string;
  status: 'online' | 'away';
}

/** The session lock that makes one connection of one hub the lead; `epoch` fences the leads before it. */
export interface LeadLock {
  /** Takes the lock if nobody holds it; true if this hub holds it now. */
  tryAcquire(): boolean;
  /** false once the lock is lost (its database session ended) or released */
  held(): boolean;
  release(): void;
  /** Inside the store's transaction: the lead's epoch (0 before any lead), and who holds it. */
  current(): { epoch: number; holder: string };
  /** Inside the store's transaction: a new epoch for `holder`. */
  nextEpoch(holder: string): number;
  close(): void;
}

export interface ClusterStore {
  /** this hub's name among the others, random per process */
  readonly nodeId: string;
  /**
   * Up to `limit` events after `after`, oldest first, whoever committed them. `background`: a read
   * outside any transaction that may fail rather than hold the hub's thread long (a hung server).
   */
  tail(after: number, limit: number, background?: boolean): LoggedEvent[];
  /** Calls `wake` when another hub may have committed events (and when the wake-up channel was lost and is back). */
  listen(wake: () => void, log: (line: string) => void): () => void;
  /** Records this hub's online participants (and only them) as online until `ttlMs` from now. Outside a transaction, and gives up soon on a hung server, as presenceElsewhere does. */
  touchPresence(participants: PresenceRow[], ttlMs: number): void;
  /** Who is online on other hubs, as far as their unexpired rows say. */
  presenceElsewhere(): Map<string, Participant['status']>;
  /** Inside the store's transaction: removes expired rows and returns the participants now online nowhere. */
  sweepPresence(): string[];
  /** The room's join tokens: the first hub's `mine` become everyone's. */
  shareTokens(mine: Tokens): Tokens;
  readonly leadLock: LeadLock;
}
