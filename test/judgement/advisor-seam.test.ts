/**
 * The advisor seam: the lead's behaviours judge through the advisor they are given, not through the
 * engines directly, so another brain (issue 13) can stand in front of the offline one.
 */
import { describe, expect, it } from 'vitest';
import type { Advisor } from '../../orchestrator/advisor/advisor.js';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { applyEvent } from '../../orchestrator/lead-view.js';
import { createMonitorBehaviour } from '../../orchestrator/monitoring/behaviour.js';
import type { Picker } from '../../orchestrator/monitoring/picker.js';
import { createPlanningBehaviour } from '../../orchestrator/planning/behaviour.js';
import { T0, makeTask, makeView, message, taskEvent } from '../helpers/monitor-fixtures.js';
import { seedView } from '../helpers/planning-team.js';

/** The offline advisor with some answers replaced. */
const advisorWith = (over: Partial<Advisor>): Advisor => ({ ...offlineAdvisor, name: 'test', ...over });
const nobody: Picker = () => null;

describe('the advisor seam', () => {
  it('plans with the advisor’s breakdown', () => {
    const advisor = advisorWith({
      breakDown: (objectives) => offlineAdvisor.breakDown(objectives).map((t) => ({ ...t, title: `Advised: ${t.title}` })),
    });
    const planning = createPlanningBehaviour(advisor);
    const po = { id: 'p-po', name: 'Product Owner', role: 'human' };
    const say = (text: string) => ({ type: 'message' as const, seq: 1, ts: T0, from: po, to: { kind: 'all' as const }, text });
    planning.onEvent(say('plan sprint'), seedView());
    const actions = planning.onEvent(say('add a settings page'), seedView());
    const breakdown = actions.find((a) => a.type === 'chat' && a.card?.kind === 'breakdown');
    expect(breakdown?.type === 'chat' && breakdown.card?.kind === 'breakdown' && breakdown.card.tasks.every((t) => t.title.startsWith('Advised: '))).toBe(true);
  });

  it('reads chat, guides and escalates with the advisor’s answers', () => {
    const advisor = advisorWith({
      readChat: (text) => ({ reading: text.includes('banana') ? 'blocker' : 'none', confidence: 0.9, kind: 'technical', category: 'stuck', heard: 'banana', about: 'self' }),
      guidance: () => ({ topic: 'Bananas', domains: [], keywords: [], steps: ['Peel it.'] }),
    });
    const monitor = createMonitorBehaviour({}, nobody, advisor);
    const task = makeTask({ id: 'T-3', assignee: 'Ada' });
    const view = makeView({ tasks: [task] });
    const said = monitor.onEvent(message('Ada', 'backend-dev', 'banana'), view);
    expect(said[0]).toMatchObject({ type: 'task_update', taskId: 'T-3', action: 'block' });
    expect(createMonitorBehaviour({}, nobody, offlineAdvisor).onEvent(message('Ada', 'backend-dev', 'banana'), view)).toEqual([]);

    const blocked = { ...task, status: 'blocked' as const };
    const event = taskEvent(blocked, { action: 'block', from: 'in_progress', to: 'blocked', note: 'banana' });
    const guided = monitor.onEvent(event, applyEvent(view, event));
    expect(guided[0]).toMatchObject({ type: 'chat', card: { kind: 'guidance', topic: 'Bananas', steps: ['Peel it.'] } });
  });

  it('asks about a quiet task only what the advisor says, and not at all when it says no', () => {
    const quiet = makeTask({ id: 'T-1', status: 'in_progress', updatedAt: T0 });
    const at = makeView({ tasks: [quiet], now: T0 + 10 * 60 * 60_000 });
    const asking = createMonitorBehaviour({}, nobody, advisorWith({ judgeQuietTask: () => ({ check: true, questions: ['Is the oven on?'] }) }));
    expect(asking.onTick!(at)[0]).toMatchObject({ type: 'chat', card: { kind: 'progress_check', questions: ['Is the oven on?'] } });
    const silent = createMonitorBehaviour({}, nobody, advisorWith({ judgeQuietTask: () => ({ check: false, questions: [] }) }));
    expect(silent.onTick!(at).filter((a) => a.type === 'chat')).toEqual([]);
  });
});
