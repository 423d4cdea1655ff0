/**
 * PostgreSQL with the store's synchronous contract: each statement goes to a worker thread that holds
 * the connection (worker-source.ts), and the hub's thread waits for the answer on a shared counter
 * (Atomics.wait), then takes it off the port (receiveMessageOnPort). The hub's group commit thus runs
 * a batch of frames in one PostgreSQL transaction exactly as it runs one in SQLite, and sends nothing
 * before COMMIT has answered. Why this rather than an async store: docs/scale-out.md.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { HuddleError } from '../../errors.js';
import { WORKER_SOURCE } from './worker-source.js';

export type Row = Record<string, unknown>;
type Control = 'begin' | 'commit' | 'rollback' | 'close';

interface Reply {
  id: number;
  rows?: Row[];
  command?: string;
  error?: { message: string; code?: string };
}

export interface SyncClientOptions {
  /** how long connecting may take before a statement fails */
  connectMs?: number;
  /** how long one statement may run (waiting for a lock included) */
  statementMs?: number;
  /** server settings for every session this client opens, e.g. { idle_in_transaction_session_timeout: 5000 } */
  settings?: Record<string, number | string>;
}

/**
 * How long a background read or a health check waits before it gives up, where the answer can wait:
 * a hung server then holds the hub's thread this long once, not a statement's whole timeout.
 */
export const SHORT_WAIT_MS = 2000;

/** SQLSTATE classes that say the server ran out of room (53: insufficient resources). */
const FULL_CODES = new Set(['53100', '53200']);

export class PostgresError extends Error {
  override readonly name = 'PostgresError';
  constructor(
    message: string,
    readonly sqlState: string | undefined,
  ) {
    super(message);
  }
}

/** A PostgreSQL failure in the hub's words: the group commit abandons a batch on these and retries its frames one by one. */
export function storageError(err: PostgresError): HuddleError {
  const detail = err.sqlState ? `${err.message} [${err.sqlState}]` : err.message;
  if (err.sqlState && FULL_CODES.has(err.sqlState)) {
    return new HuddleError('STORAGE_FULL', `The hub could not save this: PostgreSQL is out of space (${detail}). Send it again once the database has room.`, { cause: err });
  }
  return new HuddleError('STORAGE_FAILED', `The hub could not save this (PostgreSQL: ${detail}). Send it again; if it persists, check the database.`, { cause: err });
}

/** Settings as libpq's `options` parameter (-c name=value ...), which PostgreSQL applies when the session starts. */
function sessionOptions(settings: Record<string, number | string> = {}): string | undefined {
  const parts = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  return parts.length ? parts.join(' ') : undefined;
}

export class SyncClient {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly waitMs: number;
  private nextId = 0;
  private closed = false;
  /**
   * Statements this thread stopped waiting for (a hung server): the worker still has them, and runs
   * whatever is sent next after them. Until they are answered, nothing but a ROLLBACK is sent.
   */
  private readonly late = new Set<number>();

  constructor(url: string, options: SyncClientOptions = {}) {
    const connectMs = options.connectMs ?? 5_000;
    const statementMs = options.statementMs ?? 15_000;
    // The worker answers every statement within its own timeouts; this is the last resort.
    this.waitMs = connectMs + statementMs + 5_000;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const pgPath = createRequire(import.meta.url).resolve('pg');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // The source is CommonJS, whatever flags (--input-type=module) started this process.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
      workerData: { port: port2, url, connectMs, statementMs, pgPath, signal: this.signal.buffer, settings: sessionOptions(options.settings) },
      transferList: [port2],
    });
    // Neither keeps the process alive by itself: a hub that is done exits.
    this.worker.unref();
    this.port.unref();
  }

  /**
   * Runs one statement and returns its rows; throws a HuddleError STORAGE_* when PostgreSQL fails.
   * `waitMs` (outside a transaction only, where a late answer changes nothing) gives up sooner.
   */
  query<R = Row>(sql: string, params: unknown[] = [], waitMs?: number): R[] {
    return this.call(sql, params, undefined, waitMs).rows as R[];
  }

  /** A transaction boundary: the worker keeps to one connection from `begin` to `commit` or `rollback`. */
  control(control: Control, sql: string): string {
    return this.call(sql, [], control).command ?? '';
  }

  close(): void {
    if (this.closed) return;
    try {
      this.call('', [], 'close', SHORT_WAIT_MS);
    } catch {
      // closing anyway
    }
    this.closed = true;
    this.port.close();
    void this.worker.terminate();
  }

  private call(sql: string, params: unknown[], control?: Control, waitMs = this.waitMs): Reply {
    if (this.closed) throw new HuddleError('STORAGE_FAILED', 'The PostgreSQL store is closed.');
    this.takeLateAnswers();
    const id = ++this.nextId;
    if (this.late.size && control === 'rollback') {
      // Sent behind the unanswered statements (the worker keeps the order) and not waited for: the
      // transaction ends there, and nothing else is sent before the server has answered all of them.
      this.port.postMessage({ id, sql, params, control });
      this.late.add(id);
      return { id, rows: [], command: 'ROLLBACK' };
    }
    if (this.late.size && control !== 'close') {
      throw storageError(new PostgresError('no answer yet to a statement sent earlier; the server has stopped answering', undefined));
    }
    this.port.postMessage({ id, sql, params, control });
    const deadline = Date.now() + waitMs;
    for (;;) {
      const seen = Atomics.load(this.signal, 0);
      const message = receiveMessageOnPort(this.port);
      if (message) {
        const reply = message.message as Reply;
        if (reply.id !== id) {
          this.late.delete(reply.id); // the late answer to a statement that timed out here
          continue;
        }
        if (reply.error) throw storageError(new PostgresError(reply.error.message, reply.error.code));
        return reply;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.late.add(id);
        throw storageError(new PostgresError(`no answer from PostgreSQL in ${(waitMs / 1000).toFixed(waitMs < 10_000 ? 1 : 0)} s`, undefined));
      }
      Atomics.wait(this.signal, 0, seen, left);
    }
  }

  /** Forgets the statements the worker has answered since this thread stopped waiting for them. */
  private takeLateAnswers(): void {
    if (this.late.size === 0) return;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) this.late.delete((message.message as Reply).id);
  }
}
