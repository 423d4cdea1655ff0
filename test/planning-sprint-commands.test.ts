/** What the product owner says to the lead while a sprint runs: the table in sprint-commands.ts, driven through the session. */
import { describe, expect, it } from 'vitest';
import { handleMessage } from '../orchestrator/planning/session.js';
import { initialPlanningState, type PlanningState } from '../orchestrator/planning/state.js';
import { makeSprint, makeTask } from './helpers/monitor-fixtures.js';
import { MONDAY, seedView } from './helpers/planning-team.js';

const sprint = makeSprint({ id: 'S-1', name: 'Sprint 1 · login', startsAt: MONDAY, endsAt: MONDAY + 10 * 86_400_000 });
const tasks = [
  makeTask({ id: 'T-1', sprintId: 'S-1', title: 'Design login', status: 'done', assignee: 'CTO', role: 'cto' }),
  makeTask({ id: 'T-2', sprintId: 'S-1', title: 'Build login', status: 'in_progress', percent: 40, assignee: 'Backend Developer' }),
  makeTask({ id: 'T-3', sprintId: 'S-1', title: 'Test login', status: 'pending', assignee: null, role: 'qa' }),
];
const view = seedView({ sprint, tasks, backlog: [] });
const say = (state: PlanningState, text: string) => handleMessage(state, text, view);

describe('while a sprint runs', () => {
  it('asks to close it first when planning, naming its open work; yes closes it and plans with the work carried over', () => {
    const asked = say(initialPlanningState(), 'plan sprint');
    expect(asked.state).toMatchObject({ phase: 'idle', pendingPlan: '' });
    expect(asked.replies[0]!.text).toMatch(/Sprint 1 · login is still running .*, with 2 of 3 tasks open:\n {2}T-2 in progress 40% — Build login → Backend Developer\n {2}T-3 pending 0% — Test login → unassigned\nClose it first\?/);
    const yes = say(asked.state, 'yes');
    expect(yes.actions).toEqual([{ type: 'sprint_close', sprintId: 'S-1' }]);
    expect(yes.state).toMatchObject({ phase: 'proposed', pendingPlan: null, firstTaskNumber: 4 });
    const breakdown = yes.replies.find((r) => r.card?.kind === 'breakdown')!;
    expect(breakdown.card?.kind === 'breakdown' && breakdown.card.tasks.map((t) => [t.key, t.carriedPercent, t.assignee])).toEqual([['T-2', 40, 'Backend Developer'], ['T-3', 0, 'QA Engineer']]);
    expect(yes.replies.find((r) => r.card?.kind === 'capacity')!.text).toMatch(/Booked first: 2 task\(s\) carried over, 6.5h left \(T-2 2\.5h → Backend Developer, T-3 4h → QA Engineer\)/);
  });

  it('plans alongside on no, without closing anything', () => {
    const no = say(say(initialPlanningState(), 'plan sprint').state, 'no');
    expect(no.actions ?? []).toEqual([]);
    expect(no.state.phase).toBe('proposed');
  });

  it('closes the sprint, gives a task to someone, and stays quiet on a yes nobody asked for', () => {
    expect(say(initialPlanningState(), 'close sprint').actions).toEqual([{ type: 'sprint_close', sprintId: 'S-1' }]);
    expect(say(initialPlanningState(), 'assign T-2 to QA Engineer').actions).toEqual([{ type: 'task_update', taskId: 'T-2', action: 'reassign', assignee: 'QA Engineer', note: 'chosen by the product owner' }]);
    expect(say(initialPlanningState(), 'assign T-3 to QA Engineer').actions?.[0]).toMatchObject({ action: 'assign' });
    expect(say(initialPlanningState(), 'assign T-1 to QA Engineer').replies[0]!.text).toMatch(/T-1 is not an open task/);
    expect(say(initialPlanningState(), 'yes')).toEqual({ state: initialPlanningState(), replies: [] });
    expect(say(initialPlanningState(), 'hello team')).toEqual({ state: initialPlanningState(), replies: [] });
  });

  it('never reads status or report as planning input', () => {
    const planning = say(say(initialPlanningState(), 'plan sprint').state, 'no').state;
    expect(say(planning, 'status').replies).toEqual([]);
    expect(say({ ...planning, phase: 'objectives' }, 'report').state.objectives).toEqual([]);
  });
});
