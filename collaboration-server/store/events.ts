import type { Db } from './database.js';
import type { Audience, HubEvent, NewEvent, PageCursor } from '../protocol.js';

/** Who is reading: decides which directed events they may see. */
export interface Viewer {
  id: string;
  name: string;
  role: string;
}

export const viewerOf = (p: Viewer): Viewer => ({ id: p.id, name: p.name, role: p.role });

export interface StoredEvent {
  event: HubEvent;
  /** the event serialised once, reused for every recipient */
  json: string;
}

/** One page of a history query or a replay. */
export interface PageQuery {
  /** events above this sequence number, oldest first; without it, the latest below `before` */
  after?: number | undefined;
  before?: number | undefined;
  /** every event type, not only messages */
  all: boolean;
  limit: number;
  /** the page ends before the event that would take it past this many bytes; it holds at least one */
  maxBytes: number;
}

export interface EventPage {
  /** oldest first */
  events: HubEvent[];
  /** present when more events match: merge it into the query for the next page */
  next?: PageCursor;
}

const VISIBLE = `(
  e.to_kind = 'all'
  OR e.from_id = @id
  OR (e.to_kind = 'participant' AND e.to_value = @name)
  OR (e.to_kind = 'role' AND e.to_value = @role)
  OR @role = 'orchestrator'
)`;

