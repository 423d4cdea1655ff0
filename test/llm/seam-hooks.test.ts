/**
 * The hooks that let a behaviour wait for a slower brain (advisor.ts `thinking`), with plain data: the
 * planning session says it is thinking and shows the plan once the advisor has it; the monitor holds
 * a chat line or a blocker report and handles it on a later tick; a quiet task's check waits too.
 * An advisor without `thinking` (the offline engine) never makes anything wait.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { Advisor, JudgementInput } from '../../orchestrator/advisor/advisor.js';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { DEFAULT_LIMITS } from '../../orchestrator/advisor/llm/config.js';
import { LlmAdvisor } from '../../orchestrator/advisor/llm/llm-advisor.js';
import { applyEvent } from '../../orchestrator/lead-view.js';
import { createMonitorBehaviour } from '../../orchestrator/monitoring/behaviour.js';
import type { Picker } from '../../orchestrator/monitoring/picker.js';
import { handleMessage, resumeProposal } from '../../orchestrator/planning/session.js';
import { initialPlanningState } from '../../orchestrator/planning/state.js';
import { scriptedModel } from '../helpers/llm-mock.js';
import { SEED_LINE, SEED_PLAN, SEED_PLAN_TEXT } from '../helpers/llm-recordings.js';
import { T0, makeTask, makeView, message, taskEvent } from '../helpers/monitor-fixtures.js';
import { seedView } from '../helpers/planning-team.js';

/** The offline advisor, thinking about the calls `busy` says it is. */
function slowAdvisor(busy: (about: JudgementInput) => boolean): Advisor {
  return { ...offlineAdvisor, name: 'slow', thinking: busy };
}
const nobody: Picker = () => null;

