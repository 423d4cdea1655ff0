import type { Db } from './database.js';
import type { Audience, HubEvent, NewEvent } from '../protocol.js';

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
  private readonly bySprintStmt;
  private readonly lastSeqStmt;
  private readonly byTaskStmt;
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
    this.bySprintStmt = db.prepare(`SELECT body FROM events WHERE sprint_id = ? AND type = ? ORDER BY seq`);
    this.lastSeqStmt = db.prepare(`SELECT max(seq) FROM events`).pluck();
    this.byTaskStmt = db.prepare(`SELECT body FROM events WHERE type = 'task' AND json_extract(body, '$.task.id') = ? ORDER BY seq`);
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

  ofSprint(sprintId: string, type: HubEvent['type']): HubEvent[] {
    return this.parse(this.bySprintStmt.all(sprintId, type) as { body: string }[]);
  }

  /** Every event of one task, in whichever sprint it happened, oldest first. */
  ofTask(taskId: string): HubEvent[] {
    return this.parse(this.byTaskStmt.all(taskId) as { body: string }[]);
  }

  private parse(rows: { body: string }[]): HubEvent[] {
    return rows.map((r) => JSON.parse(r.body) as HubEvent);
  }
}
