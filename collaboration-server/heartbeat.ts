import type { WebSocket } from 'ws';
import { CLOSE_CODES } from './errors.js';

/**
 * Pings every socket each `intervalMs`; a socket that has not answered the previous ping by then is
 * dropped, so a dead connection is found within two intervals. It is closed with the heartbeat close
 * code and a reason, so a client that is slow rather than gone learns why; it is cut only if the
 * close handshake has not finished `closeGraceMs` later (cutting at once would throw the close frame
 * away with whatever was still queued before it).
 */
export function startHeartbeat(sockets: () => Iterable<WebSocket>, intervalMs: number, closeGraceMs: number, onDead: (ws: WebSocket) => void): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of sockets()) {
      if (ws.readyState !== ws.OPEN) continue; // already closing: the grace below deals with it
      if (!watched.has(ws)) {
        watched.add(ws);
        ws.on('pong', () => alive.set(ws, true));
      } else if (alive.get(ws) === false) {
        onDead(ws);
        ws.close(CLOSE_CODES.HEARTBEAT, 'no heartbeat');
        const cut = setTimeout(() => ws.terminate(), closeGraceMs);
        cut.unref();
        ws.once('close', () => clearTimeout(cut));
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
