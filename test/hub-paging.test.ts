/**
 * Replays and history answers come in pages bounded by bytes, with a cursor for the next one: a
 * resume over many pages still gives every missed event once, in order; a reader that asks for pages
 * without reading them is dropped like any slow reader.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { fileCredentialStore } from '../collaboration-server/credential-store.js';
import { PROTOCOL_VERSION, type HubEvent } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const PAGE = 4096;
const texts = (events: HubEvent[]) => events.flatMap((e) => (e.type === 'message' ? [e.text] : []));

describe('paged history', () => {
  it('answers a page of at most the page size, with a cursor that leads through every message once', async () => {
    hub = await startTestHub({ limits: { pageBytes: PAGE } });
    const alice = await hub.client('Alice', 'backend-dev');
    const sent = Array.from({ length: 40 }, (_, i) => `m${i} ${'a'.repeat(400)}`);
    for (const text of sent) await alice.send({ type: 'chat', text });

    const first = await alice.request({ type: 'history', limit: 1000 });
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.events.length).toBeLessThan(40);
    expect(Buffer.byteLength(JSON.stringify(first.events))).toBeLessThan(PAGE + 1000);
    expect(texts(first.events)).toEqual(sent.slice(-first.events.length));
    expect(first.next).toEqual({ before: first.events[0]!.seq });

    // backwards from the latest: newest page first
    const back: HubEvent[][] = [];
    for await (const page of alice.history({ limit: 30 })) back.unshift(page);
    expect(texts(back.flat())).toEqual(sent.slice(-30));

    // forwards from a sequence number: oldest first, to the end
    const forward: HubEvent[] = [];
    for await (const page of alice.history({ after: 0 })) forward.push(...page);
    expect(texts(forward)).toEqual(sent);
    expect(forward.length).toBe(40);
  });

  it('a resume over many pages gets every missed event once, in order, with live events after them', async () => {
    hub = await startTestHub({ limits: { pageBytes: PAGE } });
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa', { reconnect: false });
    const { sessionId, lastSeq } = bob;
    bob.close();
    const missed = Array.from({ length: 60 }, (_, i) => `missed ${i} ${'b'.repeat(400)}`);
    for (const text of missed) await alice.send({ type: 'chat', text });

    const back = new HuddleClient({ url: hub.url, token: hub.running.tokens.member, name: 'Bob', role: 'qa', pageIntervalMs: 0, credentials: fileCredentialStore(hub.dataDir) });
    back.sessionId = sessionId;
    back.lastSeq = lastSeq;
    const seen = recorder(back);
    const asked = vi.spyOn(back, 'request');
    // live messages sent while the replay is still paging
    const live = ['live 0', 'live 1', 'live 2'];
    back.once('event', () => void Promise.all(live.map((text) => alice.send({ type: 'chat', text }))));
    let replayedAtWelcome: string[] = [];
    back.once('welcome', () => (replayedAtWelcome = texts(seen.events)));
    try {
      const welcome = await back.connect();
      expect(welcome.resumed).toBe(true);
      expect(welcome.next).toBeDefined();
      await seen.until((e) => e.type === 'message' && e.text === 'live 2');
      expect(asked.mock.calls.length).toBeGreaterThan(3);
      expect(texts(seen.events)).toEqual([...missed, ...live]);
      const seqs = seen.events.map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      // 'welcome' comes once the replay has caught up, as it did when the replay was one frame
      expect(replayedAtWelcome.slice(0, missed.length)).toEqual(missed);
    } finally {
      back.close();
    }
  });

  it('holds back a reader that asks for pages faster than it reads them, drops it like any slow reader, and serves the others', async () => {
    const logs: string[] = [];
    const cap = 1024 * 1024;
    hub = await startTestHub({ limits: { framesPerSecond: 1e6, burst: 1e6, maxBufferedBytes: cap }, log: (line) => logs.push(line) });
    const talker = await hub.client('Talker', 'backend-dev');
    const reader = await hub.client('Reader', 'frontend-dev');
    const heard = recorder(reader);
    const big = 'c'.repeat(30_000);
    for (let i = 0; i < 100; i++) await talker.send({ type: 'chat', text: `old ${i} ${big}` });

    const slow = await hub.raw();
    slow.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Slow', role: 'qa', historyLimit: 0 });
    await slow.next((f) => f.type === 'welcome');
    slow.ws.pause();
    // 100 pages of 256 KB asked for in one go: 25 MB the hub would otherwise queue for a reader that reads nothing
    for (let i = 0; i < 100; i++) slow.send({ type: 'history', id: `q${i}`, after: 0, all: true, limit: 1000 });

    // the pages go out while the client's buffers take them; then the hub holds the queries back
    await vi.waitFor(() => expect(hub.running.hub.bufferedBytes()).toBeGreaterThan(cap / 4), { timeout: 10_000 });
    const held = hub.running.hub.bufferedBytes();
    console.log(`the hub holds ${(held / 1048576).toFixed(2)} MB for the reader that asked for 25 MB and reads nothing`);
    expect(held).toBeLessThan(cap);

    // live traffic pushes it past the cap: dropped as any slow reader is
    const left = heard.until((e) => e.type === 'presence' && e.participant.name === 'Slow' && e.change === 'left');
    let leftYet = false;
    void left.then(() => (leftYet = true));
    for (let i = 0; i < 200 && !leftYet; i++) await talker.send({ type: 'chat', text: `live ${i} ${big}` });
    await left;
    expect(logs.some((l) => l.startsWith('dropping Slow: it stopped reading'))).toBe(true);
    expect(hub.running.hub.online().map((p) => p.name)).not.toContain('Slow');

    const last = await talker.send({ type: 'chat', text: 'still serving' });
    await heard.until((e) => e.seq === last.seq);
    expect(texts(heard.events).filter((t) => t.startsWith('old '))).toHaveLength(100);
  });

  it('keeps a reader that asks for a page in the same batch as more than the send cap of room traffic', async () => {
    const logs: string[] = [];
    const cap = 16 * 1024;
    hub = await startTestHub({ limits: { framesPerSecond: 1e6, burst: 1e6, maxBufferedBytes: cap }, log: (line) => logs.push(line) });
    const reader = await hub.raw();
    reader.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Reader', role: 'qa', historyLimit: 0 });
    await reader.next((f) => f.type === 'welcome');
    // sent in one go (one read, so one batch): 12 chats of 2 KB come back to the reader as events
    // (24 KB, past the cap, all of it written in this batch), then the page; the reader reads throughout
    const text = 'd'.repeat(2000);
    for (let i = 0; i < 12; i++) reader.send({ type: 'chat', id: `c${i}`, text: `${i} ${text}` });
    reader.send({ type: 'history', id: 'page', limit: 5 });
    const dropped = reader.closed.then(({ code }) => Promise.reject(new Error(`the hub closed the reader (${code}): ${logs.join('; ')}`)));
    const page = await Promise.race([reader.next((f) => f.type === 'reply' && f.id === 'page'), dropped]);
    expect(page).toMatchObject({ type: 'reply', id: 'page' });
    expect(logs.filter((l) => l.includes('stopped reading'))).toEqual([]);
  });
});
