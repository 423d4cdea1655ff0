/**
 * The relays Huddle is compared with, each run in its own process like the hub:
 * `node dist/bench/relay-server.js ws` — a bare `ws` broadcast relay that writes each message to each
 * socket as it comes (what a first relay looks like);
 * `node dist/bench/relay-server.js ws-batched` — the same relay, but each socket is corked for one
 * event-loop turn, as Huddle does, so a turn's messages are one write per socket: the honest floor;
 * `node dist/bench/relay-server.js ws-framed` — the batched relay that also frames each message once
 *   for all recipients and writes it as one buffer, as Huddle does (collaboration-server/ws-socket.ts):
 *   the floor for Huddle's way of writing, measured only when asked for (HUDDLE_BENCH_RELAYS);
 * `node dist/bench/relay-server.js socketio` — a Socket.IO relay, what a user might pick instead.
 * Each relays every message to every other client and prints `listening <port>` when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame } from '../collaboration-server/ws-socket.js';

function wsRelay(batched: boolean, framed = false): void {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss = server;
  // The socket each client's frames are written to; the upgrade request hands it over.
  const sockets = new WeakMap<WebSocket, Socket>();
  const corked = new Set<Socket>();
  const uncorkAll = () => {
    for (const socket of corked) socket.uncork();
    corked.clear();
  };
  server.on('connection', (ws, req) => {
    sockets.set(ws, req.socket);
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      const frame = framed ? textFrame(String(data)) : undefined;
      for (const other of server.clients) {
        if (other === ws || other.readyState !== WebSocket.OPEN) continue;
        const socket = sockets.get(other)!;
        if (batched && !corked.has(socket)) {
          if (corked.size === 0) setImmediate(uncorkAll);
          socket.cork();
          corked.add(socket);
        }
        if (frame) socket.write(frame);
        else other.send(data, { binary: isBinary });
      }
    });
  });
  server.on('listening', () => ready((server.address() as AddressInfo).port));
}

/** Says where it listens; forked with IPC (the idle memory benchmark), it also reports its memory. */
function ready(port: number): void {
  process.stdout.write(`listening ${port}\n`);
  if (!process.send) return;
  process.on('message', (message: string) => {
    if (message === 'measure') {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      process.send!({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external + m.arrayBuffers, online: wss?.clients.size ?? 0 });
    }
    if (message === 'stop') process.exit(0);
  });
  process.send({ url: `ws://127.0.0.1:${port}`, token: '' });
}
let wss: WebSocketServer | undefined;

function socketIoRelay(): void {
  const http = createServer();
  const io = new SocketIoServer(http, { perMessageDeflate: false, transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on('msg', (payload: unknown) => socket.broadcast.emit('msg', payload));
  });
  http.listen(0, '127.0.0.1', () => ready((http.address() as AddressInfo).port));
}

const kind = process.argv[2];
if (kind === 'ws') wsRelay(false);
else if (kind === 'ws-batched') wsRelay(true);
else if (kind === 'ws-framed') wsRelay(true, true);
else if (kind === 'socketio') socketIoRelay();
else {
  process.stderr.write(`usage: relay-server.js ws|ws-batched|ws-framed|socketio (got ${kind})\n`);
  process.exit(2);
}
