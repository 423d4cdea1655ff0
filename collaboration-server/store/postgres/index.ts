import type { Store } from '../store.js';
import { PostgresAppliedFrames } from './applied-frames.js';
import { PostgresEventLog } from './events.js';
import { PostgresKeyValues } from './key-values.js';
import { PostgresParticipants } from './participants.js';
import { LOCKS, migrate } from './schema.js';
import { PostgresError, storageError, SyncClient, type SyncClientOptions } from './sync-client.js';
import { PostgresWork } from './tasks.js';

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
  private depth = 0;

  private constructor(private readonly sql: SyncClient) {
    this.events = new PostgresEventLog(sql, () => this.depth > 0);
    this.participants = new PostgresParticipants(sql);
    this.frames = new PostgresAppliedFrames(sql);
    this.kv = new PostgresKeyValues(sql);
    this.work = new PostgresWork(sql);
  }

  /** Connects to `url` (postgres://…) and brings its schema up to date. */
  static open(url: string, options?: SyncClientOptions): PostgresStore {
    const sql = new SyncClient(url, options);
    try {
      migrate(sql);
    } catch (err) {
      sql.close();
      throw err;
    }
    return new PostgresStore(sql);
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
    this.events.reset(null);
    // COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an error.
    if (this.sql.control('commit', 'COMMIT') !== 'COMMIT') {
      throw storageError(new PostgresError('PostgreSQL rolled the transaction back: a statement in it had failed', undefined));
    }
    return result;
  }

  async close(): Promise<void> {
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
