/**
 * Sprint after sprint with the real lead on a real hub (sockets on port 0, SQLite in a temp folder):
 * `plan sprint` while a sprint runs names its open work and asks to close it first; the proposal shows
 * the ids the tasks get, carried-over work with its progress, and the hub makes exactly those; a plan
 * whose ids were taken meanwhile is shown again under new ones; closing writes the report once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn } from './helpers/lead.js';
import { fromLead, SEED } from './helpers/planning-team.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

type Seen = ReturnType<typeof recorder>;
const leadSaid = (pattern: RegExp) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && pattern.test(e.text);
const cardOf = (e: HubEvent) => (e.type === 'message' ? e.card : undefined);

async function team() {
  hub = await startTestHub();
  const po = await hub.client('Product Owner', 'human');
  const cto = await hub.client('CTO', 'cto');
  const backend = await hub.client('Backend Developer', 'backend-dev');
  const qa = await hub.client('QA Engineer', 'qa');
  const seen = recorder(po);
  await startLeadOn(hub, leads);
  return { po, cto, backend, qa, seen };
}

/** Says `text` and waits for the next breakdown card after it. */
async function plan(po: HuddleClient, seen: Seen, text: string) {
  const before = seen.events.filter(fromLead('breakdown')).length;
  await po.send({ type: 'chat', text });
  await seen.until(() => seen.events.filter(fromLead('breakdown')).length > before);
  const card = cardOf(seen.events.filter(fromLead('breakdown')).at(-1)!);
  if (card?.kind !== 'breakdown') throw new Error('no breakdown');
  return card;
}

describe('sprint after sprint with the lead', () => {
  it('warns of open work, closes on yes, carries it over with its progress, and makes the ids the proposal showed', async () => {
    const { po, cto, backend, seen } = await team();
    await po.send({ type: 'chat', text: 'plan sprint' });
    await seen.until(fromLead('capacity'));
    const first = await plan(po, seen, SEED);
    expect(first.tasks[0]!.key).toBe('T-1');
    await po.send({ type: 'chat', text: 'approve' });
    await seen.until((e) => e.type === 'sprint' && e.sprint.status === 'active');
    const s1 = (await po.request({ type: 'tasks' })).sprint!;
    expect(s1).toMatchObject({ number: 1, name: expect.stringMatching(/^Sprint 1 · \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d$/) });
    expect((await po.request({ type: 'tasks' })).tasks.map((t) => t.id)).toEqual(first.tasks.map((t) => t.key));

    // some work done, some under way
    const design = first.tasks.find((t) => t.title === 'Design user authentication for our API')!.key;
    await seen.until((e) => e.type === 'task' && e.task.id === design && e.change.action === 'assign');
    await cto.send({ type: 'task_update', taskId: design, action: 'start' });
    await cto.send({ type: 'task_update', taskId: design, action: 'done' });
    const impl = first.tasks.find((t) => t.title === 'Implement user authentication for our API')!.key;
    await seen.until((e) => e.type === 'task' && e.task.id === impl && e.change.action === 'assign');
    await backend.send({ type: 'task_update', taskId: impl, action: 'progress', percent: 40 });

    // plan sprint while it runs: the open work is named, and the lead asks
    await po.send({ type: 'chat', text: 'plan sprint' });
    const warning = await seen.until(leadSaid(/is still running/));
    expect(warning.type === 'message' && warning.text).toMatch(new RegExp(`${impl} in progress 40% — Implement user authentication for our API → Backend Developer`));
    expect(warning.type === 'message' && warning.text).toMatch(/Close it first\? `yes`/);

    // yes: closed, reported once, and the proposal carries the open work with its progress
    const proposal = plan(po, seen, 'yes');
    const closed = await seen.until((e) => e.type === 'sprint' && e.sprint.id === s1.id && e.sprint.status === 'closed');
    expect(closed.type === 'sprint' && closed.tasks.find((t) => t.id === impl)).toMatchObject({ status: 'in_progress', percent: 40 });
    const report = await seen.until(fromLead('sprint_report'));
    expect(cardOf(report)).toMatchObject({ status: 'closed', tasksDone: 1, tasksTotal: first.tasks.length, unfinished: expect.arrayContaining([impl]) });
    const second = await proposal;
    const carried = second.tasks.filter((t) => t.carriedPercent !== undefined);
    expect(carried.map((t) => t.key)).toEqual(first.tasks.filter((t) => t.key !== design).map((t) => t.key));
    expect(carried.find((t) => t.key === impl)).toMatchObject({ carriedPercent: 40, assignee: 'Backend Developer', hours: expect.any(Number) });

    // new work gets the next ids; dropping a carried task leaves it in the backlog
    const third = await plan(po, seen, 'add Build a CSV export of the audit log');
    const fresh = third.tasks.filter((t) => t.carriedPercent === undefined).map((t) => t.key);
    expect(fresh[0]).toBe(`T-${first.tasks.length + 1}`);
    const left = carried.at(-1)!.key;
    await plan(po, seen, `drop ${left}`);
    await po.send({ type: 'chat', text: 'approve' });
    const s2 = await seen.until((e) => e.type === 'sprint' && e.sprint.status === 'active' && e.sprint.id !== s1.id);
    expect(s2.type === 'sprint' && s2.sprint).toMatchObject({ number: 2, name: expect.stringMatching(/^Sprint 2 · /) });
    const now = await po.request({ type: 'tasks' });
    expect(now.tasks.map((t) => t.id).sort()).toEqual([...carried.map((t) => t.key).filter((k) => k !== left), ...fresh].sort());
    expect(now.tasks.find((t) => t.id === impl)).toMatchObject({ percent: 40 });
    expect((await po.request({ type: 'backlog' })).tasks.map((t) => t.id)).toEqual([left]);
    expect(seen.events.filter(fromLead('sprint_report'))).toHaveLength(1);
    // the carried task goes back to whoever had it
    await seen.until((e) => e.type === 'task' && e.task.id === impl && e.change.action === 'assign' && e.task.assignee === 'Backend Developer');
  });

  it('shows the plan again under new ids when one was taken before the approval', async () => {
    const { po, seen } = await team();
    await po.send({ type: 'chat', text: 'plan sprint' });
    await seen.until(fromLead('capacity'));
    const shown = await plan(po, seen, 'implement user authentication for our API');
    expect(shown.tasks[0]!.key).toBe('T-1');
    // another plan gets there first
    await po.send({ type: 'sprint_create', sprint: { name: 'Hotfix sprint', startsAt: Date.now(), endsAt: Date.now() + 86_400_000 }, tasks: [{ title: 'Hotfix', role: 'backend-dev', estimateHours: 1 }] });
    const again = await plan(po, seen, 'approve');
    // the hotfix sprint runs now: its task is carried over by default, and the new tasks move up by one
    expect(again.tasks.map((t) => [t.key, t.carriedPercent !== undefined])).toEqual([['T-1', true], ...shown.tasks.map((t, i) => [`T-${i + 2}`, false])]);
    expect(seen.events.filter(leadSaid(/T-1 "Hotfix" was created.*now start at T-2.*approve` again/s))).toHaveLength(1);
    await po.send({ type: 'chat', text: 'approve' });
    await seen.until((e) => e.type === 'sprint' && e.sprint.status === 'active' && e.sprint.number === 2);
    expect((await po.request({ type: 'tasks' })).tasks.map((t) => t.id)).toEqual(again.tasks.map((t) => t.key));
  });
});