/** The sequenced event log: every event the hub relays, in order, forever. */
export class EventLog {
  private readonly insert;
  private readonly sinceStmt;
  private readonly historyStmt;
  private readonly historyAllStmt;
  private readonly historyAfterStmt;
  private readonly historyAllAfterStmt;
  private readonly pageStmts;
  private readonly bySprintStmt;
  private readonly lastSeqStmt;
  private readonly byTaskStmt;
  private readonly countByTaskStmt;
  private seq: number;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      'INSERT INTO events (seq, ts, type, from_id, to_kind, to_value, sprint_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.sinceStmt = db.prepare(`SELECT body FROM events e WHERE e.seq > @after AND ${VISIBLE} ORDER BY e.seq LIMIT @limit`);
    this.historyStmt = db.prepare(
      `SELECT body FROM events e WHERE e.type = 'message' AND e.seq < @before AND ${VISIBLE} ORDER BY e.seq DESC LIMIT @limit`,
    );
    this.historyAllStmt = db.prepare(
      `SELECT body FROM events e WHERE e.seq < @before AND ${VISIBLE} ORDER BY e.seq DESC LIMIT @limit`,
    );
    this.historyAfterStmt = db.prepare(
      `SELECT body FROM events e WHERE e.type = 'message' AND e.seq > @after AND e.seq < @before AND ${VISIBLE} ORDER BY e.seq LIMIT @limit`,
    );
    this.historyAllAfterStmt = db.prepare(`SELECT body FROM events e WHERE e.seq > @after AND e.seq < @before AND ${VISIBLE} ORDER BY e.seq LIMIT @limit`);
    const page = (order: 'ASC' | 'DESC', all: boolean) =>
      db
        .prepare(`SELECT body FROM events e WHERE e.seq > @after AND e.seq < @before ${all ? '' : "AND e.type = 'message'"} AND ${VISIBLE} ORDER BY e.seq ${order} LIMIT @limit`)
        .pluck();
    this.pageStmts = { forward: { messages: page('ASC', false), all: page('ASC', true) }, backward: { messages: page('DESC', false), all: page('DESC', true) } };
    this.bySprintStmt = db.prepare(`SELECT body FROM events WHERE sprint_id = ? AND type = ? ORDER BY seq`);
    this.lastSeqStmt = db.prepare(`SELECT max(seq) FROM events`).pluck();
    this.byTaskStmt = db.prepare(`SELECT body FROM events WHERE type = 'task' AND json_extract(body, '$.task.id') = ? ORDER BY seq DESC LIMIT ?`);
    this.countByTaskStmt = db.prepare(`SELECT count(*) FROM events WHERE type = 'task' AND json_extract(body, '$.task.id') = ?`).pluck();
    this.seq = (this.lastSeqStmt.get() as number | null) ?? 0;
  }

  /** Appends an event; call inside the transaction that makes the change it reports. */
  append(event: NewEvent, ts: number, fromId: string | null, to: Audience = { kind: 'all' }, sprintId: string | null = null): StoredEvent {
    const toValue = to.kind === 'participant' ? to.name : to.kind === 'role' ? to.role : null;
    // The hub is the only writer (it holds the data folder's lock), so it can number events itself
    // and write each body once. A rolled-back append leaves a gap, never a repeat.
    const seq = ++this.seq;
    const full = { seq, ts, ...event } as HubEvent;
    const json = JSON.stringify(full);
    this.insert.run(seq, ts, event.type, fromId, to.kind, toValue, sprintId, json);
    return { event: full, json };
  }

  lastSeq(): number {
    return this.seq;
  }

  /** Everything the viewer may see after `after`, oldest first. */
  since(after: number, viewer: Viewer, limit: number): HubEvent[] {
    return this.parse(this.sinceStmt.all({ ...viewer, after, limit }) as { body: string }[]);
  }

  /**
   * The latest `limit` events (messages only unless `all`) before `before`, oldest first; given
   * `after`, the first `limit` events after it instead, so that a reader can page forward.
   */
  history(viewer: Viewer, limit: number, before = Number.MAX_SAFE_INTEGER, all = false, after?: number): HubEvent[] {
    if (after !== undefined) {
      const stmt = all ? this.historyAllAfterStmt : this.historyAfterStmt;
      return this.parse(stmt.all({ ...viewer, after, before, limit }) as { body: string }[]);
    }
    const stmt = all ? this.historyAllStmt : this.historyStmt;
    return this.parse(stmt.all({ ...viewer, before, limit }) as { body: string }[]).reverse();
  }

  /**
   * What the viewer may see in one page: forward from `after` (a replay), or the latest before
   * `before`. Rows are read one at a time and the page stops at `maxBytes`, so a long log costs one
   * page of memory, not the whole log.
   */
  page(viewer: Viewer, query: PageQuery): EventPage {
    if (query.limit < 1) return { events: [] };
    const stmt = this.pageStmts[query.after !== undefined ? 'forward' : 'backward'][query.all ? 'all' : 'messages'];
    return pageOf(stmt.iterate({ ...viewer, after: query.after ?? 0, before: query.before ?? Number.MAX_SAFE_INTEGER, limit: query.limit + 1 }) as IterableIterator<string>, query);
  }

  ofSprint(sprintId: string, type: HubEvent['type']): HubEvent[] {
    return this.parse(this.bySprintStmt.all(sprintId, type) as { body: string }[]);
  }

  /** The latest `limit` events of one task, in whichever sprint they happened, oldest first; and how many it has in all. */
  ofTask(taskId: string, limit: number): { events: HubEvent[]; total: number } {
    return { events: this.parse(this.byTaskStmt.all(taskId, limit) as { body: string }[]).reverse(), total: this.countByTaskStmt.get(taskId) as number };
  }

  private parse(rows: { body: string }[]): HubEvent[] {
    return rows.map((r) => JSON.parse(r.body) as HubEvent);
  }
}

/**
 * One page from rows in reading order (oldest first forward, newest first backward, at most
 * `limit + 1` of them): it stops at `limit` events or `maxBytes`, whichever comes first, and says where
 * the next page starts. Every store pages through this, so a page means the same whatever the store.
 */
export function pageOf(rows: Iterable<string>, query: PageQuery): EventPage {
  const forward = query.after !== undefined;
  const bodies: string[] = [];
  let bytes = 0;
  let more = false;
  for (const body of rows) {
    const size = Buffer.byteLength(body);
    if (bodies.length === query.limit || (bodies.length > 0 && bytes + size > query.maxBytes)) {
      more = true;
      break;
    }
    bodies.push(body);
    bytes += size;
  }
  if (!forward) bodies.reverse();
  const events = bodies.map((b) => JSON.parse(b) as HubEvent);
  if (!more) return { events };
  return { events, next: forward ? { after: events.at(-1)!.seq } : { before: events[0]!.seq } };
}
