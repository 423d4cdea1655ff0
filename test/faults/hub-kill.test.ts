/**
 * kill -9 of the real hub process in the middle of a running sprint, restarted on the same data
 * folder and port: every client reconnects by itself, nothing acknowledged is lost, nothing is
 * shown twice, frames sent during the outage are applied once, and the sprint carries on to the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HuddleClient } from '../../collaboration-server/client.js';
import { readTokens } from '../../collaboration-server/data-dir.js';
import { isAdminRole, type HubEvent } from '../../collaboration-server/protocol.js';
import { startHubProcess } from '../helpers/cli.js';
import { recorder } from '../helpers/hub.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const AGENTS = [
  { name: 'Backend Developer', role: 'backend-dev' },
  { name: 'Frontend Developer', role: 'frontend-dev' },
  { name: 'QA Engineer', role: 'qa' },
];

async function startHub(dataDir: string, port = 0) {
  const hub = await startHubProcess(dataDir, 'server', ['--port', String(port)]);
  cleanup.push(() => hub.kill('SIGKILL'));
  return { ...hub, port: Number(new URL(hub.url).port) };
}

function participant(url: string, dataDir: string, name: string, role: string) {
  const tokens = readTokens(dataDir)!;
  const client = new HuddleClient({ url, token: isAdminRole(role) ? tokens.admin : tokens.member, name, role, minBackoffMs: 20, maxBackoffMs: 200 });
  cleanup.push(() => client.close());
  const seen = recorder(client);
  const states: string[] = [];
  client.on('state', (s) => states.push(s));
  return { client, seen, states };
}

/** Each event seen at most once, in sequence order. */
function expectOnceInOrder(events: HubEvent[]): void {
  const seqs = events.map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
}

