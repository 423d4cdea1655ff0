import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { applyEvent } from '../orchestrator/lead-view.js';
import { T0, makeSprint, makeTask, makeView, taskEvent } from './helpers/monitor-fixtures.js';

describe("the lead view's task events", () => {
  const task = makeTask({ id: 'T-1', status: 'in_progress' });
  const started = taskEvent(task, { action: 'start', from: 'assigned', to: 'in_progress' }, T0 + 1);
  const done = taskEvent({ ...task, status: 'done' }, { action: 'done', from: 'in_progress', to: 'done' }, T0 + 2);

  it('appends each task event of the sprint once, even when the snapshot already had it', () => {
    const view = makeView({ tasks: [task], taskEvents: [] });
    const once = applyEvent(applyEvent(view, started), done);
    expect(once.taskEvents!.map((e) => e.change.action)).toEqual(['start', 'done']);
    expect(applyEvent(once, started).taskEvents).toHaveLength(2);
    expect(applyEvent(once, done).taskEvents).toHaveLength(2);
  });

  it("ignores another sprint's task events and starts over when a new sprint begins", () => {
    const view = applyEvent(makeView({ tasks: [task], taskEvents: [] }), started);
    const other = taskEvent(makeTask({ id: 'T-9', sprintId: 'S-0' }), { action: 'start', from: 'assigned', to: 'in_progress' }, T0 + 3);
    expect(applyEvent(view, other).taskEvents).toHaveLength(1);
    const next: HubEvent = { type: 'sprint', seq: 9_000, ts: T0 + 4, by: 'Lead', sprint: makeSprint({ id: 'S-2' }), tasks: [] };
    expect(applyEvent(view, next).taskEvents).toEqual([]);
    const sameSprint: HubEvent = { ...next, sprint: makeSprint(), tasks: [makeTask({ id: 'T-2', status: 'pending' })] };
    expect(applyEvent(view, sameSprint).taskEvents).toHaveLength(1);
  });

  it('keeps no log where none was asked for (a terminal)', () => {
    expect(applyEvent(makeView({ tasks: [task] }), started).taskEvents).toBeUndefined();
  });
});
