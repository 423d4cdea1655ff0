/**
 * The typed client every other process uses to talk to the hub: hello, send-and-wait-for-ack,
 * events, automatic reconnect with backoff and jitter, resume from the last sequence (the missed
 * events come page by page), and an outbox that survives a reconnect (frames keep their ids, so the
 * hub applies a retried frame once). The outbox, the place in the log and the backoff are the pure
 * modules the web page shares (`outbox.ts`, `event-cursor.ts`, `backoff.ts`); this file is the Node
 * transport around them: the socket, its liveness, credentials and the paged replay.
 */
import { EventEmitter } from 'node:events';
import { nanoid } from 'nanoid';
import WebSocket from 'ws';
import { Backoff } from './backoff.js';
import type { CredentialStore } from './credential-store.js';
import { CLOSE_CODES, HuddleError, type ErrorCode } from './errors.js';
import { EventCursor } from './event-cursor.js';
import { Outbox } from './outbox.js';
import {
  PROTOCOL_VERSION,
  ServerFrameSchema,
  type AckFrame,
  type ClientFrameInput,
  type CommandType,
  type HubEvent,
  type QueryType,
  type ReplyTo,
  type WelcomeFrame,
} from './protocol.js';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'closed';

type Body<T> = T extends unknown ? Omit<T, 'id'> : never;
export type CommandInput = Body<Extract<ClientFrameInput, { type: CommandType }>>;
export type QueryInput = Body<Extract<ClientFrameInput, { type: QueryType }>>;
/** A `history` query whose `limit` is the total wanted over all pages (every match when omitted). */
export type HistoryQuery = Omit<Extract<QueryInput, { type: 'history' }>, 'type' | 'limit'> & { limit?: number };

/** most events one history page may ask for (the hub's bound) */
const PAGE_EVENTS = 1000;
/** pages asked for at once before the client paces itself, so a long replay stays under the hub's frame rate */
const UNPACED_PAGES = 10;

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
  /**
   * no ping from the hub for this long means the connection is dead (also the bound on opening one);
   * by default 45 s, and once the hub's ping interval is known, three of its intervals
   */
  deadAfterMs?: number;
  historyLimit?: number;
  /** a one-shot command: the hub does not announce its joining and leaving */
  transient?: boolean;
  /** a second connection of a participant who has joined: it gets the participant's events, and the hub does not announce it */
  companion?: boolean;
  /**
   * Where this participant's credential is kept between runs (the data folder): read before the first
   * hello, written when the hub gives out a new one. Without it the credential lives only in this client.
   */
  credentials?: CredentialStore;
  /** wait between pages after the first ten of a paged answer (default 50 ms: 20 pages a second) */
  pageIntervalMs?: number;
}

/** Refusals of who this client says it is: trying again cannot help, so a reconnecting client stops. */
const IDENTITY_REFUSALS: readonly string[] = ['CREDENTIAL_MISSING', 'CREDENTIAL_WRONG', 'REVOKED', 'BAD_NAME', 'NAME_LOOKALIKE', 'FORBIDDEN', 'JOIN_FIRST'];

export interface ClientEvents {
  event: [HubEvent];
  welcome: [WelcomeFrame];
  state: [ConnectionState];
  /** an error the hub sent that answers no pending frame, or a failure to reach it */
  problem: [HuddleError];
}

export class HuddleClient extends EventEmitter<ClientEvents> {
  state: ConnectionState = 'connecting';
  sessionId: string | undefined;
  welcome: WelcomeFrame | undefined;
  /** this participant's credential, once known: sent in every hello */
  private credential: string | undefined;
  private ws: WebSocket | undefined;
  private readonly outbox = new Outbox({ newId: () => nanoid(12), refusal: (frame) => new HuddleError(frame.code as ErrorCode, frame.message) });
  private readonly cursor = new EventCursor();
  private readonly backoff: Backoff;
  private retryTimer: NodeJS.Timeout | undefined;
  private deadTimer: NodeJS.Timeout | undefined;
  private helloId = '';
  private firstWelcome: { resolve(w: WelcomeFrame): void; reject(e: HuddleError): void } | undefined;
  /** counts welcomes: a replay that a newer welcome overtook stops */
  private welcomes = 0;
  /** live events that wait: while a resume pages through what was missed, or until the first welcome's caller has attached its listeners */
  private held: HubEvent[] | undefined;
  /** when the hub's last ping came, and the interval between its pings as seen so far */
  private lastPing: number | undefined;
  private pingEveryMs: number | undefined;

