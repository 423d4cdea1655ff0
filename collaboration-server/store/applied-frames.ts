import type { Db } from './database.js';

export interface AppliedFrame {
  seq: number | null;
  result: Record<string, unknown> | undefined;
}

/** Client frame ids already applied, so a frame retried after a reconnect is applied once. */
export class AppliedFrames {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare('SELECT seq, result FROM applied_frames WHERE participant_id = ? AND frame_id = ?');
    this.putStmt = db.prepare('INSERT INTO applied_frames (participant_id, frame_id, seq, result) VALUES (?, ?, ?, ?)');
  }

  get(participantId: string, frameId: string): AppliedFrame | undefined {
    const row = this.getStmt.get(participantId, frameId) as { seq: number | null; result: string | null } | undefined;
    if (!row) return undefined;
    return { seq: row.seq, result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : undefined };
  }

  put(participantId: string, frameId: string, applied: AppliedFrame): void {
    this.putStmt.run(participantId, frameId, applied.seq, applied.result ? JSON.stringify(applied.result) : null);
  }
}
