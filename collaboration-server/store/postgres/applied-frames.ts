import type { AppliedFrame } from '../applied-frames.js';
import type { AppliedFrameStore } from '../store.js';
import type { SyncClient } from './sync-client.js';

/** Applied frame ids; the primary key makes a frame id unique per participant whichever hub applied it. */
export class PostgresAppliedFrames implements AppliedFrameStore {
  constructor(private readonly sql: SyncClient) {}

  get(participantId: string, frameId: string): AppliedFrame | undefined {
    const row = this.sql.query<{ seq: number | null; result: string | null }>('SELECT seq, result FROM applied_frames WHERE participant_id = $1 AND frame_id = $2', [participantId, frameId])[0];
    if (!row) return undefined;
    return { seq: row.seq, result: row.result ? (JSON.parse(row.result) as Record<string, unknown>) : undefined };
  }

  put(participantId: string, frameId: string, applied: AppliedFrame): void {
    this.sql.query('INSERT INTO applied_frames (participant_id, frame_id, seq, result) VALUES ($1, $2, $3, $4)', [
      participantId, frameId, applied.seq, applied.result ? JSON.stringify(applied.result) : null,
    ]);
  }
}
