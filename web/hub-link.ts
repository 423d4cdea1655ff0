/**
 * The page as a hub client: the same protocol as a terminal, over the browser's WebSocket. It joins
 * as the participant its session is bound to, keeps the last sequence number it saw, and after a
 * reconnect says hello with it, so the hub replays exactly what was missed (a hub killed and started
 * again included: the events are in its database). Frames it sends keep their ids in an outbox and
 * are sent again after a reconnect; the hub applies a frame id once. The outbox, the place in the log
 * and the backoff are the Node client's own pure modules; this file is the browser's transport around them.
 */
import { Backoff } from '../collaboration-server/backoff.js';
import { EventCursor } from '../collaboration-server/event-cursor.js';
import { Outbox } from '../collaboration-server/outbox.js';
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

const frameId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('');

export class HubLink {
  state: LinkState = 'connecting';
  private ws: WebSocket | undefined;
  private readonly outbox = new Outbox({ newId: frameId, refusal: (frame) => new Error(frame.message) });
  private readonly cursor = new EventCursor();
  private readonly backoff = new Backoff({ minMs: 200, maxMs: 5000 });
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
    return this.outbox.add(body) as Promise<AckFrame>;
  }

  /** A query: resolves with the reply's data. */
  request<K extends ReplyData['kind']>(body: Sendable): Promise<Extract<ReplyData, { kind: K }>> {
    return this.outbox.add(body) as Promise<Extract<ReplyData, { kind: K }>>;
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
          ...this.cursor.resumeFields(),
        }),
      );
    };
    ws.onmessage = (message) => this.onFrame(String(message.data));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.outbox.offline();
      void this.retry(opened);
    };
  }

  private async retry(opened: boolean): Promise<void> {
    this.setState(this.cursor.resuming ? 'reconnecting' : 'connecting');
    // A refused upgrade looks like any failed connection to a page: ask the API whether we are still signed in.
    if (!opened && !(await this.options.signedIn().catch(() => true))) {
      this.setState('signed-out');
      return;
    }
    setTimeout(() => this.open(), this.backoff.next());
  }

  private onFrame(text: string): void {
    const read = readServerFrame(text);
    if ('problem' in read) return this.on.problem(read.problem);
    const frame = read.frame;
    switch (frame.type) {
      case 'welcome': {
        const replayed = this.cursor.missed(frame.history);
        this.cursor.caughtUp(frame.lastSeq);
        this.backoff.reset();
        this.setState('online');
        this.on.welcome(frame, replayed);
        const ws = this.ws;
        if (ws) this.outbox.online((text) => ws.send(text));
        return;
      }
      case 'event':
        if (this.cursor.pass(frame.event)) this.on.event(frame.event);
        return;
      case 'ack':
      case 'reply':
        this.outbox.settle(frame);
        return;
      case 'error':
        if (!this.outbox.settle(frame)) this.on.problem(frame.id === this.helloId ? `The hub refused this page: ${frame.message}` : frame.message);
    }
  }
}
