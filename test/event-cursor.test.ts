/**
 * The place in the room's log that the Node client and the web page share: each event passed on
 * once, in order; a resume names the last one; a welcome's history is what was missed only on a resume.
 */
import { describe, expect, it } from 'vitest';
import { EventCursor } from '../collaboration-server/event-cursor.js';
import type { HubEvent } from '../collaboration-server/protocol.js';

const from = { id: 'p-a', name: 'Alice', role: 'qa' };
const message = (seq: number): HubEvent => ({ seq, ts: 1_000 + seq, type: 'message', from, to: { kind: 'all' }, text: `line ${seq}` });
const seqs = (events: HubEvent[]) => events.map((e) => e.seq);

describe('the event cursor', () => {
  it('starts with nothing to resume from, and passes every event once, skipping what it has passed', () => {
    const cursor = new EventCursor();
    expect(cursor.resuming).toBe(false);
    expect(cursor.resumeFields()).toEqual({});
    const passed = [1, 2, 2, 3, 1, 5, 4, 6].map(message).filter((e) => cursor.pass(e));
    expect(seqs(passed)).toEqual([1, 2, 3, 5, 6]);
    expect(cursor.resumeFields()).toEqual({ lastSeq: 6 });
  });

  it('takes nothing from a first welcome’s history and stands where the welcome stands', () => {
    const cursor = new EventCursor();
    expect(cursor.missed([1, 2, 3].map(message))).toEqual([]);
    cursor.caughtUp(3);
    expect(cursor.resumeFields()).toEqual({ lastSeq: 3 });
  });

  it('on a resume takes from the history only what it has not passed, and catches up without going back', () => {
    const cursor = new EventCursor();
    cursor.caughtUp(0);
    [1, 2, 3].map(message).forEach((e) => cursor.pass(e));
    expect(cursor.resuming).toBe(true);
    expect(seqs(cursor.missed([2, 3, 4, 5].map(message)))).toEqual([4, 5]);
    cursor.caughtUp(4);
    expect(cursor.lastSeq).toBe(5);
    cursor.caughtUp(9);
    expect(cursor.lastSeq).toBe(9);
    // a live event already covered by the welcome is not passed again
    expect(cursor.pass(message(8))).toBe(false);
    expect(cursor.pass(message(10))).toBe(true);
  });
});
