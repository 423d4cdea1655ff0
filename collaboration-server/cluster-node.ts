/**
 * A hub as one node of several on a shared store (store/cluster.ts). The log is the truth: the node
 * keeps a cursor, the last sequence number it relayed, and relays every event after it, in order and
 * without a gap, whichever node committed it. A commit of its own first relays what other nodes
 * committed before it (the room's lock made those earlier, so they are in the log); a wake-up from
 * another node's commit, or the poll that stands in when the wake-up channel is down, relays the
 * rest. Clients may thus connect to any node and resume there from their last sequence.
 *
 * Presence: every node records its online participants with a time to live and reads the others';
 * participants of a node that stopped refreshing (it died, or lost the database) are announced as
 * gone by whichever node sweeps first.
 */
import type { Clock } from './clock.js';
import { toHuddleError } from './errors.js';
import type { Delivery } from './handler-context.js';
import type { Participant } from './protocol.js';
import type { ClusterStore, PresenceRow } from './store/cluster.js';
import type { ParticipantRow, Store } from './store/index.js';

export interface ClusterTiming {
  /** how long a node's presence rows stay valid without a refresh */
  presenceTtlMs: number;
  /** how often a node refreshes its rows, reads the others' and sweeps the expired */
  presenceEveryMs: number;
  /** how often the log is read without a wake-up */
  pollMs: number;
}

export const CLUSTER_TIMING: ClusterTiming = { presenceTtlMs: 10_000, presenceEveryMs: 2_000, pollMs: 1_000 };

/** events read from the log per query while catching up */
const TAIL_PAGE = 500;

export interface ClusterNodeOptions {
  store: Store;
  cluster: ClusterStore;
  clock: Clock;
  /** relays events to this node's connections */
  relay(deliveries: Delivery[]): void;
  /** this node's online participants */
  localPresence(): PresenceRow[];
  /** registers how to undo an in-memory change should the current batch be abandoned */
  onUndo(undo: () => void): void;
  /** called every presence round (the lead's seat watches its lock there) */
  onRound?(): void;
  timing?: Partial<ClusterTiming>;
  log(line: string): void;
}

export class ClusterNode {
  private cursor: number;
  private elsewhere = new Map<string, Participant['status']>();
  private readonly timers: NodeJS.Timeout[];
  private readonly stopListening: () => void;
  private failing = false;
  private woken = false;
  private closed = false;

  constructor(private readonly options: ClusterNodeOptions) {
    const timing = { ...CLUSTER_TIMING, ...options.timing };
    this.cursor = options.store.events.lastSeq();
    this.stopListening = options.cluster.listen(() => this.wake(), options.log);
    this.timers = [setInterval(() => this.catchUp(), timing.pollMs), setInterval(() => this.presenceRound(timing.presenceTtlMs), timing.presenceEveryMs)];
    for (const t of this.timers) t.unref();
    this.presenceRound(timing.presenceTtlMs);
  }

  /**
   * The node's own new events, preceded by those other nodes committed since the cursor. Called
   * where the hub relays events, inside the transaction that appended them or just after it.
   */
  inOrder(own: Delivery[]): Delivery[] {
    const fresh = own.filter((d) => d.stored.event.seq > this.cursor);
    if (fresh.length === 0) return fresh;
    const first = fresh[0]!.stored.event.seq;
    const before = this.cursor;
    const earlier = first > before + 1 ? this.options.cluster.tail(before, first - before - 1) : [];
    this.cursor = fresh.at(-1)!.stored.event.seq;
    this.options.onUndo(() => (this.cursor = before));
    return [...contiguous(earlier, before), ...fresh];
  }

  /** Whether a participant is online on another node, and how. */
  statusElsewhere(participantId: string): Participant['status'] | undefined {
    return this.elsewhere.get(participantId);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.stopListening();
  }

  /** Many notifications in one turn of the event loop make one read of the log. */
  private wake(): void {
    if (this.woken) return;
    this.woken = true;
    setImmediate(() => {
      this.woken = false;
      if (!this.closed) this.catchUp();
    });
  }

  /** Relays what other nodes committed after the cursor. */
  private catchUp(): void {
    try {
      for (;;) {
        const page = contiguous(this.options.cluster.tail(this.cursor, TAIL_PAGE, true), this.cursor);
        if (page.length === 0) break;
        this.cursor = page.at(-1)!.stored.event.seq;
        this.options.relay(page);
        if (page.length < TAIL_PAGE) break;
      }
      this.recovered();
    } catch (err) {
      this.failed('read the log', err);
    }
  }

  private presenceRound(ttlMs: number): void {
    const { store, cluster } = this.options;
    try {
      cluster.touchPresence(this.options.localPresence(), ttlMs);
      this.elsewhere = cluster.presenceElsewhere();
      const now = this.options.clock.now();
      const left = store.transaction(() => {
        const gone = new Set(cluster.sweepPresence());
        if (gone.size === 0) return [];
        return store.participants
          .all()
          .filter((p) => gone.has(p.id))
          .map((p) => announceGone(store, p, now));
      });
      if (left.length) this.options.relay(this.inOrder(left));
      this.recovered();
    } catch (err) {
      this.failed('refresh presence', err);
    }
    this.options.onRound?.();
  }

  private failed(what: string, err: unknown): void {
    if (!this.failing) this.options.log(`could not ${what} in the shared store (${toHuddleError(err, 'hub').message}); trying again`);
    this.failing = true;
  }

  private recovered(): void {
    if (this.failing) this.options.log('the shared store answers again');
    this.failing = false;
  }
}

/** The events that follow `after` without a gap: a later one is left for the next read. */
function contiguous<T extends { stored: { event: { seq: number } } }>(events: T[], after: number): T[] {
  const out: T[] = [];
  for (const e of events) {
    if (e.stored.event.seq !== after + out.length + 1) break;
    out.push(e);
  }
  return out;
}

function announceGone(store: Store, p: ParticipantRow, now: number): Delivery {
  const stored = store.events.append({ type: 'presence', participant: { id: p.id, name: p.name, role: p.role, status: 'offline' }, change: 'left' }, now, p.id);
  return { stored, fromId: p.id, to: { kind: 'all' } };
}
