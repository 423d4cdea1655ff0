import type { Store } from '../store.js';
import { PostgresAppliedFrames } from './applied-frames.js';
import { PostgresCluster } from './cluster.js';
import { PostgresEventLog } from './events.js';
import { PostgresKeyValues } from './key-values.js';
import { PostgresParticipants } from './participants.js';
import { EVENTS_CHANNEL, LOCKS, migrate } from './schema.js';
import { PostgresError, storageError, SyncClient, type SyncClientOptions } from './sync-client.js';
import { PostgresWork } from './tasks.js';

/** how long a session may sit idle inside a transaction before PostgreSQL ends it (and its locks) */
export const IDLE_IN_TRANSACTION_MS = 5000;

/**
 * The hub's durable state in PostgreSQL, which several hubs may share. A transaction begins by taking
 * the room's advisory lock (released at COMMIT or ROLLBACK), so writers take turns: what a transaction
 * reads is what it writes over, and event numbers follow commit order without gaps.
 */
export class PostgresStore implements Store {
  readonly events: PostgresEventLog;
  readonly participants: PostgresParticipants;
  readonly frames: PostgresAppliedFrames;
  readonly kv: PostgresKeyValues;
  readonly work: PostgresWork;
  readonly cluster: PostgresCluster;
  private depth = 0;

  private constructor(
    private readonly sql: SyncClient,
    url: string,
  ) {
    this.events = new PostgresEventLog(sql, () => this.depth > 0);
    this.participants = new PostgresParticipants(sql);
    this.frames = new PostgresAppliedFrames(sql);
    this.kv = new PostgresKeyValues(sql);
    this.work = new PostgresWork(sql);
    this.cluster = new PostgresCluster(url, sql);
  }

  /** Connects to `url` (postgres://…) and brings its schema up to date. */
  static open(url: string, options?: SyncClientOptions): PostgresStore {
    // A hub stopped (SIGSTOP) inside a transaction would hold the room's lock, and every other hub
    // with it; PostgreSQL ends such a session after a few seconds, and its batch fails and is retried.
    const sql = new SyncClient(url, { ...options, settings: { idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS, ...options?.settings } });
    try {
      migrate(sql);
    } catch (err) {
      sql.close();
      throw err;
    }
    return new PostgresStore(sql, url);
  }

  transaction<T>(fn: () => T): T {
    const outer = this.depth === 0;
    const savepoint = `s${this.depth}`;
    if (outer) {
      this.sql.control('begin', 'BEGIN');
      try {
        this.sql.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.room]);
      } catch (err) {
        this.sql.control('rollback', 'ROLLBACK');
        throw err;
      }
    } else {
      this.sql.query(`SAVEPOINT ${savepoint}`);
    }
    const mark = this.events.mark();
    this.depth++;
    let result: T;
    try {
      result = fn();
    } catch (err) {
      this.depth--;
      this.events.reset(mark);
      this.undo(outer, savepoint);
      throw err;
    }
    this.depth--;
    if (!outer) {
      this.sql.query(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    }
    // Other hubs are woken at COMMIT (a notification is sent only if the transaction commits).
    if (this.events.takeAppended()) this.sql.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, '']);
    this.events.reset(null);
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an error.
    if (this.sql.control('commit', 'COMMIT') !== 'COMMIT') {
      throw storageError(new PostgresError('PostgreSQL rolled the transaction back: a statement in it had failed', undefined));
    }
    return result;
  }

  async close(): Promise<void> {
    this.cluster.close();
    this.sql.close();
  }

  private undo(outer: boolean, savepoint: string): void {
    try {
      if (outer) this.sql.control('rollback', 'ROLLBACK');
      else this.sql.query(`ROLLBACK TO SAVEPOINT ${savepoint}; RELEASE SAVEPOINT ${savepoint}`);
    } catch {
      // the error that got us here is the one to report; a broken transaction fails at its COMMIT
    }
  }
}
