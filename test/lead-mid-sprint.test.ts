/**
 * Work brought into a running sprint, with the real lead on a real hub: the product owner's bug is
 * sized, given an owner with what it displaces, and assigned at once; a team member's goes to the
 * product owner first and is assigned on agreement; a request too big for one task waits as an
 * objective for the next plan. The new work counts in every figure.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../collaboration-server/protocol.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { fetchMetrics } from '../cli/sprint-metrics.js';
import { sprintProgress, emptyRoom } from '../cli/room.js';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { FakeClock } from '../collaboration-server/clock.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn } from './helpers/lead.js';
import { fromLead } from './helpers/planning-team.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

const leadSaid = (pattern: RegExp) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && pattern.test(e.text);
const DAY = 86_400_000;

describe('work brought into a running sprint', () => {
  it('sizes a bug, proposes an owner with what it displaces, assigns it, and counts it everywhere', async () => {
    // a Monday morning for the hub and the lead alike: three working days left in a three-day sprint
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    hub = await startTestHub({ clock });
    const po = await hub.client('Product Owner', 'human');
    const ada = await hub.client('Ada', 'backend-dev');
    const quinn = await hub.client('Quinn', 'qa');
    const seen = recorder(po);
    const adaSeen = recorder(ada);
    await startLeadOn(hub, leads, { clock });
    const now = clock.now();
    const created = await po.send({
      type: 'sprint_create',
      sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 3 * DAY },
      tasks: [
        { title: 'Implement sign-in', domain: 'auth', role: 'backend-dev', estimateHours: 10, points: 3, priority: 'high' },
        { title: 'Document the sign-in API', domain: 'auth', role: 'backend-dev', estimateHours: 6, points: 2, priority: 'low' },
        { title: 'Test sign-in', domain: 'auth', role: 'qa', estimateHours: 4, points: 1 },
      ],
    });
    const [signIn, docs] = created.result!.taskIds as [string, string, string];
    await po.send({ type: 'task_update', taskId: signIn, action: 'assign', assignee: 'Ada' });
    await po.send({ type: 'task_update', taskId: docs, action: 'assign', assignee: 'Ada' });
    await ada.send({ type: 'task_update', taskId: signIn, action: 'start' });
    await po.send({ type: 'task_update', taskId: 'T-3', action: 'assign', assignee: 'Quinn' });
    await quinn.send({ type: 'task_update', taskId: 'T-3', action: 'done' });
    const before = (await fetchMetrics(po))!.completion;
    expect(before).toMatchObject({ done: 1, total: 3 });

    // the product owner's own bug: sized, owner proposed with what it displaces, assigned at once
    await po.send({ type: 'chat', text: 'add "Fix the login redirect loop"' });
    const said = await seen.until(leadSaid(/Fix the login redirect loop/));
    const text = said.type === 'message' ? said.text : '';
    expect(text).toMatch(/T-4 "Fix the login redirect loop": a fix, \d+(\.5)?h \(backend-dev\); proposed owner Ada \(backend-dev role; knows auth, implementation\); /);
    // Ada holds 16h (sign-in 10h, its docs 6h) of the 18h she has left; the fix tips her over
    const fixHours = Number(/a fix, ([\d.]+)h/.exec(text)![1]);
    expect(text).toContain(`Ada would have ${16 + fixHours}h for 18h left in the sprint (3 working days): it displaces T-2 "Document the sign-in API" (6h, low)`);
    expect(text).toMatch(/Added to Sprint 1 as T-4, given to Ada\./);
    const assigned = await adaSeen.until((e) => e.type === 'task' && e.task.id === 'T-4' && e.change.action === 'assign');
    expect(assigned).toMatchObject({ task: { title: 'Fix the login redirect loop', assignee: 'Ada', status: 'assigned', sprintId: created.result!.sprintId } });
    await adaSeen.until((e) => e.type === 'message' && e.to.kind === 'participant' && e.to.name === 'Ada' && /T-4 Fix the login redirect loop/.test(e.text));

    // counted in every figure: the status, the report, the room's status bar
    const after = (await fetchMetrics(po))!;
    expect(after.completion).toMatchObject({ done: 1, total: 4, percent: 25 });
    expect(after.burndown.at(-1)!.scopePoints).toBe(before.pointsTotal + (assigned.type === 'task' ? assigned.task.points : 0));
    const room = { ...emptyRoom({ name: 'Product Owner', role: 'human' }, [...BUILT_IN_ROLES]), ...(await po.request({ type: 'tasks' })) };
    expect(sprintProgress(room)).toMatchObject({ done: 1, total: 4, percent: 25 });

    // a team member's bug: the product owner agrees first
    await quinn.send({ type: 'chat', text: 'bug: the checkout button fails on Safari', to: { kind: 'participant', name: 'Tech Lead' } });
    const asked = await seen.until(leadSaid(/Quinn brings in work: T-5/));
    expect(asked.type === 'message' && asked.text).toMatch(/`yes T-5` adds it to Sprint 1/);
    expect((await po.request({ type: 'tasks' })).tasks.some((t) => t.id === 'T-5')).toBe(false);
    // not a blocker on Quinn's work, and no task until the product owner says so
    expect(seen.events.some((e) => e.type === 'task' && e.change.action === 'block')).toBe(false);
    await po.send({ type: 'chat', text: 'yes' });
    await seen.until((e) => e.type === 'task' && e.task.id === 'T-5' && e.change.action === 'assign');
    expect((await fetchMetrics(po))!.completion).toMatchObject({ total: 5 });

    // too big for one task: an objective for the next plan
    await po.send({ type: 'chat', text: 'add a real-time notifications center with email digests' });
    await seen.until(leadSaid(/too big for one task in a running sprint\. I keep it as an objective for the next plan/));
    expect((await po.request({ type: 'tasks' })).tasks).toHaveLength(5);
    await po.send({ type: 'chat', text: 'plan sprint' });
    await seen.until(leadSaid(/is still running/));
    await po.send({ type: 'chat', text: 'no' });
    const card = await seen.until(fromLead('objectives'));
    expect(card.type === 'message' && card.card?.kind === 'objectives' && card.card.objectives.map((o) => o.text)).toEqual([expect.stringMatching(/real-time notifications center with email digests/i)]);
  });
});
