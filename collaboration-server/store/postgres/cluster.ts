/**
 * PostgreSQL's part in several hubs sharing one room (the ClusterStore of store/cluster.ts). Times
 * that several hubs compare (presence's time to live) are the database's clock, so the hubs' own
 * clocks may disagree.
 */
import { nanoid } from 'nanoid';
import type { Tokens } from '../../data-dir.js';
import type { Audience, HubEvent, Participant } from '../../protocol.js';
import type { ClusterStore, LoggedEvent, PresenceRow } from '../cluster.js';
import { PostgresLeadLock } from './lead-lock.js';
import { listenForEvents } from './listener.js';
import { SHORT_WAIT_MS, type SyncClient } from './sync-client.js';

const NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';

interface EventRow {
  from_id: string | null;
  to_kind: Audience['kind'];
  to_value: string | null;
  body: string;
}

function audienceOf(row: EventRow): Audience {
  if (row.to_kind === 'participant') return { kind: 'participant', name: row.to_value! };
  if (row.to_kind === 'role') return { kind: 'role', role: row.to_value! };
  return { kind: 'all' };
}

export class PostgresCluster implements ClusterStore {
  readonly nodeId = `node-${nanoid(8)}`;
  readonly leadLock: PostgresLeadLock;

  constructor(
    private readonly url: string,
    private readonly sql: SyncClient,
  ) {
    this.leadLock = new PostgresLeadLock(url, sql);
  }

  tail(after: number, limit: number, background = false): LoggedEvent[] {
    const rows = this.sql.query<EventRow>('SELECT from_id, to_kind, to_value, body FROM events WHERE seq > $1 ORDER BY seq LIMIT $2', [after, limit], background ? SHORT_WAIT_MS : undefined);
    return rows.map((row) => ({ stored: { event: JSON.parse(row.body) as HubEvent, json: row.body }, fromId: row.from_id, to: audienceOf(row) }));
  }

  listen(wake: () => void, log: (line: string) => void): () => void {
    return listenForEvents(this.url, wake, log);
  }

  touchPresence(participants: PresenceRow[], ttlMs: number): void {
    this.sql.query(
      `WITH gone AS (DELETE FROM presence WHERE node_id = $1 AND participant_id <> ALL($2::text[]))
       INSERT INTO presence (participant_id, node_id, status, expires_at)
       SELECT m.participant_id, $1, m.status, ${NOW_MS} + $4 FROM unnest($2::text[], $3::text[]) AS m(participant_id, status)
       ON CONFLICT (participant_id, node_id) DO UPDATE SET status = excluded.status, expires_at = excluded.expires_at`,
      [this.nodeId, participants.map((p) => p.participantId), participants.map((p) => p.status), ttlMs],
      SHORT_WAIT_MS,
    );
  }

  presenceElsewhere(): Map<string, Participant['status']> {
    const rows = this.sql.query<{ participant_id: string; status: 'online' | 'away' }>(
      `SELECT participant_id, status FROM presence WHERE node_id <> $1 AND expires_at >= ${NOW_MS} ORDER BY status = 'online'`,
      [this.nodeId],
      SHORT_WAIT_MS,
    );
    // 'online' rows come last, so where a participant is on two hubs, online wins over away
    return new Map(rows.map((r) => [r.participant_id, r.status]));
  }

  sweepPresence(): string[] {
    // The statement sees the table as it was before its DELETE: the expired rows themselves are excluded by time.
    return this.sql
      .query<{ participant_id: string }>(
        `WITH gone AS (DELETE FROM presence WHERE expires_at < ${NOW_MS} RETURNING participant_id)
         SELECT DISTINCT g.participant_id FROM gone g
         WHERE NOT EXISTS (SELECT 1 FROM presence p WHERE p.participant_id = g.participant_id AND p.expires_at >= ${NOW_MS})`,
      )
      .map((r) => r.participant_id);
  }

  shareTokens(mine: Tokens): Tokens {
    this.sql.query("INSERT INTO secrets (name, value) VALUES ('admin-token', $1), ('member-token', $2) ON CONFLICT (name) DO NOTHING", [mine.admin, mine.member]);
    const rows = this.sql.query<{ name: string; value: string }>("SELECT name, value FROM secrets WHERE name IN ('admin-token', 'member-token')");
    const value = (name: string) => rows.find((r) => r.name === name)!.value;
    return { admin: value('admin-token'), member: value('member-token') };
  }

  close(): void {
    this.leadLock.close();
  }
}
