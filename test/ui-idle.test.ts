/** The idle watch behind "away": a person who stops typing goes away, the next key brings them back. */
import { describe, expect, it } from 'vitest';
import { watchIdle } from '../cli/ui/idle.js';
import { manualTimers } from './helpers/manual-timers.js';

describe('watchIdle', () => {
  it('says idle after the quiet time, back on the next touch, and idle again after another quiet time', () => {
    const timers = manualTimers();
    const said: string[] = [];
    const watch = watchIdle({ afterMs: 600_000, timers, onIdle: () => said.push('idle'), onBack: () => said.push('back') });
    timers.elapse(599_999);
    expect(said).toEqual([]);
    timers.elapse(1);
    expect([said, watch.idle]).toEqual([['idle'], true]);
    timers.elapse(3_600_000);
    expect(said).toEqual(['idle']); // said once, not every ten minutes
    watch.touch();
    watch.touch();
    expect([said, watch.idle]).toEqual([['idle', 'back'], false]);
    timers.elapse(600_000);
    expect(said).toEqual(['idle', 'back', 'idle']);
  });

  it('starts the quiet time again at every touch, and stops', () => {
    const timers = manualTimers();
    const said: string[] = [];
    const watch = watchIdle({ afterMs: 1000, timers, onIdle: () => said.push('idle'), onBack: () => said.push('back') });
    for (let i = 0; i < 5; i++) {
      timers.elapse(900);
      watch.touch();
    }
    expect(said).toEqual([]);
    watch.stop();
    expect(timers.pending()).toBe(0);
  });
});
