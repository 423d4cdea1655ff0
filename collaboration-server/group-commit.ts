/**
 * Group commit: the frames that arrive in one turn of the event loop are applied in one SQLite
 * transaction (each frame in its own savepoint, so a refused frame undoes only itself). Nothing they
 * produce, not an ack, a reply, an event or an error, leaves the hub before that commit; then it all
 * goes out in arrival order, each socket corked so that a batch is one write per client.
 *
 * If storage fails inside a batch (a full disk can make SQLite roll back the whole transaction), the
 * batch is abandoned, its in-memory changes are undone, and its frames are applied again one
 * transaction each, so the frame that does not fit gets its own clear error and the others land.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { toHuddleError } from './errors.js';
import type { Log } from './log.js';
import type { Store } from './store/index.js';
import { socketOf } from './ws-socket.js';

/** What a group commit reports once a batch is in: how long its transaction took and how many frames it held. */
export type CommitObserver = (seconds: number, frames: number, committed: boolean) => void;

const STORAGE_CODES = new Set(['STORAGE_FULL', 'STORAGE_FAILED']);

/** One client's socket as group commit writes to it: ready-made frames (ws-socket.ts), corked while a batch drains. */
export class Outlet {
  readonly socket: Socket;
  corked = false;
  /** what the socket held at the last check, and what was written since */
  buffered = 0;
  written = 0;

  constructor(readonly ws: WebSocket) {
    this.socket = socketOf(ws);
  }
}

export class GroupCommit<T> {
  private queue: T[] = [];
  private outputs: (() => void)[] | null = null;
  private undos: (() => void)[] | null = null;
  private grouped = false;
  private draining = false;
  private readonly corked: Outlet[] = [];

  constructor(
    private readonly store: Store,
    private readonly apply: (item: T) => void,
    private readonly log: Log,
    private readonly observe: CommitObserver = () => {},
    /** milliseconds, for measuring only */
    private readonly timer: () => number = () => performance.now(),
  ) {}

  push(item: T): void {
    if (this.queue.length === 0) setImmediate(() => this.flush());
    this.queue.push(item);
  }

  /** Runs `effect` now, or once the current batch has committed. */
  afterCommit(effect: () => void): void {
    if (this.outputs) this.outputs.push(effect);
    else effect();
  }

  /** Registers how to take back an in-memory change, should the batch be abandoned. */
  onUndo(undo: () => void): void {
    this.undos?.push(undo);
  }

  /** Inside a shared transaction, a storage error must abandon the batch rather than be answered. */
  rethrowIfGrouped(err: unknown): void {
    if (this.grouped && STORAGE_CODES.has(toHuddleError(err, 'hub').code)) throw err;
  }

  /**
   * Writes a frame, corking the socket while a batch drains. Returns false, writing nothing, when the
   * socket holds more than `maxBuffered` bytes and none of what was written since the last check has
   * reached the kernel: its reader has stopped. A reader that is slow but moving is kept (the hub
   * stops reading its frames meanwhile, see `pauseWhileBehind`).
   *
   * The check is made at a socket's first send in a batch, so that a reader is not dropped for the
   * size of one busy batch: once the socket is corked, what the batch writes cannot reach the
   * kernel before the batch ends, so it says nothing about the reader. (A check before a page of
   * history in the middle of a batch dropped healthy readers that way; pages are bounded by the page
   * gate instead, one a batch and only while little waits, see page-gate.ts.)
   */
  send(out: Outlet, frame: Buffer, maxBuffered: number): boolean {
    if (!out.corked) {
      const buffered = out.ws.bufferedAmount;
      const accepted = out.buffered + out.written - buffered;
      if (buffered > maxBuffered && accepted <= 0) return false;
      out.buffered = buffered;
      out.written = 0;
      if (this.draining) {
        // ws's own cork/uncork pairs (pings, close) nest inside ours
        out.socket.cork();
        out.corked = true;
        this.corked.push(out);
      }
    }
    out.socket.write(frame);
    out.written += frame.length;
    return true;
  }

  /**
   * Backpressure: while more than `threshold` bytes wait for a client, stop reading its frames, so a
   * client that sends faster than it reads is slowed down rather than dropped.
   */
  pauseWhileBehind(out: Outlet, threshold: number): void {
    if (out.ws.isPaused || out.ws.bufferedAmount <= threshold) return;
    out.ws.pause();
    out.socket.once('drain', () => out.ws.resume());
  }

  private flush(): void {
    // while the log is being copied back under load, new batches wait (store/wal-checkpoint.ts)
    if (this.store.checkpoints?.holdsWrites(() => this.flush())) return;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    if (!this.run(batch, true)) this.run(batch, false);
  }

  private run(batch: T[], grouped: boolean): boolean {
    this.outputs = [];
    this.undos = [];
    this.grouped = grouped;
    const started = this.timer();
    try {
      if (grouped) this.store.transaction(() => batch.forEach(this.apply));
      else batch.forEach(this.apply);
      this.observe((this.timer() - started) / 1000, batch.length, true);
    } catch (err) {
      this.observe((this.timer() - started) / 1000, batch.length, false);
      this.log(`a batch of ${batch.length} frame(s) could not be committed together (${toHuddleError(err, 'hub').message}); applying them one by one`, 'warn');
      for (const undo of this.undos.reverse()) undo();
      this.outputs = null;
      this.undos = null;
      this.grouped = false;
      return false;
    }
    const effects = this.outputs;
    this.outputs = null;
    this.undos = null;
    this.grouped = false;
    this.draining = true;
    try {
      for (const effect of effects) effect();
    } finally {
      this.draining = false;
      for (const out of this.corked) {
        out.corked = false;
        out.socket.uncork();
      }
      this.corked.length = 0;
    }
    return true;
  }
}
