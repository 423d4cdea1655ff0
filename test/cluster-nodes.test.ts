/**
 * Several hubs on one PostgreSQL database, in this process: real sockets on port 0, a throw-away
 * cluster. One room across the nodes (events relayed in log order whichever node committed them,
 * resume on any node, presence with a time to live, shared tokens) and one lead at a time.
 */
import pg from 'pg';
import { expect, it, vi } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { fileCredentialStore } from '../collaboration-server/credential-store.js';
import { HuddleError } from '../collaboration-server/errors.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { describeWithPostgres } from './helpers/postgres-suite.js';
import { startTcpProxy } from './helpers/tcp-proxy.js';

const cleanup = cleanupAfterEach();
const timing = { presenceTtlMs: 1500, presenceEveryMs: 200, pollMs: 200 };

describeWithPostgres('several hubs on one PostgreSQL', (cluster) => {
  async function nodes(count: number): Promise<{ url: string; hubs: TestHub[] }> {
    const url = await cluster().newDatabase();
    const hubs: TestHub[] = [];
    for (let i = 0; i < count; i++) {
      const hub = await startTestHub({ storeUrl: url, clusterTiming: timing, dataDir: tempDir('huddle-node-', cleanup) });
      cleanup(() => hub.close());
      hubs.push(hub);
    }
    return { url, hubs };
  }

  const seen = (client: HuddleClient): HubEvent[] => {
    const events: HubEvent[] = [];
    client.on('event', (e) => events.push(e));
    return events;
  };
  const texts = (events: HubEvent[]) => events.flatMap((e) => (e.type === 'message' ? [e.text] : []));
  const contiguous = (events: HubEvent[]) => events.every((e, i) => i === 0 || e.seq === events[i - 1]!.seq + 1);

  it('is one room: every node relays every event in log order, hands out the same tokens, and knows who is online elsewhere', async () => {
    const { hubs: [a, b] } = await nodes(2);
    expect(b!.running.tokens).toEqual(a!.running.tokens);
    const alice = await a!.client('Alice', 'backend-dev');
    const bob = await b!.client('Bob', 'qa');
    const [atAlice, atBob] = [seen(alice), seen(bob)];
    for (let i = 0; i < 20; i++) await (i % 2 ? bob : alice).send({ type: 'chat', to: { kind: 'all' }, text: `m${i}` });
    const all = Array.from({ length: 20 }, (_, i) => `m${i}`);
    await vi.waitFor(() => expect(texts(atBob)).toEqual(all));
    await vi.waitFor(() => expect(texts(atAlice)).toEqual(all));
    expect(contiguous(atAlice) && contiguous(atBob)).toBe(true);
    // the same log on both nodes: Bob's own join is in his welcome, the rest both saw live
    expect(atAlice.map((e) => e.seq).slice(-atBob.length)).toEqual(atBob.map((e) => e.seq));

    // Bob is online on node b, and node a says so
    await vi.waitFor(async () => {
      const who = await alice.request({ type: 'who' });
      expect(who.participants.find((p) => p.name === 'Bob')?.status).toBe('online');
    });
    const message = await alice.send({ type: 'chat', to: { kind: 'participant', name: 'Bob' }, text: 'only for Bob' });
    await vi.waitFor(() => expect(texts(atBob)).toContain('only for Bob'));
    expect(texts(atAlice)).toContain('only for Bob'); // its sender sees it too
    expect(message.duplicate).toBe(false);
  }, 30_000);

  it('resumes a client on another node from its last sequence, and applies a frame retried there once', async () => {
    const { hubs: [a, b] } = await nodes(2);
    const proxy = await startTcpProxy([{ host: '127.0.0.1', port: a!.running.port }]);
    cleanup(() => proxy.close());
    const credentials = fileCredentialStore(tempDir('huddle-client-', cleanup));
    const carol = new HuddleClient({ url: proxy.url, token: a!.running.tokens.member, name: 'Carol', role: 'qa', credentials, minBackoffMs: 10, maxBackoffMs: 100 });
    cleanup(() => carol.close());
    const events = seen(carol);
    await carol.connect();
    const dave = await b!.client('Dave', 'backend-dev');
    await carol.send({ type: 'chat', to: { kind: 'all' }, text: 'before' });

    // Node a goes away with a frame of Carol's in flight; she lands on node b and sends it again.
    proxy.backends.splice(0, 1, { host: '127.0.0.1', port: b!.running.port });
    proxy.cut();
    const retried = carol.send({ type: 'chat', to: { kind: 'all' }, text: 'retried' }, { id: 'carol-retry-1' });
    await dave.send({ type: 'chat', to: { kind: 'all' }, text: 'while Carol was away' });
    expect((await retried).duplicate).toBe(false);
    const again = await carol.send({ type: 'chat', to: { kind: 'all' }, text: 'retried' }, { id: 'carol-retry-1' });
    expect(again.duplicate).toBe(true);
    await vi.waitFor(() => expect(texts(events)).toEqual(expect.arrayContaining(['before', 'while Carol was away', 'retried'])));
    expect(contiguous(events)).toBe(true);
    expect(texts(events).filter((t) => t === 'retried')).toHaveLength(1);
  }, 30_000);

  it('announces a node’s participants gone once it stops refreshing their presence', async () => {
    const { hubs: [a, b] } = await nodes(2);
    const alice = await a!.client('Alice', 'backend-dev');
    const events = seen(alice);
    await b!.client('Bob', 'qa');
    await vi.waitFor(async () => expect((await alice.request({ type: 'who' })).participants.find((p) => p.name === 'Bob')?.status).toBe('online'));
    // node b goes silent as a killed node does: its connections say nothing and its presence rows are no longer refreshed
    b!.running.store.cluster!.touchPresence = () => {};
    await vi.waitFor(() => expect(events.some((e) => e.type === 'presence' && e.participant.name === 'Bob' && e.change === 'left')).toBe(true), { timeout: 10_000 });
    await vi.waitFor(async () => expect((await alice.request({ type: 'who' })).participants.find((p) => p.name === 'Bob')?.status).toBe('offline'));
  }, 30_000);

  it('seats one lead at a time: a standby on another node takes over when the lock is lost, and the stale lead is refused', async () => {
    const { url, hubs: [a, b] } = await nodes(2);
    const lead = await a!.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    const standby = await b!.client('Tech Lead', 'orchestrator', { historyLimit: 0, credentials: fileCredentialStore(a!.dataDir) });
    const claim = async (c: HuddleClient) => (await c.send({ type: 'lead_claim' })).result as { granted: boolean; epoch: number; holder: string };

    expect(await claim(lead)).toEqual({ granted: true, epoch: 1, holder: 'Tech Lead' });
    expect(await claim(standby)).toMatchObject({ granted: false, epoch: 1 });
    expect(await claim(lead)).toEqual({ granted: true, epoch: 1, holder: 'Tech Lead' });
    await expect(standby.send({ type: 'chat', to: { kind: 'all' }, text: 'I am the standby' })).rejects.toMatchObject({ code: 'NOT_LEAD' });
    await lead.send({ type: 'chat', to: { kind: 'all' }, text: 'I lead' });

    // node a's lock session ends (as when its hub stops and PostgreSQL times the session out)
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = $1", [0x6875_646e]);
    await admin.end();
    await vi.waitFor(async () => expect(await claim(standby)).toEqual({ granted: true, epoch: 2, holder: 'Tech Lead' }), { timeout: 10_000 });
    await standby.send({ type: 'chat', to: { kind: 'all' }, text: 'the standby leads' });
    const stale = await lead.send({ type: 'chat', to: { kind: 'all' }, text: 'stale' }).catch((err: HuddleError) => err);
    expect(stale).toBeInstanceOf(HuddleError);
    expect((stale as HuddleError).code).toBe('NOT_LEAD');
    expect(await claim(lead)).toMatchObject({ granted: false, epoch: 2 });
  }, 30_000);
});
