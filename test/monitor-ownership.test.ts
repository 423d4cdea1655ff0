/**
 * Every owned task is watched, with an injected clock (the hub and the lead read the same fake time;
 * the test moves it): a task assigned to someone who goes offline before accepting it is nudged, then
 * handed to someone else; someone online who does not accept is nudged once a window; a task nobody
 * present can take is flagged to the product owner. Real hub, real lead, real sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../collaboration-server/clock.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { MINUTE } from '../collaboration-server/units.js';
import { createBehaviours } from '../orchestrator/behaviours.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn } from './helpers/lead.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

const taskChange = (id: string, action: string) => (e: HubEvent) => e.type === 'task' && e.task.id === id && e.change.action === action;
const leadTo = (name: string, pattern: RegExp) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant' && e.to.name === name && pattern.test(e.text);

describe('every owned task is watched (injected clock)', () => {
  it('nudges an assignment nobody accepted, hands it over when its assignee stays offline, and flags work nobody can take', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 5, 9, 0, 0));
    hub = await startTestHub({ clock });
    const po = await hub.client('Paula', 'human');
    const ada = await hub.client('Ada', 'backend-dev', { reconnect: false });
    const bob = await hub.client('Bob', 'backend-dev');
    const seen = recorder(po);
    const bobSeen = recorder(bob);
    // an observer with the lead's role sees the messages to Ada, who is gone
    const all = recorder(await hub.client('Auditor', 'orchestrator'));
    const monitor = { acceptGraceMs: 10 * MINUTE, offlineGraceMs: 10 * MINUTE, reassignAfterMs: 20 * MINUTE, alertWindowMs: 60 * MINUTE };
    // the lead ticks every 20 ms of real time, and reads the fake clock each time
    await startLeadOn(hub, leads, { behaviours: createBehaviours(monitor), tickMs: 20, clock });
    const created = await po.send({
      type: 'sprint_create',
      sprint: { name: 'Sprint 1', startsAt: clock.now(), endsAt: clock.now() + 5 * 86_400_000 },
      tasks: [
        { title: 'Implement sign-in', role: 'backend-dev', estimateHours: 4 },
        { title: 'Review the release', role: 'backend-dev', estimateHours: 2 },
        { title: 'Test sign-in on phones', role: 'qa', estimateHours: 3 },
      ],
    });
    const [signIn, review, phones] = created.result!.taskIds as [string, string, string];
    await po.send({ type: 'task_update', taskId: signIn, action: 'assign', assignee: 'Ada' });
    await po.send({ type: 'task_update', taskId: review, action: 'assign', assignee: 'Bob' });
    ada.close(); // gone before accepting
    await seen.until((e) => e.type === 'presence' && e.participant.name === 'Ada' && e.change === 'left');

    // past the accept grace: both assignees are nudged (Ada is told she is offline); the qa task is flagged
    clock.advance(12 * MINUTE);
    await all.until(leadTo('Ada', new RegExp(`${signIn} "Implement sign-in" was given to you 12 min ago.*You are offline`)));
    await bobSeen.until(leadTo('Bob', new RegExp(`${review} "Review the release" was given to you 12 min ago.*/accept ${review}`)));
    const flagged = await seen.until((e) => e.type === 'message' && e.card?.kind === 'alert' && e.card.taskId === phones);
    expect(flagged).toMatchObject({ to: { kind: 'role', role: 'human' }, card: { title: `${phones} has nobody to take it` } });
    expect(flagged.type === 'message' && flagged.text).toMatch(/nobody with the qa role is online/);
    // offline past its grace: at risk
    await seen.until(taskChange(signIn, 'at_risk'));
    expect(seen.events.some(taskChange(signIn, 'reassign'))).toBe(false);

    // still offline after the reassign period: handed to Bob, with the reason
    clock.advance(21 * MINUTE);
    const moved = await seen.until(taskChange(signIn, 'reassign'));
    expect(moved).toMatchObject({ task: { assignee: 'Bob', status: 'assigned' }, change: { previousAssignee: 'Ada', note: expect.stringMatching(/Ada has been offline for 33 min/) } });
    await seen.until((e) => e.type === 'message' && e.card?.kind === 'reassignment' && e.card.taskId === signIn && e.card.to === 'Bob');
    // Bob, online, is nudged once a window, never reassigned away from
    expect(seen.events.some(taskChange(review, 'reassign'))).toBe(false);
    expect(bobSeen.events.filter(leadTo('Bob', new RegExp(`${review} "Review the release" was given`)))).toHaveLength(1);
    // the flag is not repeated within the window
    expect(seen.events.filter((e) => e.type === 'message' && e.card?.kind === 'alert' && e.card.taskId === phones)).toHaveLength(1);
  });
});
