import { openDatabase, type Db, type OpenOptions } from './database.js';
import { AppliedFrames } from './applied-frames.js';
import { EventLog } from './events.js';
import { KeyValues } from './key-values.js';
import { Participants } from './participants.js';
import { Work } from './tasks.js';
import type { Store } from './store.js';

export { viewerOf, type Viewer, type StoredEvent } from './events.js';
export type { ParticipantRow } from './participants.js';
export type { Store } from './store.js';

/** The hub's durable state in one SQLite file: the default store. */
export class SqliteStore implements Store {
  readonly events: EventLog;
  readonly participants: Participants;
  readonly frames: AppliedFrames;
  readonly kv: KeyValues;
  readonly work: Work;

  constructor(readonly db: Db) {
    this.events = new EventLog(db);
    this.participants = new Participants(db);
    this.frames = new AppliedFrames(db);
    this.kv = new KeyValues(db);
    this.work = new Work(db);
  }

  static open(file: string, options?: OpenOptions): SqliteStore {
    return new SqliteStore(openDatabase(file, options));
  }

  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
