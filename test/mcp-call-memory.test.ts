/** The same tool call retried is applied once: an undecided call's frame id is reused; an answered one's is not. */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../collaboration-server/clock.js';
import { HuddleError } from '../collaboration-server/errors.js';
import { CallMemory, REPEAT_WINDOW_MS } from '../cli/mcp/call-memory.js';

const down = () => Promise.reject(new HuddleError('DISCONNECTED', 'hub down'));

describe('CallMemory', () => {
  it('reuses the frame id of an undecided call with the same arguments, in any key order', async () => {
    const calls = new CallMemory(new FakeClock());
    const ids: string[] = [];
    const record = (id: string, repeat: boolean) => {
      ids.push(`${id}${repeat ? ' again' : ''}`);
      return down();
    };
    await expect(calls.once('huddle_send', { text: 'hi', to: 'Ann' }, record)).rejects.toThrow('hub down');
    await expect(calls.once('huddle_send', { to: 'Ann', text: 'hi' }, record)).rejects.toThrow('hub down');
    expect(ids[1]).toBe(`${ids[0]} again`);
    // other arguments, or another tool: another call
    await expect(calls.once('huddle_send', { text: 'hi!', to: 'Ann' }, record)).rejects.toThrow();
    await expect(calls.once('huddle_ask_lead', { text: 'hi', to: 'Ann' }, record)).rejects.toThrow();
    expect(new Set(ids.map((i) => i.split(' ')[0])).size).toBe(3);
  });

  it('takes a call that got an answer, done or refused, as new the next time', async () => {
    const calls = new CallMemory(new FakeClock());
    const seen: boolean[] = [];
    await calls.once('t', { a: 1 }, async (_id, repeat) => void seen.push(repeat));
    await calls.once('t', { a: 1 }, async (_id, repeat) => void seen.push(repeat));
    await expect(calls.once('t', { a: 1 }, (_id, repeat) => (seen.push(repeat), Promise.reject(new HuddleError('FORBIDDEN'))))).rejects.toThrow();
    await calls.once('t', { a: 1 }, async (_id, repeat) => void seen.push(repeat));
    expect(seen).toEqual([false, false, false, false]);
  });

  it('forgets an undecided call after the window', async () => {
    const clock = new FakeClock();
    const calls = new CallMemory(clock);
    const seen: boolean[] = [];
    const fail = (_id: string, repeat: boolean) => (seen.push(repeat), down());
    await expect(calls.once('t', {}, fail)).rejects.toThrow();
    clock.advance(REPEAT_WINDOW_MS - 1);
    await expect(calls.once('t', {}, fail)).rejects.toThrow();
    clock.advance(REPEAT_WINDOW_MS + 1);
    await expect(calls.once('t', {}, fail)).rejects.toThrow();
    expect(seen).toEqual([false, true, false]);
  });
});
