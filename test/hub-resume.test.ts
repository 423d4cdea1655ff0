import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type ServerFrame } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('resume and exactly-once', () => {
  it('a client whose connection dropped gets exactly the events it missed, in order, once', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    await alice.send({ type: 'chat', text: 'm1' });
    await seen.until((e) => e.type === 'message' && e.text === 'm1');

    // Cut Bob's socket from the hub's side; his client reconnects by itself.
    const sessionBefore = bob.sessionId;
    const states: string[] = [];
    bob.on('state', (s) => states.push(s));
    (bob as unknown as { ws: WebSocket }).ws.terminate();
    await vi.waitFor(() => expect(states).toContain('reconnecting'));
    await alice.send({ type: 'chat', text: 'm2' });
    await alice.send({ type: 'chat', text: 'm3' });
    await seen.until((e) => e.type === 'message' && e.text === 'm3');
    expect(bob.welcome?.resumed).toBe(true);
    expect(bob.sessionId).toBe(sessionBefore);
    expect(seen.messages()).toEqual(['m1', 'm2', 'm3']);
    const seqs = seen.events.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('applies a frame sent twice with the same id once, and acknowledges both', async () => {
    hub = await startTestHub();
    const watcher = await hub.client('Watcher', 'qa');
    const seen = recorder(watcher);
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h1', protocol: PROTOCOL_VERSION, name: 'Raw', role: 'backend-dev' });
    await raw.next((f) => f.type === 'welcome');
    raw.send({ type: 'chat', id: 'same-id', text: 'once' });
    const first = (await raw.next((f) => f.type === 'ack')) as Extract<ServerFrame, { type: 'ack' }>;
    raw.send({ type: 'chat', id: 'same-id', text: 'once' });
    const second = (await raw.next((f) => f.type === 'ack')) as Extract<ServerFrame, { type: 'ack' }>;
    expect(first).toMatchObject({ id: 'same-id', duplicate: false });
    expect(second).toMatchObject({ id: 'same-id', duplicate: true, seq: first.seq });
    await watcher.send({ type: 'chat', text: 'marker' });
    await seen.until((e) => e.type === 'message' && e.text === 'marker');
    expect(seen.messages().filter((t) => t === 'once')).toHaveLength(1);
  });

  it('a retry after a reconnect is applied once (same participant, same frame id)', async () => {
    hub = await startTestHub();
    const send = async (again?: { sessionId: string; credential: string }) => {
      const raw = await hub.raw();
      raw.send({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: 'Retry', role: 'qa', ...again });
      const welcome = (await raw.next((f) => f.type === 'welcome')) as Extract<ServerFrame, { type: 'welcome' }>;
      raw.send({ type: 'chat', id: 'frame-7', text: 'retried' });
      const ack = (await raw.next((f) => f.type === 'ack')) as Extract<ServerFrame, { type: 'ack' }>;
      raw.ws.close();
      await raw.closed;
      return { welcome, ack };
    };
    const first = await send();
    const second = await send({ sessionId: first.welcome.sessionId, credential: first.welcome.credential! });
    expect(second.welcome.resumed).toBe(true);
    expect(second.ack).toMatchObject({ duplicate: true, seq: first.ack.seq });
    const reader = await hub.client('Reader', 'qa');
    const history = await reader.request({ type: 'history', limit: 50 });
    expect(history.events.filter((e) => e.type === 'message' && e.text === 'retried')).toHaveLength(1);
  });

  it('a restarted hub on the same data folder keeps participants, history and sequence numbers', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev', { reconnect: false });
    const before = await alice.send({ type: 'chat', text: 'before restart' });
    alice.close();
    await hub.restart();
    const bob = await hub.client('Bob', 'qa');
    const after = await bob.send({ type: 'chat', text: 'after restart' });
    expect(after.seq!).toBeGreaterThan(before.seq!);
    const history = await bob.request({ type: 'history', limit: 10 });
    expect(history.events.flatMap((e) => (e.type === 'message' ? [e.text] : []))).toEqual(['before restart', 'after restart']);
    const who = await bob.request({ type: 'who' });
    expect(who.participants.map((p) => p.name).sort()).toEqual(['Alice', 'Bob']);
  });

  it('a client keeps what it typed while the hub is down and sends it once the hub is back', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    await hub.stop();
    await vi.waitFor(() => expect(alice.state).toBe('reconnecting'));
    const pending = alice.send({ type: 'chat', text: 'typed while offline' });
    expect(alice.pendingCount).toBe(1);
    await hub.restart();
    const ack = await pending;
    expect(ack.duplicate).toBe(false);
    const reader = await hub.client('Reader', 'qa');
    const history = await reader.request({ type: 'history', limit: 10 });
    expect(history.events.some((e) => e.type === 'message' && e.text === 'typed while offline')).toBe(true);
  });
});
