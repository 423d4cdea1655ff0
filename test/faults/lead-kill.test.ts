/**
 * kill -9 of the real lead process (`huddle orchestrator`), once while planning with the product
 * owner and once while it watches a running sprint: restarted, it picks up where it was, from what
 * the hub kept, and does nothing twice.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from '../helpers/cleanup.js';
import { spawnHuddle, startHubProcess } from '../helpers/cli.js';
import { joinRecorded } from '../helpers/hub.js';
import { assignedTo, directTo, FIRST_STAGE, fromLead, SEED } from '../helpers/planning-team.js';
import { within } from '../helpers/within.js';

const cleanup = cleanupAfterEach();

async function room() {
  const dataDir = join(tempDir('huddle-lead-fault-', cleanup), '.huddle');
  const hub = await startHubProcess(dataDir);
  cleanup(() => hub.kill('SIGKILL'));
  const join_ = (name: string, role: string) => joinRecorded(hub.url, dataDir, name, role, cleanup);
  const po = await join_('Product Owner', 'human');
  const cto = await join_('CTO', 'cto');
  const backend = await join_('Backend Developer', 'backend-dev');
  const qa = await join_('QA Engineer', 'qa');
  const startLead = async () => {
    const lead = spawnHuddle(['orchestrator', '--data', dataDir]);
    cleanup(() => lead.kill('SIGKILL'));
    await within('the lead joining', lead.line(/^huddle lead Tech Lead joined/));
    return lead;
  };
  return { po, cto, backend, qa, startLead };
}

describe('kill -9 of the lead', () => {
  it('while planning: restarted, it resumes the session and the approval creates one sprint', { timeout: 60_000 }, async () => {
    const { po, startLead } = await room();
    const first = await startLead();
    await po.client.send({ type: 'chat', text: 'plan sprint' });
    await within('the capacity card', po.seen.until(fromLead('capacity')));
    await po.client.send({ type: 'chat', text: SEED });
    await within('the breakdown card', po.seen.until(fromLead('breakdown')));
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
    await within('the breakdown card', po.seen.until(fromLead('breakdown')));
    await po.client.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect(await assignedTo(po.client)).toEqual(FIRST_STAGE), { timeout: 15_000 });
    await first.kill('SIGKILL');

    // the CTO finishes the auth design while the lead is dead
    const { tasks } = await po.client.request({ type: 'tasks' });
    const design = tasks.find((t) => t.title === 'Design user authentication for our API')!;
    await cto.client.send({ type: 'task_update', taskId: design.id, action: 'start' });
    await cto.client.send({ type: 'task_update', taskId: design.id, action: 'done' });

    const second = await startLead();
    const handed = await within('the next stage handed to the backend developer', backend.seen.until(directTo('Backend Developer')));
    expect(handed.type === 'message' && handed.text).toMatch(/Implement user authentication for our API/);
    await vi.waitFor(async () => expect((await assignedTo(po.client))['Backend Developer']).toEqual(['Implement user authentication for our API']), { timeout: 15_000 });

    // a second kill and restart does not hand it out again
    await second.kill('SIGKILL');
    await startLead();
    const marker = await po.client.send({ type: 'chat', text: 'status check' });
    await within('the status check reaching the backend developer', backend.seen.until((e) => e.seq >= marker.seq!));
    const { events } = await po.client.request({ type: 'task_events' });
    const assigns = events.filter((e) => e.change.taskId !== design.id && e.task.title === 'Implement user authentication for our API' && e.change.action === 'assign');
    expect(assigns).toHaveLength(1);
  });
});
