/**
 * Role escalation attempts: a member token claiming an admin role or an admin's name, a member
 * changing someone else's task or doing the lead's work, a non-human answering an escalation, and a
 * member reading direct messages meant for others. Each is refused and nothing changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { TASK_ACTIONS } from '../collaboration-server/protocol.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const now = Date.UTC(2026, 10, 21);

/** A lead, a sprint with one task assigned to Alice, and Mallory, a member who wants more. */
async function room() {
  hub = await startTestHub();
  const lead = await hub.client('Lead', 'orchestrator');
  const alice = await hub.client('Alice', 'backend-dev');
  const mallory = await hub.client('Mallory', 'qa');
  const sprint = await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 7 * 86_400_000 },
    tasks: [{ title: 'Build the API', role: 'backend-dev', estimateHours: 4 }],
  });
  const taskId = (sprint.result!.taskIds as string[])[0]!;
  await lead.send({ type: 'task_update', taskId, action: 'assign', assignee: 'Alice' });
  await alice.send({ type: 'task_update', taskId, action: 'start' });
  return { lead, alice, mallory, taskId, sprintId: sprint.result!.sprintId as string };
}

const refusedWith = (code: string) => expect.objectContaining({ code });

async function taskOf(client: HuddleClient, taskId: string) {
  const { tasks } = await client.request({ type: 'tasks' });
  return tasks.find((t) => t.id === taskId)!;
}

describe('role escalation attempts', () => {
  it('refuses a member token that claims the human or orchestrator role', async () => {
    hub = await startTestHub();
    const member = hub.running.tokens.member;
    for (const role of ['human', 'orchestrator']) {
      await expect(hub.client(`Fake ${role}`, role, { token: member, reconnect: false })).rejects.toEqual(refusedWith('FORBIDDEN'));
    }
    const { participants } = await (await hub.client('Witness', 'qa')).request({ type: 'who' });
    expect(participants.map((p) => p.name)).not.toContain('Fake human');
  });

  it('refuses a member token that takes the name of an admin participant, online or not', async () => {
    hub = await startTestHub();
    const po = await hub.client('Pat', 'human');
    await expect(hub.client('Pat', 'qa', { reconnect: false })).rejects.toEqual(refusedWith('FORBIDDEN'));
    po.close();
    await expect(hub.client('Pat', 'qa', { reconnect: false })).rejects.toEqual(refusedWith('FORBIDDEN'));
  });

  it('refuses a member who guesses another member’s session to take over its name', async () => {
    const { alice, mallory } = await room();
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h', protocol: 1, name: 'Alice', role: 'backend-dev', sessionId: 'guessed', lastSeq: 0 });
    expect(await raw.next((f) => f.type === 'error' || f.type === 'welcome')).toMatchObject({ type: 'error', code: 'CREDENTIAL_MISSING' });
    expect(alice.state).toBe('online');
    await mallory.send({ type: 'chat', text: 'alice still here?' });
  });

  it('refuses every change a member tries on a task assigned to someone else', async () => {
    const { lead, mallory, taskId } = await room();
    const before = await taskOf(lead, taskId);
    for (const action of TASK_ACTIONS) {
      await expect(
        mallory.send({ type: 'task_update', taskId, action, assignee: 'Mallory', percent: 90, note: 'mine now', fields: { title: 'hijacked' } }),
        action,
      ).rejects.toEqual(refusedWith('FORBIDDEN'));
    }
    await expect(mallory.send({ type: 'artifact_put', taskId, kind: 'log', content: 'forged log' })).rejects.toEqual(refusedWith('FORBIDDEN'));
    expect(await taskOf(lead, taskId)).toEqual(before);
    expect((await lead.request({ type: 'artifact_get', taskId })).content).toBe('');
  });

  it('refuses the lead’s work to a member: sprints, tasks, escalations, the lead’s memory', async () => {
    const { mallory, sprintId } = await room();
    const attempts = [
      mallory.send({ type: 'sprint_create', sprint: { name: 'Mine', startsAt: now, endsAt: now + 1 }, tasks: [{ title: 'x', role: 'qa', estimateHours: 1 }] }),
      mallory.send({ type: 'tasks_add', sprintId, tasks: [{ title: 'x', role: 'qa', estimateHours: 1 }] }),
      mallory.send({ type: 'escalate', title: 'Fire the lead?', options: [{ key: 'A', label: 'yes' }, { key: 'B', label: 'yes' }] }),
      mallory.send({ type: 'state_put', key: 'planner', value: { step: 'done' } }),
      mallory.request({ type: 'state_get', key: 'planner' }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toEqual(refusedWith('FORBIDDEN'));
    const { tasks } = await mallory.request({ type: 'tasks' });
    expect(tasks).toHaveLength(1);
    expect((await mallory.request({ type: 'escalations', status: 'all' })).escalations).toHaveLength(0);
  });

  it('lets only the human answer an escalation', async () => {
    const { lead, alice } = await room();
    const po = await hub.client('Pat', 'human');
    const ack = await lead.send({ type: 'escalate', title: 'Cut scope?', options: [{ key: 'A', label: 'cut' }, { key: 'B', label: 'slip' }] });
    const escalationId = ack.result!.escalationId as string;
    for (const who of [lead, alice]) {
      await expect(who.send({ type: 'escalation_answer', escalationId, option: 'A' })).rejects.toEqual(refusedWith('FORBIDDEN'));
    }
    await po.send({ type: 'escalation_answer', escalationId, option: 'B' });
    const { decisions } = await lead.request({ type: 'escalations', status: 'all' });
    expect(decisions).toEqual([expect.objectContaining({ escalationId, option: 'B', by: 'Pat' })]);
  });

  it('never shows a member a direct message meant for someone else, live, in history or on replay', async () => {
    const { alice, mallory } = await room();
    const bob = await hub.client('Bob', 'frontend-dev');
    const bobSees = recorder(bob);
    const mallorySees = recorder(mallory);
    const secret = await alice.send({ type: 'chat', text: 'the secret', to: { kind: 'participant', name: 'Bob' } });
    await bobSees.until((e) => e.type === 'message' && e.seq === secret.seq);
    const marker = await alice.send({ type: 'chat', text: 'public' });
    await mallorySees.until((e) => e.seq === marker.seq);
    expect(mallorySees.messages()).not.toContain('the secret');
    const { events } = await mallory.request({ type: 'history', limit: 1000, all: true });
    expect(events.some((e) => e.type === 'message' && e.text === 'the secret')).toBe(false);
    // a fresh connection asking to replay everything from the start
    const raw = await hub.raw();
    raw.send({ type: 'hello', id: 'h', protocol: 1, name: 'Mallory Two', role: 'qa', lastSeq: 0 });
    const welcome = await raw.next((f) => f.type === 'welcome');
    expect(welcome.type === 'welcome' && welcome.history.some((e) => e.type === 'message' && e.text === 'the secret')).toBe(false);
    expect(welcome.type === 'welcome' && welcome.history.some((e) => e.type === 'message' && e.text === 'public')).toBe(true);
  });
});
