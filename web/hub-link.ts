/**
 * The page as a hub client: the same protocol as a terminal, over the browser's WebSocket. It joins
 * as the participant its session is bound to, keeps the last sequence number it saw, and after a
 * reconnect says hello with it, so the hub replays exactly what was missed (a hub killed and started
 * again included: the events are in its database). Frames it sends keep their ids in an outbox and
 * are sent again after a reconnect; the hub applies a frame id once.
 */
import type { AckFrame, ClientFrameInput, HubEvent, ReplyData, WelcomeFrame } from '../collaboration-server/protocol.js';
import { readServerFrame } from './frames.js';
import type { LinkState } from './page-state.js';

export interface LinkHandlers {
  welcome(welcome: WelcomeFrame, replayed: HubEvent[]): void;
  event(event: HubEvent): void;
  state(state: LinkState): void;
  problem(message: string): void;
}

export interface LinkOptions {
  url: string;
  name: string;
  role: string;
  protocol: number;
  /** asked when a connection fails before it opens: is the session still good? */
  signedIn(): Promise<boolean>;
}

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
type Sendable = Body<ClientFrameInput>;

interface Pending {
  frame: Record<string, unknown>;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

const frameId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('');

export class HubLink {
  lastSeq: number | undefined;
  state: LinkState = 'connecting';
  private ws: WebSocket | undefined;
  private readonly outbox = new Map<string, Pending>();
  private attempt = 0;
  private helloId = '';

  constructor(
    private readonly options: LinkOptions,
    private readonly on: LinkHandlers,
  ) {}

  start(): void {
    this.open();
  }

  /** A command: resolves once the hub has committed it. */
  send(body: Sendable): Promise<AckFrame> {
    return this.enqueue(body) as Promise<AckFrame>;
  }

  /** A query: resolves with the reply's data. */
  request<K extends ReplyData['kind']>(body: Sendable): Promise<Extract<ReplyData, { kind: K }>> {
    return this.enqueue(body) as Promise<Extract<ReplyData, { kind: K }>>;
  }

  private enqueue(body: Sendable): Promise<unknown> {
    const frame = { ...body, id: frameId() };
    return new Promise((resolve, reject) => {
      this.outbox.set(frame.id, { frame, resolve, reject });
      if (this.state === 'online') this.ws?.send(JSON.stringify(frame));
    });
  }

  private setState(state: LinkState): void {
    if (this.state === state) return;
    this.state = state;
    this.on.state(state);
  }

  private open(): void {
    const ws = new WebSocket(this.options.url);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.helloId = frameId();
      ws.send(
        JSON.stringify({
          type: 'hello',
          id: this.helloId,
          protocol: this.options.protocol,
          name: this.options.name,
          role: this.options.role,
          transient: true,
          historyLimit: 100,
          ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}),
        }),
      );
    };
    ws.onmessage = (message) => this.onFrame(String(message.data));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      void this.retry(opened);
    };
  }

  private async retry(opened: boolean): Promise<void> {
    this.setState(this.lastSeq === undefined ? 'connecting' : 'reconnecting');
    // A refused upgrade looks like any failed connection to a page: ask the API whether we are still signed in.
    if (!opened && !(await this.options.signedIn().catch(() => true))) {
      this.setState('signed-out');
      return;
    }
    const delay = Math.min(5000, 200 * 2 ** this.attempt++) * (0.5 + Math.random() * 0.5);
    setTimeout(() => this.open(), delay);
  }

  private onFrame(text: string): void {
    const read = readServerFrame(text);
    if ('problem' in read) return this.on.problem(read.problem);
    const frame = read.frame;
    switch (frame.type) {
      case 'welcome': {
        const replayed = this.lastSeq === undefined ? [] : frame.history.filter((e) => e.seq > this.lastSeq!);
        this.lastSeq = Math.max(this.lastSeq ?? 0, frame.lastSeq, ...replayed.map((e) => e.seq));
        this.attempt = 0;
        this.setState('online');
        this.on.welcome(frame, replayed);
        for (const pending of this.outbox.values()) this.ws?.send(JSON.stringify(pending.frame));
        return;
      }
      case 'event':
        if (this.lastSeq !== undefined && frame.event.seq <= this.lastSeq) return;
        this.lastSeq = frame.event.seq;
        this.on.event(frame.event);
        return;
      case 'ack':
      case 'reply': {
        const pending = this.outbox.get(frame.id);
        this.outbox.delete(frame.id);
        pending?.resolve(frame.type === 'ack' ? frame : frame.data);
        return;
      }
      case 'error': {
        const pending = frame.id ? this.outbox.get(frame.id) : undefined;
        if (pending) {
          this.outbox.delete(frame.id!);
          pending.reject(new Error(frame.message));
        } else {
          this.on.problem(frame.id === this.helloId ? `The hub refused this page: ${frame.message}` : frame.message);
        }
      }
    }
  }
}
