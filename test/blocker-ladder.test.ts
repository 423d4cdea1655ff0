import { describe, expect, it } from 'vitest';
import { ladderTick, onBlockerReport, onTaskMoved, type LadderContext } from '../orchestrator/monitoring/blocker-resolver.js';
import { applyDecision } from '../orchestrator/monitoring/escalation.js';
import { onTaskFailed } from '../orchestrator/monitoring/failures.js';
import type { LeadAction, LeadView } from '../orchestrator/lead-view.js';
import { emptyMemory, type MonitorMemory } from '../orchestrator/monitoring/memory.js';
import { DEFAULT_MONITOR_OPTIONS, type MonitorOptions } from '../orchestrator/monitoring/options.js';
import type { Picker } from '../orchestrator/monitoring/picker.js';
import type { DecisionEvent, Task } from '../collaboration-server/protocol.js';
import { T0, makeEscalation, makeTask, makeView } from './helpers/monitor-fixtures.js';

const opts: MonitorOptions = { ...DEFAULT_MONITOR_OPTIONS, blockerPersistMs: 100, splitAboveHours: 12 };
const bobOrQuinn: Picker = (_t, _v, exclude) =>
  !exclude.includes('Bob') ? { name: 'Bob', rationale: 'backend-dev role; knows auth; 6/30h' } : !exclude.includes('Quinn') ? { name: 'Quinn', rationale: 'has the most room' } : null;
const nobody: Picker = () => null;

function setup(task: Task, pick: Picker = bobOrQuinn, now = T0) {
  const memory: MonitorMemory = emptyMemory();
  const ctx = (t: Task = task, at = now): LadderContext => ({ view: makeView({ tasks: [t], now: at }), memory, options: opts, pick });
  return { memory, ctx };
}
const chat = (actions: LeadAction[]) => actions.filter((a) => a.type === 'chat');
const cardOf = (a: LeadAction | undefined) => (a?.type === 'chat' ? a.card : undefined);
const blocked = makeTask({ id: 'T-3', status: 'blocked', title: 'Implement token validation', domain: 'auth', assignee: 'Ada' });

describe('rung 1: technical guidance', () => {
  it('answers a first blocker with steps from the knowledge base and offers to split', () => {
    const { memory, ctx } = setup(blocked);
    const actions = onBlockerReport(blocked, "I'm having trouble with token validation", ctx());
    expect(actions).toHaveLength(1);
    expect(cardOf(actions[0])).toMatchObject({ kind: 'guidance', taskId: 'T-3', topic: 'JWT and token validation', offerSplit: true });
    expect((cardOf(actions[0]) as { steps: string[] }).steps.join(' ')).toMatch(/exp|algorithm/);
    expect(memory.ladder['T-3']).toMatchObject({ rung: 1, reports: 1 });
  });

  it('picks the guidance by the words of the blocker, not only the domain', () => {
    const task = makeTask({ id: 'T-4', status: 'blocked', domain: 'api', title: 'Build the orders endpoint' });
    const { ctx } = setup(task);
    expect(cardOf(onBlockerReport(task, 'the migration deadlocks on the orders table', ctx())[0])).toMatchObject({ topic: 'Databases and migrations' });
  });
});

