/**
 * The whole single-machine setup under a kill -9: `huddle up` (hub and lead in one process) is killed
 * mid-sprint and started again on the same folder and port. A real plain terminal
 * (`huddle agent --plain`) and the test's own participants reconnect by themselves; work reported
 * during the outage is applied once, and the restarted lead carries the sprint on to its next stage.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { cleanupAfterEach, tempDir } from '../helpers/cleanup.js';
import { spawnHuddle, startHubProcess } from '../helpers/cli.js';
import { joinRecorded } from '../helpers/hub.js';
import { directTo, fromLead, SEED } from '../helpers/planning-team.js';
import { within } from '../helpers/within.js';

const cleanup = cleanupAfterEach();

function expectOnceInOrder(events: HubEvent[]): void {
  const seqs = events.map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
}

describe('kill -9 of huddle up mid-sprint', () => {
  it('everyone reconnects, nothing is lost or doubled, and the restarted lead carries the sprint on', { timeout: 60_000 }, async () => {
    const dataDir = join(tempDir('huddle-up-fault-', cleanup), '.huddle');
    const startUp = async (port = '0') => {
      const up = await startHubProcess(dataDir, 'up', ['--port', port]);
      cleanup(() => up.kill('SIGKILL'));
      await up.line(/is in the room/);
      return up;
    };
    const first = await startUp();
    const port = new URL(first.url).port;
    const join_ = (name: string, role: string) => joinRecorded(first.url, dataDir, name, role, cleanup);
    const po = await join_('Product Owner', 'human');
    const cto = await join_('CTO', 'cto');
    const backend = await join_('Backend Developer', 'backend-dev');
    const terminal = spawnHuddle(['agent', '--plain', '--role', 'qa', '--name', 'QA Engineer', '--data', dataDir]);
    cleanup(() => terminal.kill('SIGKILL'));
    await vi.waitFor(async () => expect((await po.client.request({ type: 'who' })).participants.some((p) => p.name === 'QA Engineer' && p.status === 'online')).toBe(true), { timeout: 15_000 });

    await po.client.send({ type: 'chat', text: 'plan sprint' });
    await within('the capacity card', po.seen.until(fromLead('capacity')));
    await po.client.send({ type: 'chat', text: SEED });
    await within('the breakdown card', po.seen.until(fromLead('breakdown')));
    await po.client.send({ type: 'chat', text: 'approve' });
    await within('the CTO’s first task', cto.seen.until(directTo('CTO')));
    const { tasks } = await po.client.request({ type: 'tasks' });
    const design = tasks.find((t) => t.title === 'Design user authentication for our API')!;
    await cto.client.send({ type: 'task_update', taskId: design.id, action: 'start' });
    const said = await po.client.send({ type: 'chat', text: 'keep going, team' });

    await first.kill('SIGKILL');
    // reported while everything is down: waits in the CTO's outbox, and in the terminal's
    const finished = cto.client.send({ type: 'task_update', taskId: design.id, action: 'done' });
    terminal.write('typed while the hub was down');
    await vi.waitFor(() => expect([po, cto, backend].every((p) => p.client.state === 'reconnecting')).toBe(true));

    await startUp(port);
    expect((await within('the ack of the done sent during the outage', finished)).seq).toBeGreaterThan(said.seq!);
    await vi.waitFor(() => expect([po, cto, backend].every((p) => p.client.state === 'online')).toBe(true), { timeout: 10_000 });
    const typed = await within('the line typed during the outage', po.seen.until((e) => e.type === 'message' && e.text === 'typed while the hub was down'));
    expect(typed.type === 'message' && typed.from.name).toBe('QA Engineer');

    // the restarted lead sees the design done and hands out the implementation
    const handed = await within('the next stage handed to the backend developer', backend.seen.until(directTo('Backend Developer'))).catch(async (err: Error) => {
      const { tasks: now } = await po.client.request({ type: 'tasks' });
      throw new Error(`${err.message}; tasks now: ${now.map((t) => `${t.id} ${t.title} ${t.status} ${t.assignee ?? '-'}`).join('; ')}`);
    });
    expect(handed.type === 'message' && handed.text).toMatch(/Implement user authentication for our API/);
    // the terminal came back too, and shows each message once
    await within('the terminal showing its own line', terminal.line(/typed while the hub was down/));
    expect(terminal.stdout.filter((l) => l.includes('keep going, team')), `terminal output:\n${terminal.stdout.join('\n')}\n${terminal.stderr.join('\n')}`).toHaveLength(1);
    expect(terminal.stdout.filter((l) => l.includes('typed while the hub was down'))).toHaveLength(1);

    for (const p of [po, cto, backend]) {
      // the line reached the hub once QA saw it; each other client may still be catching up on a loaded machine
      await within('each client seeing the line typed during the outage', p.seen.until((e) => e.type === 'message' && e.text === 'typed while the hub was down'));
      expectOnceInOrder(p.seen.events);
      expect(p.seen.messages().filter((t) => t === 'keep going, team')).toHaveLength(1);
      expect(p.seen.messages().filter((t) => t === 'typed while the hub was down')).toHaveLength(1);
    }
    const { events } = await po.client.request({ type: 'task_events' });
    expect(events.filter((e) => e.change.taskId === design.id && e.change.action === 'done')).toHaveLength(1);
    const sprints = new Set(po.seen.events.flatMap((e) => (e.type === 'sprint' ? [e.sprint.id] : [])));
    expect(sprints.size).toBe(1);
  });
});
