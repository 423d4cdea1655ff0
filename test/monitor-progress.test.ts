import { describe, expect, it } from 'vitest';
import { FakeClock } from '../collaboration-server/clock.js';
import type { LeadAction } from '../orchestrator/lead-view.js';
import { emptyMemory } from '../orchestrator/monitoring/memory.js';
import { DEFAULT_MONITOR_OPTIONS, staleThresholdMs, type MonitorOptions } from '../orchestrator/monitoring/options.js';
import type { Picker } from '../orchestrator/monitoring/picker.js';
import { progressChecks, zombieChecks } from '../orchestrator/monitoring/progress-checks.js';
import { T0, TEAM, makeTask, makeView, person } from './helpers/monitor-fixtures.js';

// Thresholds in milliseconds: the same logic as minutes, without waiting.
const opts: MonitorOptions = { ...DEFAULT_MONITOR_OPTIONS, staleAfterMs: 100, offlineGraceMs: 50, reassignAfterMs: 80, alertWindowMs: 1000 };
const cards = (actions: LeadAction[]) => actions.flatMap((a) => (a.type === 'chat' && a.card ? [a.card.kind] : []));

describe('progress checks', () => {
  it('scales the silence threshold with the estimate', () => {
    expect(staleThresholdMs(4, opts)).toBe(100);
    expect(staleThresholdMs(8, opts)).toBe(200);
    expect(staleThresholdMs(1, opts)).toBe(50);
    expect(staleThresholdMs(100, opts)).toBe(400);
  });

  it('asks the assignee once after the threshold, and not again within the same window', () => {
    const clock = new FakeClock(T0);
    const memory = emptyMemory();
    const task = makeTask({ id: 'T-1', estimateHours: 4, updatedAt: T0, percent: 40 });
    const at = () => makeView({ tasks: [task], now: clock.now() });

    clock.advance(99);
    expect(progressChecks(at(), memory, opts)).toEqual([]);
    clock.advance(1);
    const first = progressChecks(at(), memory, opts);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ type: 'chat', to: { kind: 'participant', name: 'Ada' }, card: { kind: 'progress_check', taskId: 'T-1', percent: 40 } });
    expect(first[0]!.type === 'chat' && first[0]!.text).toMatch(/blocked|split/);

    clock.advance(50);
    expect(progressChecks(at(), memory, opts)).toEqual([]);
    clock.advance(49);
    expect(progressChecks(at(), memory, opts)).toEqual([]);
    clock.advance(1); // a whole window later and still silent: one more check
    expect(progressChecks(at(), memory, opts)).toHaveLength(1);
  });

  it('leaves a task alone once it reports, and a bigger task waits longer', () => {
    const memory = emptyMemory();
    const fresh = makeTask({ id: 'T-1', updatedAt: T0 + 90 });
    const big = makeTask({ id: 'T-2', estimateHours: 8, updatedAt: T0 });
    const notStarted = makeTask({ id: 'T-3', status: 'assigned', updatedAt: T0 });
    expect(progressChecks(makeView({ tasks: [fresh, big, notStarted], now: T0 + 150 }), memory, opts)).toEqual([]);
    expect(cards(progressChecks(makeView({ tasks: [fresh, big, notStarted], now: T0 + 200 }), memory, opts))).toEqual(['progress_check', 'progress_check']);
  });

  it('does not chase an assignee who is offline (the zombie check does)', () => {
    const memory = emptyMemory();
    memory.offlineSince['Ada'] = T0;
    expect(progressChecks(makeView({ tasks: [makeTask({ updatedAt: T0 })], now: T0 + 1000 }), memory, opts)).toEqual([]);
  });

  it('caps optional messages per minute', () => {
    const memory = emptyMemory();
    const tasks = Array.from({ length: 20 }, (_, i) => makeTask({ id: `T-${i + 1}`, updatedAt: T0 }));
    expect(progressChecks(makeView({ tasks, now: T0 + 1000 }), memory, { ...opts, messagesPerMinute: 5 })).toHaveLength(5);
    expect(progressChecks(makeView({ tasks, now: T0 + 1001 }), memory, { ...opts, messagesPerMinute: 5 })).toHaveLength(0);
  });
});

