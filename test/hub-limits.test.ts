import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { socketOf } from '../collaboration-server/ws-socket.js';
import { recorder, startTestHub, type RawClient, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

async function joined(name: string): Promise<RawClient> {
  const raw = await hub.raw();
  raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name, role: 'backend-dev' });
  await raw.next((f) => f.type === 'welcome');
  return raw;
}

const stopReading = (raw: RawClient) => socketOf(raw.ws).pause();

describe('per-connection bounds', () => {
  it('closes a connection that passes its frame rate with 1008 and a RATE_LIMITED error', async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 5, burst: 10 } });
    const raw = await joined('Flooder');
    for (let i = 0; i < 30; i++) raw.send({ type: 'who', id: `w${i}` });
    const closed = await raw.closed;
    expect(closed.code).toBe(1008);
    expect(raw.frames.some((f) => f.type === 'error' && f.code === 'RATE_LIMITED')).toBe(true);
  });

  it('drops a client that stops reading once its send buffer passes the cap; others carry on', async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 10_000, burst: 10_000, maxBufferedBytes: 256 * 1024 } });
    const watcher = await hub.client('Watcher', 'qa');
    const seen = recorder(watcher);
    const slow = await joined('Slow');
    stopReading(slow);
    const sender = await hub.client('Sender', 'backend-dev');
    const text = 'x'.repeat(30_000);
    let acked = 0;
    for (let i = 0; i < 400 && !seen.events.some((e) => e.type === 'presence' && e.change === 'left'); i++) {
      await sender.send({ type: 'chat', text });
      acked++;
    }
    await seen.until((e) => e.type === 'presence' && e.change === 'left' && e.participant.name === 'Slow');
    expect(acked).toBeGreaterThan(0);
    await expect(sender.send({ type: 'chat', text: 'after the drop' })).resolves.toMatchObject({ duplicate: false });
  });

  it('finds a dead connection by heartbeat and drops it within two intervals and the close grace', async () => {
    hub = await startTestHub({ limits: { heartbeatMs: 40, heartbeatGraceMs: 40 } });
    const watcher = await hub.client('Watcher', 'qa');
    const seen = recorder(watcher);
    const dead = await joined('Dead');
    stopReading(dead);
    const left = await seen.until((e) => e.type === 'presence' && e.change === 'left' && e.participant.name === 'Dead');
    expect(left).toBeDefined();
    const who = await watcher.request({ type: 'who' });
    expect(who.participants.find((p) => p.name === 'Dead')?.status).toBe('offline');
    expect(who.participants.find((p) => p.name === 'Watcher')?.status).toBe('online');
  });

  it('tells a client that stopped answering pings why it is dropped, even behind frames it has not read yet', async () => {
    // only the heartbeat's ticks are driven by hand; sockets, SQLite and the close grace run for real
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const logs: string[] = [];
      const limits = { heartbeatMs: 1000, heartbeatGraceMs: 30_000, framesPerSecond: 1e6, burst: 1e6, maxBufferedBytes: 1e9 };
      hub = await startTestHub({ limits, log: (l) => logs.push(l) });
      const talker = await hub.client('Talker', 'backend-dev');
      const silent = await joined('Silent');
      silent.ws.pause(); // it reads nothing now, pings included
      vi.advanceTimersByTime(1000); // the first ping
      // a backlog the kernel would not take stays in the hub's send buffer, behind which the close frame queues
      while (hub.running.hub.bufferedBytes() < 1024 * 1024) await Promise.all(Array.from({ length: 20 }, () => talker.send({ type: 'chat', text: 'y'.repeat(30_000) })));
      vi.advanceTimersByTime(1000); // no pong: dropped
      expect(logs).toContain('dropping a connection that stopped answering pings');
      silent.ws.resume();
      await expect(silent.closed).resolves.toEqual({ code: 4001, reason: 'no heartbeat' });
    } finally {
      vi.useRealTimers();
    }
  });
});
