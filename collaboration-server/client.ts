/**
 * The typed client every other process uses to talk to the hub: hello, send-and-wait-for-ack,
 * events, automatic reconnect with backoff and jitter, resume from the last sequence, and an outbox
 * that survives a reconnect (frames keep their ids, so the hub applies a retried frame once).
 */
import { EventEmitter } from 'node:events';
import { nanoid } from 'nanoid';
import WebSocket from 'ws';
import { HuddleError, type ErrorCode } from './errors.js';
import {
  PROTOCOL_VERSION,
  ServerFrameSchema,
  type AckFrame,
  type ClientFrameInput,
  type HubEvent,
  type ReplyData,
  type WelcomeFrame,
} from './protocol.js';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'closed';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
export type CommandInput = Body<Extract<ClientFrameInput, { type: 'chat' | 'presence' | 'sprint_create' | 'tasks_add' | 'task_update' | 'escalate' | 'escalation_answer' | 'artifact_put' | 'state_put' }>>;
export type QueryInput = Body<Extract<ClientFrameInput, { type: 'who' | 'history' | 'tasks' | 'task_events' | 'escalations' | 'artifact_get' | 'state_get' }>>;
type ReplyOf<K extends ReplyData['kind']> = Extract<ReplyData, { kind: K }>;
type ReplyKindOf<T extends QueryInput['type']> = T extends 'artifact_get' ? 'artifact' : T extends 'state_get' ? 'state' : T;

export interface ClientOptions {
  url: string;
  /** sent as Authorization: Bearer; empty when `headers` carries the credential instead */
  token: string;
  /** more upgrade headers, for example the web session cookie of the hub's own REST writes */
  headers?: Record<string, string>;
  name: string;
  role: string;
  /** keep trying to reach the hub on the first connect instead of failing at once */
  waitForHub?: boolean;
  reconnect?: boolean;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** no ping from the hub for this long means the connection is dead */
  deadAfterMs?: number;
  historyLimit?: number;
  /** a one-shot command: the hub does not announce its joining and leaving */
  transient?: boolean;
}

interface Pending {
  frame: Record<string, unknown> & { id: string };
  resolve(value: unknown): void;
  reject(err: HuddleError): void;
}

export interface ClientEvents {
  event: [HubEvent];
  welcome: [WelcomeFrame];
  state: [ConnectionState];
  /** an error the hub sent that answers no pending frame, or a failure to reach it */
  problem: [HuddleError];
}

export class HuddleClient extends EventEmitter<ClientEvents> {
  state: ConnectionState = 'connecting';
  lastSeq: number | undefined;
  sessionId: string | undefined;
  welcome: WelcomeFrame | undefined;
  private ws: WebSocket | undefined;
  private readonly outbox = new Map<string, Pending>();
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private deadTimer: NodeJS.Timeout | undefined;
  private helloId = '';
  private firstWelcome: { resolve(w: WelcomeFrame): void; reject(e: HuddleError): void } | undefined;

  constructor(readonly options: ClientOptions) {
    super();
  }

  get name(): string {
    return this.options.name;
  }

  get pendingCount(): number {
    return this.outbox.size;
  }

  /** Opens the connection and resolves with the first welcome. */
  connect(): Promise<WelcomeFrame> {
    return new Promise((resolve, reject) => {
      this.firstWelcome = { resolve, reject };
      this.open();
    });
  }

  /** Sends a command and resolves once the hub has committed it. */
  send(body: CommandInput, options: { id?: string } = {}): Promise<AckFrame> {
    return this.enqueue(body, options.id) as Promise<AckFrame>;
  }

  /** Sends a query and resolves with its reply. */
  async request<T extends QueryInput>(body: T): Promise<ReplyOf<ReplyKindOf<T['type']>>> {
    return (await this.enqueue(body)) as ReplyOf<ReplyKindOf<T['type']>>;
  }

  close(): void {
    this.setState('closed');
    clearTimeout(this.retryTimer);
    clearTimeout(this.deadTimer);
    this.ws?.close(1000);
    this.ws = undefined;
    for (const p of this.outbox.values()) p.reject(new HuddleError('DISCONNECTED', 'The client was closed before the hub answered.'));
    this.outbox.clear();
    this.firstWelcome?.reject(new HuddleError('DISCONNECTED', 'The client was closed before it joined.'));
  }

