/**
 * The one place the hub reaches under ws's public API, and why it must.
 *
 * The hub writes a batch of frames to each client as one write (group-commit.ts), frames each event
 * once for all its recipients, and stops reading a client until what it owes it has drained. ws's
 * public API has none of that: `send()` frames the data again for every recipient and writes each
 * frame on its own (two socket writes: header, then payload); there is no `cork()`; and there is no
 * 'drain' event, only `bufferedAmount`, which would have to be polled. ws's maintainers made
 * `Sender.frame()` public for exactly this (websockets/ws#1016, "a server broadcast where the same
 * frame should be sent to all clients"), but @types/ws does not declare it and it returns the header
 * and the payload as two buffers, so the frame is built here (RFC 6455 §5.2, a dozen lines).
 *
 * What this relies on, for ws 8 with permessage-deflate off (attachHub turns it off):
 * - `ws._socket` is the net.Socket the connection writes to, set before 'connection' is emitted;
 * - ws writes every frame to that socket synchronously (no queue of its own while not deflating), so
 *   corking the socket holds ws's frames and uncorking sends them, and bytes written here and frames
 *   ws sends itself (pings, close) keep their order;
 * - `ws.bufferedAmount` counts what waits in that socket, whoever wrote it, and the socket's 'drain'
 *   says when it emptied.
 * test/ws-socket.test.ts checks each of these against the installed ws: if an upgrade changes one,
 * that test fails rather than the hub.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** The socket under a ws connection (set before ws emits 'connection'). */
export function socketOf(ws: WebSocket): Socket {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (!socket) throw new Error('ws internals changed: this WebSocket has no _socket (see collaboration-server/ws-socket.ts)');
  return socket;
}

/** A whole unmasked text frame (FIN set, opcode 1), as a server sends it: header and payload in one buffer. */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81;
  if (header === 2) {
    frame[1] = length;
  } else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length % 2 ** 32, 6);
  }
  frame.write(text, header);
  return frame;
}
