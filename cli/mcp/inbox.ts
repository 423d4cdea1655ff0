/**
 * The inbox of `huddle mcp`: what was said to this participant, its role or everyone, kept in the MCP
 * process with a cursor, so each `huddle_inbox` call returns only what is new; a call may wait for news
 * and returns as soon as some arrives. The cursor is also written to the data folder (SeenCursor), and
 * read back before each take, so the hook command and the inbox never show the same item twice.
 */
import type { HubEvent } from '../../collaboration-server/protocol.js';
import type { Me } from '../room.js';
import { belongsInInbox, toInboxItem, type InboxItem } from './inbox-item.js';
import type { SeenCursor } from './seen-cursor.js';

export interface InboxOptions {
  me: Me;
  /** where the cursor is shared with the hook command; none in tests of the inbox alone */
  seen?: Pick<SeenCursor, 'read' | 'advance'>;
  /** how many items are kept at most (the oldest unread are dropped first) */
  keep?: number;
  /** the cursor file could not be written: worth a log line, not a failed call */
  onSeenError?: (err: Error) => void;
}

export interface Taken {
  items: InboxItem[];
  /** unread items left for the next call */
  more: number;
}

export class Inbox {
  private events: HubEvent[] = [];
  private cursor: number;
  /** items an earlier answer already showed (the lead's answer to huddle_ask_lead) */
  private readonly delivered = new Set<number>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: InboxOptions) {
    this.cursor = options.seen?.read() ?? 0;
  }

  get me(): Me {
    return this.options.me;
  }

  /** Takes in a hub event; only those for the inbox are kept, each once. */
  add(event: HubEvent): void {
    if (!belongsInInbox(event, this.options.me) || this.events.some((e) => e.seq === event.seq)) return;
    const at = this.events.findIndex((e) => e.seq > event.seq);
    if (at === -1) this.events.push(event);
    else this.events.splice(at, 0, event);
    const keep = this.options.keep ?? 500;
    if (this.events.length > keep) this.events.splice(0, this.events.length - keep);
    for (const listener of [...this.listeners]) listener();
  }

  /** The highest sequence number this participant was shown, here or by the hook. */
  get seenUpTo(): number {
    return Math.max(this.cursor, this.options.seen?.read() ?? 0);
  }

  private unread(): HubEvent[] {
    const floor = this.seenUpTo;
    return this.events.filter((e) => e.seq > floor && !this.delivered.has(e.seq));
  }

  /** Up to `max` unread items, oldest first; the cursor moves past them. */
  take(max = 50): Taken {
    const unread = this.unread();
    const taken = unread.slice(0, max);
    const last = taken[taken.length - 1];
    if (last) {
      this.cursor = last.seq;
      try {
        this.options.seen?.advance(last.seq);
      } catch (err) {
        this.options.onSeenError?.(err as Error);
      }
    }
    return { items: taken.map((e) => toInboxItem(e, this.options.me)), more: unread.length - taken.length };
  }

  /** Like take, but first waits up to `waitMs` for something unread; returns at once when there is. */
  async next(waitMs: number, signal?: AbortSignal, max?: number): Promise<Taken> {
    await this.until(() => this.unread().length > 0, waitMs, signal);
    return this.take(max);
  }

  /**
   * The first item, already here or arriving within `waitMs`, that `matches`; it is then counted as
   * shown, so the inbox does not repeat it.
   */
  async waitFor(matches: (event: HubEvent) => boolean, waitMs: number, signal?: AbortSignal): Promise<InboxItem | undefined> {
    const find = () => this.events.find(matches);
    await this.until(() => find() !== undefined, waitMs, signal);
    const found = find();
    if (!found) return undefined;
    this.delivered.add(found.seq);
    return toInboxItem(found, this.options.me);
  }

  private until(done: () => boolean, waitMs: number, signal?: AbortSignal): Promise<void> {
    if (done() || waitMs <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const check = () => {
        if (done()) finish();
      };
      const timer = setTimeout(finish, waitMs);
      this.listeners.add(check);
      signal?.addEventListener('abort', finish);
    });
  }
}
