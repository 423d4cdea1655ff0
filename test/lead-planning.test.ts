import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn, stopLead } from './helpers/lead.js';
import { assignedTo, directTo, FIRST_STAGE, fromLead, SEED } from './helpers/planning-team.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});


/** The product owner asks for a sprint with the seed objectives and waits for the proposed plan. */
async function planToBreakdown(po: HuddleClient, seen: ReturnType<typeof recorder>): Promise<void> {
  await po.send({ type: 'chat', text: 'plan sprint' });
  await po.send({ type: 'chat', text: SEED });
  await seen.until(fromLead('breakdown'));
}

async function room() {
  hub = await startTestHub();
  const po = await hub.client('Product Owner', 'human');
  const agents = {
    cto: await hub.client('CTO', 'cto'),
    backend: await hub.client('Backend Developer', 'backend-dev'),
    qa: await hub.client('QA Engineer', 'qa'),
  };
  return { po, agents, seen: { po: recorder(po), cto: recorder(agents.cto), backend: recorder(agents.backend), qa: recorder(agents.qa) } };
}

describe('the lead over a real hub', () => {
  it('plans a sprint with the product owner and hands each agent its first-stage tasks', async () => {
    const { po, agents, seen } = await room();
    await startLeadOn(hub, leads);

    await po.send({ type: 'chat', text: 'plan sprint' });
    const capacity = await seen.po.until(fromLead('capacity'));
    expect(capacity).toMatchObject({ card: { kind: 'capacity', agents: expect.arrayContaining([expect.objectContaining({ name: 'CTO' })]) } });

    await po.send({ type: 'chat', text: SEED });
    await seen.po.until(fromLead('objectives'));
    await seen.po.until(fromLead('breakdown'));

    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po)).toEqual(FIRST_STAGE), { timeout: 5000 });
    const toCto = await seen.cto.until(directTo('CTO'));
    expect(toCto.type === 'message' && toCto.text).toMatch(/Design user authentication for our API/);
    await seen.qa.until(directTo('QA Engineer'));
    expect(seen.backend.events.some(directTo('Backend Developer'))).toBe(false);

    // The CTO finishes the auth design: the backend developer gets the implementation.
    const { tasks, sprint } = await po.request({ type: 'tasks' });
    // Each task reached the hub with its due time from the plan (the per-task SLA alerts go by it).
    expect(tasks.every((t) => t.due !== null && t.due > sprint!.startsAt && t.due <= sprint!.endsAt)).toBe(true);
    const design = tasks.find((t) => t.title === 'Design user authentication for our API')!;
    await agents.cto.send({ type: 'task_update', taskId: design.id, action: 'done' });
    const toBackend = await seen.backend.until(directTo('Backend Developer'));
    expect(toBackend.type === 'message' && toBackend.text).toMatch(/Implement user authentication for our API/);
    await vi.waitFor(async () => expect((await assignedTo(po))['Backend Developer']).toEqual(['Implement user authentication for our API']));
  });

  it('resumes planning after the lead is killed and restarted', async () => {
    const { po, seen } = await room();
    const first = await startLeadOn(hub, leads);
    await planToBreakdown(po, seen.po);
    await stopLead(first);

    await startLeadOn(hub, leads);
    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po)).toEqual(FIRST_STAGE), { timeout: 5000 });
  });

  it('hands out the next stage on restart when the first stage was finished while it was down', async () => {
    const { po, agents, seen } = await room();
    const first = await startLeadOn(hub, leads);
    await planToBreakdown(po, seen.po);
    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po)).toEqual(FIRST_STAGE), { timeout: 5000 });
    await stopLead(first);

    // Without the lead: the CTO and QA finish the whole first stage.
    const { tasks } = await po.request({ type: 'tasks' });
    for (const t of tasks.filter((x) => x.status === 'assigned')) {
      const who = t.assignee === 'CTO' ? agents.cto : agents.qa;
      await who.send({ type: 'task_update', taskId: t.id, action: 'done' });
    }
    expect(seen.backend.events.some(directTo('Backend Developer'))).toBe(false);

    await startLeadOn(hub, leads);
    await vi.waitFor(
      async () =>
        expect(await assignedTo(po)).toMatchObject({
          // Nobody on this team builds interfaces, so the backend developer (who knows real-time work) gets that part too.
          'Backend Developer': ['Build the interface for real-time notifications', 'Implement real-time notifications', 'Implement user authentication for our API'],
          'QA Engineer': ['Improve our testing coverage', 'Plan testing coverage'],
        }),
      { timeout: 5000 },
    );
    const toBackend = await seen.backend.until(directTo('Backend Developer'));
    expect(toBackend.type === 'message' && toBackend.text).toMatch(/3 tasks are yours/);
  });

  it('hears what the product owner said while the lead was down', async () => {
    const { po, seen } = await room();
    const first = await startLeadOn(hub, leads);
    await planToBreakdown(po, seen.po);
    await stopLead(first);

    await po.send({ type: 'chat', text: 'approve' });
    const second = await startLeadOn(hub, leads);
    await vi.waitFor(async () => expect(await assignedTo(po)).toEqual(FIRST_STAGE), { timeout: 5000 });
    await stopLead(second);

    // Handled once: another restart does not approve (or answer) again.
    const third = await startLeadOn(hub, leads);
    await third.lead.settled();
    await po.send({ type: 'chat', text: 'marker' });
    await seen.po.until((e) => e.type === 'message' && e.text === 'marker');
    expect(seen.po.messages().filter((t) => t.startsWith('Approved:'))).toHaveLength(1);
  });

  it('does not act on chat from before its first start', async () => {
    const { po, seen } = await room();
    await po.send({ type: 'chat', text: 'plan sprint' });
    const { lead } = await startLeadOn(hub, leads);
    await lead.settled();
    await po.send({ type: 'chat', text: 'marker' });
    await seen.po.until((e) => e.type === 'message' && e.text === 'marker');
    expect(seen.po.events.some(fromLead('capacity'))).toBe(false);
  });

  it('resumes planning after the hub restarts', async () => {
    const { po, seen } = await room();
    await startLeadOn(hub, leads);
    await planToBreakdown(po, seen.po);
    await leads[0]!.settled();

    await hub.restart();
    await vi.waitFor(() => expect(po.state).toBe('online'), { timeout: 5000 });
    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po)).toEqual(FIRST_STAGE), { timeout: 5000 });
  });
});
