/**
 * Hostile HTTP upgrades and frames at the edge: missing and wrong tokens, browser origins, thousands of
 * headers, oversize frames. Each is refused before a 101 (or closed with the right code) and the hub
 * keeps serving everyone else.
 */
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES } from '../collaboration-server/errors.js';
import { MAX_FRAME_BYTES, PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

/** Sends a raw HTTP upgrade request and returns the hub's answer: its status line and headers. */
function rawUpgrade(port: number, headerLines: string[], path = '/'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve(answer) : reject(err)));
    socket.on('close', () => resolve(answer));
    socket.on('connect', () => {
      socket.write(
        [
          `GET ${path} HTTP/1.1`,
          'Host: 127.0.0.1',
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          ...headerLines,
          '',
          '',
        ].join('\r\n'),
      );
    });
  });
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

/** The hub still works: two fresh clients exchange a message. */
async function stillServes(hub: TestHub, tag: string): Promise<void> {
  const a = await hub.client(`Check A ${tag}`, 'backend-dev');
  const b = await hub.client(`Check B ${tag}`, 'qa');
  const seen = recorder(b);
  const ack = await a.send({ type: 'chat', text: `still here ${tag}` });
  await seen.until((e) => e.type === 'message' && e.seq === ack.seq);
  a.close();
  b.close();
}

describe('hostile upgrades', () => {
  it('refuses a missing or wrong token with 401 before any 101', async () => {
    hub = await startTestHub();
    const { tokens, port } = hub.running;
    const cases: [string, string[], string][] = [
      ['no token', [], '/'],
      ['wrong bearer', ['Authorization: Bearer not-the-token'], '/'],
      ['empty bearer', ['Authorization: Bearer '], '/'],
      ['token with a suffix', [`Authorization: Bearer ${tokens.member}x`], '/'],
      ['token prefix', [`Authorization: Bearer ${tokens.admin.slice(0, 10)}`], '/'],
      ['basic auth', [`Authorization: Basic ${Buffer.from(`x:${tokens.member}`).toString('base64')}`], '/'],
      ['wrong query token', [], '/?token=nope'],
      ['unicode token', ['Authorization: Bearer \u00e9\u00e9\u00e9'], '/'],
    ];
    for (const [label, headers, path] of cases) {
      const answer = await rawUpgrade(port, headers, path);
      expect(statusOf(answer), label).toBe(401);
      expect(answer, label).not.toContain('101 Switching Protocols');
    }
    // the same request with the right token is upgraded: the refusals above were about the token
    expect(statusOf(await rawUpgrade(port, [`Authorization: Bearer ${tokens.member}`]))).toBe(101);
    expect(statusOf(await rawUpgrade(port, [], `/?token=${tokens.member}`))).toBe(101);
    await stillServes(hub, 'tokens');
  });

  it('refuses a browser Origin with 403 unless allowOrigins names it', async () => {
    hub = await startTestHub({ allowOrigins: ['http://allowed.example'] });
    const { tokens, port } = hub.running;
    for (const origin of ['http://evil.example', 'null', 'http://allowed.example.evil', 'HTTP://ALLOWED.EXAMPLE']) {
      const answer = await rawUpgrade(port, [`Origin: ${origin}`, `Authorization: Bearer ${tokens.admin}`]);
      expect(statusOf(answer), origin).toBe(403);
    }
    const ws = new WebSocket(hub.url, { headers: { authorization: `Bearer ${tokens.member}` }, origin: 'http://allowed.example' });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.close();
  });

  it('refuses an upgrade with thousands of headers and keeps serving', async () => {
    hub = await startTestHub();
    const { tokens, port } = hub.running;
    const many = Array.from({ length: 5000 }, (_, i) => `X-Filler-${i}: ${'v'.repeat(20)}`);
    const answer = await rawUpgrade(port, [`Authorization: Bearer ${tokens.member}`, ...many]);
    expect(answer).not.toContain('101 Switching Protocols');
    expect([0, 400, 431]).toContain(statusOf(answer));
    // many headers that each fit, but together pass the count limit
    const countOnly = Array.from({ length: 3000 }, (_, i) => `X${i}: 1`);
    const second = await rawUpgrade(port, [`Authorization: Bearer ${tokens.member}`, ...countOnly]);
    expect(second).not.toContain('101 Switching Protocols');
    await stillServes(hub, 'headers');
  });
});

describe('hostile frames at the edge', () => {
  it('closes a connection that sends a frame over 1 MiB with 1009, and serves the others', async () => {
    hub = await startTestHub();
    const bystander = await hub.client('Bystander', 'qa');
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Big Sender', role: 'backend-dev' });
    await raw.next((f) => f.type === 'welcome');
    raw.ws.send(JSON.stringify({ type: 'chat', id: 'big', text: 'x'.repeat(MAX_FRAME_BYTES) }));
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE_CODES.TOO_BIG);
    const seen = recorder(bystander);
    await seen.until((e) => e.type === 'presence' && e.participant.name === 'Big Sender' && e.change === 'left');
    const history = await bystander.request({ type: 'history', limit: 50 });
    expect(history.events.some((e) => e.type === 'message' && e.text.startsWith('xxx'))).toBe(false);
    await stillServes(hub, 'oversize');
  });

  it('closes a connection that floods frames with 1008 after a RATE_LIMITED error', async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 20, burst: 40 } });
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Flooder', role: 'backend-dev' });
    await raw.next((f) => f.type === 'welcome');
    for (let i = 0; i < 500; i++) raw.send({ type: 'who', id: `w${i}` });
    const closed = await raw.closed;
    expect(closed.code).toBe(CLOSE_CODES.POLICY);
    expect(raw.frames.some((f) => f.type === 'error' && f.code === 'RATE_LIMITED')).toBe(true);
    // answered at most the burst plus what refilled: the flood was not processed
    expect(raw.frames.filter((f) => f.type === 'reply').length).toBeLessThan(60);
    await stillServes(hub, 'flood');
  });
});
