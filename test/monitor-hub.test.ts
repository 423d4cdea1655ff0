/**
 * The monitor inside the real lead over a real hub (sockets on port 0, SQLite in a temp folder):
 * guidance, reassignment, an escalation answered by the product owner, the completion report.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { createBehaviours } from '../orchestrator/behaviours.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { fetchMetrics } from '../cli/sprint-metrics.js';
import type { HuddleClient } from '../collaboration-server/client.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn, stopLead } from './helpers/lead.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

const fromLead = (kind: string) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.card?.kind === kind;
const taskChange = (id: string, action: string) => (e: HubEvent) => e.type === 'task' && e.task.id === id && e.change.action === action;

const TOKEN_TASK = { title: 'Implement token validation', domain: 'auth', role: 'backend-dev', estimateHours: 4, points: 3 };
const DATABASE_TASK = { title: 'Set up the user database', domain: 'database', role: 'backend-dev', estimateHours: 4, points: 3 };

/** A five-day sprint whose tasks go to `assignees` in order: token validation, then the user database. */
async function authSprint(po: HuddleClient, assignees: string[], databasePoints = 3): Promise<string[]> {
  const now = Date.now();
  const created = await po.send({
    type: 'sprint_create',
    sprint: { name: 'Auth sprint', goal: 'Sign-in', startsAt: now, endsAt: now + 5 * 86_400_000 },
    tasks: [TOKEN_TASK, { ...DATABASE_TASK, points: databasePoints }].slice(0, assignees.length),
  });
  const ids = created.result!.taskIds as string[];
  for (const [i, assignee] of assignees.entries()) await po.send({ type: 'task_update', taskId: ids[i]!, action: 'assign', assignee });
  return ids;
}

