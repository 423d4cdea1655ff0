/** The wait before a client tries the hub again: doubling, capped, jittered between half and all of it, and reset by a connection that worked. */
import { describe, expect, it } from 'vitest';
import { Backoff } from '../collaboration-server/backoff.js';

describe('the backoff', () => {
  it('doubles from the least wait up to the most, with jitter between half and all of it', () => {
    const least = new Backoff({ minMs: 200, maxMs: 5000, random: () => 0 });
    expect(Array.from({ length: 7 }, () => least.next())).toEqual([100, 200, 400, 800, 1600, 2500, 2500]);
    const most = new Backoff({ minMs: 200, maxMs: 5000, random: () => 0.999_999 });
    for (const [i, full] of [200, 400, 800, 1600, 3200, 5000].entries()) expect(most.next(), `attempt ${i}`).toBeCloseTo(full, 0);
  });

  it('starts again from the least wait after a reset', () => {
    const backoff = new Backoff({ minMs: 250, maxMs: 10_000, random: () => 0.5 });
    for (let i = 0; i < 3; i++) backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(187.5);
  });
});
