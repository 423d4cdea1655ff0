import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { FakeClock } from '../collaboration-server/clock.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import type { Behaviour } from '../orchestrator/lead-view.js';
import { createLead, type Lead } from '../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
let lead: Lead | undefined;
afterEach(async () => {
  lead?.close();
  await hub?.close();
});

/** Answers every message it is shown with `count` messages of its own. */
function echo(count: number, seen: HubEvent[] = []): Behaviour {
  return {
    name: 'echo',
    onEvent(event) {
      if (event.type !== 'message') return [];
      seen.push(event);
      return Array.from({ length: count }, (_, i) => ({ type: 'chat' as const, text: `echo ${i + 1}: ${event.text}` }));
    },
  };
}

describe('the lead runtime', () => {
  it('builds its view from the hub and restores each behaviour from its saved state', async () => {
    hub = await startTestHub();
    const po = await hub.client('Product Owner', 'human');
    await po.send({ type: 'sprint_create', sprint: { name: 'S', startsAt: 1, endsAt: 2 }, tasks: [{ title: 'Do it', role: 'qa', estimateHours: 2 }] });
    const setup = await hub.client('Setup', 'orchestrator');
    await setup.send({ type: 'state_put', key: 'memory', value: { count: 3 } });
    const restored: unknown[] = [];
    const client = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    lead = await createLead({ client, roles: [...BUILT_IN_ROLES], behaviours: [{ name: 'memory', restore: (v) => restored.push(v), onEvent: () => [] }] });
    expect(restored).toEqual([{ count: 3 }]);
    expect(lead.view()).toMatchObject({ self: 'Tech Lead', sprint: { name: 'S' }, tasks: [{ title: 'Do it' }] });
    expect(lead.view().roster.map((p) => p.name)).toContain('Product Owner');
  });

  it('never answers itself or another bot', async () => {
    hub = await startTestHub();
    const seen: HubEvent[] = [];
    const client = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    lead = await createLead({ client, roles: [...BUILT_IN_ROLES], behaviours: [echo(1, seen)] });
    const other = await hub.client('Other Lead', 'orchestrator');
    const po = await hub.client('Product Owner', 'human');
    const heard = recorder(po);
    await other.send({ type: 'chat', text: 'from a bot' });
    await po.send({ type: 'chat', text: 'from a person' });
    await heard.until((e) => e.type === 'message' && e.text === 'echo 1: from a person');
    await lead.settled();
    expect(seen.map((e) => e.type === 'message' && e.text)).toEqual(['from a person']);
  });

  it('sends an action marked once a single time, though a lead restarted without its memory decides it again', async () => {
    hub = await startTestHub();
    const po = await hub.client('Product Owner', 'human');
    const heard = recorder(po);
    const reporter: Behaviour = { name: 'report', onEvent: () => [], onTick: () => [{ type: 'chat', text: 'the report', once: 'report:S-1' }] };
    for (const run of [1, 2]) {
      const client = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
      lead = await createLead({ client, roles: [...BUILT_IN_ROLES], behaviours: [reporter] });
      lead.tick();
      lead.tick();
      await lead.settled();
      lead.close();
      client.close();
      if (run === 1) await heard.until((e) => e.type === 'message' && e.text === 'the report');
    }
    await po.send({ type: 'chat', text: 'after both' });
    await heard.until((e) => e.type === 'message' && e.text === 'after both');
    expect(heard.messages().filter((t) => t === 'the report')).toHaveLength(1);
  });

  it('caps its chat per minute and sends the rest later, in order', async () => {
    hub = await startTestHub();
    const clock = new FakeClock();
    const client = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    lead = await createLead({ client, roles: [...BUILT_IN_ROLES], behaviours: [echo(4)], clock, chatPerMinute: 2 });
    const po = await hub.client('Product Owner', 'human');
    const heard = recorder(po);
    const echoes = () => heard.messages().filter((t) => t.startsWith('echo'));
    await po.send({ type: 'chat', text: 'go' });
    await vi.waitFor(() => expect(lead!.chatsWaiting()).toBe(1));
    expect(echoes()).toEqual(['echo 1: go', 'echo 2: go']);
    clock.advance(61_000);
    await vi.waitFor(() => expect(echoes()).toEqual(['echo 1: go', 'echo 2: go', 'echo 3: go', 'echo 4: go']), { timeout: 5000 });
  });

  it('on its very first run, hears what was said after it joined and before it listened, and nothing from before', async () => {
    hub = await startTestHub();
    const po = await hub.client('Product Owner', 'human');
    await po.send({ type: 'chat', text: 'before the lead joined' });
    const client = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    // `huddle orchestrator` joins, then waits for the lead's seat before it listens: a product owner
    // who types at once speaks into that gap
    const delivered = recorder(client);
    await po.send({ type: 'chat', text: 'plan sprint' });
    await delivered.until((e) => e.type === 'message' && e.text === 'plan sprint');
    const seen: HubEvent[] = [];
    lead = await createLead({ client, roles: [...BUILT_IN_ROLES], behaviours: [echo(0, seen)] });
    await lead.settled();
    expect(seen.map((e) => e.type === 'message' && e.text)).toEqual(['plan sprint']);
  });

  it('catches up on every message since its cursor after a long outage, in order, once', { timeout: 60_000 }, async () => {
    hub = await startTestHub(); // the hub's own frame-rate limits, which the lead's catch-up must live with
    const po = await hub.client('Product Owner', 'human');
    await po.send({ type: 'chat', text: 'before the first start' });
    const first = await hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 });
    lead = await createLead({ client: first, roles: [...BUILT_IN_ROLES], behaviours: [echo(0)] });
    await lead.settled();
    lead.close();
    first.close();

    // 1,200 messages while no lead listens: more than one page of history, and more than the 1,000 one query may ask for.
    // Twelve people, 100 each, so that no one passes the hub's burst of frames.
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => hub.client(`Dev ${i}`, 'backend-dev')));
    const said = Array.from({ length: 1200 }, (_, i) => `m${i}`);
    for (const [i, text] of said.entries()) await people[i % 12]!.send({ type: 'chat', text });

    const seen: HubEvent[] = [];
    const second = await vi.waitFor(() => hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 }), { timeout: 5000 });
    const states: string[] = [];
    second.on('state', (s) => states.push(s));
    lead = await createLead({ client: second, roles: [...BUILT_IN_ROLES], behaviours: [echo(0, seen)] });
    await lead.settled();
    expect(seen.map((e) => e.type === 'message' && e.text)).toEqual(said);
    expect(states).toEqual([]); // never dropped for going over its frame rate on the way
  });
});
