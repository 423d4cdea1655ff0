/** Attaches the hub to an HTTP server: authentication and origin checks happen at the upgrade. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { DATABASE_FILE, ensureTokens, heldRoom, lockDataDir, prepareDataDir, writeHubUrl, type Tokens } from './data-dir.js';
import { createHub, type Hub, type HubOptions } from './hub.js';
import { sameSecret } from './identity.js';
import { MAX_FRAME_BYTES } from './protocol.js';
import type { CheckpointOptions, Store } from './store/index.js';
import { openStore } from './store/open-store.js';
import { startupError } from './startup-errors.js';

export interface ServerOptions extends Omit<HubOptions, 'store'> {
  host?: string;
  port?: number;
  dataDir: string;
  /** a postgres:// URL to keep the room in; SQLite in the data folder when omitted */
  storeUrl?: string;
  /** browser origins allowed to open the hub; every other Origin header is refused */
  allowOrigins?: readonly string[];
  /** when the background checkpoint runs (store/wal-checkpoint.ts) */
  checkpoint?: Partial<CheckpointOptions>;
}

export interface RunningHub {
  url: string;
  port: number;
  hub: Hub;
  store: Store;
  tokens: Tokens;
  close(): Promise<void>;
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return new URL(req.url ?? '/', 'http://hub').searchParams.get('token') ?? undefined;
}

function refuse(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  socket.destroy();
}

export function attachHub(server: Server, hub: Hub, tokens: Tokens, allowOrigins: readonly string[] = []): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    // Without a listener, a reset during the handshake would crash the hub.
    socket.on('error', () => socket.destroy());
    const origin = req.headers.origin;
    if (origin && !allowOrigins.includes(origin)) {
      return refuse(socket, 403, 'Forbidden', `Origin ${origin} may not open this hub; start it with --allow-origin ${origin} to allow it.\n`);
    }
    const token = tokenOf(req);
    const admin = !!token && sameSecret(token, tokens.admin);
    if (!token || (!admin && !sameSecret(token, tokens.member))) {
      return refuse(socket, 401, 'Unauthorized', 'Missing or wrong token: send Authorization: Bearer TOKEN (huddle token prints them).\n');
    }
    wss.handleUpgrade(req, socket, head, (ws) => hub.handleConnection(ws, { admin }));
  });
  return wss;
}

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
    const tokens = ensureTokens(options.dataDir);
    return await serve(options, store, tokens, undoAll);
  } catch (err) {
    await undoAll();
    throw startupError(err, options.dataDir);
  }
}

async function serve(options: ServerOptions, store: Store, tokens: Tokens, release: () => Promise<void>): Promise<RunningHub> {
  const hub = createHub({ ...options, store });
  const server = createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, online: hub.online().length, bufferedBytes: hub.bufferedBytes() }));
      return;
    }
    res.writeHead(426, { 'content-type': 'text/plain' }).end('This is a Huddle hub: connect with a WebSocket client (huddle agent).\n');
  });
  const wss = attachHub(server, hub, tokens, options.allowOrigins);
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
  let closed = false;
  return {
    url,
    port,
    hub,
    store,
    tokens,
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
