/**
 * A client that joins and then never reads: the hub must drop it once its send buffer passes the
 * cap, keep its own memory bounded, and go on serving the clients that do read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const CAP = 256 * 1024;

const TEXT = 'z'.repeat(30_000);

describe('a slow consumer', () => {
  it('is dropped when its send buffer passes the cap; memory stays bounded; readers are unaffected', { timeout: 120_000 }, async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 1e6, burst: 1e6, maxBufferedBytes: CAP } });
    const talker = await hub.client('Talker', 'backend-dev');
    const reader = await hub.client('Reader', 'qa');
    const heard = recorder(reader);

    const slow = await hub.raw();
    slow.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Slow', role: 'frontend-dev' });
    await slow.next((f) => f.type === 'welcome');
    slow.ws.pause(); // stops reading from the TCP socket: the kernel buffers fill, then the hub's

    let peakBuffered = 0;
    let sent = 0;
    let droppedAt: number | undefined;
    const dropped = heard.until((e) => e.type === 'presence' && e.participant.name === 'Slow' && e.change === 'left').then(() => (droppedAt = sent));
    // 3,000 × 30 KB = 90 MB sent towards the slow client; without the cap the hub would hold most of it
    while (sent < 3000) {
      const acks = Array.from({ length: 50 }, (_, i) => talker.send({ type: 'chat', text: `${sent + i} ${TEXT}` }));
      await Promise.all(acks);
      sent += acks.length;
      peakBuffered = Math.max(peakBuffered, hub.running.hub.bufferedBytes());
    }
    await dropped;
    console.log(`slow consumer dropped after ${droppedAt} messages; the hub's send buffers peaked at ${(peakBuffered / 1048576).toFixed(1)} MB`);
    expect(droppedAt).toBeDefined();
    expect(droppedAt!).toBeLessThan(3000);
    expect(hub.running.hub.online().map((p) => p.name)).not.toContain('Slow');
    // bounded: the cap plus one batch of 50 messages, far below the 90 MB that went past the slow client
    expect(peakBuffered).toBeLessThan(CAP + 50 * TEXT.length * 2);

    // the reader got every message, in order, once
    await heard.until((e) => e.type === 'message' && e.text.startsWith(`${sent - 1} `));
    const numbers = heard.events.flatMap((e) => (e.type === 'message' ? [Number(e.text.split(' ')[0])] : []));
    expect(numbers).toEqual(Array.from({ length: sent }, (_, i) => i));
  });
});
