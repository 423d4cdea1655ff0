/**
 * The two relays Huddle is compared with, each run in its own process like the hub:
 * `node dist/bench/relay-server.js ws` — a bare `ws` broadcast relay, the floor of overhead;
 * `node dist/bench/relay-server.js socketio` — a Socket.IO relay, what a user might pick instead.
 * Each relays every message to every other client and prints `listening <port>` when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketIoServer } from 'socket.io';
import { WebSocket, WebSocketServer } from 'ws';

function wsRelay(): void {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss = server;
  server.on('connection', (ws) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      for (const other of server.clients) {
        if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
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
    socket.on('msg', (payload: string) => socket.broadcast.emit('msg', payload));
  });
  http.listen(0, '127.0.0.1', () => ready((http.address() as AddressInfo).port));
}

const kind = process.argv[2];
if (kind === 'ws') wsRelay();
else if (kind === 'socketio') socketIoRelay();
else {
  process.stderr.write(`usage: relay-server.js ws|socketio (got ${kind})\n`);
  process.exit(2);
}
