/**
 * What collaboration-server/ws-socket.ts relies on in ws, checked against the installed version:
 * if an upgrade of ws changes one of these, this file fails, not the hub in production.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { socketOf, textFrame } from '../collaboration-server/ws-socket.js';

let server: WebSocketServer | undefined;
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A ws server on port 0 as the hub runs it (no permessage-deflate), and one client of it. */
async function pair(): Promise<{ serverSide: WebSocket; request: IncomingMessage; client: WebSocket; received: { text: string; binary: boolean }[] }> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise((resolve) => server!.once('listening', resolve));
  const connected = new Promise<[WebSocket, IncomingMessage]>((resolve) => server!.once('connection', (ws, req) => resolve([ws, req])));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate: false });
  clients.push(client);
  const received: { text: string; binary: boolean }[] = [];
  client.on('message', (data, binary) => received.push({ text: String(data), binary }));
  await new Promise((resolve) => client.once('open', resolve));
  const [serverSide, request] = await connected;
  return { serverSide, request, client, received };
}

describe('the ws internals the hub uses', () => {
  it('the socket under a connection is the one the upgrade request came on', async () => {
    const { serverSide, request } = await pair();
    expect(socketOf(serverSide)).toBe(request.socket);
  });

  it('ws writes a frame to that socket at once, so corking it holds the frame and uncorking sends it', async () => {
    const { serverSide, received } = await pair();
    const socket = socketOf(serverSide);
    socket.cork();
    serverSide.send('first');
    serverSide.send('second');
    // nothing queued inside ws: all of it waits in the socket, counted by bufferedAmount
    expect(socket.writableLength).toBeGreaterThan(0);
    expect(serverSide.bufferedAmount).toBe(socket.writableLength);
    socket.uncork();
    await vi.waitFor(() => expect(received.map((r) => r.text)).toEqual(['first', 'second']));
  });

  it('a frame written to the socket directly arrives as a text message, in order among ws’s own', async () => {
    const { serverSide, received } = await pair();
    const socket = socketOf(serverSide);
    // every length encoding (7-bit, 16-bit, 64-bit), and text that is not ASCII
    const texts = ['', 'a', 'é'.repeat(62), 'x'.repeat(125), 'x'.repeat(126), 'ü'.repeat(40_000), 'x'.repeat(65_535), 'x'.repeat(65_536), '{"json":"ok"}'.repeat(7000)];
    serverSide.send('from ws');
    for (const text of texts) socket.write(textFrame(text));
    serverSide.send('from ws again');
    await vi.waitFor(() => expect(received).toHaveLength(texts.length + 2));
    expect(received.map((r) => r.text)).toEqual(['from ws', ...texts, 'from ws again']);
    expect(received.every((r) => !r.binary)).toBe(true);
  });

  it('bufferedAmount counts what was written to the socket directly, and the socket says when it drained', async () => {
    const { serverSide, client, received } = await pair();
    socketOf(client).pause();
    const socket = socketOf(serverSide);
    const big = textFrame('y'.repeat(256 * 1024));
    let frames = 0;
    while (socket.writableLength === 0 || frames < 4) {
      socket.write(big);
      frames++;
      if (frames > 400) throw new Error('the socket never held any data');
    }
    expect(serverSide.bufferedAmount).toBe(socket.writableLength);
    const drained = new Promise<void>((resolve) => socket.once('drain', () => resolve()));
    socketOf(client).resume();
    await drained;
    await vi.waitFor(() => expect(received).toHaveLength(frames));
    expect(serverSide.bufferedAmount).toBe(0);
  });
});
