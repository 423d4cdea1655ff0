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
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('connection', (ws) => {
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      for (const other of wss.clients) {
        if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
      }
    });
  });
  wss.on('listening', () => process.stdout.write(`listening ${(wss.address() as AddressInfo).port}\n`));
}

function socketIoRelay(): void {
  const http = createServer();
  const io = new SocketIoServer(http, { perMessageDeflate: false, transports: ['websocket'] });
  io.on('connection', (socket) => {
    socket.on('msg', (payload: string) => socket.broadcast.emit('msg', payload));
  });
  http.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(http.address() as AddressInfo).port}\n`));
}

const kind = process.argv[2];
if (kind === 'ws') wsRelay();
else if (kind === 'socketio') socketIoRelay();
else {
  process.stderr.write(`usage: relay-server.js ws|socketio (got ${kind})\n`);
  process.exit(2);
}
