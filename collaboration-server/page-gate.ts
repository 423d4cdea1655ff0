/**
 * Backpressure for pages, per connection: a history query is answered only while less than
 * `threshold` bytes wait for the client, and one a batch; otherwise it, and every frame the client
 * sent after it, wait in order until the client has read. A client that asks for pages and never
 * reads them costs the hub a page or two, and is dropped like any slow reader once live traffic
 * passes the send cap.
 */
import type { GroupCommit, Outlet } from './group-commit.js';

export class PageGate<T> {
  private held: T[] | null = null;
  private pagedThisBatch = false;

  constructor(
    private readonly out: Outlet,
    private readonly commits: GroupCommit<T>,
    private readonly threshold: number,
  ) {}

  /** Keeps `item` back if frames are waiting already; true when it did. */
  holds(item: T): boolean {
    if (!this.held) return false;
    this.held.push(item);
    this.commits.onUndo(() => this.held?.pop());
    return true;
  }

  /** Whether a page may be answered now; if not, `item` waits (and so do the frames after it). */
  admit(item: T): boolean {
    if (this.pagedThisBatch || this.out.ws.bufferedAmount > this.threshold) {
      this.hold(item);
      return false;
    }
    this.pagedThisBatch = true;
    this.commits.afterCommit(() => (this.pagedThisBatch = false));
    this.commits.onUndo(() => (this.pagedThisBatch = false));
    return true;
  }

  /** The connection closed: what waits is dropped. */
  close(): void {
    this.held = null;
  }

  private hold(item: T): void {
    this.held = [item];
    this.commits.onUndo(() => (this.held = null));
    this.commits.afterCommit(() => {
      const release = () => {
        const held = this.held ?? [];
        this.held = null;
        for (const a of held) this.commits.push(a);
      };
      const socket = this.out.socket;
      if (socket.writableNeedDrain && this.out.ws.bufferedAmount > this.threshold) socket.once('drain', release);
      else setImmediate(release);
    });
  }
}
