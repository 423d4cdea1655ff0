import { afterEach, describe, expect, it } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const day = 86_400_000;

async function sprintWithTwoTasks(lead: HuddleClient) {
  const ack = await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sprint 1', startsAt: Date.now(), endsAt: Date.now() + 14 * day, objectives: ['auth'] },
    tasks: [
      { key: 'a', title: 'Design auth', role: 'cto', estimateHours: 4, assignee: 'Alice' },
      { key: 'b', title: 'Build auth', role: 'backend-dev', estimateHours: 8, dependsOn: ['a'], assignee: 'Bob' },
    ],
  });
  return ack.result as { sprintId: string; taskIds: string[] };
}

describe('sprints, tasks and escalations in the hub', () => {
  it('creates a sprint with real task ids and resolves dependency keys', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const { taskIds } = await sprintWithTwoTasks(lead);
    expect(taskIds).toEqual(['T-1', 'T-2']);
    const { tasks, sprint } = await lead.request({ type: 'tasks' });
    expect(sprint?.name).toBe('Sprint 1');
    expect(tasks.map((t) => [t.id, t.status, t.dependsOn])).toEqual([
      ['T-1', 'pending', []],
      ['T-2', 'pending', ['T-1']],
    ]);
  });

  it('lets only the lead or the product owner start a sprint', async () => {
    hub = await startTestHub();
    const dev = await hub.client('Dev', 'backend-dev');
    await expect(sprintWithTwoTasks(dev)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('walks a task through its lifecycle; only its assignee, the lead or the owner may change it', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const alice = await hub.client('Alice', 'cto');
    const bob = await hub.client('Bob', 'backend-dev');
    const seen = recorder(bob);
    await sprintWithTwoTasks(lead);
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Alice' });
    await expect(bob.send({ type: 'task_update', taskId: 'T-1', action: 'start' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(alice.send({ type: 'task_update', taskId: 'T-1', action: 'done' })).resolves.toBeDefined();
    await expect(alice.send({ type: 'task_update', taskId: 'T-1', action: 'start' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'assign', assignee: 'Bob' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'accept' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'progress', percent: 40, note: 'half way' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'block', note: 'token validation fails' });
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'reassign', assignee: 'Alice', note: 'Alice knows JWT' });
    await expect(bob.send({ type: 'task_update', taskId: 'T-2', action: 'start' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await alice.send({ type: 'task_update', taskId: 'T-2', action: 'done', note: 'shipped' });
    const last = await seen.until((e) => e.type === 'task' && e.change.action === 'done' && e.task.id === 'T-2');
    expect(last).toMatchObject({ task: { status: 'done', percent: 100, assignee: 'Alice' }, change: { by: 'Alice', from: 'assigned', to: 'done' } });
    const events = await lead.request({ type: 'task_events' });
    expect(events.events.filter((e) => e.task.id === 'T-2').map((e) => e.change.action)).toEqual([
      'assign', 'accept', 'progress', 'block', 'reassign', 'done',
    ]);
    expect(events.sprint?.status).toBe('completed');
    const blocker = hub.db.prepare('SELECT reason, resolved_at FROM blockers').all() as { reason: string; resolved_at: number | null }[];
    expect(blocker).toEqual([{ reason: 'token validation fails', resolved_at: expect.any(Number) }]);
  });

  it('takes progress on a blocked task as the work moving again: back in progress, the blocker closed', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const bob = await hub.client('Bob', 'backend-dev');
    await sprintWithTwoTasks(lead);
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'assign', assignee: 'Bob' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'start' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'block', note: 'signature check fails' });
    const ack = await bob.send({ type: 'task_update', taskId: 'T-2', action: 'progress', percent: 40, note: 'pinned the algorithm' });
    expect(ack.seq).toBeGreaterThan(0);
    const { tasks } = await lead.request({ type: 'tasks' });
    expect(tasks.find((t) => t.id === 'T-2')).toMatchObject({ status: 'in_progress', percent: 40 });
    const blockers = hub.db.prepare('SELECT resolved_at FROM blockers').all() as { resolved_at: number | null }[];
    expect(blockers).toEqual([{ resolved_at: expect.any(Number) }]);
  });

  it('records an escalation and lets only the product owner answer it, once', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const po = await hub.client('PO', 'human');
    const dev = await hub.client('Dev', 'backend-dev');
    const seen = recorder(lead);
    const ack = await lead.send({
      type: 'escalate',
      title: 'Scale to two regions?',
      options: [
        { key: 'A', label: 'Stay in one region', effect: 'note' },
        { key: 'B', label: 'Buy a second region', effect: 'note' },
      ],
    });
    const id = ack.result!.escalationId as string;
    await expect(dev.send({ type: 'escalation_answer', escalationId: id, option: 'A' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(po.send({ type: 'escalation_answer', escalationId: id, option: 'Z' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await po.send({ type: 'escalation_answer', escalationId: id, option: 'b', text: 'budget approved' });
    await expect(po.send({ type: 'escalation_answer', escalationId: id, option: 'A' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const decision = await seen.until((e) => e.type === 'decision');
    expect(decision).toMatchObject({ decision: { option: 'B', text: 'Buy a second region — budget approved', by: 'PO' } });
    const open = await lead.request({ type: 'escalations' });
    expect(open.escalations).toEqual([]);
    expect(open.decisions).toHaveLength(1);
  });

  it('keeps task artifacts and the lead’s state, admin-only for the state', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const dev = await hub.client('Alice', 'cto');
    await sprintWithTwoTasks(lead);
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Alice' });
    await dev.send({ type: 'artifact_put', taskId: 'T-1', kind: 'log', content: 'line 1\n' });
    await dev.send({ type: 'artifact_put', taskId: 'T-1', kind: 'log', content: 'line 2\n' });
    expect((await dev.request({ type: 'artifact_get', taskId: 'T-1' })).content).toBe('line 1\nline 2\n');
    await lead.send({ type: 'state_put', key: 'planning', value: { step: 'objectives' } });
    expect((await lead.request({ type: 'state_get', key: 'planning' })).value).toEqual({ step: 'objectives' });
    await expect(dev.request({ type: 'state_get', key: 'planning' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
