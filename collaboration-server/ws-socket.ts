/**
 * The one place the hub reaches under ws's public API, and why it must.
 *
 * The hub writes a batch of frames to each client as one write (group-commit.ts) and stops reading a
 * client until what it owes it has drained. ws's public API has neither: there is no `cork()` (so each
 * `send()` is its own socket write), and there is no 'drain' event, only `bufferedAmount`, which would
 * have to be polled.
 *
 * What this relies on, for ws 8 with permessage-deflate off (attachHub turns it off):
 * - `ws._socket` is the net.Socket the connection writes to, set before 'connection' is emitted;
 * - ws writes every frame to that socket synchronously (no queue of its own while not deflating), so
 *   corking the socket holds ws's frames and uncorking sends them, in order;
 * - `ws.bufferedAmount` counts what waits in that socket, and the socket's 'drain' says when it emptied.
 * test/ws-socket.test.ts checks each of these against the installed ws: if an upgrade changes one,
 * that test fails rather than the hub.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** The socket under a ws connection; undefined only for one that never opened. */
export const socketOf = (ws: WebSocket): Socket | undefined => (ws as unknown as { _socket?: Socket })._socket;
