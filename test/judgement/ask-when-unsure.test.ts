/**
 * The ask-when-unsure exchange in the room (issue 12), with the real lead over a real hub (sockets on
 * port 0, SQLite in a temp folder): a line the lead is unsure of gets one short question to its
 * sender; "yes" records the blocker and starts the ladder, "no" does not, and no answer lets it go.
 * A blocker from someone with no task in progress gets a question about which task.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { createBehaviours } from '../../orchestrator/behaviours.js';
import { CURSOR_KEY, type Lead } from '../../orchestrator/lead-runtime.js';
import { MEMORY_KEY } from '../../orchestrator/monitoring/memory.js';
import { recorder, startTestHub, type TestHub } from '../helpers/hub.js';
import { startLeadOn } from '../helpers/lead.js';

let hub: TestHub;
/** the product owner's client of the current room: the one allowed to read the lead's state */
let owner: HuddleClient;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

const UNSURE = 'Not sure which of the two auth flows the spec wants';
const question = (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant' && /shall I record it as a blocker\? \(yes\/no\)$/.test(e.text);
const blocked = (id: string) => (e: HubEvent) => e.type === 'task' && e.task.id === id && e.change.action === 'block';

/** A sprint with one task, in progress with Ada. */
async function room(options: Parameters<typeof createBehaviours>[0] = {}, tickMs = 0) {
  hub = await startTestHub();
  const po = await hub.client('Paula', 'human');
  owner = po;
  const ada = await hub.client('Ada', 'backend-dev');
  const bob = await hub.client('Bob', 'backend-dev');
  const seen = { po: recorder(po), ada: recorder(ada), bob: recorder(bob) };
  const { lead } = await startLeadOn(hub, leads, { behaviours: createBehaviours(options), tickMs });
  const now = Date.now();
  const created = await po.send({
    type: 'sprint_create',
    sprint: { name: 'Auth sprint', goal: 'Sign-in', startsAt: now, endsAt: now + 5 * 86_400_000 },
    tasks: [{ title: 'Implement token validation', domain: 'auth', role: 'backend-dev', estimateHours: 4, points: 3 }],
  });
  const [taskId] = created.result!.taskIds as [string];
  await po.send({ type: 'task_update', taskId, action: 'assign', assignee: 'Ada' });
  await ada.send({ type: 'task_update', taskId, action: 'start' });
  return { po, ada, bob, seen, lead, taskId };
}

/** Sends a line and waits until the lead has handled it (its cursor, which the product owner may read, passed it). */
async function sayAndWait(client: HuddleClient, seen: ReturnType<typeof recorder>, lead: Lead, text: string): Promise<void> {
  await client.send({ type: 'chat', text });
  const said = await seen.until((e) => e.type === 'message' && e.from.name === client.name && e.text === text);
  await vi.waitFor(async () => {
    const cursor = (await owner.request({ type: 'state_get', key: CURSOR_KEY })).value as { seq: number } | null;
    expect(cursor?.seq ?? 0).toBeGreaterThanOrEqual(said.seq);
  });
  await lead.settled();
}

describe('asking when unsure, over a real hub', () => {
  it('asks once in one short line; yes records the blocker and starts the ladder', async () => {
    const { ada, seen, lead, taskId } = await room();
    await ada.send({ type: 'chat', text: UNSURE });
    const asked = await seen.ada.until(question);
    expect(asked.type === 'message' && asked.text).toBe(`Sounds like “${UNSURE}” is holding up ${taskId} — shall I record it as a blocker? (yes/no)`);
    expect(asked.type === 'message' && asked.text.includes('\n')).toBe(false);
    expect(seen.po.events.some(blocked(taskId))).toBe(false);

    await ada.send({ type: 'chat', text: 'yes' });
    const block = await seen.po.until(blocked(taskId));
    expect(block).toMatchObject({ change: { by: 'Tech Lead', to: 'blocked', note: `Ada said: "${UNSURE}"` } });
    await seen.ada.until((e) => e.type === 'message' && e.card?.kind === 'guidance' && e.card.taskId === taskId);
    await lead.settled();
    expect(seen.ada.events.filter(question)).toHaveLength(1);
  });

  it('no does not record it, and the same doubt is not asked about again', async () => {
    const { ada, seen, lead, taskId } = await room();
    await ada.send({ type: 'chat', text: UNSURE });
    await seen.ada.until(question);
    await sayAndWait(ada, seen.ada, lead, 'no');
    await sayAndWait(ada, seen.ada, lead, UNSURE);
    await sayAndWait(ada, seen.ada, lead, 'yes');
    expect(seen.ada.events.filter(question)).toHaveLength(1);
    expect(seen.ada.events.some(blocked(taskId))).toBe(false);
  });

  it('lets a question nobody answers go: a late yes records nothing', async () => {
    const { ada, seen, lead, taskId } = await room({ askExpiresMs: 50 }, 20);
    await ada.send({ type: 'chat', text: UNSURE });
    await seen.ada.until(question);
    // The lead's ticks let the question go once it is older than askExpiresMs.
    await vi.waitFor(async () => {
      const memory = (await owner.request({ type: 'state_get', key: MEMORY_KEY })).value as { asks?: Record<string, unknown> } | null;
      expect(memory?.asks).toEqual({});
    });
    await sayAndWait(ada, seen.ada, lead, 'yes');
    expect(seen.ada.events.some(blocked(taskId))).toBe(false);
  });

  it('asks someone with no task in progress which task their blocker holds up', async () => {
    const { bob, seen, lead } = await room();
    await bob.send({ type: 'chat', text: "I'm blocked on the staging credentials" });
    const which = await seen.bob.until((e) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant' && e.to.name === 'Bob');
    expect(which.type === 'message' && which.text).toMatch(/^Bob, that sounds like a blocker, but you have no task in progress: which task is it holding up\? Say \/blocked T-n/);
    await sayAndWait(bob, seen.bob, lead, "I'm blocked on the staging credentials");
    expect(seen.bob.events.filter((e) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant')).toHaveLength(1);
  });
});