describe('the planning session with an advisor that thinks', () => {
  it('says it is thinking, asks commands to wait, and shows the plan once the advisor has it', () => {
    let busy = true;
    const advisor = slowAdvisor((a) => busy && a.call === 'analyseObjectives');
    const view = seedView();
    let state = handleMessage(initialPlanningState(), 'plan sprint', view, advisor).state;
    const thinking = handleMessage(state, SEED_LINE, view, advisor);
    expect(thinking.replies.map((r) => r.text)).toEqual(['Thinking about this with slow; the plan follows in a moment.']);
    state = thinking.state;
    expect(handleMessage(state, 'approve', view, advisor)).toMatchObject({ replies: [{ text: 'I am still thinking about the plan; it follows in a moment (`cancel` starts over).' }] });
    expect(handleMessage(state, 'approve', view, advisor).approved).toBeUndefined();
    expect(resumeProposal(state, view, advisor)).toBeNull();

    busy = false;
    const shown = resumeProposal(state, view, advisor)!;
    expect(shown.replies.map((r) => r.card?.kind)).toEqual(['objectives', 'breakdown']);
    expect(shown.state.waiting).toBeUndefined();
    expect(resumeProposal(shown.state, view, advisor)).toBeNull();
    expect(handleMessage(shown.state, 'approve', view, advisor).approved).toBeDefined();
  });

  it('shows the model’s plan at once when the advisor was awaited first (how huddle plan --llm runs without a lead)', async () => {
    const advisor = new LlmAdvisor({ config: { provider: 'openai-compatible', model: 'test', label: 'mock:test', chat: 'unsure', limits: DEFAULT_LIMITS }, model: scriptedModel([SEED_PLAN_TEXT]), roles: BUILT_IN_ROLES });
    advisor.observe(seedView());
    const state = handleMessage(initialPlanningState(), 'plan sprint', seedView(), advisor).state;
    expect(await advisor.waitFor({ call: 'analyseObjectives', input: [[SEED_LINE], state.history] })).toEqual([]);
    const shown = handleMessage(state, SEED_LINE, seedView(), advisor);
    const breakdown = shown.replies.find((r) => r.card?.kind === 'breakdown');
    expect(breakdown?.card?.kind === 'breakdown' && breakdown.card.tasks.map((t) => t.title)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
  });

  it('shows the offline plan at once after waiting for a model that failed, and hands over the reason to print', async () => {
    const advisor = new LlmAdvisor({ config: { provider: 'openai-compatible', model: 'test', label: 'mock:test', chat: 'unsure', limits: DEFAULT_LIMITS }, model: scriptedModel(['no']), roles: BUILT_IN_ROLES });
    advisor.observe(seedView());
    const state = handleMessage(initialPlanningState(), 'plan sprint', seedView(), advisor).state;
    const notices = await advisor.waitFor({ call: 'analyseObjectives', input: [[SEED_LINE], state.history] });
    expect(notices.map((n) => n.text)).toEqual(["The model's plan was not JSON; this is the offline plan."]);
    const shown = handleMessage(state, SEED_LINE, seedView(), advisor);
    expect(shown.replies.map((r) => r.card?.kind)).toEqual(['objectives', 'breakdown']);
  });
});

describe('the monitor with an advisor that thinks', () => {
  it('holds a chat line until the reading is in, then acts on it', () => {
    let busy = true;
    const advisor = slowAdvisor((a) => busy && a.call === 'readChat');
    const reading: Advisor = { ...offlineAdvisor, readChat: (text) => ({ ...offlineAdvisor.readChat(text), reading: 'blocker', confidence: 0.9, kind: 'technical', heard: '502' }) };
    const monitor = createMonitorBehaviour({}, nobody, { ...reading, name: 'slow', thinking: advisor.thinking! });
    const view = makeView({ tasks: [makeTask({ id: 'T-3', assignee: 'Ada' })] });
    expect(monitor.onEvent(message('Ada', 'backend-dev', 'preview answers 502'), view)).toEqual([expect.objectContaining({ type: 'state_put' })]);
    expect(monitor.memory().held).toHaveLength(1);
    expect(monitor.onTick!(view).filter((a) => a.type === 'task_update')).toEqual([]);
    busy = false;
    expect(monitor.onTick!(view)).toContainEqual(expect.objectContaining({ type: 'task_update', taskId: 'T-3', action: 'block', note: 'Ada said: "preview answers 502"' }));
    expect(monitor.memory().held).toEqual([]);
  });

  it('holds a blocker report until the advice is in, then guides; a task unblocked meanwhile is let go', () => {
    let busy = true;
    const monitor = createMonitorBehaviour({}, nobody, slowAdvisor((a) => busy && a.call === 'guidance'));
    const blocked = makeTask({ id: 'T-3', assignee: 'Ada', status: 'blocked' });
    const event = taskEvent(blocked, { action: 'block', from: 'in_progress', to: 'blocked', note: 'the signature check rejects every token' });
    const view = applyEvent(makeView({ tasks: [makeTask({ id: 'T-3', assignee: 'Ada' })] }), event);
    expect(monitor.onEvent(event, view).filter((a) => a.type === 'chat')).toEqual([]);
    busy = false;
    expect(monitor.onTick!(view)).toContainEqual(expect.objectContaining({ type: 'chat', card: expect.objectContaining({ kind: 'guidance', taskId: 'T-3' }) }));

    busy = true;
    const again = createMonitorBehaviour({}, nobody, slowAdvisor((a) => busy && a.call === 'guidance'));
    again.onEvent(event, view);
    busy = false;
    const moving = makeView({ tasks: [{ ...blocked, status: 'in_progress' }] });
    expect(again.onTick!(moving).filter((a) => a.type === 'chat')).toEqual([]);
    expect(again.memory().held).toEqual([]);
  });

  it('waits with a quiet task’s check until the judgement is in, without marking it said', () => {
    let busy = true;
    const monitor = createMonitorBehaviour({}, nobody, slowAdvisor((a) => busy && a.call === 'judgeQuietTask'));
    const view = makeView({ tasks: [makeTask({ id: 'T-1', status: 'in_progress', updatedAt: T0 })], now: T0 + 10 * 60 * 60_000 });
    expect(monitor.onTick!(view).filter((a) => a.type === 'chat')).toEqual([]);
    busy = false;
    expect(monitor.onTick!(view)).toContainEqual(expect.objectContaining({ type: 'chat', card: expect.objectContaining({ kind: 'progress_check', taskId: 'T-1' }) }));
  });

  it('never waits with the offline engine', () => {
    expect(offlineAdvisor.thinking).toBeUndefined();
    const monitor = createMonitorBehaviour({}, nobody, offlineAdvisor);
    monitor.onEvent(message('Ada', 'backend-dev', 'I am stuck on the token validation'), makeView({ tasks: [makeTask({ id: 'T-3', assignee: 'Ada' })] }));
    expect(monitor.memory().held).toEqual([]);
  });
});
