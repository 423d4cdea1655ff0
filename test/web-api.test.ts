/**
 * Every REST route's JSON shape, against the protocol's own schemas where a route returns the
 * protocol's objects, over real sockets with a real SQLite file. docs/api.md documents the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DecisionSchema, EscalationSchema, ParticipantSchema, SprintSchema, TaskEventSchema, TaskSchema, TASK_STATUSES } from '../collaboration-server/protocol.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { assign, credentialOf, seedSprint, signIn, webRequest } from './helpers/web.js';

const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

const SprintSummarySchema = strict({
  sprint: SprintSchema,
  tasksTotal: z.number(),
  tasksDone: z.number(),
  pointsTotal: z.number(),
  pointsDone: z.number(),
  hoursTotal: z.number(),
  hoursDone: z.number(),
  completionRate: z.number(),
  velocityPointsPerDay: z.number(),
  velocityHoursPerDay: z.number(),
});
const TeamRowSchema = strict({
  name: z.string(),
  role: z.string(),
  title: z.string(),
  status: ParticipantSchema.shape.status,
  takesTasks: z.boolean(),
  activeTasks: z.number(),
  doneTasks: z.number(),
  loadHours: z.number(),
  capacityHours: z.number().nullable(),
  loadPercent: z.number().nullable(),
  blocked: z.array(z.string()),
  quiet: z.boolean(),
  lastUpdate: z.number().nullable(),
});
const MetricsSchema = strict({
  sprintId: z.string(),
  name: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  at: z.number(),
  tasksTotal: z.number(),
  tasksDone: z.number(),
  tasksCancelled: z.number(),
  tasksOpen: z.number(),
  tasksBlocked: z.number(),
  tasksAtRisk: z.number(),
  tasksOverdue: z.number(),
  completionRate: z.number(),
  pointsTotal: z.number(),
  pointsDone: z.number(),
  hoursTotal: z.number(),
  hoursDone: z.number(),
  elapsedDays: z.number(),
  velocityPointsPerDay: z.number(),
  velocityHoursPerDay: z.number(),
  burndown: z.array(strict({ day: z.number(), at: z.number(), remainingPoints: z.number(), remainingHours: z.number(), idealPoints: z.number() })),
  agents: z.array(strict({ name: z.string(), tasksDone: z.number(), tasksFailed: z.number(), estimatedHours: z.number(), actualHours: z.number(), accuracy: z.number().nullable(), tasksPerDay: z.number() })),
  blockers: strict({ count: z.number(), open: z.number(), reports: z.number(), meanHoursToUnblock: z.number().nullable(), maxHoursToUnblock: z.number().nullable() }),
});
const ErrorSchema = strict({ error: strict({ code: z.string(), message: z.string() }) });

let hub: TestHub;
let cookie: string;
let ids: string[];
let sprintId: string;
const get = async (path: string) => {
  const res = await webRequest(hub.running.port, path, { headers: { cookie } });
  return res;
};

beforeAll(async () => {
  hub = await startTestHub({ teamRoles: [{ role: 'backend-dev', title: 'Backend Developer', hoursPerDay: 6, takesTasks: true }] });
  const lead = await hub.client('Tech Lead', 'orchestrator');
  const ada = await hub.client('Ada', 'backend-dev');
  ({ sprintId, taskIds: ids } = await seedSprint(lead));
  await assign(lead, ids[0]!, 'Ada');
  await assign(lead, ids[1]!, 'Ada');
  await ada.send({ type: 'task_update', taskId: ids[0]!, action: 'start' });
  await ada.send({ type: 'task_update', taskId: ids[0]!, action: 'done', note: 'written down' });
  await ada.send({ type: 'task_update', taskId: ids[1]!, action: 'start' });
  await ada.send({ type: 'task_update', taskId: ids[1]!, action: 'block', note: 'no key material' });
  await ada.send({ type: 'artifact_put', taskId: ids[1]!, kind: 'log', content: 'running tests\n' });
  await lead.send({ type: 'escalate', taskId: ids[1]!, title: 'Buy an HSM?', options: [{ key: 'A', label: 'Buy' }, { key: 'B', label: 'Use software keys' }] });
  await lead.send({ type: 'escalate', title: 'Cut the test?', options: [{ key: 'A', label: 'Cut' }, { key: 'B', label: 'Keep' }] });
  const po = await hub.client('Product Owner', 'human');
  await po.send({ type: 'escalation_answer', escalationId: 'E-2', option: 'B' });
  ({ cookie } = await signIn(hub.running, { credential: credentialOf(hub.dataDir, 'Product Owner') }));
});
afterAll(async () => hub?.close());

describe('the REST API', () => {
  it('GET /api/sprint: the current sprint, tasks counted by status, open escalations', async () => {
    const res = await get('/api/sprint');
    expect(res.status).toBe(200);
    const body = strict({ sprint: SprintSchema, tasksByStatus: z.record(z.enum(TASK_STATUSES), z.number()), openEscalations: z.number() }).parse(res.json);
    expect(body.sprint.id).toBe(sprintId);
    expect(body.tasksByStatus).toMatchObject({ done: 1, blocked: 1, pending: 2, in_progress: 0 });
    expect(body.openEscalations).toBe(1);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('GET /api/sprints: every sprint with the figures of the velocity chart', async () => {
    const body = strict({ sprints: z.array(SprintSummarySchema) }).parse((await get('/api/sprints')).json);
    expect(body.sprints.map((s) => [s.sprint.id, s.tasksDone, s.pointsDone, s.tasksTotal])).toEqual([[sprintId, 1, 3, 4]]);
  });

  it('GET /api/tasks: the sprint’s tasks, filtered by status and assignee', async () => {
    const all = strict({ sprint: SprintSchema, tasks: z.array(TaskSchema) }).parse((await get('/api/tasks')).json);
    expect(all.tasks.map((t) => t.id)).toEqual(ids);
    expect((await get('/api/tasks?status=blocked')).json.tasks.map((t: { id: string }) => t.id)).toEqual([ids[1]]);
    expect((await get('/api/tasks?status=done,blocked&assignee=Ada')).json.tasks).toHaveLength(2);
    expect((await get('/api/tasks?assignee=Nobody')).json.tasks).toEqual([]);
    const bad = await get('/api/tasks?status=finished');
    expect(bad.status).toBe(400);
    expect(ErrorSchema.parse(bad.json).error.message).toMatch(/Unknown status "finished"/);
    expect((await get('/api/tasks?sprint=S-none')).status).toBe(404);
  });

  it('GET /api/tasks/:id: the task with its events, notes and artifacts', async () => {
    const body = strict({
      task: TaskSchema,
      events: z.array(TaskEventSchema),
      notes: z.array(z.string()),
      artifacts: z.array(strict({ kind: z.string(), chars: z.number(), content: z.string(), truncated: z.boolean() })),
    }).parse((await get(`/api/tasks/${ids[1]}`)).json);
    expect(body.task.status).toBe('blocked');
    expect(body.events.map((e) => e.change.action)).toEqual(['assign', 'start', 'block']);
    expect(body.notes.join('\n')).toContain('no key material');
    expect(body.artifacts).toEqual([{ kind: 'log', chars: 14, content: 'running tests\n', truncated: false }]);
    expect((await get('/api/tasks/T-999')).status).toBe(404);
    expect((await get('/api/tasks/../../etc')).status).toBe(404);
  });

  it('GET /api/agents: each participant with presence, load against capacity, blocked and quiet', async () => {
    const body = strict({ sprint: SprintSchema, agents: z.array(TeamRowSchema) }).parse((await get('/api/agents')).json);
    const ada = body.agents.find((a) => a.name === 'Ada')!;
    expect(ada).toMatchObject({ status: 'online', takesTasks: true, activeTasks: 1, doneTasks: 1, loadHours: 8, blocked: [ids[1]] });
    expect(ada.capacityHours).toBeGreaterThan(0);
    expect(body.agents.map((a) => a.name)).toEqual(expect.arrayContaining(['Tech Lead', 'Product Owner']));
  });

  it('GET /api/escalations: open and answered ones, each with its decision', async () => {
    const schema = strict({ escalations: z.array(EscalationSchema.extend({ decision: DecisionSchema.nullable() }).strict()) });
    const all = schema.parse((await get('/api/escalations')).json);
    expect(all.escalations.map((e) => [e.id, e.status, e.decision?.by ?? null])).toEqual([
      ['E-1', 'open', null],
      ['E-2', 'answered', 'Product Owner'],
    ]);
    expect(schema.parse((await get('/api/escalations?status=open')).json).escalations.map((e) => e.id)).toEqual(['E-1']);
    expect((await get('/api/escalations?status=maybe')).status).toBe(400);
  });

  it('GET /api/report: the metrics `huddle report --format json` prints', async () => {
    const m = MetricsSchema.parse((await get('/api/report')).json);
    expect(m).toMatchObject({ sprintId, tasksDone: 1, tasksBlocked: 1, pointsDone: 3, blockers: { count: 1, open: 1 } });
    expect(m.burndown[0]).toMatchObject({ day: 0, remainingPoints: 13 });
    expect(m.burndown.at(-1)).toMatchObject({ remainingPoints: 10 });
  });

  it('GET /api/session: who the page is, its CSRF token, and the roles’ hours', async () => {
    const body = strict({
      participant: strict({ name: z.string(), role: z.string() }),
      via: z.enum(['session', 'bearer']),
      protocol: z.number(),
      roles: z.array(strict({ role: z.string(), title: z.string(), hoursPerDay: z.number(), takesTasks: z.boolean() })),
      csrf: z.string(),
    }).parse((await get('/api/session')).json);
    expect(body).toMatchObject({ participant: { name: 'Product Owner', role: 'human' }, via: 'session' });
  });

  it('answers a room with no sprint yet plainly', async () => {
    const empty = await startTestHub();
    try {
      const auth = { cookie: (await signIn(empty.running)).cookie };
      const get0 = (path: string) => webRequest(empty.running.port, path, { headers: auth });
      expect((await get0('/api/sprint')).json).toMatchObject({ sprint: null, openEscalations: 0 });
      expect((await get0('/api/sprints')).json).toEqual({ sprints: [] });
      expect((await get0('/api/tasks')).json).toEqual({ sprint: null, tasks: [] });
      expect((await get0('/api/agents')).json).toEqual({ sprint: null, agents: [] });
      expect(ErrorSchema.parse((await get0('/api/report')).json).error.code).toBe('NOT_FOUND');
    } finally {
      await empty.close();
    }
  });
});