describe('rung 2: reassign or split when the blocker persists', () => {
  it('reassigns on a second report, telling the room (both agents and the product owner) why', () => {
    const { memory, ctx } = setup(blocked);
    onBlockerReport(blocked, 'having trouble with token validation', ctx());
    const actions = onBlockerReport(blocked, 'still stuck on the signature check', ctx());
    expect(actions[0]).toMatchObject({ type: 'task_update', taskId: 'T-3', action: 'reassign', assignee: 'Bob' });
    expect(actions[1]).toMatchObject({ type: 'chat', card: { kind: 'reassignment', from: 'Ada', to: 'Bob' } });
    expect(actions[1]!.type === 'chat' && actions[1]!.to).toBeUndefined(); // to everyone
    expect(cardOf(actions[1])).toMatchObject({ rationale: expect.stringMatching(/still blocked after guidance.*Bob: backend-dev role/) });
    expect(memory.ladder['T-3']!.rung).toBe(2);
  });

  it('climbs on its own when the task stays blocked without progress for a period', () => {
    const { ctx } = setup(blocked);
    onBlockerReport(blocked, 'having trouble with token validation', ctx());
    expect(ladderTick(ctx(blocked, T0 + 99))).toEqual([]);
    expect(ladderTick(ctx(blocked, T0 + 100))[0]).toMatchObject({ action: 'reassign', assignee: 'Bob' });
  });

  it('does not climb when the task moved again, and starts over after it has been moving for a while', () => {
    const { memory, ctx } = setup(blocked);
    onBlockerReport(blocked, 'stuck on the token refresh', ctx());
    onTaskMoved('T-3', T0 + 10, memory);
    const moving = { ...blocked, status: 'in_progress' as const };
    expect(ladderTick(ctx(moving, T0 + 500))).toEqual([]);
    const again = onBlockerReport(blocked, 'stuck on something else', ctx(blocked, T0 + 500));
    expect(cardOf(again[0])).toMatchObject({ kind: 'guidance' });
  });

  it('hands a big task over rather than splitting it when someone else can take it', () => {
    const big = { ...blocked, estimateHours: 16, points: 8 };
    const { ctx } = setup(big);
    onBlockerReport(big, 'stuck', ctx(big));
    expect(onBlockerReport(big, 'still stuck', ctx(big))[0]).toMatchObject({ action: 'reassign', assignee: 'Bob' });
  });

  it('splits a big task nobody else can take into two smaller ones, kept by the same agent', () => {
    const big = { ...blocked, estimateHours: 16, points: 8 };
    const { ctx } = setup(big, nobody);
    onBlockerReport(big, 'stuck', ctx(big));
    const actions = onBlockerReport(big, 'still stuck', ctx(big));
    expect(actions[0]).toMatchObject({ type: 'tasks_add' });
    const drafts = actions[0]!.type === 'tasks_add' ? actions[0]!.tasks : [];
    expect(drafts.map((d) => [d.estimateHours, d.assignee])).toEqual([[8, 'Ada'], [8, 'Ada']]);
  });

  it('splits when the agent says the task is too big', () => {
    const big = { ...blocked, estimateHours: 16, points: 8 };
    const { ctx } = setup(big);
    onBlockerReport(big, 'stuck', ctx(big));
    const actions = onBlockerReport(big, 'this is too big to finish, can we split it?', ctx(big));
    expect(actions[0]).toMatchObject({ type: 'tasks_add', sprintId: 'S-1' });
    const drafts = actions[0]!.type === 'tasks_add' ? actions[0]!.tasks : [];
    expect(drafts.map((d) => [d.estimateHours, d.assignee])).toEqual([[8, 'Ada'], [8, 'Bob']]);
    expect(drafts[0]!.rationale).toMatch(/^Split from T-3/);
    expect(actions[1]).toMatchObject({ type: 'task_update', taskId: 'T-3', action: 'cancel' });
  });
});

describe('rung 3: escalation to the product owner', () => {
  it('escalates when nobody else can take the task', () => {
    const { memory, ctx } = setup(blocked, nobody);
    onBlockerReport(blocked, 'stuck on token validation', ctx());
    const actions = onBlockerReport(blocked, 'still stuck', ctx());
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'escalate', taskId: 'T-3', reason: expect.stringMatching(/nobody else/) });
    expect(memory.ladder['T-3']!.rung).toBe(3);
    expect(onBlockerReport(blocked, 'still stuck!', ctx())).toEqual([]); // waits for the decision
  });

  it('escalates after a reassignment that did not help', () => {
    const { ctx } = setup(blocked);
    onBlockerReport(blocked, 'stuck', ctx());
    onBlockerReport(blocked, 'stuck', ctx());
    expect(onBlockerReport({ ...blocked, assignee: 'Bob' }, 'stuck too', ctx())[0]).toMatchObject({ type: 'escalate' });
  });

  it('sends a business blocker straight to the product owner with concrete options', () => {
    const { ctx } = setup(blocked);
    const actions = onBlockerReport(blocked, 'Should we scale to multiple regions or buy a bigger database?', ctx());
    expect(actions).toHaveLength(1);
    const e = actions[0]!;
    expect(e).toMatchObject({ type: 'escalate', taskId: 'T-3', blocker: expect.stringMatching(/multiple regions/), reason: expect.stringMatching(/product decision \(infrastructure\)/) });
    if (e.type !== 'escalate') throw new Error('not an escalation');
    expect(e.options.length).toBeGreaterThanOrEqual(2);
    expect(e.options.length).toBeLessThanOrEqual(4);
    // The options come from the situation: the two choices the blocker names, then cutting scope (issue 12).
    expect(e.options.map((o) => o.effect)).toEqual(['note', 'note', 'defer']);
    expect(e.options.map((o) => o.label)).toEqual([
      expect.stringMatching(/^Scale to multiple regions — about \+2h, fits the sprint/),
      expect.stringMatching(/^Buy a bigger database — about \+2h, fits the sprint/),
      expect.stringMatching(/^Cut scope: move "Implement token validation" to a later sprint — frees 4h/),
    ]);
    expect(e.impact).toMatch(/T-3.*Ada is waiting/);
  });
});

