import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './database.js';

/**
 * Checkpoints off the commit path. SQLite's automatic checkpoint runs inside the COMMIT that takes
 * the write-ahead log past 1,000 pages, and copies the log into the database with two fsyncs: 5 to
 * 50 ms here, during which no acknowledgement leaves the hub. Instead, a second connection in a
 * worker thread runs a PASSIVE checkpoint, which never blocks the writer, when the hub has been idle
 * for `idleMs`, or when the log has grown past `maxWalBytes`.
 *
 * A checkpoint that runs while commits keep coming cannot catch up with them, and SQLite starts the
 * log again from its beginning only once all of it has been copied back. So under constant load,
 * after the long checkpoint, new batches are held (`holdsWrites`) while a short one copies the rest;
 * the next commit then restarts the log. With `journal_size_limit = 0` SQLite also shortens the file
 * then, so the file's size says how much log there is. Should the long checkpoint fall so far behind
 * that the log passes twice `maxWalBytes`, new batches wait until it is done: the log stays bounded
 * whatever the disk's speed.
 *
 * Durability does not change: a commit is durable once it is in the log (synchronous = NORMAL in WAL
 * mode), whenever the log is copied back. Should the worker fail, SQLite's automatic checkpoint is
 * turned back on.
 */
export interface CheckpointOptions {
  /**
   * past this much log, checkpoint even while the hub is busy. Large, because under constant load
   * each time costs a short hold of new batches (two fsyncs, 3-20 ms here): at 1,000 single-frame
   * commits a second the log grows about 18 MB a second.
   */
  maxWalBytes: number;
  /** no commit for this long: checkpoint */
  idleMs: number;
  /** commits between two looks at the log's size (a stat of the file) */
  checkEvery: number;
}

export const DEFAULT_CHECKPOINT: CheckpointOptions = { maxWalBytes: 64 * 1024 * 1024, idleMs: 250, checkEvery: 8 };

/** The worker: its own connection to the same file; runs a passive checkpoint on each request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// as the hub's own connection: the checkpoint syncs the log before it copies and the file after
db.pragma('synchronous = NORMAL');
parentPort.on('message', (request) => {
  if (request === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage(db.pragma('wal_checkpoint(PASSIVE)')[0]);
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

type Outcome = { busy: number; log: number; checkpointed: number } | { error: string };

export class WalCheckpointer {
  private readonly options: CheckpointOptions;
  private readonly walFile: string;
  private readonly worker: Worker;
  private readonly idle: NodeJS.Timeout;
  private commits = 0;
  private commitsAtRequest = 0;
  /** committed since the last checkpoint that copied everything */
  private dirty = false;
  private running: 'full' | 'catch-up' | null = null;
  /** while a catch-up runs under load: the batches waiting to commit */
  private held: (() => void)[] | null = null;
  private failed = false;
  private closed = false;
  private exited = false;
  /** checkpoints that copied the whole log: for tests and the curious */
  completed = 0;

  constructor(
    private readonly db: Db,
    file: string,
    options: Partial<CheckpointOptions> = {},
  ) {
    this.options = { ...DEFAULT_CHECKPOINT, ...options };
    this.walFile = `${file}-wal`;
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('journal_size_limit = 0');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file } });
    this.worker.unref();
    this.worker.on('message', (outcome: Outcome) => this.done(outcome));
    this.worker.on('error', (err) => this.fail(err.message));
    this.worker.on('exit', () => (this.exited = true));
    this.idle = setTimeout(() => this.onIdle(), this.options.idleMs);
    this.idle.unref();
  }

  /** Call after each commit. */
  committed(): void {
    this.commits++;
    this.dirty = true;
    this.idle.refresh();
    if (this.commits % this.options.checkEvery !== 0 || this.failed) return;
    const bytes = this.walBytes();
    if (!this.running && bytes > this.options.maxWalBytes) this.request('full');
    // a checkpoint that falls behind (a slow disk, a starved thread): hold new batches until it is done
    else if (this.running === 'full' && !this.held && bytes > 2 * this.options.maxWalBytes) this.held = [];
  }

  /** While a catch-up runs, returns true and calls `resume` once new commits may go ahead. */
  holdsWrites(resume: () => void): boolean {
    if (!this.held) return false;
    this.held.push(resume);
    return true;
  }

  /** the log's size on disk; 0 when it cannot be read (it never stops a commit) */
  walBytes(): number {
    try {
      return statSync(this.walFile, { throwIfNoEntry: false })?.size ?? 0;
    } catch {
      return 0;
    }
  }

  /** Closes the worker's connection first, so the hub's own stays the last and takes the final checkpoint itself. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idle);
    this.release();
    if (this.failed || this.exited) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage('close');
    await exited;
  }

  private onIdle(): void {
    if (this.dirty && !this.running && !this.failed) this.request('full');
  }

  private request(kind: 'full' | 'catch-up'): void {
    this.running = kind;
    this.commitsAtRequest = this.commits;
    this.worker.postMessage(kind);
  }

  private done(outcome: Outcome): void {
    const kind = this.running;
    this.running = null;
    if ('error' in outcome) return this.fail(outcome.error);
    if (this.commits === this.commitsAtRequest && outcome.busy === 0 && outcome.log === outcome.checkpointed) {
      // everything is copied back: the next commit starts the log again
      this.dirty = false;
      this.completed++;
      return this.release();
    }
    if (kind === 'full' && this.walBytes() > this.options.maxWalBytes) {
      this.held ??= [];
      return this.request('catch-up');
    }
    this.release();
  }

  private release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const resume of held) resume();
  }

  private fail(message: string): void {
    // after close, the folder may be gone before the worker opened the file: nothing to report
    if (this.failed || this.closed) return;
    this.failed = true;
    this.running = null;
    this.release();
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    process.emitWarning(`Huddle: the background checkpoint failed (${message}); SQLite checkpoints on commit again.`);
  }
}
