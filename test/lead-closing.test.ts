/**
 * The lead's side of a sprint's end, as pure behaviours: the report once per closed or completed sprint
 * (also after a restart), the close when the sprint's time is up, the room's `status` and `report`, and a
 * sprint the hub refused because its ids were taken, shown again under new ones.
 */
import { describe, expect, it } from 'vitest';
import { HuddleError } from '../collaboration-server/errors.js';
import type { HubEvent, Sprint } from '../collaboration-server/protocol.js';
import { applyEvent, type LeadAction } from '../orchestrator/lead-view.js';
import { createPlanningBehaviour } from '../orchestrator/planning/behaviour.js';
import { createSprintClosingBehaviour } from '../orchestrator/sprint-closing.js';
import { createStatusBehaviour } from '../orchestrator/status-answers.js';
import { DAY, HOUR, T0, makeSprint, makeTask, makeView, message, taskEvent } from './helpers/monitor-fixtures.js';
import { MONDAY, SEED, seedView } from './helpers/planning-team.js';

const chats = (actions: LeadAction[]) => actions.filter((a): a is Extract<LeadAction, { type: 'chat' }> => a.type === 'chat');
let seq = 1000;
const sprintEvent = (sprint: Sprint, tasks: ReturnType<typeof makeTask>[]): HubEvent => ({ type: 'sprint', seq: ++seq, ts: sprint.closedAt ?? T0, by: 'Lead', sprint, tasks });

