import type { Db } from './database.js';
import { nameKeys } from '../names.js';

export interface ParticipantRow {
  id: string;
  name: string;
  role: string;
  sessionId: string;
  createdAt: number;
  lastSeen: number;
}

/**
 * Where a participant's credential stands. `active`: one was given out and later connections must
 * present it. `open`: reset by the product owner; the next join takes the name and gets a new one.
 * `revoked`: nobody may join as this name until it is reset. `legacy`: joined before credentials
 * existed; its own session or an admin connection claims it.
 */
export type CredentialState = 'active' | 'open' | 'revoked' | 'legacy';

export interface Credential {
  /** SHA-256 of the secret, hex; null when none is given out */
  hash: string | null;
  state: CredentialState;
}

export type ParticipantRecord = ParticipantRow & { credential: CredentialState };

const COLS = 'id, name, role, session_id AS sessionId, created_at AS createdAt, last_seen AS lastSeen';

/** Everyone who ever joined the room; names are unique, and so is how they read (see names.ts). */
export class Participants {
  private readonly byNameStmt;
  private readonly byCredentialStmt;
  private readonly lookalikeStmt;
  private readonly allStmt;
  private readonly recentStmt;
  private readonly recordsStmt;
  private readonly countStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly seenStmt;
  private readonly credentialStmt;
  private readonly setCredentialStmt;

  constructor(db: Db) {
    this.byNameStmt = db.prepare(`SELECT ${COLS} FROM participants WHERE name = ?`);
    this.byCredentialStmt = db.prepare(`SELECT ${COLS} FROM participants WHERE credential_hash = ? AND credential_state = 'active'`);
    this.lookalikeStmt = db.prepare(`SELECT ${COLS} FROM participants WHERE (same_key = @same OR look_key = @look) AND name <> @name ORDER BY created_at LIMIT 1`);
    this.allStmt = db.prepare(`SELECT ${COLS} FROM participants ORDER BY created_at`);
    this.recentStmt = db.prepare(`SELECT ${COLS} FROM participants ORDER BY last_seen DESC, created_at DESC, rowid DESC LIMIT ?`);
    this.recordsStmt = db.prepare(`SELECT ${COLS}, credential_state AS credential FROM participants ORDER BY created_at`);
    this.countStmt = db.prepare('SELECT count(*) FROM participants').pluck();
    this.insertStmt = db.prepare(
      `INSERT INTO participants (id, name, role, session_id, created_at, last_seen, same_key, look_key, credential_hash, credential_state)
       VALUES (@id, @name, @role, @sessionId, @createdAt, @lastSeen, @same, @look, @hash, 'active')`,
    );
    this.updateStmt = db.prepare('UPDATE participants SET role = @role, session_id = @sessionId, last_seen = @lastSeen WHERE id = @id');
    this.seenStmt = db.prepare('UPDATE participants SET last_seen = ? WHERE id = ?');
    this.credentialStmt = db.prepare('SELECT credential_hash AS hash, credential_state AS state FROM participants WHERE id = ?');
    this.setCredentialStmt = db.prepare('UPDATE participants SET credential_hash = ?, credential_state = ? WHERE id = ?');
    this.fillNameKeys(db);
  }

  /** Participants from before the keys existed get them once (the rules live in code, not in SQL). */
  private fillNameKeys(db: Db): void {
    const missing = db.prepare('SELECT id, name FROM participants WHERE same_key IS NULL').all() as { id: string; name: string }[];
    if (!missing.length) return;
    const set = db.prepare('UPDATE participants SET same_key = @same, look_key = @look WHERE id = @id');
    db.transaction(() => {
      for (const { id, name } of missing) set.run({ id, ...nameKeys(name) });
    })();
  }

  byName(name: string): ParticipantRow | undefined {
    return this.byNameStmt.get(name) as ParticipantRow | undefined;
  }

  /** The participant whose standing credential hashes to `hash`. */
  byCredential(hash: string): ParticipantRow | undefined {
    return this.byCredentialStmt.get(hash) as ParticipantRow | undefined;
  }

  /** Another participant whose name reads like `name` (not `name` itself). */
  lookalikeOf(name: string): ParticipantRow | undefined {
    return this.lookalikeStmt.get({ name, ...nameKeys(name) }) as ParticipantRow | undefined;
  }

  all(): ParticipantRow[] {
    return this.allStmt.all() as ParticipantRow[];
  }

  /** The `limit` participants seen most recently. */
  recent(limit: number): ParticipantRow[] {
    return this.recentStmt.all(limit) as ParticipantRow[];
  }

  /** Everyone with where their credential stands, for the product owner. */
  records(): ParticipantRecord[] {
    return this.recordsStmt.all() as ParticipantRecord[];
  }

  count(): number {
    return this.countStmt.get() as number;
  }

  /** A new participant, with the hash of the credential just given to it. */
  create(row: ParticipantRow, credentialHash: string): void {
    this.insertStmt.run({ ...row, ...nameKeys(row.name), hash: credentialHash });
  }

  update(row: ParticipantRow): void {
    this.updateStmt.run(row);
  }

  seen(id: string, at: number): void {
    this.seenStmt.run(at, id);
  }

  credential(id: string): Credential {
    return (this.credentialStmt.get(id) as Credential | undefined) ?? { hash: null, state: 'revoked' };
  }

  setCredential(id: string, credential: Credential): void {
    this.setCredentialStmt.run(credential.hash, credential.state, id);
  }
}
