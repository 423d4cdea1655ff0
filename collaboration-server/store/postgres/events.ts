import type { EventStore } from '../store.js';
import { pageOf, type EventPage, type PageQuery, type StoredEvent, type Viewer } from '../events.js';
import type { Audience, HubEvent, NewEvent } from '../../protocol.js';
import type { SyncClient } from './sync-client.js';

/** Who may see an event (audience.ts's rule, as in store/events.ts), with the viewer as $1 id, $2 name, $3 role. */
const VISIBLE = `(
  e.to_kind = 'all'
  OR e.from_id = $1
  OR (e.to_kind = 'participant' AND e.to_value = $2)
  OR (e.to_kind = 'role' AND e.to_value = $3)
  OR $3 = 'orchestrator'
)`;

type Body = { body: string };

/**
 * The log. Every write transaction holds the room's advisory lock from BEGIN (postgres/index.ts), so
 * the next number is the highest committed one plus one: gapless, and in commit order, whichever hub
 * writes. The transaction keeps the number it reached; a rolled-back savepoint takes it back.
 */
export class PostgresEventLog implements EventStore {
  /** the last number used in the open transaction, once read */
  private seq: number | null = null;
  /** whether the open transaction appended anything: its commit then wakes the other hubs */
  private appended = false;

  constructor(
    private readonly sql: SyncClient,
    private readonly inTransaction: () => boolean,
  ) {}

  append(event: NewEvent, ts: number, fromId: string | null, to: Audience = { kind: 'all' }, sprintId: string | null = null): StoredEvent {
    if (!this.inTransaction()) throw new Error('EventLog.append runs inside store.transaction');
    const toValue = to.kind === 'participant' ? to.name : to.kind === 'role' ? to.role : null;
    const seq = this.lastSeq() + 1;
    const full = { seq, ts, ...event } as HubEvent;
    const json = JSON.stringify(full);
    this.sql.query('INSERT INTO events (seq, ts, type, from_id, to_kind, to_value, sprint_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
      seq, ts, event.type, fromId, to.kind, toValue, sprintId, json,
    ]);
    this.seq = seq;
    this.appended = true;
    return { event: full, json };
  }

  lastSeq(): number {
    if (this.seq !== null && this.inTransaction()) return this.seq;
    const seq = this.sql.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM events')[0]!.seq;
    if (this.inTransaction()) this.seq = seq;
    return seq;
  }

  /** Where the open transaction stands, to go back to if a savepoint is rolled back. */
  mark(): number | null {
    return this.seq;
  }

  reset(mark: number | null): void {
    this.seq = mark;
    if (mark === null) this.appended = false;
  }

  /** Whether the transaction appended events; clears it. */
  takeAppended(): boolean {
    const appended = this.appended;
    this.appended = false;
    return appended;
  }

  since(after: number, viewer: Viewer, limit: number): HubEvent[] {
    return this.parse(this.sql.query<Body>(`SELECT body FROM events e WHERE e.seq > $4 AND ${VISIBLE} ORDER BY e.seq LIMIT $5`, [...this.who(viewer), after, limit]));
  }

  history(viewer: Viewer, limit: number, before = Number.MAX_SAFE_INTEGER, all = false, after?: number): HubEvent[] {
    const type = all ? '' : `e.type = 'message' AND `;
    if (after !== undefined) {
      return this.parse(this.sql.query<Body>(`SELECT body FROM events e WHERE ${type}e.seq > $4 AND e.seq < $5 AND ${VISIBLE} ORDER BY e.seq LIMIT $6`, [...this.who(viewer), after, before, limit]));
    }
    return this.parse(this.sql.query<Body>(`SELECT body FROM events e WHERE ${type}e.seq < $4 AND ${VISIBLE} ORDER BY e.seq DESC LIMIT $5`, [...this.who(viewer), before, limit])).reverse();
  }

  page(viewer: Viewer, query: PageQuery): EventPage {
    if (query.limit < 1) return { events: [] };
    const forward = query.after !== undefined;
    const type = query.all ? '' : `e.type = 'message' AND `;
    const rows = this.sql.query<Body>(
      `SELECT body FROM events e WHERE ${type}e.seq > $4 AND e.seq < $5 AND ${VISIBLE} ORDER BY e.seq ${forward ? 'ASC' : 'DESC'} LIMIT $6`,
      [...this.who(viewer), query.after ?? 0, query.before ?? Number.MAX_SAFE_INTEGER, query.limit + 1],
    );
    return pageOf(rows.map((r) => r.body), query);
  }

  ofSprint(sprintId: string, type: HubEvent['type']): HubEvent[] {
    return this.parse(this.sql.query<Body>('SELECT body FROM events WHERE sprint_id = $1 AND type = $2 ORDER BY seq', [sprintId, type]));
  }

  private who(viewer: Viewer): string[] {
    return [viewer.id, viewer.name, viewer.role];
  }

  private parse(rows: Body[]): HubEvent[] {
    return rows.map((r) => JSON.parse(r.body) as HubEvent);
  }
}