describe('the end of a sprint', () => {
  const t1 = makeTask({ id: 'T-1', status: 'done', assignee: 'Ada', completedAt: T0 + HOUR, points: 3 });
  const t2 = makeTask({ id: 'T-2', status: 'in_progress', assignee: 'Bob', points: 5, percent: 40 });
  const events = [taskEvent(t2, { action: 'block', from: 'in_progress', to: 'blocked' }, T0 + HOUR), taskEvent(t2, { action: 'unblock', from: 'blocked', to: 'in_progress' }, T0 + 1.5 * HOUR)];

  it('posts the report of a closed sprint once, with its unfinished work, and again after a restart only if it was never saved', () => {
    const closing = createSprintClosingBehaviour();
    const closed = makeSprint({ status: 'closed', closedAt: T0 + DAY });
    const view = applyEvent(makeView({ tasks: [t1, t2], taskEvents: events }), sprintEvent(closed, [t1, t2]));
    const actions = closing.onEvent(sprintEvent(closed, [t1, t2]), view);
    const [report] = chats(actions);
    expect(report).toMatchObject({ card: { kind: 'sprint_report', status: 'closed', tasksDone: 1, tasksTotal: 2, completionPercent: 50, unfinished: ['T-2'], blockers: { count: 1, meanHoursToUnblock: 0.5 } } });
    expect(report!.text).toMatch(/^Sprint "Sprint 1" is closed: 1\/2 tasks done \(50%\)/);
    expect(report!.text).toContain('Unfinished, to the backlog and the next plan: T-2 (40%, Bob).');
    const memory = actions.find((a) => a.type === 'state_put');
    expect(memory).toMatchObject({ key: 'closing', value: { reported: [closed.id] } });
    expect(closing.onTick!(view)).toEqual([]);

    const restarted = createSprintClosingBehaviour();
    restarted.restore!(memory!.type === 'state_put' ? memory!.value : null);
    expect(restarted.onTick!(view)).toEqual([]);
    const forgot = createSprintClosingBehaviour();
    // the same frame as the first report, so the hub, which applies a frame id once, shows it once
    expect(chats(forgot.onTick!(view))).toEqual([expect.objectContaining({ card: report!.card, once: `report:${closed.id}` })]);
    expect(report!.once).toBe(`report:${closed.id}`);
  });

  it('reports a completed sprint, and closes a sprint whose time is up, once', () => {
    const closing = createSprintClosingBehaviour();
    const done = makeSprint({ status: 'completed', closedAt: T0 + HOUR });
    expect(chats(closing.onEvent(sprintEvent(done, [t1]), makeView({ sprint: done, tasks: [t1] })))[0]).toMatchObject({ card: { status: 'completed', completionPercent: 100 } });
    const over = makeView({ sprint: makeSprint({ id: 'S-2', endsAt: T0 + DAY }), tasks: [t2], now: T0 + DAY + 1 });
    const actions = closing.onTick!(over);
    expect(actions.filter((a) => a.type === 'sprint_close')).toEqual([{ type: 'sprint_close', sprintId: 'S-2' }]);
    expect(chats(actions)[0]!.text).toMatch(/ended at .*I am closing it/);
    expect(closing.onTick!(over).filter((a) => a.type === 'sprint_close')).toEqual([]);
    expect(closing.onTick!(makeView({ sprint: makeSprint({ id: 'S-3', endsAt: T0 + DAY }), now: T0 + DAY - 1 }))).toEqual([]);
  });

  it('answers status and report in the room, to whoever asked, with the same figures as huddle status', () => {
    const status = createStatusBehaviour();
    const view = makeView({ tasks: [t1, t2], taskEvents: events, now: T0 + DAY });
    const [answer] = chats(status.onEvent(message('Quinn', 'qa', 'status'), view));
    expect(answer).toMatchObject({ to: { kind: 'participant', name: 'Quinn' } });
    expect(answer!.text).toMatch(/^# Sprint 1 \(working day \d of 5\): 1\/2 tasks done .* 50%\npoints 3\/8 · hours 4\/8/);
    const [report] = chats(status.onEvent(message('Paula', 'human', 'report'), view));
    expect(report).toMatchObject({ to: { kind: 'participant', name: 'Paula' }, card: { kind: 'sprint_report', tasksDone: 1, tasksTotal: 2 } });
    expect(status.onEvent(message('Quinn', 'qa', 'the status page is down'), view)).toEqual([]);
    expect(chats(status.onEvent(message('Quinn', 'qa', 'status'), makeView({ sprint: null })))[0]!.text).toMatch(/No sprint yet/);
  });
});

describe('a sprint the hub refused', () => {
  it('goes back to the product owner under the next free ids, with the running plan kept', () => {
    const b = createPlanningBehaviour();
    let view = seedView();
    const say = (text: string): HubEvent => ({ type: 'message', seq: ++seq, ts: MONDAY, from: { id: 'p-po', name: 'Product Owner', role: 'human' }, to: { kind: 'all' }, text });
    b.onEvent(say('plan sprint'), view);
    b.onEvent(say(SEED), view);
    const create = b.onEvent(say('approve'), view).find((a) => a.type === 'sprint_create')!;
    expect(create.type === 'sprint_create' && create.tasks[0]!.id).toBe('T-1');
    // meanwhile another plan made T-1…T-3: the lead sees its sprint, then the refusal
    const other = makeSprint({ id: 'S-9', number: 1, name: 'Another plan' });
    view = applyEvent(view, sprintEvent(other, [1, 2, 3].map((n) => makeTask({ id: `T-${n}`, sprintId: 'S-9', status: 'pending' }))));
    const again = b.onRefused!(create, new HuddleError('CONFLICT', 'T-1, T-2, T-3 are already taken'), view);
    expect(chats(again).at(-1)!.text).toMatch(/The hub did not create Sprint 1 · .*: T-1, T-2, T-3 are already taken .*The new tasks now start at T-4.*\n[\s\S]*approve` again/);
    expect(b.state()).toMatchObject({ phase: 'proposed', firstTaskNumber: 4, active: null });
    const retry = b.onEvent(say('approve'), view).find((a) => a.type === 'sprint_create');
    expect(retry?.type === 'sprint_create' && retry.tasks.map((t) => t.id).slice(0, 2)).toEqual(['T-4', 'T-5']);
    expect(retry?.type === 'sprint_create' && retry.sprint.name).toMatch(/^Sprint 2 · /);
    expect(retry?.type === 'sprint_create' && retry.carry!.map((c) => c.taskId)).toEqual(['T-1', 'T-2', 'T-3']);
  });
});