describe('zombie work', () => {
  const offlineAda = TEAM.map((p) => (p.name === 'Ada' ? person('Ada', 'backend-dev', 'offline') : p));
  const toBob: Picker = (_task, _view, exclude) => (exclude.includes('Bob') ? null : { name: 'Bob', rationale: 'backend-dev role; 4/30h' });

  it('marks the task at risk after the grace period, then reassigns it after the second period', () => {
    const clock = new FakeClock(T0);
    const memory = emptyMemory();
    const task = makeTask({ id: 'T-1', assignee: 'Ada', status: 'in_progress' });
    const at = (t = task) => makeView({ tasks: [t], roster: offlineAda, now: clock.now() });

    expect(zombieChecks(at(), memory, opts, toBob)).toEqual([]); // notes when Ada went offline
    clock.advance(49);
    expect(zombieChecks(at(), memory, opts, toBob)).toEqual([]);
    clock.advance(1);
    const risk = zombieChecks(at(), memory, opts, toBob);
    expect(risk[0]).toMatchObject({ type: 'task_update', taskId: 'T-1', action: 'at_risk' });
    expect(risk[1]).toMatchObject({ type: 'chat', card: { kind: 'alert', level: 'warning', taskId: 'T-1' } });

    const flagged = { ...task, atRisk: true };
    clock.advance(79);
    expect(zombieChecks(at(flagged), memory, opts, toBob)).toEqual([]);
    clock.advance(1);
    const moved = zombieChecks(at(flagged), memory, opts, toBob);
    expect(moved[0]).toMatchObject({ type: 'task_update', taskId: 'T-1', action: 'reassign', assignee: 'Bob' });
    expect(moved[1]).toMatchObject({ type: 'chat', card: { kind: 'reassignment', from: 'Ada', to: 'Bob' } });
  });

  it('forgets the risk when the assignee comes back', () => {
    const memory = emptyMemory();
    const task = makeTask({ assignee: 'Ada' });
    zombieChecks(makeView({ tasks: [task], roster: offlineAda, now: T0 }), memory, opts, toBob);
    expect(zombieChecks(makeView({ tasks: [task], roster: offlineAda, now: T0 + 60 }), memory, opts, toBob)).toHaveLength(2);
    expect(zombieChecks(makeView({ tasks: [task], roster: TEAM, now: T0 + 70 }), memory, opts, toBob)).toEqual([]);
    expect(memory.atRiskSince).toEqual({});
    expect(memory.offlineSince).toEqual({});
  });

  it('says so once per window when nobody can take the work', () => {
    const memory = emptyMemory();
    const nobody: Picker = () => null;
    const task = makeTask({ assignee: 'Ada', atRisk: true });
    const view = (now: number) => makeView({ tasks: [task], roster: offlineAda, now });
    zombieChecks(view(T0), memory, opts, nobody);
    zombieChecks(view(T0 + 50), memory, opts, nobody);
    expect(cards(zombieChecks(view(T0 + 130), memory, opts, nobody))).toEqual(['alert']);
    expect(zombieChecks(view(T0 + 140), memory, opts, nobody)).toEqual([]);
  });

  it('ignores finished work and people who are online', () => {
    const memory = emptyMemory();
    const tasks = [makeTask({ id: 'T-1', assignee: 'Ada', status: 'done' }), makeTask({ id: 'T-2', assignee: 'Bob' })];
    zombieChecks(makeView({ tasks, roster: offlineAda, now: T0 }), memory, opts, toBob);
    expect(zombieChecks(makeView({ tasks, roster: offlineAda, now: T0 + 1000 }), memory, opts, toBob)).toEqual([]);
  });
});
