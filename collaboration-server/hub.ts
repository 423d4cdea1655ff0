/**
 * The hub as a handler factory: give it a store, a clock and limits; it returns a connection handler.
 * server.ts attaches it to a WebSocketServer; tests may drive it with or without one.
 */
import { nanoid } from 'nanoid';
import { WebSocket, type RawData } from 'ws';
import { canSee } from './audience.js';
import { systemClock, type Clock } from './clock.js';
import { ClusterNode, type ClusterTiming } from './cluster-node.js';
import { CLOSE_CODES, ERROR_CODES, toHuddleError, type ErrorCode } from './errors.js';
import { GroupCommit, Outlet } from './group-commit.js';
import { HubMetrics } from './hub-metrics.js';
import type { Log } from './log.js';
import { startHeartbeat } from './heartbeat.js';
import { PageGate } from './page-gate.js';
import { applyCommand, answerQuery } from './handlers.js';
import type { Delivery } from './handler-context.js';
import { admit, issueCredential, type Admission, type ConnectionAuth } from './identity.js';
import { LeadSeat, LocalLeadLock } from './lead-seat.js';
import { checkName } from './names.js';
import {
  ClientFrameSchema,
  CLIENT_FRAME_TYPES,
  COMMAND_TYPES,
  isAdminRole,
  LEAD_ROLE,
  PAGE_BYTES,
  PROTOCOL_VERSION,
  type CommandFrame,
  type HelloFrame,
  type Participant,
  type QueryFrame,
  type ServerFrame,
} from './protocol.js';
import { TokenBucket } from './rate-limit.js';
import { sameSecret } from './secrets.js';
import { viewerOf, type ParticipantRow, type Store } from './store/index.js';
import { textFrame } from './ws-socket.js';

export type { ConnectionAuth } from './identity.js';

export interface HubLimits {
  framesPerSecond: number;
  burst: number;
  /** a client whose unsent data passes this many bytes is dropped: it has stopped reading */
  maxBufferedBytes: number;
  heartbeatMs: number;
  /** how long a connection dropped by the heartbeat has to finish the close handshake before it is cut */
  heartbeatGraceMs: number;
  /** most participants a welcome lists (online ones first); `who` lists everyone */
  maxRoster: number;
  /** bytes of events in one page of a replay or a history answer */
  pageBytes: number;
}

export const DEFAULT_LIMITS: HubLimits = {
  framesPerSecond: 50,
  burst: 100,
  maxBufferedBytes: 1024 * 1024,
  heartbeatMs: 15_000,
  heartbeatGraceMs: 2_000,
  maxRoster: 200,
  pageBytes: PAGE_BYTES,
};

/** most events in one page of a replay (a page also stops at `pageBytes`) */
const REPLAY_PAGE_EVENTS = 1000;
/** Queries whose answer can be a page of up to PAGE_BYTES: answered through the connection's page gate (page-gate.ts). */
const PAGED_QUERIES: ReadonlySet<string> = new Set(['history', 'task', 'sprints', 'backlog']);

export interface HubOptions {
  store: Store;
  clock?: Clock;
  limits?: Partial<HubLimits>;
  /** roles a participant may claim; any well-formed role when omitted */
  roles?: readonly string[];
  log?: Log;
  /** on a store shared by several hubs: how often this one refreshes presence and reads the log */
  clusterTiming?: Partial<ClusterTiming>;
  /** where the hub counts what GET /metrics shows; its own when omitted */
  metrics?: HubMetrics;
}


interface Arrival {
  conn: Connection;
  data: RawData;
  isBinary: boolean;
  /** whether the frame fitted the connection's rate, decided when it arrived */
  allowed: boolean;
}