  /** `id`: a caller-chosen frame id, so that sending the same decision again is applied once. */
  private enqueue(body: Record<string, unknown>, id: string = nanoid(12)): Promise<unknown> {
    if (this.state === 'closed') return Promise.reject(new HuddleError('DISCONNECTED', 'The client is closed.'));
    const frame = { ...body, id };
    return new Promise((resolve, reject) => {
      this.outbox.set(frame.id, { frame, resolve, reject });
      if (this.state === 'online') this.ws!.send(JSON.stringify(frame));
    });
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  private open(): void {
    const headers = { ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}), ...this.options.headers };
    const ws = new WebSocket(this.options.url, { headers, perMessageDeflate: false });
    this.ws = ws;
    ws.on('open', () => {
      this.attempt = 0;
      this.helloId = nanoid(12);
      ws.send(
        JSON.stringify({
          type: 'hello',
          id: this.helloId,
          protocol: PROTOCOL_VERSION,
          name: this.options.name,
          role: this.options.role,
          ...(this.sessionId ? { sessionId: this.sessionId } : {}),
          ...(this.lastSeq !== undefined ? { lastSeq: this.lastSeq } : {}),
          ...(this.options.historyLimit !== undefined ? { historyLimit: this.options.historyLimit } : {}),
          ...(this.options.transient ? { transient: true } : {}),
        }),
      );
      this.watchLiveness(ws);
    });
    ws.on('ping', () => this.watchLiveness(ws));
    ws.on('message', (data) => this.onFrame(String(data)));
    ws.on('unexpected-response', (_req, res) => {
      const code: ErrorCode = res.statusCode === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN';
      const reason = res.statusCode === 401 ? 'the hub refused the token (401)' : `the hub refused the connection (${res.statusCode})`;
      this.fail(new HuddleError(code, `Could not join: ${reason}. Check --token or HUDDLE_TOKEN (\`huddle token\` prints them).`));
      ws.terminate();
    });
    // Every socket gets an 'error' listener: an unhandled one would crash the process.
    ws.on('error', (err) => {
      if (this.firstWelcome) {
        this.fail(new HuddleError('DISCONNECTED', `Could not reach the hub at ${this.options.url}: ${err.message}. Is it running? Start it with \`huddle up\`.`, { cause: err }), true);
      }
    });
    ws.on('close', () => {
      clearTimeout(this.deadTimer);
      if (this.ws !== ws || this.state === 'closed') return;
      this.ws = undefined;
      if (this.options.reconnect === false && !this.firstWelcome) {
        this.close();
        return;
      }
      this.setState(this.firstWelcome ? 'connecting' : 'reconnecting');
      const min = this.options.minBackoffMs ?? 250;
      const max = this.options.maxBackoffMs ?? 10_000;
      const delay = Math.min(max, min * 2 ** this.attempt++) * (0.5 + Math.random() * 0.5);
      this.retryTimer = setTimeout(() => this.open(), delay);
    });
  }

  /**
   * A refusal (token, name, role) ends a first connect at once; an unreachable hub ends it only when
   * the caller did not ask to wait for the hub. After the first welcome, both are reported and retried.
   */
  private fail(err: HuddleError, retryable = false): void {
    if (this.firstWelcome && !(retryable && this.options.waitForHub)) {
      const first = this.firstWelcome;
      this.firstWelcome = undefined;
      this.close();
      first.reject(err);
    } else {
      this.emit('problem', err);
    }
  }

  private watchLiveness(ws: WebSocket): void {
    clearTimeout(this.deadTimer);
    this.deadTimer = setTimeout(() => ws.terminate(), this.options.deadAfterMs ?? 45_000);
    this.deadTimer.unref();
  }

  private onFrame(text: string): void {
    let parsed;
    try {
      parsed = ServerFrameSchema.safeParse(JSON.parse(text));
    } catch {
      this.emit('problem', new HuddleError('BAD_JSON', 'The hub sent a frame that is not JSON.'));
      return;
    }
    if (!parsed.success) {
      this.emit('problem', new HuddleError('BAD_FRAME', `The hub sent a frame this client does not understand: ${parsed.error.issues[0]?.message}`));
      return;
    }
    const frame = parsed.data;
    switch (frame.type) {
      case 'welcome':
        return this.onWelcome(frame);
      case 'event':
        if (this.lastSeq !== undefined && frame.event.seq <= this.lastSeq) return;
        this.lastSeq = frame.event.seq;
        this.emit('event', frame.event);
        return;
      case 'ack':
      case 'reply': {
        const pending = this.outbox.get(frame.id);
        this.outbox.delete(frame.id);
        pending?.resolve(frame.type === 'ack' ? frame : frame.data);
        return;
      }
      case 'error': {
        const err = new HuddleError(frame.code as ErrorCode, frame.message);
        if (frame.id === this.helloId) return this.fail(err);
        const pending = frame.id ? this.outbox.get(frame.id) : undefined;
        if (pending) {
          this.outbox.delete(frame.id!);
          pending.reject(err);
        } else {
          this.emit('problem', err);
        }
      }
    }
  }

  private onWelcome(welcome: WelcomeFrame): void {
    const replay = this.lastSeq !== undefined;
    this.sessionId = welcome.sessionId;
    this.welcome = welcome;
    if (replay) {
      for (const event of welcome.history) {
        if (event.seq <= this.lastSeq!) continue;
        this.lastSeq = event.seq;
        this.emit('event', event);
      }
    }
    this.lastSeq = Math.max(this.lastSeq ?? 0, welcome.lastSeq);
    this.setState('online');
    this.emit('welcome', welcome);
    for (const pending of this.outbox.values()) this.ws?.send(JSON.stringify(pending.frame));
    const first = this.firstWelcome;
    this.firstWelcome = undefined;
    first?.resolve(welcome);
  }
}
