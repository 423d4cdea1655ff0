import type { WebSocket } from 'ws';
import { CLOSE_CODES } from './errors.js';

/**
 * Pings every socket each `intervalMs`; a socket that has not answered the previous ping by then is
 * dropped, so a dead connection is found within two intervals.
 */
export function startHeartbeat(sockets: () => Iterable<WebSocket>, intervalMs: number, onDead: (ws: WebSocket) => void): () => void {
  const alive = new WeakMap<WebSocket, boolean>();
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const ws of sockets()) {
      if (!watched.has(ws)) {
        watched.add(ws);
        ws.on('pong', () => alive.set(ws, true));
      } else if (alive.get(ws) === false) {
        onDead(ws);
        ws.close(CLOSE_CODES.HEARTBEAT, 'no heartbeat');
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
