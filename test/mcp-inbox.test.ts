/** The MCP inbox alone: what belongs in it, a cursor shared with the hook, waiting for news, and answers not shown twice. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HubEvent, MessageEvent } from '../collaboration-server/protocol.js';
import { belongsInInbox, itemLines, toInboxItem } from '../cli/mcp/inbox-item.js';
import { Inbox } from '../cli/mcp/inbox.js';
import { SeenCursor } from '../cli/mcp/seen-cursor.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { makeTask, taskEvent, T0 } from './helpers/monitor-fixtures.js';

const cleanup = cleanupAfterEach();
const me = { name: 'Claude', role: 'backend-dev' };
let seq = 100;
const said = (from: string, role: string, text: string, to: MessageEvent['to'] = { kind: 'all' }, card?: MessageEvent['card']): MessageEvent => ({
  type: 'message',
  seq: ++seq,
  ts: T0,
  from: { id: `p-${from}`, name: from, role },
  to,
  text,
  ...(card ? { card } : {}),
});

describe('what belongs in the inbox', () => {
  it('keeps messages to everyone, to me and to my role, and changes others made to my tasks', () => {
    const keep: HubEvent[] = [
      said('Paula', 'human', 'hello all'),
      said('Paula', 'human', 'for you', { kind: 'participant', name: 'Claude' }),
      said('Paula', 'human', 'backend folks', { kind: 'role', role: 'backend-dev' }),
      taskEvent(makeTask({ assignee: 'Claude', status: 'assigned' }), { action: 'assign', by: 'Lead' }),
      taskEvent(makeTask({ assignee: 'Bob' }), { action: 'reassign', by: 'Lead', previousAssignee: 'Claude' }),
    ];
    const drop: HubEvent[] = [
      said('Claude', 'backend-dev', 'my own words'),
      said('Paula', 'human', 'for QA', { kind: 'role', role: 'qa' }),
      said('Paula', 'human', 'for Bob', { kind: 'participant', name: 'Bob' }),
      taskEvent(makeTask({ assignee: 'Claude' }), { action: 'progress', by: 'Claude' }),
      taskEvent(makeTask({ assignee: 'Bob' }), { action: 'start', by: 'Bob' }),
    ];
    expect(keep.map((e) => belongsInInbox(e, me))).toEqual(keep.map(() => true));
    expect(drop.map((e) => belongsInInbox(e, me))).toEqual(drop.map(() => false));
  });

  it('renders a lead card as text, and says what to do with a task given to me', () => {
    const card = { kind: 'guidance' as const, taskId: 'T-1', title: 'Tokens', topic: 'JWT', blocker: 'stuck', steps: ['Use jose.', 'Pin the algorithm.'], offerSplit: true };
    const lines = itemLines(toInboxItem(said('Lead', 'orchestrator', 'Claude, about T-1: use jose.', { kind: 'all' }, card), me));
    expect(lines).toEqual([expect.stringMatching(/^\d\d:\d\d Lead \(orchestrator\) → everyone: Claude, about T-1: use jose\.$/), '  | guidance T-1 Tokens (JWT): stuck', '  |   1. Use jose.', '  |   2. Pin the algorithm.', '  |   The lead can split this task if that helps.']);
    const given = toInboxItem(taskEvent(makeTask({ assignee: 'Claude', status: 'assigned' }), { action: 'assign', by: 'Lead', from: 'pending', to: 'assigned' }), me);
    expect(given.text).toMatch(/T-1 is yours: accept it/);
  });
});

describe('the inbox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns at once when there is news, waits for it otherwise, and gives up after the wait', async () => {
    const inbox = new Inbox({ me });
    inbox.add(said('Paula', 'human', 'first'));
    expect((await inbox.next(45_000)).items.map((i) => i.text)).toEqual(['first']);

    let answered = false;
    const waiting = inbox.next(45_000).then((taken) => {
      answered = true;
      return taken;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(answered).toBe(false);
    inbox.add(said('Paula', 'human', 'second'));
    expect((await waiting).items.map((i) => i.text)).toEqual(['second']);

    const nothing = inbox.next(45_000);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(await nothing).toEqual({ items: [], more: 0 });
  });

  it('hands out each item once, in order, and no more than asked', async () => {
    const inbox = new Inbox({ me });
    const events = [said('A', 'qa', 'one'), said('B', 'qa', 'two'), said('C', 'qa', 'three')];
    for (const e of [events[2]!, events[0]!, events[1]!, events[0]!]) inbox.add(e);
    expect(inbox.take(2)).toMatchObject({ items: [{ text: 'one' }, { text: 'two' }], more: 1 });
    expect(inbox.take(2)).toMatchObject({ items: [{ text: 'three' }], more: 0 });
    expect(inbox.take()).toEqual({ items: [], more: 0 });
  });

  it('shares its cursor with the hook through the data folder', () => {
    const dir = tempDir('huddle-seen-', cleanup);
    const cursor = new SeenCursor(dir, me.name);
    const inbox = new Inbox({ me, seen: cursor });
    const [a, b, c] = [said('A', 'qa', 'one'), said('B', 'qa', 'two'), said('C', 'qa', 'three')];
    inbox.add(a!);
    inbox.take();
    expect(cursor.read()).toBe(a!.seq);
    // the hook showed b (and moved the cursor): the inbox does not show it again
    inbox.add(b!);
    inbox.add(c!);
    new SeenCursor(dir, me.name).advance(b!.seq);
    expect(inbox.take().items.map((i) => i.text)).toEqual(['three']);
    // a new MCP process starts where the last one stopped
    expect(new Inbox({ me, seen: new SeenCursor(dir, me.name) }).seenUpTo).toBe(c!.seq);
  });

  it('counts an item found by waitFor as shown', async () => {
    const inbox = new Inbox({ me });
    const found = inbox.waitFor((e) => e.type === 'message' && e.text.startsWith('Re your question'), 30_000);
    inbox.add(said('Paula', 'human', 'unrelated'));
    inbox.add(said('Lead', 'orchestrator', 'Re your question about T-1: it is done when…', { kind: 'participant', name: 'Claude' }));
    expect(await found).toMatchObject({ to: 'you', text: expect.stringMatching(/^Re your question/) });
    expect(inbox.take().items.map((i) => i.text)).toEqual(['unrelated']);
  });
});