interface Connection {
  ws: WebSocket;
  out: Outlet;
  auth: ConnectionAuth;
  bucket: TokenBucket;
  participant: ParticipantRow | null;
  /** a one-shot command under a name that has not joined: kept nowhere, and it may only read unless it is an admin */
  guest: boolean;
  /** a one-shot command or a companion (any hello with `transient`): it may not take the lead's seat */
  transient: boolean;
  /** a second connection of a participant who has joined: it gets the participant's events, unannounced (see joinBeside) */
  companion: boolean;
  status: 'online' | 'away';
  /** over its rate: told so, and closed once the batch is out */
  limited: boolean;
  pages: PageGate<Arrival>;
}

export interface Hub {
  handleConnection(ws: WebSocket, auth: ConnectionAuth): void;
  /** the participants online now */
  online(): Participant[];
  /** everyone who has joined, with their presence */
  roster(): Participant[];
  /** WebSocket connections open now, joined or not */
  connections(): number;
  /** bytes waiting in all connections' send buffers: what slow readers cost the hub */
  bufferedBytes(): number;
  close(): void;
}

export function createHub(options: HubOptions): Hub {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const metrics = options.metrics ?? new HubMetrics();
  const connections = new Set<Connection>();
  const live = new Map<string, Connection>(); // participant id → its connection
  // Connections beside a participant's own: the MCP server next to its agent's terminal, a web page.
  const companions = new Set<Connection>();
  /** the connections events are delivered to: each participant's live one, and the companions beside them */
  function* listeners(): Generator<Connection> {
    yield* live.values();
    yield* companions;
  }

  const commits = new GroupCommit<Arrival>(store, (arrival) => {
    const { conn } = arrival;
    if (conn.ws.readyState !== WebSocket.OPEN || conn.pages.holds(arrival)) return;
    // The last line of defence: whatever a frame does, the hub answers and keeps serving.
    try {
      onMessage(arrival);
    } catch (err) {
      commits.rethrowIfGrouped(err);
      log(`internal error: ${toHuddleError(err, 'hub').message}`, 'error');
      sendError(conn, null, 'INTERNAL', 'The hub failed on this frame; it was not applied. The connection stays open.');
    }
  }, log, (seconds, frames, committed) => {
    if (!committed) return metrics.commitFailures.inc();
    metrics.commitSeconds.observe(seconds);
    metrics.commitFrames.observe(frames);
  });

  // One lead at a time (lead-seat.ts); on a shared store, one node among several (cluster-node.ts).
  const seat = new LeadSeat(store.cluster?.leadLock ?? new LocalLeadLock(), log);
  const node = store.cluster
    ? new ClusterNode({
        store,
        cluster: store.cluster,
        clock,
        relay,
        localPresence: () => [...live.values()].flatMap((c) => (c.participant ? [{ participantId: c.participant.id, status: c.status }] : [])),
        onUndo: (undo) => commits.onUndo(undo),
        onRound: () => seat.watch(),
        timing: options.clusterTiming,
        log,
      })
    : undefined;
  const isOnline = (id: string): boolean => live.has(id) || !!node?.statusElsewhere(id);

  const stopHeartbeat = startHeartbeat(
    () => [...connections].map((c) => c.ws),
    limits.heartbeatMs,
    limits.heartbeatGraceMs,
    (ws) => log(`dropping a connection that stopped answering pings`, 'warn'),
  );

  /** Writes a ready-made frame now; call it from an effect that runs after the commit. */
  function write(conn: Connection, frame: Buffer): void {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    if (!commits.send(conn.out, frame, limits.maxBufferedBytes)) {
      log(`dropping ${conn.participant?.name ?? 'a client'}: it stopped reading (${conn.ws.bufferedAmount} bytes waiting)`, 'warn');
      conn.ws.terminate();
    } else metrics.framesOut.inc();
  }

  function send(conn: Connection, frame: ServerFrame): void {
    const bytes = textFrame(JSON.stringify(frame));
    commits.afterCommit(() => write(conn, bytes));
  }

  function sendError(conn: Connection, id: string | null, code: ErrorCode, message: string = ERROR_CODES[code]): void {
    send(conn, { type: 'error', id, code, message });
  }

  /** Relays events in log order: on a shared store, after those other nodes committed before them. */
  function deliver(deliveries: Delivery[]): void {
    relay(node ? node.inOrder(deliveries) : deliveries);
  }

  function relay(deliveries: Delivery[]): void {
    for (const { stored, fromId, to } of deliveries) {
      // Framed once for all recipients, and the recipients chosen now: one who joins later in the
      // batch has this event in its welcome already.
      const frame = textFrame(`{"type":"event","event":${stored.json}}`);
      const recipients: Connection[] = [];
      for (const conn of listeners()) {
        if (conn.participant && canSee(conn.participant, fromId, to)) recipients.push(conn);
      }
      commits.afterCommit(() => {
        for (const conn of recipients) write(conn, frame);
      });
    }
  }

  function toParticipant(row: ParticipantRow): Participant {
    const conn = live.get(row.id);
    return { id: row.id, name: row.name, role: row.role, status: conn ? conn.status : (node?.statusElsewhere(row.id) ?? 'offline') };
  }

  const roster = (): Participant[] => store.participants.all().map(toParticipant);

  function hello(conn: Connection, frame: HelloFrame): void {
    if (conn.participant) return sendError(conn, frame.id, 'ALREADY_JOINED');
    if (frame.protocol !== PROTOCOL_VERSION) {
      return sendError(conn, frame.id, 'PROTOCOL_MISMATCH', `The hub speaks protocol ${PROTOCOL_VERSION}, this client ${frame.protocol}: upgrade the older one.`);
    }
    if (options.roles && !options.roles.includes(frame.role)) {
      return sendError(conn, frame.id, 'UNKNOWN_ROLE', `Unknown role "${frame.role}". Known roles: ${options.roles.join(', ')}.`);
    }
    if (isAdminRole(frame.role) && !conn.auth.admin) {
      return sendError(conn, frame.id, 'FORBIDDEN', `The role "${frame.role}" needs the admin token; this connection used the member token.`);
    }
    let admission: Admission;
    try {
      checkName(frame.name);
      admission = admit(store, frame, conn.auth);
    } catch (err) {
      commits.rethrowIfGrouped(err);
      const e = toHuddleError(err, 'hub');
      return sendError(conn, frame.id, e.code, e.message);
    }
    const existing = admission.kind === 'known' ? admission.row : undefined;
    if (frame.transient || frame.companion || conn.auth.web) return joinBeside(conn, frame, admission);
    const resumed = !!existing && !!frame.sessionId && sameSecret(frame.sessionId, existing.sessionId);
    const holder = existing ? live.get(existing.id) : undefined;
    if (holder && !resumed) {
      return sendError(conn, frame.id, 'NAME_TAKEN', `"${frame.name}" is already connected. Pick another --name, or close the other terminal first.`);
    }
    if (holder) {
      const held = holder.participant!;
      live.delete(held.id);
      holder.participant = null;
      commits.onUndo(() => {
        holder.participant = held;
        live.set(held.id, holder);
      });
      commits.afterCommit(() => holder.ws.close(CLOSE_CODES.REPLACED, 'replaced by a newer connection'));
    }

    const now = clock.now();
    const issued = !existing || (admission.kind === 'known' && admission.issue) ? issueCredential() : undefined;
    const row: ParticipantRow = existing
      ? { ...existing, role: frame.role, sessionId: resumed ? existing.sessionId : nanoid(), lastSeen: now }
      : { id: nanoid(), name: frame.name, role: frame.role, sessionId: nanoid(), createdAt: now, lastSeen: now };
    let joined;
    try {
      joined = store.transaction(() => {
        if (!existing) store.participants.create(row, issued!.hash);
        else {
          store.participants.update(row);
          if (issued) store.participants.setCredential(row.id, { hash: issued.hash, state: 'active' });
        }
        return store.events.append(
          { type: 'presence', participant: { id: row.id, name: row.name, role: row.role, status: 'online' }, change: 'joined' },
          now,
          row.id,
        );
      });
    } catch (err) {
      commits.rethrowIfGrouped(err);
      const e = toHuddleError(err, 'hub');
      return sendError(conn, frame.id, e.code, e.message);
    }
    conn.participant = row;
    conn.status = 'online';
    live.set(row.id, conn);
    commits.onUndo(() => {
      conn.participant = null;
      if (live.get(row.id) === conn) live.delete(row.id);
    });
    welcome(conn, frame, row, row.sessionId, resumed, issued?.secret);
    deliver([{ stored: joined, fromId: row.id, to: { kind: 'all' } }]);
    log(`${row.name} (${row.role}) ${resumed ? 'resumed' : 'joined'}${issued ? ', with a new credential' : ''}`);
  }

  /**
   * A one-shot command (`huddle say`, `huddle task done` run by an agent's own script) acts as its
   * participant, credential and all, without taking over the participant's live terminal: it gets no
   * events, is not announced, and leaves the participant's session alone. Under a name that has not
   * joined it is a guest: on no roster, kept nowhere, and it may only read (an admin may also act).
   *
   * A companion (the `huddle mcp` an `--exec` agent's command starts) is the same, for longer and with
   * the participant's events: the room still sees one participant. It proves the same credential a
   * one-shot command does and could read the same events through history, so it is given nothing new;
   * there is no guest companion of an agent.
   * A web page is a companion too; the first join of a product owner may be made from it.
   */
  function joinBeside(conn: Connection, frame: HelloFrame, admission: Admission): void {
    const now = clock.now();
    const guest = admission.kind === 'new';
    if (guest && frame.companion) {
      return sendError(conn, frame.id, 'JOIN_FIRST', `"${frame.name}" has not joined this room: a companion connection shares a participant's identity, so ${frame.name} must join first (\`huddle agent --name "${frame.name}" ...\`).`);
    }
    const issued = admission.kind === 'known' && admission.issue ? issueCredential() : undefined;
    const row: ParticipantRow = guest ? { id: `guest-${nanoid()}`, name: frame.name, role: frame.role, sessionId: '', createdAt: now, lastSeen: now } : admission.row;
    if (issued) {
      try {
        store.participants.setCredential(row.id, { hash: issued.hash, state: 'active' });
      } catch (err) {
        commits.rethrowIfGrouped(err);
        const e = toHuddleError(err, 'hub');
        return sendError(conn, frame.id, e.code, e.message);
      }
    }
    conn.participant = row;
    conn.guest = guest;
    conn.transient = true;
    conn.companion = !!frame.companion || !!conn.auth.web;
    if (conn.companion) companions.add(conn);
    commits.onUndo(() => {
      conn.participant = null;
      companions.delete(conn);
    });
    // A throwaway session id: the participant's real one would let this command replace its terminal.
    welcome(conn, frame, row, nanoid(), false, issued?.secret);
    if (frame.companion) log(`${row.name} (${row.role}) opened a companion connection`);
  }

  /** Online participants first, then the most recently seen, at most `limits.maxRoster`. */
  function boundedRoster(): Participant[] {
    const online = [...live.values()].flatMap((c) => (c.participant ? [c.participant] : []));
    const onlineIds = new Set(online.map((p) => p.id));
    const others = store.participants.recent(limits.maxRoster).filter((p) => !onlineIds.has(p.id));
    return [...online, ...others].slice(0, limits.maxRoster).map(toParticipant);
  }

  /**
   * The answer to hello: after a resume, the first page of the events missed since `lastSeq` (the
   * client asks for the rest with `history`, page by page); else recent messages, one page at most.
   */
  function welcome(conn: Connection, frame: HelloFrame, row: ParticipantRow, sessionId: string, resumed: boolean, credential: string | undefined): void {
    const viewer = viewerOf(row);
    const page =
      frame.lastSeq !== undefined
        ? store.events.page(viewer, { after: frame.lastSeq, all: true, limit: REPLAY_PAGE_EVENTS, maxBytes: limits.pageBytes })
        : store.events.page(viewer, { all: false, limit: frame.historyLimit ?? 50, maxBytes: limits.pageBytes });
    if (frame.lastSeq !== undefined) metrics.replayEvents.observe(page.events.length);
    send(
      conn,
      {
        type: 'welcome',
        id: frame.id,
        protocol: PROTOCOL_VERSION,
        participant: toParticipant(row),
        sessionId,
        resumed,
        roster: boundedRoster(),
        rosterTotal: store.participants.count(),
        ...(credential ? { credential } : {}),
        history: page.events,
        ...(frame.lastSeq !== undefined && page.next ? { next: page.next } : {}),
        lastSeq: store.events.lastSeq(),
      },
    );
  }

  function command(conn: Connection, participant: ParticipantRow, frame: CommandFrame): void {
    const done = store.frames.get(participant.id, frame.id);
    if (done) {
      send(conn, { type: 'ack', id: frame.id, seq: done.seq, duplicate: true, ...(done.result ? { result: done.result } : {}) });
      return;
    }
    const lead = conn.transient ? undefined : seat.viewFor(conn, participant.name, (undo) => commits.onUndo(undo));
    const ctx = { store, now: clock.now(), actor: participant, admin: isAdminRole(participant.role), isOnline, lead };
    const outcome = store.transaction(() => {
      const result = applyCommand(ctx, frame);
      const seq = result.deliveries.at(-1)?.stored.event.seq ?? null;
      store.frames.put(participant.id, frame.id, { seq, result: result.result });
      return { ...result, seq };
    });
    if (frame.type === 'presence') {
      const before = conn.status;
      conn.status = frame.status;
      commits.onUndo(() => (conn.status = before));
    }
    if (frame.type === 'participant_credential') {
      const target = outcome.result!.participantId as string;
      log(`${participant.name} ${frame.action === 'revoke' ? 'revoked' : 'reset'} ${frame.name}`);
      commits.afterCommit(() => disconnect(target, frame.action === 'revoke' ? 'revoked by the product owner' : 'reset by the product owner'));
    }
    if (participant.role === LEAD_ROLE) commits.afterCommit(() => metrics.leadActions.inc({ type: frame.type }));
    deliver(outcome.deliveries);
    send(conn, { type: 'ack', id: frame.id, seq: outcome.seq, duplicate: false, ...(outcome.result ? { result: outcome.result } : {}) });
  }

  function onMessage(arrival: Arrival): void {
    const { conn, data, isBinary, allowed } = arrival;
    if (!allowed) {
      sendError(conn, null, 'RATE_LIMITED', `More than ${limits.framesPerSecond} frames a second; the hub closed this connection. Slow down and reconnect.`);
      commits.afterCommit(() => conn.ws.close(CLOSE_CODES.POLICY, 'rate limit exceeded'));
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString());
    } catch {
      return sendError(conn, null, 'BAD_JSON', 'The frame is not valid JSON: send one JSON object per WebSocket text message.');
    }
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id.slice(0, 64)) : null;
    const type = (raw as { type?: unknown })?.type;
    if (typeof type !== 'string' || !(CLIENT_FRAME_TYPES as string[]).includes(type)) {
      // describe the type without serializing it: a deeply nested value would overflow the stack
      const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : type === null ? 'null' : `of kind ${typeof type}`;
      return sendError(conn, id, 'UNKNOWN_TYPE', `Unknown frame type ${shown}. Known types: ${CLIENT_FRAME_TYPES.join(', ')}.`);
    }
    const parsed = ClientFrameSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : type;
      return sendError(conn, id, 'BAD_FRAME', `Invalid "${type}" frame: ${where}: ${issue?.message ?? 'invalid'}.`);
    }
    const frame = parsed.data;
    if (frame.type === 'hello') return hello(conn, frame);
    const participant = conn.participant;
    if (!participant) return sendError(conn, frame.id, 'NOT_JOINED', 'Send a hello frame with your name and role before anything else.');
    const isCommand = (COMMAND_TYPES as readonly string[]).includes(frame.type);
    if (isCommand && conn.guest && !isAdminRole(participant.role)) {
      return sendError(conn, frame.id, 'JOIN_FIRST', `"${participant.name}" has not joined this room, so a one-shot command may only read as it. Join once with \`huddle agent --name "${participant.name}" --role ${participant.role}\` (that makes its credential, kept in this data folder), then run this again.`);
    }
    try {
      if (isCommand) {
        command(conn, participant, frame as CommandFrame);
      } else {
        const paged = PAGED_QUERIES.has(frame.type);
        if (paged && !conn.pages.admit(arrival)) return;
        const ctx = { store, now: clock.now(), actor: participant, admin: isAdminRole(participant.role), isOnline, pageBytes: limits.pageBytes };
        const data = answerQuery(ctx, frame as QueryFrame, roster);
        send(conn, { type: 'reply', id: frame.id, data });
      }
    } catch (err) {
      commits.rethrowIfGrouped(err);
      const e = toHuddleError(err, 'hub');
      if (e.code === 'INTERNAL') log(`internal error on ${frame.type}: ${e.message}`, 'error');
      sendError(conn, frame.id, e.code, e.message);
    }
  }

  /** Closes every connection acting as the participant: its terminal and any one-shot command. */
  function disconnect(participantId: string, reason: string): void {
    for (const conn of connections) {
      if (conn.participant?.id === participantId) conn.ws.close(CLOSE_CODES.REVOKED, reason);
    }
  }

  function onClose(conn: Connection): void {
    connections.delete(conn);
    companions.delete(conn);
    conn.pages.close();
    seat.release(conn);
    const participant = conn.participant;
    if (!participant || live.get(participant.id) !== conn) return;
    live.delete(participant.id);
    try {
      const now = clock.now();
      const left = store.transaction(() => {
        store.participants.seen(participant.id, now);
        return store.events.append(
          { type: 'presence', participant: { id: participant.id, name: participant.name, role: participant.role, status: 'offline' }, change: 'left' },
          now,
          participant.id,
        );
      });
      deliver([{ stored: left, fromId: participant.id, to: { kind: 'all' } }]);
    } catch (err) {
      log(`could not record that ${participant.name} left: ${toHuddleError(err, 'hub').message}`, 'error');
    }
  }

  return {
    handleConnection(ws, auth) {
      const out = new Outlet(ws);
      const conn: Connection = { ws, out, auth, bucket: new TokenBucket(limits.framesPerSecond, limits.burst, clock), participant: null, guest: false, transient: false, companion: false, status: 'online', limited: false, pages: new PageGate(out, commits, limits.maxBufferedBytes / 4) };
      connections.add(conn);
      metrics.connectionsOpened.inc();
      // An unhandled 'error' on a socket would crash the hub; log it, and 'close' follows.
      ws.on('error', (err) => log(`socket error: ${err.message}`, 'warn'));
      ws.on('message', (data, isBinary) => {
        metrics.framesIn.inc();
        if (conn.limited) return;
        const allowed = conn.bucket.take();
        if (!allowed) conn.limited = true;
        // behind a history query that waits for the client to read: wait with it, in order
        const arrival = { conn, data, isBinary, allowed };
        if (!conn.pages.holds(arrival)) commits.push(arrival);
        commits.pauseWhileBehind(conn.out, limits.maxBufferedBytes / 4);
      });
      ws.on('close', () => onClose(conn));
    },
    roster,
    online: () => [...live.values()].flatMap((c) => (c.participant ? [toParticipant(c.participant)] : [])),
    connections: () => connections.size,
    bufferedBytes: () => [...connections].reduce((sum, c) => sum + c.ws.bufferedAmount, 0),
    close() {
      stopHeartbeat();
      node?.close();
      seat.close();
      for (const conn of connections) conn.ws.close(CLOSE_CODES.SHUTDOWN, 'hub shutting down');
    },
  };
}

