/** One disposable fixture: a real hub on port 0 with a real SQLite file in a temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { HuddleClient, type ClientOptions } from '../../collaboration-server/client.js';
import { fileCredentialStore } from '../../collaboration-server/credential-store.js';
import { readTokens } from '../../collaboration-server/data-dir.js';
import { startHub, type RunningHub, type ServerOptions } from '../../collaboration-server/server.js';
import type { Db } from '../../collaboration-server/store/database.js';
import type { SqliteStore } from '../../collaboration-server/store/index.js';
import { isAdminRole, type HubEvent, type ServerFrame } from '../../collaboration-server/protocol.js';

export interface TestHub {
  url: string;
  dataDir: string;
  running: RunningHub;
  /** the hub's SQLite store and its database, for tests that look behind the Store interface */
  readonly sqlite: SqliteStore;
  readonly db: Db;
  /** a typed client, connected, keeping its credential in the hub's data folder as the CLI does; closed by close() */
  client(name: string, role: string, options?: Partial<ClientOptions>): Promise<HuddleClient>;
  /** a raw socket that records every frame it receives */
  raw(options?: { token?: string | null; headers?: Record<string, string> }): Promise<RawClient>;
  /** stops the hub but keeps its folder, to start again on it */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface RawClient {
  ws: WebSocket;
  /** frames received and not yet taken by next() */
  frames: ServerFrame[];
  send(frame: unknown): void;
  next(predicate: (f: ServerFrame) => boolean): Promise<ServerFrame>;
  closed: Promise<{ code: number; reason: string }>;
}

export async function startTestHub(options: Partial<Omit<ServerOptions, 'dataDir'>> & { dataDir?: string } = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'huddle-test-'));
  const start = () => startHub({ port: 0, ...options, dataDir });
  let running = await start();
  const clients: HuddleClient[] = [];
  const raws: WebSocket[] = [];

  const fixture: TestHub = {
    get url() {
      return running.url;
    },
    dataDir,
    get running() {
      return running;
    },
    get sqlite() {
      return running.store as SqliteStore;
    },
    get db() {
      return fixture.sqlite.db;
    },
    async client(name, role, extra = {}) {
      const client = new HuddleClient({
        url: running.url,
        token: isAdminRole(role) ? running.tokens.admin : running.tokens.member,
        name,
        role,
        minBackoffMs: 10,
        maxBackoffMs: 100,
        credentials: fileCredentialStore(dataDir),
        ...extra,
      });
      clients.push(client);
      await client.connect();
      return client;
    },
    async raw({ token, headers } = {}) {
      const t = token === undefined ? running.tokens.member : token;
      const ws = new WebSocket(running.url, { headers: { ...(t ? { authorization: `Bearer ${t}` } : {}), ...headers } });
      raws.push(ws);
      const frames: ServerFrame[] = [];
      const waiters: { predicate: (f: ServerFrame) => boolean; resolve: (f: ServerFrame) => void }[] = [];
      ws.on('message', (data) => {
        const frame = JSON.parse(String(data)) as ServerFrame;
        const waiter = waiters.find((w) => w.predicate(frame));
        if (!waiter) return frames.push(frame);
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      });
      const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      return {
        ws,
        frames,
        closed,
        send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
        next: (predicate) => {
          const seen = frames.find(predicate);
          if (seen) {
            frames.splice(frames.indexOf(seen), 1);
            return Promise.resolve(seen);
          }
          return new Promise((resolve) => waiters.push({ predicate, resolve }));
        },
      };
    },
    async stop() {
      await running.close();
    },
    async restart() {
      await running.close();
      running = await startHub({ port: running.port, ...options, dataDir });
    },
    async close() {
      for (const c of clients) c.close();
      for (const ws of raws) ws.terminate();
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Collects a client's events; `until` waits for one that matches. */
export function recorder(client: HuddleClient) {
  const events: HubEvent[] = [];
  const waiters: { predicate: (e: HubEvent) => boolean; resolve: (e: HubEvent) => void }[] = [];
  client.on('event', (e) => {
    events.push(e);
    for (const w of [...waiters]) {
      if (w.predicate(e)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    }
  });
  return {
    events,
    messages: () => events.flatMap((e) => (e.type === 'message' ? [e.text] : [])),
    until(predicate: (e: HubEvent) => boolean): Promise<HubEvent> {
      const seen = events.find(predicate);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

/**
 * Joins a hub that runs in another process (its tokens read from `dataDir`), reconnecting quickly
 * after a kill; the client is closed at cleanup and its events recorded.
 */
export async function joinRecorded(url: string, dataDir: string, name: string, role: string, onCleanup: (fn: () => unknown) => void) {
  const tokens = readTokens(dataDir)!;
  const client = new HuddleClient({ url, token: isAdminRole(role) ? tokens.admin : tokens.member, name, role, minBackoffMs: 20, maxBackoffMs: 200, credentials: fileCredentialStore(dataDir) });
  onCleanup(() => client.close());
  const seen = recorder(client);
  await client.connect();
  return { client, seen };
}
