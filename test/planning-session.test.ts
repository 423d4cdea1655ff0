import { describe, expect, it } from 'vitest';
import { handleMessage } from '../orchestrator/planning/session.js';
import { initialPlanningState, restoreState, type PlanningState } from '../orchestrator/planning/state.js';
import { MONDAY, SEED, seedView } from './helpers/planning-team.js';

const view = seedView();
function talk(...messages: string[]) {
  let state = initialPlanningState();
  let last = handleMessage(state, messages[0]!, view);
  state = last.state;
  for (const m of messages.slice(1)) {
    last = handleMessage(state, m, view);
    state = last.state;
  }
  return last;
}
const breakdownOf = (r: ReturnType<typeof talk>) => {
  const card = r.replies.at(-1)!.card;
  if (card?.kind !== 'breakdown') throw new Error(`expected a breakdown card, got ${card?.kind}: ${r.replies.at(-1)?.text}`);
  return card;
};

describe('the planning conversation', () => {
  it('ignores ordinary chat until someone says plan sprint', () => {
    expect(handleMessage(initialPlanningState(), 'good morning', view).replies).toEqual([]);
    expect(handleMessage(initialPlanningState(), 'plan the release party', view).replies).toEqual([]);
  });

  it('opens with a capacity card and asks for objectives', () => {
    const r = talk('plan sprint');
    expect(r.state.phase).toBe('objectives');
    expect(r.replies[0]!.card).toMatchObject({ kind: 'capacity', days: 14, totalHours: 160, agents: [{ name: 'Backend Developer' }, { name: 'CTO' }, { name: 'QA Engineer' }] });
    expect(r.replies[0]!.text).toMatch(/team of 3/);
    expect(r.replies[0]!.text).toMatch(/objectives/);
  });

  it('takes --days and refuses a bad one with a next step', () => {
    expect(talk('/plan --days 7').replies[0]!.card).toMatchObject({ kind: 'capacity', days: 7, endsAt: MONDAY + 7 * 86_400_000 });
    const bad = talk('plan sprint --days lots');
    expect(bad.state.phase).toBe('idle');
    expect(bad.replies[0]!.text).toMatch(/--days takes a whole number.*plan sprint --days 10/);
  });

  it('answers objectives with the analysis and the breakdown', () => {
    const r = talk('plan sprint', SEED);
    expect(r.state.phase).toBe('proposed');
    expect(r.replies.map((x) => x.card?.kind)).toEqual(['objectives', 'breakdown']);
    expect(r.replies[0]!.text).toMatch(/1\. Implement user authentication for our API — HIGH/);
    const card = breakdownOf(r);
    expect(card.fits).toBe(true);
    expect(r.replies[1]!.text).toMatch(/T-1 \[stage 1, due \w{3} \d+ \w{3} \d\d:\d\d\] Design user authentication/);
    expect(r.replies[1]!.text).toMatch(/approve · assign T-3 to NAME/);
  });

  it('accepts objectives prefixed with chat', () => {
    expect(talk('plan sprint', 'chat add real-time notifications').state.objectives).toEqual(['add real-time notifications']);
  });

  it('assign T-n to NAME moves a task and says so', () => {
    const r = talk('plan sprint', SEED, 'assign T-2 to qa engineer');
    expect(breakdownOf(r).tasks.find((t) => t.key === 'T-2')).toMatchObject({ assignee: 'QA Engineer', rationale: expect.stringMatching(/product owner/) });
    expect(r.replies[0]!.text).toMatch(/^T-2 goes to QA Engineer/);
    const unknown = talk('plan sprint', SEED, 'assign T-2 to Zed');
    expect(unknown.replies[0]!.text).toMatch(/Zed is not on the team.*Backend Developer, CTO, QA Engineer/);
    expect(talk('plan sprint', SEED, 'assign T-99 to CTO').replies[0]!.text).toMatch(/no T-99/);
  });

  it('drop removes a task and the dependencies on it, keeping the other keys', () => {
    const r = talk('plan sprint', SEED, 'drop T-4');
    const card = breakdownOf(r);
    expect(card.tasks.map((t) => t.key)).not.toContain('T-4');
    expect(card.tasks.map((t) => t.key)).toContain('T-5');
    const again = talk('plan sprint', SEED, 'drop T-1', 'drop T-1');
    expect(again.replies[0]!.text).toMatch(/no T-1/);
    expect(breakdownOf(talk('plan sprint', SEED, 'drop T-1')).tasks.find((t) => t.key === 'T-2')!.dependsOn).toEqual([]);
  });

  it('add appends an objective with new keys and shows both cards', () => {
    const before = breakdownOf(talk('plan sprint', SEED));
    const r = talk('plan sprint', SEED, 'add document the public API');
    expect(r.replies.map((x) => x.card?.kind)).toEqual(['objectives', 'breakdown']);
    const after = breakdownOf(r);
    expect(after.tasks.slice(0, before.tasks.length).map((t) => t.key + t.title)).toEqual(before.tasks.map((t) => t.key + t.title));
    expect(after.tasks.length).toBeGreaterThan(before.tasks.length);
  });

  it('estimate changes a task’s hours and re-checks capacity', () => {
    const r = talk('plan sprint', SEED, 'estimate T-2 200h');
    const card = breakdownOf(r);
    expect(card.tasks.find((t) => t.key === 'T-2')!.hours).toBe(200);
    expect(card.fits).toBe(false);
    expect(card.cuts.length).toBeGreaterThan(0);
    expect(r.replies[0]!.text).toMatch(/does NOT fit/);
    expect(talk('plan sprint', SEED, 'estimate T-2 lots').replies[0]!.text).toMatch(/not a number of hours/);
  });

  it('strategy switches how tasks are assigned', () => {
    expect(breakdownOf(talk('plan sprint', SEED, 'strategy balanced')).strategy).toBe('balanced');
    expect(talk('plan sprint', SEED, 'strategy random').replies[0]!.text).toMatch(/pick one of expertise, balanced, deadline/);
  });

  it('answers an unknown command with what works', () => {
    const r = talk('plan sprint', SEED, 'make it faster please');
    expect(r.replies[0]!.text).toMatch(/did not understand[\s\S]*approve[\s\S]*assign T-3 to NAME[\s\S]*cancel/);
    expect(r.state.phase).toBe('proposed');
  });

  it('cancel drops the session and commits nothing', () => {
    const r = talk('plan sprint', SEED, 'cancel');
    expect(r.state.phase).toBe('idle');
    expect(r.approved).toBeUndefined();
    expect(r.replies[0]!.text).toMatch(/cancelled/);
  });

  it('approve turns the proposal into an active plan with keys, dependencies and planned assignees', () => {
    const r = talk('plan sprint', SEED, 'approve');
    expect(r.state.phase).toBe('idle');
    expect(r.approved).toBeDefined();
    const plan = r.approved!;
    expect(plan.drafts.length).toBe(10);
    expect(plan.drafts[1]).toMatchObject({ key: 'T-2', dependsOn: ['T-1'], assignee: null });
    expect(plan.assignees['T-1']).toBe('CTO');
    expect(plan.assignees['T-2']).toBe('Backend Developer');
    expect(r.state.active).toEqual(plan);
    expect(r.replies[0]!.text).toMatch(/^Approved: Sprint 1 · 2026-01-05 → 2026-01-19: 10 new task\(s\) T-1…T-10, /);
    expect(plan.drafts.map((d) => d.id)).toEqual(plan.drafts.map((d) => d.key));
  });

  it('does not approve before there is a plan', () => {
    const r = talk('plan sprint', 'approve');
    expect(r.state.phase).toBe('objectives');
    expect(r.replies[0]!.text).toMatch(/no plan yet/);
  });

  it('survives a round trip through JSON', () => {
    const mid = talk('plan sprint', SEED, 'drop T-4').state;
    const restored: PlanningState = restoreState(JSON.parse(JSON.stringify(mid)));
    expect(handleMessage(restored, 'approve', view).approved!.drafts.map((d) => d.key)).not.toContain('T-4');
    expect(restoreState({ junk: true })).toEqual(initialPlanningState());
  });
});
