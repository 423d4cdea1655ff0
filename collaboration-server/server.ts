/**
 * Attaches the hub to an HTTP server: Host, Origin and authentication are checked at the upgrade; every
 * other request goes to the web handler (the page, its sign-in and the REST API, in web/).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { systemClock } from './clock.js';
import { adoptTokens, DATABASE_FILE, ensureTokens, heldRoom, lockDataDir, prepareDataDir, writeHubUrl, type Tokens } from './data-dir.js';
import { createHub, type ConnectionAuth, type Hub, type HubOptions } from './hub.js';
import { HubMetrics } from './hub-metrics.js';
import { opsRoutes } from './http/ops-routes.js';
import { MAX_FRAME_BYTES } from './protocol.js';
import type { CheckpointOptions, Store } from './store/index.js';
import { openStore } from './store/open-store.js';
import { startupError } from './startup-errors.js';
import type { TeamRole } from './team-view.js';
import { hubHosts } from './web/request-guard.js';
import type { Verdict } from './web/web-auth.js';
import { createWebHandler, type WebHandler } from './web/web-handler.js';

export interface ServerOptions extends Omit<HubOptions, 'store'> {
  host?: string;
  port?: number;
  dataDir: string;
  /** a postgres:// URL to keep the room in; SQLite in the data folder when omitted */
  storeUrl?: string;
  /** browser origins allowed to open the hub besides its own page; every other Origin header is refused */
  allowOrigins?: readonly string[];
  /** when the background checkpoint runs (store/wal-checkpoint.ts) */
  checkpoint?: Partial<CheckpointOptions>;
  /** serve GET /metrics without the admin token */
  metricsOpen?: boolean;
  /** host names the hub answers to besides loopback and the address it listens on */
  allowHosts?: readonly string[];
  /** the role catalog's hours per day, for the web page's team capacity */
  teamRoles?: readonly TeamRole[];
}

export interface RunningHub {
  url: string;
  port: number;
  hub: Hub;
  store: Store;
  tokens: Tokens;
  /** the web page's address on this machine, http://127.0.0.1:PORT */
  pageUrl: string;
  web: WebHandler;
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.destroy();
}

/** `authorize` decides each upgrade (web/web-auth.ts authorizeUpgrade): a token, or the page's session. */
export function attachHub(server: Server, hub: Hub, authorize: (req: IncomingMessage) => Verdict<ConnectionAuth>): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    // Without a listener, a reset during the handshake would crash the hub.
    socket.on('error', () => socket.destroy());
    const verdict = authorize(req);
    if (!verdict.ok) return refuse(socket, verdict.status, verdict.status === 401 ? 'Unauthorized' : 'Forbidden', `${verdict.message}\n`);
    wss.handleUpgrade(req, socket, head, (ws) => hub.handleConnection(ws, verdict.value));
  });
  return wss;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);
/** How this machine reaches a hub listening on `host`: loopback for a wildcard address. */
const localAddress = (host: string): string => (WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

/**
 * Checks the data folder, takes its lock, opens the database, then makes the tokens (so a folder
 * refused for any reason is left as it was), listens, and says where. Whatever fails is undone.
 */
export async function startHub(options: ServerOptions): Promise<RunningHub> {
  const undo: (() => void | Promise<void>)[] = [];
  // last done, first undone: the store closes (its checkpoint worker first) before the lock is released
  const undoAll = async () => {
    for (const fn of undo.splice(0).reverse()) await fn();
  };
  try {
    prepareDataDir(options.dataDir);
    const held = heldRoom(options.dataDir);
    undo.push(lockDataDir(options.dataDir));
    const store = openStore(options.storeUrl, options.dataDir, { heldRoom: held, checkpoint: options.checkpoint });
    undo.push(() => store.close());
    // Hubs sharing a store hand out the same tokens: the first hub's, kept in the database.
    const own = ensureTokens(options.dataDir);
    const tokens = store.cluster ? adoptTokens(options.dataDir, store.cluster.shareTokens(own)) : own;
    return await serve(options, store, tokens, undoAll);
  } catch (err) {
    await undoAll();
    throw startupError(err, options.dataDir);
  }
}

async function serve(options: ServerOptions, store: Store, tokens: Tokens, release: () => Promise<void>): Promise<RunningHub> {
  const metrics = options.metrics ?? new HubMetrics();
  const hub = createHub({ ...options, store, metrics });
  metrics.gauge('huddle_connections', 'WebSocket connections open now', () => hub.connections());
  metrics.gauge('huddle_participants_online', 'participants online now', () => hub.online().length);
  const ops = opsRoutes({ hub, store, metrics, adminToken: tokens.admin, metricsOpen: options.metricsOpen });
  let web: WebHandler | undefined; // made once the port is known; no request arrives before
  // /healthz and /metrics answer whatever Host a load balancer or a scraper sends; the page's guard is for browsers
  const server = createServer((req, res) => ops(req, res) || web!.handle(req, res));
  const wss = attachHub(server, hub, (req) => web!.authorizeUpgrade(req));
  const host = options.host ?? '127.0.0.1';
  let port: number;
  let url: string;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4747, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
    url = `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
    writeHubUrl(options.dataDir, url);
  } catch (err) {
    hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw err;
  }
  const pageUrl = `http://${localAddress(host)}:${port}`;
  web = createWebHandler({
    store,
    hub,
    tokens,
    clock: options.clock ?? systemClock,
    guard: { hosts: hubHosts(host, options.allowHosts), allowOrigins: options.allowOrigins ?? [] },
    roles: options.teamRoles ?? [],
    port,
    loopbackUrl: `ws://${localAddress(host)}:${port}`,
    pageUrl,
    log: options.log ?? (() => {}),
  });
  let closed = false;
  return {
    url,
    port,
    hub,
    store,
    tokens,
    pageUrl,
    web,
    async close() {
      if (closed) return;
      closed = true;
      hub.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release();
    },
  };
}
