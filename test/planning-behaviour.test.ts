import { describe, expect, it } from 'vitest';
import type { HubEvent, Sprint, Task } from '../collaboration-server/protocol.js';
import { applyEvent, type LeadAction, type LeadView } from '../orchestrator/lead-view.js';
import { createPlanningBehaviour, PLANNING_STATE_KEY } from '../orchestrator/planning/behaviour.js';
import { MONDAY, SEED, seedView } from './helpers/planning-team.js';

let seq = 0;
const po = { id: 'p-Product Owner', name: 'Product Owner', role: 'human' };
const say = (text: string, from = po): HubEvent => ({ type: 'message', seq: ++seq, ts: MONDAY, from, to: { kind: 'all' }, text });

type SprintCreate = Extract<LeadAction, { type: 'sprint_create' }>;

/** What the hub would do with a sprint_create: the ids the plan gave (else numbered from T-101), dependencies turned into ids. */
function hubCreates(frame: SprintCreate): Extract<HubEvent, { type: 'sprint' }> {
  const sprint: Sprint = { id: 'S-1', number: 1, closedAt: null, name: frame.sprint.name, goal: frame.sprint.goal ?? '', startsAt: frame.sprint.startsAt, endsAt: frame.sprint.endsAt, status: 'active', objectives: frame.sprint.objectives ?? [], createdAt: MONDAY };
  const idOf = new Map(frame.tasks.map((d, i) => [d.key!, d.id ?? `T-${101 + i}`]));
  const tasks: Task[] = frame.tasks.map((d) => ({
    id: idOf.get(d.key!)!, sprintId: 'S-1', title: d.title, description: '', objective: d.objective ?? '', domain: d.domain ?? 'general', role: d.role,
    estimateHours: d.estimateHours, points: 0, priority: d.priority ?? 'medium', acceptance: d.acceptance ?? [], dependsOn: (d.dependsOn ?? []).map((k) => idOf.get(k)!),
    assignee: null, rationale: '', status: 'pending', percent: 0, due: null, atRisk: false, startedAt: null, completedAt: null, createdAt: MONDAY, updatedAt: MONDAY, notes: [],
  }));
  return { type: 'sprint', seq: ++seq, ts: MONDAY, by: 'Tech Lead', sprint, tasks };
}

function taskChange(view: LeadView, id: string, to: Task['status'], assignee?: string): Extract<HubEvent, { type: 'task' }> {
  const before = view.tasks.find((t) => t.id === id)!;
  const task: Task = { ...before, status: to, assignee: assignee ?? before.assignee, startedAt: MONDAY, completedAt: to === 'done' ? MONDAY + 3_600_000 : null };
  return { type: 'task', seq: ++seq, ts: MONDAY, task, change: { taskId: id, action: to === 'done' ? 'done' : 'assign', by: 'x', from: before.status, to, note: null, percent: null, assignee: task.assignee, previousAssignee: null } };
}

const assigns = (actions: LeadAction[]) => actions.flatMap((a) => (a.type === 'task_update' && a.action === 'assign' ? [`${a.taskId}→${a.assignee}`] : []));
const directs = (actions: LeadAction[]) => actions.flatMap((a) => (a.type === 'chat' && a.to?.kind === 'participant' ? [a.to.name] : []));
const saved = (actions: LeadAction[]) => actions.filter((a) => a.type === 'state_put').at(-1) as Extract<LeadAction, { type: 'state_put' }> | undefined;

function approvedRoom() {
  const b = createPlanningBehaviour();
  let view = seedView();
  const feed = (e: HubEvent) => {
    view = applyEvent(view, e);
    return b.onEvent(e, view);
  };
  feed(say('plan sprint'));
  feed(say(SEED));
  const approval = feed(say('approve'));
  return { b, feed, approval, view: () => view };
}

