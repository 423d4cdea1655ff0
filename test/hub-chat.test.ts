import { afterEach, describe, expect, it } from 'vitest';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { HuddleError } from '../collaboration-server/errors.js';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('chat through the hub', () => {
  it('relays a message from one client to another, with a sequence number', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    const ack = await alice.send({ type: 'chat', text: 'hello bob' });
    expect(ack.seq).toBeGreaterThan(0);
    const event = await seen.until((e) => e.type === 'message');
    expect(event).toMatchObject({ type: 'message', text: 'hello bob', from: { name: 'Alice', role: 'backend-dev' }, seq: ack.seq });
  });

  it('delivers direct and role messages only to their audience (and the lead)', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const carol = await hub.client('Carol', 'frontend-dev');
    const lead = await hub.client('Lead', 'orchestrator');
    const [atBob, atCarol, atLead] = [recorder(bob), recorder(carol), recorder(lead)];

    await alice.send({ type: 'chat', text: 'just for bob', to: { kind: 'participant', name: 'Bob' } });
    await alice.send({ type: 'chat', text: 'for the qa role', to: { kind: 'role', role: 'qa' } });
    await alice.send({ type: 'chat', text: 'for everyone' });

    await atCarol.until((e) => e.type === 'message' && e.text === 'for everyone');
    await atBob.until((e) => e.type === 'message' && e.text === 'for everyone');
    await atLead.until((e) => e.type === 'message' && e.text === 'for everyone');
    expect(atBob.messages()).toEqual(['just for bob', 'for the qa role', 'for everyone']);
    expect(atCarol.messages()).toEqual(['for everyone']);
    expect(atLead.messages()).toEqual(['just for bob', 'for the qa role', 'for everyone']);

    // History obeys the same rule as live delivery.
    const carolHistory = await carol.request({ type: 'history', limit: 10 });
    expect(carolHistory.events.map((e) => (e.type === 'message' ? e.text : ''))).toEqual(['for everyone']);
  });

  it('pages history forward from a sequence number, oldest first, within what the reader may see', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const carol = await hub.client('Carol', 'frontend-dev');
    const first = await alice.send({ type: 'chat', text: 'm1' });
    for (const text of ['m2', 'm3']) await alice.send({ type: 'chat', text });
    await alice.send({ type: 'chat', text: 'not for carol', to: { kind: 'participant', name: 'Alice' } });
    for (const text of ['m4', 'm5']) await alice.send({ type: 'chat', text });
    const texts = (events: { type: string; text?: string }[]) => events.flatMap((e) => (e.type === 'message' ? [e.text] : []));

    const page1 = (await carol.request({ type: 'history', after: first.seq!, limit: 2 })).events;
    expect(texts(page1)).toEqual(['m2', 'm3']);
    const page2 = (await carol.request({ type: 'history', after: page1.at(-1)!.seq, limit: 2 })).events;
    expect(texts(page2)).toEqual(['m4', 'm5']);
    expect((await carol.request({ type: 'history', after: page2.at(-1)!.seq, limit: 2 })).events).toEqual([]);
    // with every event type, still forward and still from the cursor
    const all = (await carol.request({ type: 'history', after: 0, limit: 1000, all: true })).events;
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
    expect(all.some((e) => e.type === 'presence')).toBe(true);
    expect(texts(all)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('refuses a direct message to nobody, and the connection stays usable', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    await expect(alice.send({ type: 'chat', text: 'hi', to: { kind: 'participant', name: 'Ghost' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(alice.send({ type: 'chat', text: 'still here' })).resolves.toMatchObject({ type: 'ack' });
  });

  it('broadcasts presence: joined, away, online and left', async () => {
    hub = await startTestHub();
    const watcher = await hub.client('Watcher', 'qa');
    const seen = recorder(watcher);
    const alice = await hub.client('Alice', 'backend-dev');
    await seen.until((e) => e.type === 'presence' && e.change === 'joined' && e.participant.name === 'Alice');
    await alice.send({ type: 'presence', status: 'away' });
    await seen.until((e) => e.type === 'presence' && e.change === 'away');
    const who = await watcher.request({ type: 'who' });
    expect(who.participants.find((p) => p.name === 'Alice')?.status).toBe('away');
    alice.close();
    await seen.until((e) => e.type === 'presence' && e.change === 'left' && e.participant.name === 'Alice');
    const after = await watcher.request({ type: 'who' });
    expect(after.participants.find((p) => p.name === 'Alice')?.status).toBe('offline');
  });

  it('refuses a second live connection with the same name, with a clear error', async () => {
    hub = await startTestHub();
    await hub.client('Alice', 'backend-dev');
    const error = await hub.client('Alice', 'backend-dev').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HuddleError);
    expect(error).toMatchObject({ code: 'NAME_TAKEN' });
    expect((error as Error).message).toMatch(/already connected/);
  });

  it('welcomes with the participant, a session id, the roster and recent history', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    await alice.send({ type: 'chat', text: 'first' });
    const bob = await hub.client('Bob', 'qa');
    const welcome = bob.welcome!;
    expect(welcome.participant).toMatchObject({ name: 'Bob', role: 'qa', status: 'online' });
    // a nanoid (21 of A-Za-z0-9_-): a dash may fall anywhere in it
    expect(welcome.sessionId).toMatch(/^[\w-]{16,}$/);
    expect(welcome.roster.map((p) => p.name).sort()).toEqual(['Alice', 'Bob']);
    expect(welcome.history.map((e) => (e.type === 'message' ? e.text : e.type))).toEqual(['first']);
  });
});

describe('one-shot commands', () => {
  it('act as a live participant without replacing its terminal, and unannounced', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const watcher = await hub.client('Watcher', 'qa');
    const seen = recorder(watcher);
    const oneShot = await hub.client('Alice', 'backend-dev', { transient: true, reconnect: false, historyLimit: 0 });
    expect(oneShot.sessionId).not.toBe(alice.sessionId);
    await oneShot.send({ type: 'chat', text: 'from my script' });
    oneShot.close();
    await alice.send({ type: 'chat', text: 'from my terminal' });
    await seen.until((e) => e.type === 'message' && e.text === 'from my terminal');
    expect(seen.events.filter((e) => e.type === 'presence').map((e) => e.participant.name)).not.toContain('Alice');
    expect(seen.events.flatMap((e) => (e.type === 'message' ? [`${e.from.name}: ${e.text}`] : []))).toEqual([
      'Alice: from my script',
      'Alice: from my terminal',
    ]);
    expect(alice.state).toBe('online');
  });

  it('must claim the participant’s own role', async () => {
    hub = await startTestHub();
    await hub.client('Alice', 'backend-dev');
    await expect(hub.client('Alice', 'qa', { transient: true, reconnect: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('answers in the order frames were sent', () => {
  it('a who sent right after a presence change already shows it', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const [, who] = await Promise.all([alice.send({ type: 'presence', status: 'away' }), alice.request({ type: 'who' })]);
    expect(who.participants.find((p) => p.name === 'Alice')?.status).toBe('away');
  });
});