describe('the product owner decides', () => {
  const escalation = makeEscalation({
    taskId: 'T-3',
    title: 'T-3: decision needed',
    blocker: 'multiple regions?',
    options: [
      { key: 'A', label: 'Keep it simple', effect: 'note' },
      { key: 'B', label: 'Raise priority', effect: 'priority:high' },
      { key: 'C', label: 'Defer', effect: 'defer' },
      { key: 'D', label: 'Drop', effect: 'drop' },
      { key: 'E', label: 'Someone else', effect: 'reassign' },
    ],
    status: 'answered',
  });
  const decided = (option: string | null, text = 'because'): DecisionEvent => ({
    type: 'decision',
    seq: 9,
    ts: T0,
    escalation,
    decision: { id: 'D-1', escalationId: 'E-1', option, text, by: 'Paula', createdAt: T0 },
  });
  const view: LeadView = makeView({ tasks: [blocked] });
  const frames = (actions: LeadAction[]) => actions.filter((a) => a.type === 'task_update').map((a) => (a.type === 'task_update' ? [a.action, a.assignee ?? a.fields?.priority ?? null] : []));

  it('announces every decision in chat', () => {
    expect(chat(applyDecision(decided('A', 'Keep it simple'), view, bobOrQuinn))[0]).toMatchObject({ text: expect.stringMatching(/Paula decided on E-1: Keep it simple/) });
  });

  it('applies each effect to the task', () => {
    expect(frames(applyDecision(decided('A'), view, bobOrQuinn))).toEqual([['note', null], ['unblock', null]]);
    expect(frames(applyDecision(decided('B'), view, bobOrQuinn))).toEqual([['update', 'high'], ['note', null], ['unblock', null]]);
    expect(frames(applyDecision(decided('C'), view, bobOrQuinn))).toEqual([['cancel', null]]);
    expect(frames(applyDecision(decided('D'), view, bobOrQuinn))).toEqual([['cancel', null]]);
    expect(frames(applyDecision(decided('E'), view, bobOrQuinn))).toEqual([['reassign', 'Bob']]);
    expect(frames(applyDecision(decided(null, 'use one region'), view, bobOrQuinn))).toEqual([['note', null], ['unblock', null]]);
  });

  it('leaves a finished task alone', () => {
    expect(frames(applyDecision(decided('D'), makeView({ tasks: [{ ...blocked, status: 'done' }] }), bobOrQuinn))).toEqual([]);
  });
});

describe('failures', () => {
  const failed = { ...blocked, status: 'failed' as const };
  it('retries with another agent, then escalates after three failures', () => {
    const memory = emptyMemory();
    const everyone: Picker = (_t, _v, exclude) => ({ name: ['Bob', 'Quinn', 'Cy', 'Dee'].find((n) => !exclude.includes(n))!, rationale: 'free' });
    const ctx: LadderContext = { view: makeView({ tasks: [failed] }), memory, options: opts, pick: everyone };
    expect(onTaskFailed(failed, 'tests fail', 'Ada', ctx)[0]).toMatchObject({ action: 'reassign', assignee: 'Bob' });
    expect(onTaskFailed({ ...failed, assignee: 'Bob' }, 'tests fail', 'Bob', ctx)[0]).toMatchObject({ action: 'reassign', assignee: 'Quinn' });
    const third = onTaskFailed({ ...failed, assignee: 'Quinn' }, 'still failing', 'Quinn', ctx);
    expect(third).toHaveLength(1);
    expect(third[0]).toMatchObject({ type: 'escalate', taskId: 'T-3', reason: expect.stringMatching(/failed 3 times/) });
    expect(memory.failures['T-3']).toEqual({ count: 3, agents: ['Ada', 'Bob', 'Quinn'] });
  });

  it('escalates at once when nobody else can retry it', () => {
    const ctx: LadderContext = { view: makeView({ tasks: [failed] }), memory: emptyMemory(), options: opts, pick: nobody };
    expect(onTaskFailed(failed, 'broken', 'Ada', ctx)[0]).toMatchObject({ type: 'escalate' });
  });
});