describe('the planning behaviour', () => {
  it('answers the product owner with cards and keeps its state in the hub', () => {
    const b = createPlanningBehaviour();
    const view = seedView();
    const actions = b.onEvent(say('plan sprint'), view);
    expect(actions[0]).toMatchObject({ type: 'chat', card: { kind: 'capacity' } });
    expect(saved(actions)).toMatchObject({ key: PLANNING_STATE_KEY, value: { phase: 'objectives' } });
  });

  it('does not answer itself, other bots, or messages meant for someone else', () => {
    const b = createPlanningBehaviour();
    const view = seedView();
    expect(b.onEvent(say('plan sprint', { id: 'p-Tech Lead', name: 'Tech Lead', role: 'orchestrator' }), view)).toEqual([]);
    expect(b.onEvent(say('plan sprint', { id: 'p-QA', name: 'QA Engineer', role: 'qa' }), view)).toEqual([]);
    const direct: HubEvent = { ...say('plan sprint'), to: { kind: 'participant', name: 'CTO' } } as HubEvent;
    expect(b.onEvent(direct, view)).toEqual([]);
  });

  it('on approval creates the sprint with plan keys, and assigns nothing before the hub has it', () => {
    const { approval } = approvedRoom();
    const create = approval.find((a): a is SprintCreate => a.type === 'sprint_create')!;
    expect(create.tasks.map((t) => t.key)).toEqual(Array.from({ length: 10 }, (_, i) => `T-${i + 1}`));
    expect(create.tasks[1]!.dependsOn).toEqual(['T-1']);
    expect(assigns(approval)).toEqual([]);
    expect(saved(approval)!.value).toMatchObject({ phase: 'idle', active: { sprintId: null } });
  });

  it('assigns only the first stage once the sprint exists, with a direct message to each assignee', () => {
    const { approval, feed } = approvedRoom();
    const actions = feed(hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!));
    expect(assigns(actions).sort()).toEqual(['T-1→CTO', 'T-5→CTO', 'T-9→QA Engineer']);
    expect(directs(actions).sort()).toEqual(['CTO', 'QA Engineer']);
    const toCto = actions.find((a) => a.type === 'chat' && a.to?.kind === 'participant' && a.to.name === 'CTO') as Extract<LeadAction, { type: 'chat' }>;
    expect(toCto.text).toMatch(/T-1 Design user authentication/);
    expect(saved(actions)!.value).toMatchObject({ active: { sprintId: 'S-1', assigned: expect.arrayContaining(['T-1', 'T-5', 'T-9']) } });
  });

  it('hands out the next stage as tasks complete, once each', () => {
    const { approval, feed, view } = approvedRoom();
    feed(hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!));
    feed(taskChange(view(), 'T-1', 'assigned', 'CTO'));
    const afterDesign = feed(taskChange(view(), 'T-1', 'done'));
    expect(assigns(afterDesign)).toEqual(['T-2→Backend Developer']);
    expect(directs(afterDesign)).toEqual(['Backend Developer']);
    expect(assigns(feed(taskChange(view(), 'T-5', 'assigned', 'CTO')))).toEqual([]);
    const afterImpl = feed(taskChange(view(), 'T-2', 'done', 'Backend Developer'));
    expect(assigns(afterImpl).sort()).toEqual(['T-3→CTO', 'T-4→QA Engineer']);
  });

  it('records history as tasks finish', () => {
    const { approval, feed, view, b } = approvedRoom();
    feed(hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!));
    feed(taskChange(view(), 'T-1', 'done', 'CTO'));
    expect(b.state().history.agents['CTO']).toMatchObject({ done: 1 });
    expect(b.state().history.domains['auth']).toMatchObject({ count: 1, actual: 1 });
  });

  it('resumes after a restart without handing anything out twice', () => {
    const { approval, feed, view } = approvedRoom();
    const created = feed(hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!));
    const restarted = createPlanningBehaviour();
    restarted.restore(JSON.parse(JSON.stringify(saved(created)!.value)));
    expect(restarted.onTick!(view())).toEqual([]);
    const done = taskChange(view(), 'T-1', 'done', 'CTO');
    expect(assigns(restarted.onEvent(done, applyEvent(view(), done)))).toEqual(['T-2→Backend Developer']);
  });

  it('sends the sprint again after a restart if it never reached the hub, and binds it if it did', () => {
    const { approval } = approvedRoom();
    const state = JSON.parse(JSON.stringify(saved(approval)!.value));
    const lost = createPlanningBehaviour();
    lost.restore(state);
    expect(lost.onTick!(seedView()).filter((a) => a.type === 'sprint_create')).toHaveLength(1);
    expect(lost.onTick!(seedView()).filter((a) => a.type === 'sprint_create')).toHaveLength(0);

    const kept = createPlanningBehaviour();
    kept.restore(state);
    const event = hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!);
    const view = applyEvent(seedView(), event);
    const actions = kept.onTick!(view);
    expect(actions.filter((a) => a.type === 'sprint_create')).toHaveLength(0);
    expect(assigns(actions).sort()).toEqual(['T-1→CTO', 'T-5→CTO', 'T-9→QA Engineer']);
  });

  describe('after a restart, with a sprint whose tasks moved while the lead was down', () => {
    const STAGE_2 = ['T-10→QA Engineer', 'T-2→Backend Developer', 'T-6→Backend Developer', 'T-7→Backend Developer'];
    /** The hub's view once the first stage (T-1, T-5, T-9) was done without the lead. */
    function firstStageDone(event: Extract<HubEvent, { type: 'sprint' }>): LeadView {
      let view = applyEvent(seedView({ taskEvents: [] }), event);
      for (const [id, who] of [['T-1', 'CTO'], ['T-5', 'CTO'], ['T-9', 'QA Engineer']] as const) view = applyEvent(view, taskChange(view, id, 'done', who));
      return view;
    }

    it('hands out the next stage when it had bound the sprint before it stopped', () => {
      const { approval, feed } = approvedRoom();
      const event = hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!);
      const bound = saved(feed(event))!.value;
      const restarted = createPlanningBehaviour();
      restarted.restore(JSON.parse(JSON.stringify(bound)));
      const meanwhile = firstStageDone(event);
      const actions = restarted.onTick!(meanwhile);
      expect(assigns(actions).sort()).toEqual(STAGE_2);
      expect(directs(actions).sort()).toEqual(['Backend Developer', 'QA Engineer']);
      // The work finished meanwhile feeds the next sprint's estimates, once.
      expect(restarted.state().history.agents).toMatchObject({ CTO: { done: 2 }, 'QA Engineer': { done: 1 } });
      expect(restarted.onTick!(meanwhile)).toEqual([]);
      expect(restarted.state().history.agents['CTO']).toMatchObject({ done: 2 });
    });

    it('binds a sprint the hub created after it stopped, and hands out only the stage that is ready', () => {
      const { approval } = approvedRoom();
      const event = hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!);
      const restarted = createPlanningBehaviour();
      restarted.restore(JSON.parse(JSON.stringify(saved(approval)!.value))); // approved, never bound
      const actions = restarted.onTick!(firstStageDone(event));
      expect(actions.filter((a) => a.type === 'sprint_create')).toEqual([]);
      expect(assigns(actions).sort()).toEqual(STAGE_2);
    });

    it('does not create the sprint twice when it hears the approval again (it stopped before saving it)', () => {
      const b = createPlanningBehaviour();
      let view = seedView();
      b.onEvent(say('plan sprint'), view);
      const proposed = saved(b.onEvent(say(SEED), view))!.value;
      const approve = say('approve');
      const event = hubCreates(b.onEvent(approve, applyEvent(view, approve)).find((a): a is SprintCreate => a.type === 'sprint_create')!);

      const restarted = createPlanningBehaviour();
      restarted.restore(JSON.parse(JSON.stringify(proposed)));
      view = applyEvent(firstStageDone(event), approve); // the lead catches up on the approval from the hub's history
      const actions = restarted.onEvent(approve, view);
      expect(actions.filter((a) => a.type === 'sprint_create')).toEqual([]);
      expect(assigns(actions).sort()).toEqual(STAGE_2);
      expect(restarted.state().active?.sprintId).toBe('S-1');
    });
  });

  it('does not count again what a state saved before the history cursor existed already counted', () => {
    const { approval, feed, b } = approvedRoom();
    const event = hubCreates(approval.find((a): a is SprintCreate => a.type === 'sprint_create')!);
    let view = applyEvent(seedView({ taskEvents: [] }), event);
    feed(event);
    view = applyEvent(view, taskChange(view, 'T-1', 'done', 'CTO'));
    b.onEvent(view.taskEvents!.at(-1)!, view);
    const { historySeq: _dropped, ...old } = b.state();
    const restarted = createPlanningBehaviour();
    restarted.restore(JSON.parse(JSON.stringify(old)));
    restarted.onTick!(view);
    expect(restarted.state().history.agents['CTO']).toMatchObject({ done: 1 });
    view = applyEvent(view, taskChange(view, 'T-5', 'done', 'CTO'));
    restarted.onTick!(view);
    expect(restarted.state().history.agents['CTO']).toMatchObject({ done: 2 });
  });

  it('resumes mid-planning from its saved state', () => {
    const b = createPlanningBehaviour();
    const view = seedView();
    b.onEvent(say('plan sprint'), view);
    const mid = saved(b.onEvent(say(SEED), view))!.value;
    const restarted = createPlanningBehaviour();
    restarted.restore(JSON.parse(JSON.stringify(mid)));
    expect(restarted.onEvent(say('approve'), view).some((a) => a.type === 'sprint_create')).toBe(true);
  });
});