describe('the monitor in the lead, over a real hub', () => {
  it('guides, reassigns, escalates a product question, applies the answer and reports the sprint', async () => {
    hub = await startTestHub();
    const po = await hub.client('Paula', 'human');
    const ada = await hub.client('Ada', 'backend-dev');
    const bob = await hub.client('Bob', 'backend-dev');
    const seen = recorder(po);
    const { lead } = await startLeadOn(hub, leads);

    const [t1, t2] = (await authSprint(po, ['Ada', 'Bob'])) as [string, string];
    await ada.send({ type: 'task_update', taskId: t1, action: 'start' });
    await bob.send({ type: 'task_update', taskId: t2, action: 'start' });

    // 1. Trouble said in plain chat: recorded as a blocker, answered with guidance.
    await ada.send({ type: 'chat', text: "I'm having trouble with token validation" });
    const guidance = await seen.until(fromLead('guidance'));
    expect(guidance).toMatchObject({ card: { taskId: t1, topic: 'JWT and token validation' } });
    expect(seen.events.find(taskChange(t1, 'block'))).toMatchObject({ change: { by: 'Tech Lead', to: 'blocked' } });

    // 2. Still stuck: reassigned to the other backend developer, with the reason told to everyone.
    await ada.send({ type: 'chat', text: 'Still stuck on the signature check' });
    const moved = await seen.until(fromLead('reassignment'));
    expect(moved).toMatchObject({ card: { taskId: t1, from: 'Ada', to: 'Bob' } });
    await seen.until((e) => taskChange(t1, 'reassign')(e) && e.type === 'task' && e.task.assignee === 'Bob');

    // 3. A product question: escalated with options; only the product owner may answer.
    await bob.send({ type: 'task_update', taskId: t2, action: 'block', note: 'Should we scale to multiple regions or buy a bigger database?' });
    const escalated = await seen.until(fromLead('escalation'));
    expect(escalated).toMatchObject({ card: { escalationId: 'E-1', taskId: t2, options: expect.arrayContaining([expect.objectContaining({ key: 'A' })]) } });
    await expect(bob.send({ type: 'escalation_answer', escalationId: 'E-1', option: 'A' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await po.send({ type: 'escalation_answer', escalationId: 'E-1', option: 'A', text: 'one region is enough for launch' });
    await seen.until((e) => e.type === 'message' && e.from.name === 'Tech Lead' && /Paula decided on E-1/.test(e.text));
    await seen.until(taskChange(t2, 'unblock'));
    expect(seen.events.find(taskChange(t2, 'note'))).toMatchObject({ task: { notes: expect.arrayContaining([expect.stringMatching(/Decision E-1 by Paula/)]) } });

    // 4. The work is finished: the lead posts the completion report once.
    await bob.send({ type: 'task_update', taskId: t1, action: 'start' });
    await bob.send({ type: 'task_update', taskId: t1, action: 'done' });
    await bob.send({ type: 'task_update', taskId: t2, action: 'done' });
    const report = await seen.until(fromLead('sprint_report'));
    expect(report).toMatchObject({ card: { tasksDone: 2, tasksTotal: 2, completionPercent: 100, blockers: { count: 2 } } });
    expect(report.type === 'message' && report.text).toMatch(/Velocity 6 points, [\d.]+ hours per working day.*Blockers: 2/);

    // The same numbers come from the hub's task events (what `huddle status` and `huddle report` show).
    const metrics = await fetchMetrics(po);
    expect(metrics).toMatchObject({ tasksDone: 2, velocityPointsPerDay: 6, blockers: { count: 2, open: 0 } });
    await lead.settled();
    expect(seen.events.filter(fromLead('sprint_report'))).toHaveLength(1);
  });

  it('remembers the ladder across a restart of the lead', async () => {
    hub = await startTestHub();
    const po = await hub.client('Paula', 'human');
    const ada = await hub.client('Ada', 'backend-dev');
    await hub.client('Bob', 'backend-dev');
    const seen = recorder(po);
    const first = await startLeadOn(hub, leads);
    const [t1] = (await authSprint(po, ['Ada'])) as [string];
    await ada.send({ type: 'task_update', taskId: t1, action: 'start' });
    await ada.send({ type: 'task_update', taskId: t1, action: 'block', note: 'having trouble with token validation' });
    await seen.until(fromLead('guidance'));
    await stopLead(first);

    await startLeadOn(hub, leads);
    await ada.send({ type: 'task_update', taskId: t1, action: 'block', note: 'still stuck' });
    const moved = await seen.until(fromLead('reassignment'));
    expect(moved).toMatchObject({ card: { taskId: t1, from: 'Ada', to: 'Bob' } });
    expect(seen.events.filter(fromLead('guidance'))).toHaveLength(1);
  });

  it('counts in its completion report the work done while it was down', async () => {
    hub = await startTestHub();
    const po = await hub.client('Paula', 'human');
    const ada = await hub.client('Ada', 'backend-dev');
    const bob = await hub.client('Bob', 'backend-dev');
    const seen = recorder(po);
    const first = await startLeadOn(hub, leads);
    const [t1, t2] = (await authSprint(po, ['Ada', 'Bob'], 5)) as [string, string];
    await ada.send({ type: 'task_update', taskId: t1, action: 'start' });
    await ada.send({ type: 'task_update', taskId: t1, action: 'done' });
    await stopLead(first);

    // While no lead listens: Bob starts, is blocked, gets going again and finishes the last task.
    await bob.send({ type: 'task_update', taskId: t2, action: 'start' });
    await bob.send({ type: 'task_update', taskId: t2, action: 'block', note: 'the staging database is down' });
    await bob.send({ type: 'task_update', taskId: t2, action: 'unblock' });
    await bob.send({ type: 'task_update', taskId: t2, action: 'done' });
    expect(seen.events.filter(fromLead('sprint_report'))).toHaveLength(0);

    const second = await startLeadOn(hub, leads);
    const report = await seen.until(fromLead('sprint_report'));
    expect(report).toMatchObject({ card: { tasksDone: 2, tasksTotal: 2, velocityPointsPerDay: 8, blockers: { count: 1 } } });
    expect(report.type === 'message' && report.card?.kind === 'sprint_report' && report.card.agents.map((a) => [a.name, a.tasksDone])).toEqual([['Ada', 1], ['Bob', 1]]);
    expect(second.lead.view().taskEvents!.filter((e) => e.task.id === t2).map((e) => e.change.action)).toEqual(['assign', 'start', 'block', 'unblock', 'done']);
    // `huddle status` reads the same events through the same function.
    const metrics = await fetchMetrics(po);
    expect(metrics).toMatchObject({ tasksDone: 2, velocityPointsPerDay: 8, blockers: { count: 1, open: 0, reports: 1 } });
  });

  it('marks the work of an agent who vanished at risk, then hands it over; retries a failed task with someone else', async () => {
    hub = await startTestHub();
    const po = await hub.client('Paula', 'human');
    const ada = await hub.client('Ada', 'backend-dev', { reconnect: false });
    const bob = await hub.client('Bob', 'backend-dev');
    await hub.client('Cy', 'backend-dev');
    const seen = recorder(po);
    // Real time, thresholds in milliseconds: the lead ticks every 20ms.
    const { lead } = await startLeadOn(hub, leads, { behaviours: createBehaviours({ offlineGraceMs: 50, reassignAfterMs: 50 }), tickMs: 20 });
    const [t1, t2] = (await authSprint(po, ['Ada', 'Bob'])) as [string, string];
    await ada.send({ type: 'task_update', taskId: t1, action: 'start' });

    ada.close();
    const atRisk = await seen.until(taskChange(t1, 'at_risk'));
    expect(atRisk).toMatchObject({ task: { atRisk: true, assignee: 'Ada' } });
    await seen.until((e) => e.type === 'message' && e.card?.kind === 'alert' && e.card.taskId === t1);
    const handedOver = await seen.until(taskChange(t1, 'reassign'));
    expect(handedOver.type === 'task' && handedOver.task.assignee).not.toBe('Ada');
    await seen.until((e) => fromLead('reassignment')(e) && e.type === 'message' && e.card?.kind === 'reassignment' && e.card.from === 'Ada');

    await bob.send({ type: 'task_update', taskId: t2, action: 'fail', note: 'the schema tool crashes' });
    const retried = await seen.until(taskChange(t2, 'reassign'));
    expect(retried).toMatchObject({ task: { status: 'assigned' }, change: { previousAssignee: 'Bob' } });
    expect(retried.type === 'task' && ['Cy', 'Ada'].includes(retried.task.assignee!)).toBe(true);
    expect(retried.type === 'task' && retried.task.assignee).not.toBe('Ada'); // Ada is offline
  });
});
