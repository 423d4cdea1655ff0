import type { Db } from './database.js';

export interface ParticipantRow {
  id: string;
  name: string;
  role: string;
  sessionId: string;
  createdAt: number;
  lastSeen: number;
}

/** Everyone who ever joined the room; names are unique. */
export class Participants {
  private readonly byNameStmt;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly seenStmt;

  constructor(db: Db) {
    const cols = 'id, name, role, session_id AS sessionId, created_at AS createdAt, last_seen AS lastSeen';
    this.byNameStmt = db.prepare(`SELECT ${cols} FROM participants WHERE name = ?`);
    this.allStmt = db.prepare(`SELECT ${cols} FROM participants ORDER BY created_at`);
    this.insertStmt = db.prepare(
      'INSERT INTO participants (id, name, role, session_id, created_at, last_seen) VALUES (@id, @name, @role, @sessionId, @createdAt, @lastSeen)',
    );
    this.updateStmt = db.prepare('UPDATE participants SET role = @role, session_id = @sessionId, last_seen = @lastSeen WHERE id = @id');
    this.seenStmt = db.prepare('UPDATE participants SET last_seen = ? WHERE id = ?');
  }

  byName(name: string): ParticipantRow | undefined {
    return this.byNameStmt.get(name) as ParticipantRow | undefined;
  }

  all(): ParticipantRow[] {
    return this.allStmt.all() as ParticipantRow[];
  }

  create(row: ParticipantRow): void {
    this.insertStmt.run(row);
  }

  update(row: ParticipantRow): void {
    this.updateStmt.run(row);
  }

  seen(id: string, at: number): void {
    this.seenStmt.run(at, id);
  }
}