describe('kill -9 of the hub mid-sprint', () => {
  it('loses nothing acknowledged, shows nothing twice, and the sprint carries on', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'huddle-fault-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, '.huddle');
    const first = await startHub(dataDir);

    const lead = participant(first.url, dataDir, 'Tech Lead', 'orchestrator');
    const po = participant(first.url, dataDir, 'Product Owner', 'human');
    const agents = AGENTS.map((a) => participant(first.url, dataDir, a.name, a.role));
    const everyone = [lead, po, ...agents];
    await Promise.all(everyone.map((p) => p.client.connect()));

    const now = Date.now();
    const sprint = await lead.client.send({
      type: 'sprint_create',
      sprint: { name: 'Fault sprint', startsAt: now, endsAt: now + 7 * 86_400_000 },
      tasks: AGENTS.flatMap((a) => [1, 2].map((n) => ({ title: `${a.role} task ${n}`, role: a.role, estimateHours: 2 }))),
    });
    const taskIds = sprint.result!.taskIds as string[];
    const owner = (i: number) => AGENTS[Math.floor(i / 2)]!;
    for (const [i, taskId] of taskIds.entries()) await lead.client.send({ type: 'task_update', taskId, action: 'assign', assignee: owner(i).name });

    // Before the kill: every agent starts its first task and talks; the lead escalates.
    const acked: { text: string; seq: number }[] = [];
    const say = async (p: (typeof agents)[number], text: string) => acked.push({ text, seq: (await p.client.send({ type: 'chat', text })).seq! });
    for (const [i, a] of agents.entries()) {
      await a.client.send({ type: 'task_update', taskId: taskIds[i * 2]!, action: 'start' });
      await a.client.send({ type: 'task_update', taskId: taskIds[i * 2]!, action: 'progress', percent: 50 });
      await say(a, `${a.client.name}: halfway through`);
    }
    const escalation = await lead.client.send({ type: 'escalate', title: 'Cut the export feature?', options: [{ key: 'A', label: 'cut it' }, { key: 'B', label: 'slip a day' }] });
    const lastBefore = Math.max(...acked.map((a) => a.seq));

    // a burst still in flight when the hub dies: some committed but not acknowledged, retried after
    const burst = Array.from({ length: 200 }, (_, i) => agents[i % agents.length]!.client.send({ type: 'chat', text: `burst ${i}` }));
    await agents[0]!.seen.until((e) => e.type === 'message' && e.text.startsWith('burst '));
    // kill -9, and keep working while the hub is gone: these frames wait in each client's outbox
    await first.kill('SIGKILL');
    const during = [
      ...agents.map((a, i) => a.client.send({ type: 'task_update', taskId: taskIds[i * 2]!, action: 'done' })),
      ...agents.map((a) => a.client.send({ type: 'chat', text: `${a.client.name}: sent while the hub was down` })),
      po.client.send({ type: 'escalation_answer', escalationId: escalation.result!.escalationId as string, option: 'B' }),
    ];
    await vi.waitFor(() => expect(everyone.every((p) => p.client.state === 'reconnecting')).toBe(true));

    const second = await startHub(dataDir, first.port);
    expect(second.port).toBe(first.port);
    const acks = await Promise.all([...during, ...burst]);
    expect(new Set(acks.map((a) => a.seq)).size).toBe(acks.length);
    const retried = acks.filter((a) => a.duplicate).length;
    await vi.waitFor(() => expect(everyone.every((p) => p.client.state === 'online')).toBe(true));
    for (const p of everyone) expect(p.states).toContain('reconnecting');

    // The sprint carries on after the restart: second tasks started and finished.
    for (const [i, a] of agents.entries()) {
      await a.client.send({ type: 'task_update', taskId: taskIds[i * 2 + 1]!, action: 'start' });
      await a.client.send({ type: 'task_update', taskId: taskIds[i * 2 + 1]!, action: 'done' });
      await say(a, `${a.client.name}: all done`);
    }
    const { sprint: after, tasks } = await po.client.request({ type: 'tasks', sprintId: sprint.result!.sprintId as string });
    expect(tasks.map((t) => t.status)).toEqual(taskIds.map(() => 'done'));
    expect(after?.status).toBe('completed');

    // Every participant saw every acknowledged message exactly once, in order.
    const lastSeq = Math.max(...acked.map((a) => a.seq));
    for (const p of everyone) {
      await p.seen.until((e) => e.seq >= lastSeq);
      expectOnceInOrder(p.seen.events);
      for (const { text, seq } of acked) expect(p.seen.events.filter((e) => e.type === 'message' && e.text === text).map((e) => e.seq)).toEqual([seq]);
      const outage = p.seen.events.filter((e) => e.type === 'message' && e.text.endsWith('sent while the hub was down'));
      expect(outage).toHaveLength(AGENTS.length);
      const bursts = p.seen.events.flatMap((e) => (e.type === 'message' && e.text.startsWith('burst ') ? [e.text] : []));
      expect(bursts.sort()).toEqual(Array.from({ length: 200 }, (_, i) => `burst ${i}`).sort());
    }
    console.log(`hub kill: ${retried} frames were committed before the kill and acknowledged as duplicates after it`);
    expect(lastBefore).toBeLessThan(lastSeq);

    // The hub's own record agrees: each task change once, one decision.
    const { events: taskEvents } = await lead.client.request({ type: 'task_events', sprintId: sprint.result!.sprintId as string });
    const changes = taskEvents.map((e) => `${e.change.taskId} ${e.change.action}`);
    expect(new Set(changes).size).toBe(changes.length);
    expect(changes.filter((c) => c.endsWith(' done'))).toHaveLength(taskIds.length);
    const { decisions } = await lead.client.request({ type: 'escalations', status: 'all' });
    expect(decisions).toEqual([expect.objectContaining({ option: 'B', by: 'Product Owner' })]);
    const { events: history } = await po.client.request({ type: 'history', limit: 1000, all: true });
    expectOnceInOrder(history);
  });
});
