/** GET /healthz and GET /metrics on a real hub over real sockets. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { health } from '../collaboration-server/http/ops-routes.js';
import type { Hub } from '../collaboration-server/hub.js';
import { HuddleError } from '../collaboration-server/errors.js';
import type { Store } from '../collaboration-server/store/index.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { describeWithPostgres } from './helpers/postgres-suite.js';
import { parsePrometheusText } from './helpers/prometheus-text.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const httpBase = (h: TestHub) => h.url.replace(/^ws:/, 'http:');

async function scrape(h: TestHub, token: string | null = h.running.tokens.admin) {
  const res = await fetch(`${httpBase(h)}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

async function healthz(h: TestHub, query = '') {
  const res = await fetch(`${httpBase(h)}/healthz${query}`);
  return { status: res.status, body: (await res.json()) as { healthy: boolean; checks: Record<string, { ok: boolean; detail: string }> } };
}

describe('GET /metrics', () => {
  it('needs the admin token as a bearer: no token and the member token are refused', async () => {
    hub = await startTestHub();
    const none = await fetch(`${httpBase(hub)}/metrics`);
    expect(none.status).toBe(401);
    expect(await none.text()).toMatch(/admin token.*--metrics-open/);
    const member = await fetch(`${httpBase(hub)}/metrics`, { headers: { authorization: `Bearer ${hub.running.tokens.member}` } });
    expect(member.status).toBe(401);
  });

  it('with --metrics-open, serves anyone', async () => {
    hub = await startTestHub({ metricsOpen: true });
    const metrics = await scrape(hub, null);
    expect(metrics.types.get('huddle_frames_received_total')).toBe('counter');
  });

  it('parses as Prometheus text, and its counters move with the traffic', async () => {
    hub = await startTestHub();
    const before = await scrape(hub);
    expect(before.types.get('huddle_commit_duration_seconds')).toBe('histogram');
    expect(before.value('huddle_connections')).toBe(0);

    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    for (const text of ['one', 'two', 'three']) await alice.send({ type: 'chat', text });
    await seen.until((e) => e.type === 'message' && e.text === 'three');
    const lead = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    await lead.send({ type: 'chat', text: 'from the lead' });
    await seen.until((e) => e.type === 'message' && e.text === 'from the lead');

    const after = await scrape(hub);
    expect(after.value('huddle_connections')).toBe(3);
    expect(after.value('huddle_participants_online')).toBe(3);
    expect(after.value('huddle_connections_opened_total') - before.value('huddle_connections_opened_total')).toBe(3);
    // three hellos and four chats at least; each chat is acknowledged and relayed to everyone online
    expect(after.value('huddle_frames_received_total') - before.value('huddle_frames_received_total')).toBeGreaterThanOrEqual(7);
    expect(after.value('huddle_frames_sent_total') - before.value('huddle_frames_sent_total')).toBeGreaterThanOrEqual(3 + 4 + 3 * 2);
    expect(after.value('huddle_commit_duration_seconds_count')).toBeGreaterThan(before.value('huddle_commit_duration_seconds_count'));
    expect(after.value('huddle_commit_duration_seconds_sum')).toBeGreaterThan(0);
    expect(after.value('huddle_lead_actions_total', { type: 'chat' })).toBe(1);
    expect(after.value('huddle_replay_events_count')).toBe(0);

    // Bob's connection drops; his client resumes from its last sequence and is replayed what he missed.
    const states: string[] = [];
    bob.on('state', (s) => states.push(s));
    (bob as unknown as { ws: WebSocket }).ws.terminate();
    await vi.waitFor(() => expect(states).toContain('reconnecting'));
    await alice.send({ type: 'chat', text: 'while Bob was away' });
    await seen.until((e) => e.type === 'message' && e.text === 'while Bob was away');
    const resumed = await scrape(hub);
    expect(resumed.value('huddle_replay_events_count')).toBe(1);
    expect(resumed.value('huddle_replay_events_sum')).toBeGreaterThanOrEqual(1);
  });
});

describe('GET /healthz', () => {
  it('is unhealthy without a lead, healthy once the lead is connected; ?check=store asks about the store only', async () => {
    hub = await startTestHub();
    const alone = await healthz(hub);
    expect(alone.status).toBe(503);
    expect(alone.body).toMatchObject({ healthy: false, checks: { store: { ok: true }, lead: { ok: false } } });
    expect(alone.body.checks.lead!.detail).toMatch(/huddle orchestrator/);
    expect((await healthz(hub, '?check=store')).status).toBe(200);

    const lead = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    const led = await healthz(hub);
    expect(led.status).toBe(200);
    expect(led.body).toMatchObject({ healthy: true, checks: { store: { ok: true }, lead: { ok: true } } });

    lead.close();
    await vi.waitFor(async () => expect((await healthz(hub)).status).toBe(503));
  });

  it('says unhealthy with the store\'s error while the store fails, healthy again when it answers', () => {
    let failing = true;
    const store = { events: { lastSeq: () => { if (failing) throw new HuddleError('STORAGE_FAILED', 'PostgreSQL: connection refused'); return 7; } } } as unknown as Store;
    const hubWithLead = { online: () => [{ id: 'l', name: 'Tech Lead', role: 'orchestrator', status: 'online' }] } as unknown as Hub;
    expect(health(hubWithLead, store)).toEqual({
      healthy: false,
      checks: { store: { ok: false, detail: 'PostgreSQL: connection refused' }, lead: { ok: true, detail: 'Tech Lead is connected' } },
    });
    failing = false;
    expect(health(hubWithLead, store)).toMatchObject({ healthy: true, checks: { store: { ok: true, detail: 'reachable, last sequence 7' } } });
  });

  it('answers GET only', async () => {
    hub = await startTestHub();
    expect((await fetch(`${httpBase(hub)}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});

describeWithPostgres('GET /healthz on PostgreSQL', (cluster) => {
  it('turns unhealthy within seconds of PostgreSQL stopping, and healthy again once it is back', async () => {
    hub = await startTestHub({ storeUrl: await cluster().newDatabase() });
    const alice = await hub.client('Alice', 'backend-dev');
    await alice.send({ type: 'chat', text: 'before the database went away' });
    expect((await healthz(hub, '?check=store')).status).toBe(200);

    cluster().halt();
    const down = await vi.waitFor(async () => {
      const answer = await healthz(hub, '?check=store');
      expect(answer.status).toBe(503);
      return answer;
    }, { timeout: 15_000, interval: 200 });
    expect(down.body.checks.store).toMatchObject({ ok: false, detail: expect.stringMatching(/PostgreSQL/) });

    cluster().start();
    await vi.waitFor(async () => expect((await healthz(hub, '?check=store')).status).toBe(200), { timeout: 15_000, interval: 200 });
    await alice.send({ type: 'chat', text: 'after it came back' });
  }, 60_000);

  it('answers unhealthy while PostgreSQL hangs (SIGSTOP), one bounded check at a time, and healthy again after SIGCONT', async () => {
    hub = await startTestHub({ storeUrl: await cluster().newDatabase() });
    const alice = await hub.client('Alice', 'backend-dev');
    await alice.send({ type: 'chat', text: 'before the database hung' });
    expect((await healthz(hub)).body.checks.store?.ok).toBe(true);

    cluster().pause();
    try {
      // the first check waits a bounded time (or finds the hub's background read already waiting)
      const first = await healthz(hub, '?check=store');
      expect(first.status).toBe(503);
      expect(first.body.checks.store?.detail).toMatch(/PostgreSQL: no answer (from PostgreSQL in 2\.0 s|yet to a statement sent earlier)/);
      // while a statement waits for its answer, checks send nothing more: each answers at once, none piles up
      const many = await Promise.all(Array.from({ length: 20 }, () => healthz(hub, '?check=store')));
      for (const answer of many) expect(answer).toMatchObject({ status: 503, body: { checks: { store: { ok: false, detail: expect.stringMatching(/no answer yet to a statement sent earlier/) } } } });
      // the full check says the same, and the lead's check still answers from memory
      expect((await healthz(hub)).body).toMatchObject({ healthy: false, checks: { store: { ok: false }, lead: { ok: false } } });
    } finally {
      cluster().resume();
    }

    await vi.waitFor(async () => expect((await healthz(hub, '?check=store')).status).toBe(200), { timeout: 15_000, interval: 200 });
    await alice.send({ type: 'chat', text: 'after it answered again' });
    expect((await alice.request({ type: 'history', limit: 10 })).events.map((e) => (e.type === 'message' ? e.text : null)).filter(Boolean)).toEqual(['before the database hung', 'after it answered again']);
  }, 60_000);
});
