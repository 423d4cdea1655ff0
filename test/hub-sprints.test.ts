/**
 * The sprint lifecycle in the hub, over real sockets and a real SQLite file: numbers and unique names,
 * closing (record kept, unfinished work to the backlog with its progress), carrying backlog work into
 * the next sprint under its own id, given ids honoured or the whole frame refused, closed work read-only.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { MIGRATIONS } from '../collaboration-server/store/database.js';
import { SqliteStore } from '../collaboration-server/store/index.js';
import { DAY } from '../collaboration-server/units.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

const window = (from = Date.now()) => ({ startsAt: from, endsAt: from + 10 * DAY });

async function firstSprint(lead: HuddleClient) {
  const ack = await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sprint 1 · login', ...window() },
    tasks: [
      { key: 'a', title: 'Design login', role: 'cto', estimateHours: 4, points: 1 },
      { key: 'b', title: 'Build login', role: 'backend-dev', estimateHours: 8, points: 2, dependsOn: ['a'] },
      { key: 'c', title: 'Test login', role: 'qa', estimateHours: 4, points: 1, dependsOn: ['b'] },
    ],
  });
  return ack.result as { sprintId: string; taskIds: string[]; number: number };
}

describe('the sprint lifecycle in the hub', () => {
  it('numbers sprints, keeps names unique, and closes a sprint: its record stays, its open work goes to the backlog', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const bob = await hub.client('Bob', 'backend-dev');
    const seen = recorder(bob);
    const s1 = await firstSprint(lead);
    expect(s1).toMatchObject({ number: 1, taskIds: ['T-1', 'T-2', 'T-3'] });
    await expect(lead.send({ type: 'sprint_create', sprint: { name: 'Sprint 1 · login', ...window() }, tasks: [{ title: 'x', role: 'qa', estimateHours: 1 }] })).rejects.toMatchObject({ code: 'CONFLICT' });

    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Lead' });
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'done' });
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'assign', assignee: 'Bob' });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'progress', percent: 40 });
    await bob.send({ type: 'task_update', taskId: 'T-2', action: 'block', note: 'waiting for the IdP' });

    const closed = await lead.send({ type: 'sprint_close', sprintId: s1.sprintId });
    expect(closed.result).toMatchObject({ status: 'closed', backlog: ['T-2', 'T-3'] });
    await expect(lead.send({ type: 'sprint_close', sprintId: s1.sprintId })).rejects.toMatchObject({ code: 'CONFLICT' });

    // the record: the tasks as they were at the close
    const record = await bob.request({ type: 'tasks', sprintId: s1.sprintId });
    expect(record.sprint).toMatchObject({ status: 'closed', number: 1, closedAt: expect.any(Number) });
    expect(record.tasks.map((t) => [t.id, t.status, t.percent])).toEqual([['T-1', 'done', 100], ['T-2', 'blocked', 40], ['T-3', 'pending', 0]]);
    // the backlog: pending, progress, owner and notes kept; the blocker closed
    const { tasks: backlog } = await bob.request({ type: 'backlog' });
    expect(backlog.map((t) => [t.id, t.status, t.percent, t.assignee])).toEqual([['T-2', 'pending', 40, 'Bob'], ['T-3', 'pending', 0, null]]);
    expect(backlog[0]!.notes.at(-1)).toMatch(/Sprint 1 · login closed with it blocked, 40% done, with Bob: it goes to the backlog/);
    const blockers = hub.db.prepare('SELECT resolved_at FROM blockers').all() as { resolved_at: number | null }[];
    expect(blockers).toEqual([{ resolved_at: expect.any(Number) }]);
    const closing = await seen.until((e) => e.type === 'sprint' && e.sprint.status === 'closed');
    expect(closing.type === 'sprint' && closing.tasks.map((t) => [t.id, t.status])).toEqual([['T-1', 'done'], ['T-2', 'blocked'], ['T-3', 'pending']]);
    const events = await bob.request({ type: 'task_events', sprintId: s1.sprintId });
    expect(events.events.filter((e) => e.change.action === 'backlog').map((e) => [e.task.id, e.change.from, e.change.to])).toEqual([['T-2', 'blocked', 'pending'], ['T-3', 'pending', 'pending']]);

    // read-only: nothing moves in a closed sprint (a finished task still takes a note or its log), a backlog task only by grooming
    await expect(lead.send({ type: 'task_update', taskId: 'T-1', action: 'reassign', assignee: 'Bob' })).rejects.toMatchObject({ code: 'SPRINT_CLOSED' });
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'note', note: 'late thought' });
    await lead.send({ type: 'artifact_put', taskId: 'T-1', kind: 'log', content: 'the run, after the fact' });
    expect((await bob.request({ type: 'tasks', sprintId: s1.sprintId })).tasks[0]).toMatchObject({ id: 'T-1', status: 'done', assignee: 'Lead' });
    await expect(bob.send({ type: 'task_update', taskId: 'T-2', action: 'progress', percent: 60 })).rejects.toMatchObject({ code: 'SPRINT_CLOSED', message: expect.stringMatching(/T-2 is in the backlog/) });
    await expect(bob.send({ type: 'artifact_put', taskId: 'T-2', kind: 'log', content: 'x' })).rejects.toMatchObject({ code: 'SPRINT_CLOSED' });
    await expect(lead.send({ type: 'tasks_add', sprintId: s1.sprintId, tasks: [{ title: 'late', role: 'qa', estimateHours: 1 }] })).rejects.toMatchObject({ code: 'SPRINT_CLOSED' });
    await lead.send({ type: 'task_update', taskId: 'T-3', action: 'update', fields: { estimateHours: 3 } });
    expect((await bob.request({ type: 'backlog' })).tasks.find((t) => t.id === 'T-3')?.estimateHours).toBe(3);
  });

  it('carries backlog work into the next sprint under its own id and gives new tasks the ids the plan chose', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const s1 = await firstSprint(lead);
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Lead' });
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'done' });
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'assign', assignee: 'Lead' });
    await lead.send({ type: 'task_update', taskId: 'T-2', action: 'progress', percent: 40 });

    // sprint 2 while sprint 1 runs: sprint 1 is closed first, in the same commit
    const s2 = await lead.send({
      type: 'sprint_create',
      sprint: { name: 'Sprint 2 · sessions', ...window() },
      carry: [{ taskId: 'T-2', due: null }],
      tasks: [
        { id: 'T-4', key: 'T-4', title: 'Design sessions', role: 'cto', estimateHours: 4, dependsOn: ['T-2'] },
        { id: 'T-5', key: 'T-5', title: 'Build sessions', role: 'backend-dev', estimateHours: 6, dependsOn: ['T-4'] },
      ],
    });
    expect(s2.result).toMatchObject({ number: 2, taskIds: ['T-4', 'T-5'], carried: ['T-2'] });
    const sprints = await lead.request({ type: 'sprints' });
    expect(sprints.sprints.map((s) => [s.number, s.status])).toEqual([[1, 'closed'], [2, 'active']]);
    const now = await lead.request({ type: 'tasks' });
    expect(now.tasks.map((t) => [t.id, t.status, t.percent, t.dependsOn])).toEqual([['T-2', 'pending', 40, []], ['T-4', 'pending', 0, ['T-2']], ['T-5', 'pending', 0, ['T-4']]]);
    expect((await lead.request({ type: 'backlog' })).tasks.map((t) => t.id)).toEqual(['T-3']);
    // one task, both sprints: its whole story
    const t2 = await lead.request({ type: 'task', taskId: 'T-2' });
    expect(t2.events.map((e) => [e.change.action, e.task.sprintId])).toEqual([
      ['assign', s1.sprintId], ['progress', s1.sprintId], ['backlog', s1.sprintId], ['carry', s2.result!.sprintId],
    ]);
    // the closed sprint's record still shows T-2 as it was
    expect((await lead.request({ type: 'tasks', sprintId: s1.sprintId })).tasks.find((t) => t.id === 'T-2')).toMatchObject({ status: 'in_progress', percent: 40 });

    // a plan whose ids were taken meanwhile is refused as a whole: nothing of it is applied
    await expect(lead.send({ type: 'sprint_create', sprint: { name: 'Sprint 3', ...window() }, carry: [{ taskId: 'T-3', due: null }], tasks: [{ id: 'T-5', title: 'again', role: 'qa', estimateHours: 1 }] }))
      .rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/T-5 is already taken.*next free id is T-6/) });
    expect((await lead.request({ type: 'sprints' })).sprints).toHaveLength(2);
    expect((await lead.request({ type: 'tasks' })).sprint).toMatchObject({ number: 2, status: 'active' });
    expect((await lead.request({ type: 'backlog' })).tasks.map((t) => t.id)).toEqual(['T-3']);
    // carrying what is not in the backlog is refused too
    await expect(lead.send({ type: 'sprint_create', sprint: { name: 'Sprint 3', ...window() }, carry: [{ taskId: 'T-1', due: null }], tasks: [] })).rejects.toMatchObject({ code: 'CONFLICT' });
    // a task without a given id never takes one given in the same frame
    await lead.send({ type: 'tasks_add', sprintId: s2.result!.sprintId as string, tasks: [{ title: 'auto', role: 'qa', estimateHours: 1 }, { id: 'T-7', title: 'given', role: 'qa', estimateHours: 1 }] });
    expect((await lead.request({ type: 'tasks' })).tasks.map((t) => [t.id, t.title]).slice(-2)).toEqual([['T-7', 'given'], ['T-8', 'auto']]);
  });

  it('completes a sprint whose every task is finished, and says so with a sprint event', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const seen = recorder(lead);
    const s1 = await firstSprint(lead);
    for (const id of s1.taskIds) await lead.send({ type: 'task_update', taskId: id, action: 'cancel' });
    const done = await seen.until((e) => e.type === 'sprint' && e.sprint.status === 'completed');
    expect(done).toMatchObject({ sprint: { id: s1.sprintId, closedAt: expect.any(Number) }, tasks: [{ status: 'cancelled' }, { status: 'cancelled' }, { status: 'cancelled' }] });
    expect((await lead.request({ type: 'backlog' })).tasks).toEqual([]);
  });

  it("answers a task with its latest events, bounded in number and bytes, and says how many older ones it left out", async () => {
    hub = await startTestHub({ limits: { framesPerSecond: 1e9, burst: 1e9 } });
    const lead = await hub.client('Lead', 'orchestrator');
    await firstSprint(lead);
    const note = 'n'.repeat(40);
    for (let i = 0; i < 250; i++) await lead.send({ type: 'task_update', taskId: 'T-1', action: 'note', note: `${i} ${note}` });
    const reply = await lead.request({ type: 'task', taskId: 'T-1' });
    expect(reply.events.length).toBeLessThan(200);
    expect(reply.earlier).toBe(250 - reply.events.length);
    expect(Buffer.byteLength(JSON.stringify(reply.events))).toBeLessThanOrEqual(256 * 1024);
    expect(reply.events.at(-1)!.change.note).toMatch(/^249 /);
  });

  it('numbers the sprints of a database from before the lifecycle when it opens', async () => {
    hub = await startTestHub();
    await hub.stop();
    const file = join(hub.dataDir, 'old.db');
    const db = new Database(file);
    for (const m of MIGRATIONS.slice(0, 2)) db.exec(m);
    db.pragma('user_version = 2');
    const insert = db.prepare("INSERT INTO sprints (id, name, goal, starts_at, ends_at, status, objectives, created_at) VALUES (?, ?, '', 0, 1, ?, '[]', 0)");
    insert.run('S-a', 'Sprint 2026-12-01', 'completed');
    insert.run('S-b', 'Sprint 2026-12-01', 'active');
    db.close();
    const store = SqliteStore.open(file);
    expect(store.work.sprints().map((s) => [s.id, s.number, s.closedAt])).toEqual([['S-a', 1, null], ['S-b', 2, null]]);
    expect(store.work.nextSprintNumber()).toBe(3);
    await store.close();
  });
});
