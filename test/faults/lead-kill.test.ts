/**
 * kill -9 of the real lead process (`huddle orchestrator`), once while planning with the product
 * owner and once while it watches a running sprint: restarted, it picks up where it was, from what
 * the hub kept, and does nothing twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HuddleClient } from '../../collaboration-server/client.js';
import { readTokens } from '../../collaboration-server/data-dir.js';
import { isAdminRole, type HubEvent } from '../../collaboration-server/protocol.js';
import { spawnHuddle, startHubProcess } from '../helpers/cli.js';
import { recorder } from '../helpers/hub.js';
import { SEED } from '../helpers/planning-team.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const fromLead = (kind: string) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.card?.kind === kind;
const directTo = (name: string) => (e: HubEvent) => e.type === 'message' && e.from.name === 'Tech Lead' && e.to.kind === 'participant' && e.to.name === name;

async function room() {
  const root = mkdtempSync(join(tmpdir(), 'huddle-lead-fault-'));
  cleanup.push(() => rmSync(root, { recursive: true, force: true }));
  const dataDir = join(root, '.huddle');
  const hub = await startHubProcess(dataDir);
  cleanup.push(() => hub.kill('SIGKILL'));
  const tokens = readTokens(dataDir)!;
  const join_ = async (name: string, role: string) => {
    const client = new HuddleClient({ url: hub.url, token: isAdminRole(role) ? tokens.admin : tokens.member, name, role, minBackoffMs: 20, maxBackoffMs: 200 });
    cleanup.push(() => client.close());
    const seen = recorder(client);
    await client.connect();
    return { client, seen };
  };
  const po = await join_('Product Owner', 'human');
  const cto = await join_('CTO', 'cto');
  const backend = await join_('Backend Developer', 'backend-dev');
  const qa = await join_('QA Engineer', 'qa');
  const startLead = async () => {
    const lead = spawnHuddle(['orchestrator', '--data', dataDir]);
    cleanup.push(() => lead.kill('SIGKILL'));
    await lead.line(/^huddle lead Tech Lead joined/);
    return lead;
  };
  return { po, cto, backend, qa, startLead };
}

async function assignedTo(po: HuddleClient) {
  const { tasks } = await po.request({ type: 'tasks' });
  const by: Record<string, string[]> = {};
  for (const t of tasks) if (t.status !== 'pending' && t.assignee) (by[t.assignee] ??= []).push(t.title);
  for (const list of Object.values(by)) list.sort();
  return by;
}

const FIRST_STAGE = {
  CTO: ['Design real-time notifications', 'Design user authentication for our API'],
  'QA Engineer': ['Plan testing coverage'],
};

describe('kill -9 of the lead', () => {
  it('while planning: restarted, it resumes the session and the approval creates one sprint', { timeout: 60_000 }, async () => {
    const { po, startLead } = await room();
    const first = await startLead();
    await po.client.send({ type: 'chat', text: 'plan sprint' });
    await po.seen.until(fromLead('capacity'));
    await po.client.send({ type: 'chat', text: SEED });
    await po.seen.until(fromLead('breakdown'));
    await first.kill('SIGKILL');

    // said while the lead is dead: the restarted lead hears it from the hub
    await po.client.send({ type: 'chat', text: 'approve' });
    await startLead();
    await vi.waitFor(async () => expect(await assignedTo(po.client)).toEqual(FIRST_STAGE), { timeout: 15_000 });
    const { sprint } = await po.client.request({ type: 'tasks' });
    expect(sprint?.status).toBe('active');
    const sprints = po.seen.events.filter((e) => e.type === 'sprint');
    expect(new Set(sprints.map((e) => e.type === 'sprint' && e.sprint.id)).size).toBe(1);
    // Exactly once: a lead killed after speaking but before saving its cursor handles the objectives
    // again on restart, but sends under the same frame ids, so the hub applies its breakdown once.
    expect(po.seen.events.filter(fromLead('breakdown')).length).toBe(1);
    const { events } = await po.client.request({ type: 'task_events' });
    const assigned = events.filter((e) => e.change.action === 'assign').map((e) => e.change.taskId);
    expect(new Set(assigned).size).toBe(assigned.length);
  });

  it('while monitoring: restarted, it sees what finished meanwhile and hands out the next stage once', { timeout: 60_000 }, async () => {
    const { po, cto, backend, startLead } = await room();
    const first = await startLead();
    await po.client.send({ type: 'chat', text: 'plan sprint' });
    await po.client.send({ type: 'chat', text: SEED });
    await po.seen.until(fromLead('breakdown'));
    await po.client.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po.client)).toEqual(FIRST_STAGE), { timeout: 15_000 });
    await first.kill('SIGKILL');

    // the CTO finishes the auth design while the lead is dead
    const { tasks } = await po.client.request({ type: 'tasks' });
    const design = tasks.find((t) => t.title === 'Design user authentication for our API')!;
    await cto.client.send({ type: 'task_update', taskId: design.id, action: 'start' });
    await cto.client.send({ type: 'task_update', taskId: design.id, action: 'done' });

    const second = await startLead();
    const handed = await backend.seen.until(directTo('Backend Developer'));
    expect(handed.type === 'message' && handed.text).toMatch(/Implement user authentication for our API/);
    await vi.waitFor(async () => expect((await assignedTo(po.client))['Backend Developer']).toEqual(['Implement user authentication for our API']), { timeout: 15_000 });

    // a second kill and restart does not hand it out again
    await second.kill('SIGKILL');
    await startLead();
    const marker = await po.client.send({ type: 'chat', text: 'status check' });
    await backend.seen.until((e) => e.seq >= marker.seq!);
    const { events } = await po.client.request({ type: 'task_events' });
    const assigns = events.filter((e) => e.change.taskId !== design.id && e.task.title === 'Implement user authentication for our API' && e.change.action === 'assign');
    expect(assigns).toHaveLength(1);
  });
});