  constructor(readonly options: ClientOptions) {
    super();
    this.backoff = new Backoff({ minMs: options.minBackoffMs ?? 250, maxMs: options.maxBackoffMs ?? 10_000 });
  }

  /** the last sequence number this client has emitted: a reconnect resumes after it */
  get lastSeq(): number | undefined {
    return this.cursor.lastSeq;
  }

  set lastSeq(seq: number | undefined) {
    this.cursor.lastSeq = seq;
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
      try {
        this.credential ??= this.options.credentials?.load(this.options.name);
      } catch (err) {
        reject(err instanceof HuddleError ? err : new HuddleError('UNAUTHORIZED', `Could not read the credential of ${this.options.name}: ${(err as Error).message}`, { cause: err }));
        return;
      }
      this.firstWelcome = { resolve, reject };
      this.open();
    });
  }

  /** Sends a command and resolves once the hub has committed it. */
  send(body: CommandInput, options: { id?: string } = {}): Promise<AckFrame> {
    return this.enqueue(body, options.id) as Promise<AckFrame>;
  }

  /** Sends a query and resolves with its reply. */
  async request<T extends QueryInput>(body: T): Promise<ReplyTo<T['type']>> {
    return (await this.enqueue(body)) as ReplyTo<T['type']>;
  }

  /**
   * A history query answered page by page, following the hub's cursor until `limit` events or the
   * end. Forward from `after` the pages come oldest first; otherwise newest first, back in time (each
   * page is oldest first within itself).
   */
  async *history(query: HistoryQuery = {}): AsyncGenerator<HubEvent[]> {
    const { limit = Infinity, ...rest } = query;
    let cursor = {};
    for (let page = 0, left = limit; left > 0; page++) {
      if (page >= UNPACED_PAGES) await new Promise((resolve) => setTimeout(resolve, this.options.pageIntervalMs ?? 50));
      const reply = await this.request({ type: 'history', ...rest, ...cursor, limit: Math.min(left, PAGE_EVENTS) });
      left -= reply.events.length;
      yield reply.events;
      if (!reply.next) return;
      cursor = reply.next;
    }
  }

  close(): void {
    this.setState('closed');
    clearTimeout(this.retryTimer);
    clearTimeout(this.deadTimer);
    this.ws?.close(CLOSE_CODES.NORMAL);
    this.ws = undefined;
    this.outbox.abandon(new HuddleError('DISCONNECTED', 'The client was closed before the hub answered.'));
    this.firstWelcome?.reject(new HuddleError('DISCONNECTED', 'The client was closed before it joined.'));
  }

  /** `id`: a caller-chosen frame id, so that sending the same decision again is applied once. */
  private enqueue(body: Record<string, unknown>, id?: string): Promise<unknown> {
    if (this.state === 'closed') return Promise.reject(new HuddleError('DISCONNECTED', 'The client is closed.'));
    return this.outbox.add(body, id);
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  private open(): void {
    const headers = { ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}), ...this.options.headers };
    // A hub that accepts the connection but never answers (stopped, or behind a balancer) must not hang the client.
    const ws = new WebSocket(this.options.url, { headers, perMessageDeflate: false, handshakeTimeout: this.deadAfterMs() });
    this.lastPing = undefined;
    this.ws = ws;
    ws.on('open', () => {
      this.backoff.reset();
      this.helloId = nanoid(12);
      ws.send(
        JSON.stringify({
          type: 'hello',
          id: this.helloId,
          protocol: PROTOCOL_VERSION,
          name: this.options.name,
          role: this.options.role,
          ...(this.sessionId ? { sessionId: this.sessionId } : {}),
          ...this.cursor.resumeFields(),
          ...(this.options.historyLimit !== undefined ? { historyLimit: this.options.historyLimit } : {}),
          ...(this.options.transient ? { transient: true } : {}),
          ...(this.options.companion ? { companion: true } : {}),
          ...(this.credential ? { credential: this.credential } : {}),
        }),
      );
      this.watchLiveness(ws);
    });
    ws.on('ping', () => {
      const now = Date.now();
      if (this.lastPing !== undefined) this.pingEveryMs = now - this.lastPing;
      this.lastPing = now;
      this.watchLiveness(ws);
    });
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
    ws.on('close', (code, reason) => {
      clearTimeout(this.deadTimer);
      if (this.ws !== ws || this.state === 'closed') return;
      this.ws = undefined;
      this.outbox.offline();
      if (code === CLOSE_CODES.REVOKED) {
        this.emit('problem', new HuddleError('REVOKED', `The hub closed this connection: ${this.options.name} was ${String(reason) || 'revoked or reset by the product owner'}. Not reconnecting.`));
        this.close();
        return;
      }
      if (this.options.reconnect === false && !this.firstWelcome) {
        this.close();
        return;
      }
      this.setState(this.firstWelcome ? 'connecting' : 'reconnecting');
      this.retryTimer = setTimeout(() => this.open(), this.backoff.next());
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
      if (IDENTITY_REFUSALS.includes(err.code)) this.close();
    }
  }

  private keepCredential(credential: string): void {
    this.credential = credential;
    try {
      this.options.credentials?.save(this.options.name, credential);
    } catch (err) {
      const e = err instanceof HuddleError ? err : new HuddleError('UNAUTHORIZED', (err as Error).message);
      this.emit('problem', new HuddleError(e.code, `Could not keep the credential of ${this.options.name} (${e.message}). This session works; a later join as ${this.options.name} will need a reset by the product owner.`, { cause: err }));
    }
  }

  private watchLiveness(ws: WebSocket): void {
    clearTimeout(this.deadTimer);
    this.deadTimer = setTimeout(() => ws.terminate(), this.deadAfterMs());
    this.deadTimer.unref();
  }

  private deadAfterMs(): number {
    if (this.options.deadAfterMs !== undefined) return this.options.deadAfterMs;
    return this.pingEveryMs !== undefined ? Math.min(45_000, Math.max(3_000, 3 * this.pingEveryMs)) : 45_000;
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
        if (this.held) this.held.push(frame.event);
        else this.emitEvent(frame.event);
        return;
      case 'ack':
      case 'reply':
        this.outbox.settle(frame);
        return;
      case 'error': {
        if (this.outbox.settle(frame)) return;
        const err = new HuddleError(frame.code as ErrorCode, frame.message);
        if (frame.id === this.helloId) this.fail(err);
        else this.emit('problem', err);
      }
    }
  }

  /** Each event once, in order: a replayed event also seen live (or the other way round) is skipped. */
  private emitEvent(event: HubEvent): void {
    if (this.cursor.pass(event)) this.emit('event', event);
  }

  /**
   * A resume's welcome carries the first page of what was missed; with `next`, the rest is asked for
   * page by page while live events wait, and 'welcome' is emitted once the replay has caught up.
   */
  private onWelcome(welcome: WelcomeFrame): void {
    if (welcome.credential) this.keepCredential(welcome.credential);
    const replay = this.cursor.resuming;
    const generation = ++this.welcomes;
    this.sessionId = welcome.sessionId;
    this.welcome = welcome;
    if (replay) for (const event of welcome.history) this.emitEvent(event);
    this.held = replay && welcome.next ? [] : undefined;
    this.setState('online');
    const ws = this.ws;
    if (ws) this.outbox.online((text) => ws.send(text));
    if (this.held) void this.replayRest(welcome, generation);
    else this.joined(welcome);
  }

  private async replayRest(welcome: WelcomeFrame, generation: number): Promise<void> {
    try {
      for await (const page of this.history({ all: true, ...welcome.next })) {
        if (generation !== this.welcomes) return;
        for (const event of page) this.emitEvent(event);
      }
    } catch (err) {
      if (generation !== this.welcomes || this.state === 'closed') return;
      // Reconnecting resumes from the last event emitted: nothing is skipped, nothing repeated.
      this.emit('problem', new HuddleError('DISCONNECTED', `Replaying the missed events failed (${(err as Error).message}); reconnecting to resume.`));
      this.ws?.terminate();
      return;
    }
    if (generation !== this.welcomes) return;
    this.release(this.held);
    this.joined(welcome);
  }

  private joined(welcome: WelcomeFrame): void {
    this.cursor.caughtUp(welcome.lastSeq);
    this.emit('welcome', welcome);
    const first = this.firstWelcome;
    this.firstWelcome = undefined;
    if (!first) return;
    // ws hands over frames that came in one read in one tick: the events behind the welcome would be
    // emitted before `await connect()` returns to a caller that attaches its listeners then, and be lost
    const waiting: HubEvent[] = (this.held = []);
    first.resolve(welcome);
    setImmediate(() => this.release(waiting));
  }

  /** Emits the held events, unless a newer welcome replaced them (its resume replays what they held). */
  private release(held: HubEvent[] | undefined): void {
    if (!held || held !== this.held) return;
    this.held = undefined;
    for (const event of held) this.emitEvent(event);
  }
}
