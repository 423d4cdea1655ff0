import { afterEach, describe, expect, it, vi } from 'vitest';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const KB = 1024;

describe('checkpoints off the commit path', () => {
  it('keeps the write-ahead log bounded under constant load, and loses nothing', async () => {
    // idle never comes: only the size rule can keep the log short
    hub = await startTestHub({ limits: { framesPerSecond: 100_000, burst: 100_000 }, checkpoint: { maxWalBytes: 256 * KB, idleMs: 600_000, checkEvery: 1 } });
    const checkpoints = hub.sqlite.checkpoints!;
    const reader = await hub.client('Reader', 'qa');
    const seen = recorder(reader);
    const senders = await Promise.all(['A', 'B', 'C', 'D'].map((name) => hub.client(name, 'backend-dev')));
    let largest = 0;
    const perSender = 1000;
    const text = 'a line of chat long enough to fill a few pages of log '.repeat(4);
    // ten frames in flight per sender, each ack making room for the next: batches come back to back
    await Promise.all(
      senders.flatMap((sender) => {
        let next = 0;
        return Array.from({ length: 10 }, async () => {
          while (next < perSender) {
            await sender.send({ type: 'chat', text: `${sender.name} ${next++} ${text}` });
            largest = Math.max(largest, checkpoints.walBytes());
          }
        });
      }),
    );
    await vi.waitFor(() => expect(seen.messages()).toHaveLength(4 * perSender));
    // with nothing copying it back, this load leaves about 10 MB of log
    expect(largest).toBeLessThan(3 * 1024 * KB);
    expect(checkpoints.completed).toBeGreaterThan(0);
    for (const name of ['A', 'B', 'C', 'D']) {
      const mine = seen.messages().filter((m) => m.startsWith(`${name} `));
      expect(mine.map((m) => Number(m.split(' ')[1]))).toEqual(Array.from({ length: perSender }, (_, i) => i));
    }
  });

  it('checkpoints once the hub is idle, and the next commit starts the log again', async () => {
    hub = await startTestHub({ checkpoint: { idleMs: 200 } });
    const checkpoints = hub.sqlite.checkpoints!;
    const alice = await hub.client('Alice', 'backend-dev');
    await Promise.all(Array.from({ length: 20 }, (_, i) => alice.send({ type: 'chat', text: `before the pause ${i}` })));
    const grown = checkpoints.walBytes();
    const before = checkpoints.completed;
    await vi.waitFor(() => expect(checkpoints.completed).toBeGreaterThan(before), { timeout: 10_000 });
    await alice.send({ type: 'chat', text: 'after the pause' });
    expect(checkpoints.walBytes()).toBeLessThan(grown);
  });
});
