import { openDatabase, type Db, type OpenOptions } from './database.js';
import { AppliedFrames } from './applied-frames.js';
import { EventLog } from './events.js';
import { KeyValues } from './key-values.js';
import { Participants } from './participants.js';
import { Work } from './tasks.js';
import type { Store } from './store.js';
import { WalCheckpointer, type CheckpointOptions } from './wal-checkpoint.js';

export { viewerOf, type Viewer, type StoredEvent } from './events.js';
export type { ParticipantRow } from './participants.js';
export type { Store } from './store.js';
export type { CheckpointOptions } from './wal-checkpoint.js';

export interface SqliteOptions extends OpenOptions {
  /** when the background checkpoint runs (store/wal-checkpoint.ts) */
  checkpoint?: Partial<CheckpointOptions>;
}

/** The hub's durable state in one SQLite file: the default store. */
export class SqliteStore implements Store {
  readonly events: EventLog;
  readonly participants: Participants;
  readonly frames: AppliedFrames;
  readonly kv: KeyValues;
  readonly work: Work;
  /** checkpoints in the background; absent for an in-memory database */
  readonly checkpoints: WalCheckpointer | undefined;
  /** prepared once: db.transaction(fn) would build its wrappers again on every call */
  private readonly tx;

  constructor(
    readonly db: Db,
    checkpoint: Partial<CheckpointOptions> = {},
  ) {
    this.events = new EventLog(db);
    this.participants = new Participants(db);
    this.frames = new AppliedFrames(db);
    this.kv = new KeyValues(db);
    this.work = new Work(db);
    this.checkpoints = db.memory ? undefined : new WalCheckpointer(db, db.name, checkpoint);
    this.tx = {
      begin: db.prepare('BEGIN'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT nested'),
      release: db.prepare('RELEASE nested'),
      rollbackTo: db.prepare('ROLLBACK TO nested'),
    };
  }

  static open(file: string, options: SqliteOptions = {}): SqliteStore {
    return new SqliteStore(openDatabase(file, options), options.checkpoint);
  }

  /**
   * Runs `fn` in one transaction: all of it is committed, or none of it. Inside another transaction,
   * a savepoint: a failure undoes only what `fn` did. (The same steps as better-sqlite3's own
   * `db.transaction`, including its care for a transaction SQLite has already rolled back.)
   */
  transaction<T>(fn: () => T): T {
    const nested = this.db.inTransaction;
    (nested ? this.tx.savepoint : this.tx.begin).run();
    let result: T;
    try {
      result = fn();
      (nested ? this.tx.release : this.tx.commit).run();
    } catch (err) {
      if (this.db.inTransaction) {
        if (nested) {
          this.tx.rollbackTo.run();
          this.tx.release.run();
        } else {
          this.tx.rollback.run();
        }
      }
      throw err;
    }
    if (!nested) this.checkpoints?.committed();
    return result;
  }

  async close(): Promise<void> {
    await this.checkpoints?.close();
    if (this.db.open) this.db.close();
  }
}
