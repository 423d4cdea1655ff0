/**
 * One technical lead at a time. A lead's connection claims the seat (`lead_claim`); the hub takes the
 * lead's lock for it (a session lock in PostgreSQL, shared by every hub on the database; in memory
 * on a hub of its own) and gives it a new epoch. Every command of a lead is checked, inside the
 * transaction that would commit it, against the current epoch: a lead whose seat was taken over
 * (its hub stopped, its lock lost, a standby chosen) is refused with NOT_LEAD, however late its
 * frames arrive. A lead that never claimed is only refused once some lead has claimed.
 */
import { HuddleError } from './errors.js';
import type { LeadSeatView } from './handler-context.js';
import type { LeadLock } from './store/cluster.js';

interface Holder {
  key: object;
  name: string;
  epoch: number;
}

/** The lock of a hub that shares its store with no other: the hub's own memory is the truth. */
export class LocalLeadLock implements LeadLock {
  private taken = false;
  private state = { epoch: 0, holder: '' };

  tryAcquire(): boolean {
    return (this.taken = true);
  }

  held(): boolean {
    return this.taken;
  }

  release(): void {
    this.taken = false;
  }

  current(): { epoch: number; holder: string } {
    return this.state;
  }

  nextEpoch(holder: string): number {
    this.state = { epoch: this.state.epoch + 1, holder };
    return this.state.epoch;
  }

  close(): void {
    this.taken = false;
  }
}

export class LeadSeat {
  private holder: Holder | null = null;

  constructor(
    private readonly lock: LeadLock,
    private readonly log: (line: string) => void,
  ) {}

  /** The seat as the connection `key` (a lead named `name`) sees it; `onUndo` takes back a claim whose batch is abandoned. */
  viewFor(key: object, name: string, onUndo: (undo: () => void) => void): LeadSeatView {
    return {
      claim: () => this.claim(key, name, onUndo),
      check: () => this.check(key),
    };
  }

  /** The connection `key` closed: a seat it held is free. */
  release(key: object): void {
    if (this.holder?.key !== key) return;
    this.log(`${this.holder.name} left the lead's seat (epoch ${this.holder.epoch})`);
    this.holder = null;
    this.lock.release();
  }

  /** Notices a lock lost with its database session; the lead finds out at its next claim. */
  watch(): void {
    if (this.holder && !this.lock.held()) {
      this.log(`the lead's lock was lost (epoch ${this.holder.epoch}): ${this.holder.name} must claim it again`);
      this.holder = null;
    }
  }

  /** The hub is closing: the seat is free for a standby at once. */
  close(): void {
    if (this.holder) this.release(this.holder.key);
  }

  private claim(key: object, name: string, onUndo: (undo: () => void) => void): { granted: boolean; epoch: number; holder: string } {
    this.watch();
    const current = this.lock.current();
    if (this.holder?.key === key) {
      if (current.epoch === this.holder.epoch) return { granted: true, epoch: current.epoch, holder: name };
      // another hub's lead took over while this lock looked held: give it up
      this.holder = null;
      this.lock.release();
    }
    if (this.holder) return { granted: false, epoch: current.epoch, holder: this.holder.name };
    if (!this.lock.tryAcquire()) return { granted: false, epoch: current.epoch, holder: current.holder };
    const epoch = this.lock.nextEpoch(name);
    const holder = { key, name, epoch };
    this.holder = holder;
    onUndo(() => {
      if (this.holder !== holder) return;
      this.holder = null;
      this.lock.release();
    });
    this.log(`${name} holds the lead's seat, epoch ${epoch}`);
    return { granted: true, epoch, holder: name };
  }

  private check(key: object): void {
    const current = this.lock.current();
    if (current.epoch === 0) return;
    if (this.holder?.key === key && this.holder.epoch === current.epoch && this.lock.held()) return;
    throw new HuddleError('NOT_LEAD', `Another technical lead holds the room (epoch ${current.epoch}, ${current.holder}); this one is a standby and may not act. It takes over by claiming the seat once it is free.`);
  }
}
