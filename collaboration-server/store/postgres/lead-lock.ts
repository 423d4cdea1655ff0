/**
 * The lead's lock in PostgreSQL: a session advisory lock on a connection of its own, held for as long
 * as that session lives. The session is checked every second (its backend pid must not change: a new
 * session holds nothing) and PostgreSQL ends it after `idle_session_timeout` without a check, so a hub
 * that died or stopped (SIGSTOP, a cut network) loses the lock within seconds and a standby takes it.
 * The epoch lives in the `lead` table and moves under the room's lock, in the store's transaction.
 */
import type { LeadLock } from '../cluster.js';
import { LOCKS } from './schema.js';
import { SyncClient } from './sync-client.js';

/** how long the lock outlives the last check of a hub that stopped */
export const LEAD_SESSION_MS = 5000;
const CHECK_MS = 1000;

export class PostgresLeadLock implements LeadLock {
  /** the lock's own connection and its check, made at the first claim (most stores never seat a lead) */
  private lockSql: SyncClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pid: number | null = null;

  constructor(
    private readonly url: string,
    private readonly sql: SyncClient,
  ) {}

  tryAcquire(): boolean {
    if (this.held()) return true;
    if (!this.lockSql) {
      this.lockSql = new SyncClient(this.url, { connectMs: 3000, statementMs: 3000, settings: { idle_session_timeout: LEAD_SESSION_MS } });
      this.timer = setInterval(() => this.check(), CHECK_MS);
      this.timer.unref();
    }
    try {
      const row = this.lockSql.query<{ ok: boolean; pid: number }>('SELECT pg_try_advisory_lock($1) AS ok, pg_backend_pid() AS pid', [LOCKS.lead])[0]!;
      this.pid = row.ok ? row.pid : null;
    } catch {
      this.pid = null;
    }
    return this.pid !== null;
  }

  held(): boolean {
    return this.pid !== null;
  }

  release(): void {
    if (this.pid === null) return;
    this.pid = null;
    try {
      this.lockSql?.query('SELECT pg_advisory_unlock($1)', [LOCKS.lead]);
    } catch {
      // a lost session has released it already
    }
  }

  current(): { epoch: number; holder: string } {
    return this.sql.query<{ epoch: number; holder: string }>('SELECT epoch, holder FROM lead WHERE id = 1')[0] ?? { epoch: 0, holder: '' };
  }

  nextEpoch(holder: string): number {
    return this.sql.query<{ epoch: number }>(
      'INSERT INTO lead (id, epoch, holder) VALUES (1, 1, $1) ON CONFLICT (id) DO UPDATE SET epoch = lead.epoch + 1, holder = excluded.holder RETURNING epoch',
      [holder],
    )[0]!.epoch;
  }

  close(): void {
    clearInterval(this.timer);
    this.release();
    this.lockSql?.close();
  }

  /** Keeps the session busy, and notices when it is gone. */
  private check(): void {
    if (this.pid === null || !this.lockSql) return;
    try {
      const pid = this.lockSql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')[0]!.pid;
      if (pid !== this.pid) this.pid = null;
    } catch {
      this.pid = null;
    }
  }
}
