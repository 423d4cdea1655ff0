/** The events a hub sends right behind the welcome reach listeners attached after `await connect()`. */
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { HuddleClient } from '../collaboration-server/client.js';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';

let server: WebSocketServer | undefined;
afterEach(async () => {
  for (const ws of server?.clients ?? []) ws.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A stand-in hub whose welcome and first event leave in one write, so the client reads them in one tick. */
async function hubSendingOneChunk(): Promise<string> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((resolve) => server!.once('listening', resolve));
  server.on('connection', (ws, request) => {
    ws.once('message', (data) => {
      const hello = JSON.parse(String(data)) as { id: string; name: string; role: string };
      const me = { id: 'p1', name: hello.name, role: hello.role, status: 'online' };
      const alice = { id: 'p2', name: 'Alice', role: 'backend-dev', status: 'online' };
      request.socket.cork();
      ws.send(JSON.stringify({ type: 'welcome', id: hello.id, protocol: PROTOCOL_VERSION, participant: me, sessionId: 's1', resumed: false, roster: [me], history: [], lastSeq: 0 }));
      ws.send(JSON.stringify({ type: 'event', event: { type: 'presence', seq: 1, ts: 1, participant: alice, change: 'joined' } }));
      request.socket.uncork();
    });
  });
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it('holds the events read with the first welcome until its caller has attached listeners', async () => {
  const client = new HuddleClient({ url: await hubSendingOneChunk(), token: 't', name: 'Bob', role: 'qa' });
  await client.connect();
  const seen: string[] = [];
  client.on('event', (event) => event.type === 'presence' && seen.push(event.participant.name));
  await vi.waitFor(() => expect(seen).toEqual(['Alice']), { timeout: 2000 });
  client.close();
});
