import { describe, expect, it } from 'vitest';
import { isDue, markSaid, withinBudget } from '../orchestrator/monitoring/alert-throttle.js';
import type { LeadAction } from '../orchestrator/lead-view.js';
import { emptyMemory } from '../orchestrator/monitoring/memory.js';
import { DEFAULT_MONITOR_OPTIONS } from '../orchestrator/monitoring/options.js';
import { overloadChecks, slaChecks } from '../orchestrator/monitoring/sla.js';
import { DAY, HOUR, T0, makeSprint, makeTask, makeView } from './helpers/monitor-fixtures.js';

const opts = { ...DEFAULT_MONITOR_OPTIONS, alertWindowMs: 1000 };
const alerts = (actions: LeadAction[]) => actions.flatMap((a) => (a.type === 'chat' && a.card?.kind === 'alert' ? [a.card] : []));

describe('SLA violations', () => {
  const due = T0 + HOUR;
  const tasks = [
    makeTask({ id: 'T-1', due, priority: 'high', percent: 50 }),
    makeTask({ id: 'T-2', due, status: 'done' }),
    makeTask({ id: 'T-3', due: T0 + DAY }),
    makeTask({ id: 'T-4', due: null }),
  ];

  it('says a missed due time once, in chat, and never twice in a row', () => {
    const memory = emptyMemory();
    expect(slaChecks(makeView({ tasks, now: due }), memory, opts)).toEqual([]);
    const first = alerts(slaChecks(makeView({ tasks, now: due + 1 }), memory, opts));
    expect(first).toEqual([{ kind: 'alert', level: 'critical', title: 'SLA missed on T-1', detail: expect.stringMatching(/50%.*Ada/), taskId: 'T-1' }]);
    expect(slaChecks(makeView({ tasks, now: due + 2 }), memory, opts)).toEqual([]);
    expect(slaChecks(makeView({ tasks, now: due + 10 * DAY }), memory, opts).map((a) => a.type === 'chat' && a.card?.kind === 'alert' && a.card.taskId)).toEqual(['T-3', null]); // null: the sprint's end passed with T-4 (no due time) open
  });

  it('speaks again when the due time is moved and missed again', () => {
    const memory = emptyMemory();
    slaChecks(makeView({ tasks, now: due + 1 }), memory, opts);
    const moved = [{ ...tasks[0]!, due: due + 100 }];
    expect(alerts(slaChecks(makeView({ tasks: moved, now: due + 101 }), memory, opts))).toHaveLength(1);
  });
});

describe('the sprint end as the due time of tasks without one', () => {
  it('says once that the sprint ended with unfinished work', () => {
    const memory = emptyMemory();
    const sprint = makeSprint({ endsAt: T0 + DAY });
    const tasks = [makeTask({ id: 'T-1', due: null, percent: 30 }), makeTask({ id: 'T-2', due: null, status: 'done' })];
    expect(slaChecks(makeView({ sprint, tasks, now: T0 + DAY }), memory, opts)).toEqual([]);
    const said = alerts(slaChecks(makeView({ sprint, tasks, now: T0 + DAY + 1 }), memory, opts));
    expect(said).toEqual([expect.objectContaining({ level: 'critical', title: 'Sprint "Sprint 1" ended with 1 unfinished task(s)', detail: expect.stringMatching(/^T-1 \(Ada, 30%\)/) })]);
    expect(slaChecks(makeView({ sprint, tasks, now: T0 + 2 * DAY }), memory, opts)).toEqual([]);
  });
});

describe('overload', () => {
  // A five-day sprint from Monday: a backend developer gives 6h a day, 30h in all.
  const heavy = [makeTask({ id: 'T-1', estimateHours: 20 }), makeTask({ id: 'T-2', estimateHours: 15, status: 'assigned' })];

  it('alerts when an agent holds more work than the hours left', () => {
    const memory = emptyMemory();
    const found = alerts(overloadChecks(makeView({ tasks: heavy, now: T0 }), memory, opts));
    expect(found).toEqual([{ kind: 'alert', level: 'warning', title: 'Ada is over capacity', detail: expect.stringMatching(/35h of unfinished work against 30h/), taskId: null }]);
  });

  it('is quiet within the window and never repeats the same overload', () => {
    const memory = emptyMemory();
    overloadChecks(makeView({ tasks: heavy, now: T0 }), memory, opts);
    expect(overloadChecks(makeView({ tasks: heavy, now: T0 + 500 }), memory, opts)).toEqual([]);
    expect(overloadChecks(makeView({ tasks: heavy, now: T0 + 5000 }), memory, opts)).toEqual([]); // same hours: same alert
    const heavier = [...heavy, makeTask({ id: 'T-3', estimateHours: 4 })];
    expect(alerts(overloadChecks(makeView({ tasks: heavier, now: T0 + 5000 }), memory, opts))).toHaveLength(1);
  });

  it('leaves an agent within capacity alone', () => {
    expect(overloadChecks(makeView({ tasks: [makeTask({ estimateHours: 10 })], now: T0 }), emptyMemory(), opts)).toEqual([]);
  });
});

describe('the alert throttle', () => {
  it('lets a condition through once per window', () => {
    const log = {};
    expect(isDue(log, 'x', 0, 10)).toBe(true);
    markSaid(log, 'x', 0);
    expect(isDue(log, 'x', 9, 10)).toBe(false);
    expect(isDue(log, 'x', 10, 10)).toBe(true);
    expect(isDue(log, 'y', 9, 10)).toBe(true);
  });

  it('keeps a one-minute budget', () => {
    const sent = [0, 10_000, 20_000];
    expect(withinBudget(sent, 30_000, 3)).toBe(false);
    expect(withinBudget(sent, 60_000, 3)).toBe(true); // the first one aged out
    expect(sent).toEqual([10_000, 20_000]);
  });
});
