import { describe, expect, it } from 'vitest';
import type { Escalation, HubEvent, Task } from '../collaboration-server/protocol.js';
import type { LeadAction } from '../orchestrator/lead-view.js';
import { applyEvent } from '../orchestrator/lead-view.js';
import { createMonitorBehaviour } from '../orchestrator/monitoring/behaviour.js';
import type { Picker } from '../orchestrator/monitoring/picker.js';
import { HOUR, T0, makeTask, makeView, message, taskEvent } from './helpers/monitor-fixtures.js';

const toBob: Picker = (_t, _v, exclude) => (exclude.includes('Bob') ? null : { name: 'Bob', rationale: 'backend-dev role' });
const options = { staleAfterMs: 100, blockerPersistMs: 100 };
const kinds = (actions: LeadAction[]) => actions.map((a) => (a.type === 'chat' ? `chat:${a.card?.kind ?? 'text'}` : a.type === 'task_update' ? `task:${a.action}` : a.type));
const saved = (actions: LeadAction[]) => actions.find((a) => a.type === 'state_put');

describe('the monitor behaviour', () => {
  const task = makeTask({ id: 'T-3', status: 'in_progress', assignee: 'Ada', title: 'Implement token validation' });

  it('records a blocker said in chat, then answers the block with guidance', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const view = makeView({ tasks: [task] });
    const said = monitor.onEvent(message('Ada', 'backend-dev', "I'm having trouble with token validation"), view);
    expect(said[0]).toMatchObject({ type: 'task_update', taskId: 'T-3', action: 'block', note: expect.stringContaining('having trouble with token validation') });

    const blocked: Task = { ...task, status: 'blocked' };
    const event = taskEvent(blocked, { action: 'block', by: 'Lead', from: 'in_progress', to: 'blocked', note: (said[0] as { note: string }).note }, T0 + 1);
    const answer = monitor.onEvent(event, applyEvent(view, event));
    expect(kinds(answer)).toEqual(['chat:guidance', 'state_put']);
  });

  it('never reacts to its own messages, another bot or a card', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const view = makeView({ tasks: [task] });
    expect(monitor.onEvent(message('Lead', 'orchestrator', 'are you stuck?'), view)).toEqual([]);
    expect(monitor.onEvent(message('Lead 2', 'orchestrator', 'I am stuck'), view)).toEqual([]);
    expect(monitor.onEvent({ ...message('Ada', 'backend-dev', 'stuck'), card: { kind: 'alert', level: 'info', title: 'x', detail: 'y', taskId: null } }, view)).toEqual([]);
    expect(monitor.onEvent(message('Ada', 'backend-dev', 'good morning'), view)).toEqual([]);
  });

  it('announces an escalation once and applies the decision once, even after a restart', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const blocked: Task = { ...task, status: 'blocked' };
    const view = makeView({ tasks: [blocked] });
    const escalation: Escalation = {
      id: 'E-1', taskId: 'T-3', title: 'T-3: decision needed', blocker: 'multiple regions?', impact: 'T-3 waits', reason: 'product decision',
      options: [{ key: 'A', label: 'One region for now', effect: 'note' }, { key: 'B', label: 'Defer', effect: 'defer' }], status: 'open', createdAt: T0,
    };
    const raised: HubEvent = { type: 'escalation', seq: 1, ts: T0, escalation };
    const first = monitor.onEvent(raised, view);
    expect(kinds(first)).toEqual(['chat:escalation', 'state_put']);
    expect(first[0]).toMatchObject({ card: { escalationId: 'E-1', options: [{ key: 'A' }, { key: 'B' }] } });

    const restarted = createMonitorBehaviour(options, toBob);
    restarted.restore!(saved(first)!.type === 'state_put' ? (saved(first) as { value: unknown }).value : null);
    expect(restarted.onEvent(raised, view)).toEqual([]);

    const decided: HubEvent = { type: 'decision', seq: 2, ts: T0 + 5, escalation: { ...escalation, status: 'answered' }, decision: { id: 'D-1', escalationId: 'E-1', option: 'B', text: 'Defer', by: 'Paula', createdAt: T0 + 5 } };
    expect(kinds(restarted.onEvent(decided, view))).toEqual(['chat:text', 'task:cancel', 'state_put']);
    expect(restarted.onEvent(decided, view)).toEqual([]);
  });

  it('hands out the tasks its ladder split as soon as they arrive', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const parts = [
      makeTask({ id: 'T-7', status: 'pending', assignee: 'Ada', rationale: 'Split from T-3 after "stuck"' }),
      makeTask({ id: 'T-8', status: 'pending', assignee: 'Bob', rationale: 'Split from T-3 after "stuck"' }),
      makeTask({ id: 'T-9', status: 'pending', assignee: 'Bob', rationale: 'planned' }),
    ];
    const event: HubEvent = { type: 'sprint', seq: 3, ts: T0, by: 'Lead', sprint: makeView().sprint!, tasks: parts };
    expect(monitor.onEvent(event, makeView({ tasks: parts })).map((a) => a.type === 'task_update' && [a.taskId, a.assignee])).toEqual([['T-7', 'Ada'], ['T-8', 'Bob']]);
  });

  it('runs its timers on tick: a silent task gets a progress check and the memory is saved', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const actions = monitor.onTick!(makeView({ tasks: [task], now: T0 + 100 }));
    expect(kinds(actions)).toEqual(['chat:progress_check', 'state_put']);
    expect(monitor.onTick!(makeView({ tasks: [task], now: T0 + 150 }))).toEqual([]);
  });

  it('falls back to an empty memory when what was saved is unreadable', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    monitor.restore!({ nonsense: true });
    expect(monitor.memory().ladder).toEqual({});
  });

  it('takes a yes to its offer to split as a request to split the task', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const blocked: Task = { ...task, status: 'blocked', estimateHours: 16, points: 8 };
    const view = makeView({ tasks: [blocked] });
    expect(monitor.onEvent(message('Ada', 'backend-dev', 'yes, split it please'), view)).toEqual([]); // nothing was offered yet
    monitor.onEvent(taskEvent(blocked, { action: 'block', from: 'in_progress', to: 'blocked', note: 'stuck on token validation' }), view);
    const asked = monitor.onEvent(message('Ada', 'backend-dev', 'yes, split it please'), view);
    expect(asked[0]).toMatchObject({ type: 'task_update', action: 'block', note: expect.stringMatching(/asks to split/) });
    const split = monitor.onEvent(taskEvent(blocked, { action: 'block', from: 'blocked', to: 'blocked', note: (asked[0] as { note: string }).note }), view);
    expect(kinds(split)).toEqual(['tasks_add', 'task:cancel', 'chat:text', 'state_put']);
  });

  it('stays quiet about a task already with the product owner', () => {
    const monitor = createMonitorBehaviour(options, toBob);
    const blocked: Task = { ...task, status: 'blocked' };
    const view = makeView({ tasks: [blocked] });
    const first = monitor.onEvent(taskEvent(blocked, { action: 'block', from: 'in_progress', to: 'blocked', note: 'should we buy a bigger database?' }), view);
    expect(kinds(first)).toEqual(['escalate', 'state_put']);
    expect(monitor.onEvent(message('Ada', 'backend-dev', 'still stuck waiting on that decision'), view)).toEqual([]);
  });
});
