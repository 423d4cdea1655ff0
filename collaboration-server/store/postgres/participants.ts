import type { Credential, ParticipantRecord, ParticipantRow } from '../participants.js';
import type { ParticipantStore } from '../store.js';
import { nameKeys } from '../../names.js';
import type { SyncClient } from './sync-client.js';

const COLS = 'id, name, role, session_id AS "sessionId", created_at AS "createdAt", last_seen AS "lastSeen"';

export class PostgresParticipants implements ParticipantStore {
  constructor(private readonly sql: SyncClient) {}

  byName(name: string): ParticipantRow | undefined {
    return this.sql.query<ParticipantRow>(`SELECT ${COLS} FROM participants WHERE name = $1`, [name])[0];
  }

  byCredential(hash: string): ParticipantRow | undefined {
    return this.rows(`SELECT ${COLS} FROM participants WHERE credential_hash = $1 AND credential_state = 'active'`, [hash])[0];
  }

  lookalikeOf(name: string): ParticipantRow | undefined {
    const { same, look } = nameKeys(name);
    return this.rows(`SELECT ${COLS} FROM participants WHERE (same_key = $1 OR look_key = $2) AND name <> $3 ORDER BY created_at, pos LIMIT 1`, [same, look, name])[0];
  }

  all(): ParticipantRow[] {
    return this.rows(`SELECT ${COLS} FROM participants ORDER BY created_at, pos`);
  }

  recent(limit: number): ParticipantRow[] {
    return this.rows(`SELECT ${COLS} FROM participants ORDER BY last_seen DESC, created_at DESC, pos DESC LIMIT $1`, [limit]);
  }

  records(): ParticipantRecord[] {
    return this.sql.query<ParticipantRecord>(`SELECT ${COLS}, credential_state AS credential FROM participants ORDER BY created_at, pos`);
  }

  count(): number {
    return this.sql.query<{ n: number }>('SELECT count(*) AS n FROM participants')[0]!.n;
  }

  create(row: ParticipantRow, credentialHash: string): void {
    const { same, look } = nameKeys(row.name);
    this.sql.query(
      `INSERT INTO participants (id, name, role, session_id, created_at, last_seen, same_key, look_key, credential_hash, credential_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active')`,
      [row.id, row.name, row.role, row.sessionId, row.createdAt, row.lastSeen, same, look, credentialHash],
    );
  }

  update(row: ParticipantRow): void {
    this.sql.query('UPDATE participants SET role = $1, session_id = $2, last_seen = $3 WHERE id = $4', [row.role, row.sessionId, row.lastSeen, row.id]);
  }

  seen(id: string, at: number): void {
    this.sql.query('UPDATE participants SET last_seen = $1 WHERE id = $2', [at, id]);
  }

  credential(id: string): Credential {
    return this.sql.query<Credential>('SELECT credential_hash AS hash, credential_state AS state FROM participants WHERE id = $1', [id])[0] ?? { hash: null, state: 'revoked' };
  }

  setCredential(id: string, credential: Credential): void {
    this.sql.query('UPDATE participants SET credential_hash = $1, credential_state = $2 WHERE id = $3', [credential.hash, credential.state, id]);
  }

  private rows(text: string, params: unknown[] = []): ParticipantRow[] {
    return this.sql.query<ParticipantRow>(text, params);
  }
}
