/**
 * The frames a client has sent and the hub has not answered yet, with no socket and no timer: the
 * Node client (`client.ts`) and the web page (`web/hub-link.ts`) each wrap one around their own
 * WebSocket. Every frame gets an id and waits here until the hub's ack, reply or error with that id
 * settles it. While the hub has welcomed this connection a frame is written at once; otherwise it
 * waits, and every waiting frame is written again, once, with its id, after the next welcome, so the
 * hub (which applies a frame id once) never applies a retry twice.
 *
 * Browser-safe: it imports only types, and the page loads it as it is (`tsc -p web`).
 */
import type { AckFrame, ErrorFrame, ReplyFrame } from './protocol.js';

/** writes one frame's JSON to the current connection */
export type WriteFrame = (text: string) => void;

export interface OutboxOptions {
  /** a new frame id */
  newId(): string;
  /** the error a pending frame is rejected with when the hub answers it with an error frame */
  refusal(frame: ErrorFrame): Error;
}

interface Pending {
  frame: Record<string, unknown> & { id: string };
  resolve(value: unknown): void;
  reject(err: Error): void;
}

export class Outbox {
  private readonly pending = new Map<string, Pending>();
  private write: WriteFrame | undefined;

  constructor(private readonly options: OutboxOptions) {}

  /** frames waiting for their answer */
  get size(): number {
    return this.pending.size;
  }

  /**
   * Gives `body` an id (`id`, or a new one) and keeps it until the hub answers: resolves with the ack
   * frame, or with a reply's data; rejects with the hub's error.
   */
  add(body: Record<string, unknown>, id: string = this.options.newId()): Promise<unknown> {
    const frame = { ...body, id };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { frame, resolve, reject });
      this.write?.(JSON.stringify(frame));
    });
  }

  /** The hub has welcomed a connection: every waiting frame goes out on it, in the order sent, and each new one at once. */
  online(write: WriteFrame): void {
    this.write = write;
    for (const { frame } of this.pending.values()) write(JSON.stringify(frame));
  }

  /** The connection is gone: frames wait for the next welcome. */
  offline(): void {
    this.write = undefined;
  }

  /**
   * Settles the pending frame an answer names. False when it names none: an error frame then is the
   * caller's to report (a refused hello, or a problem of the connection itself).
   */
  settle(answer: AckFrame | ReplyFrame | ErrorFrame): boolean {
    const pending = answer.id === null ? undefined : this.pending.get(answer.id);
    if (!pending) return false;
    this.pending.delete(pending.frame.id);
    if (answer.type === 'error') pending.reject(this.options.refusal(answer));
    else pending.resolve(answer.type === 'ack' ? answer : answer.data);
    return true;
  }

  /** Rejects every waiting frame with `err` (the client was closed) and forgets them. */
  abandon(err: Error): void {
    this.write = undefined;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(err);
  }
}
