import { describe, expect, it } from 'vitest';
import type { TaskAction, TaskEvent, TaskStatus } from '../collaboration-server/protocol.js';
import { computeMetrics, timelineOf } from '../collaboration-server/metrics.js';
import { reportCard, reportMarkdown, reportText, statusLines } from '../orchestrator/sprint-report.js';
import { DAY, HOUR, T0, makeSprint, makeTask, taskEvent } from './helpers/monitor-fixtures.js';

// A known sprint: five days from Monday 09:00, looked at two days in.
const sprint = makeSprint({ name: 'Auth sprint' });
const tasks = [
  makeTask({ id: 'T-1', assignee: 'Ada', estimateHours: 4, points: 3, domain: 'auth', status: 'done', startedAt: T0, completedAt: T0 + 5 * HOUR }),
  makeTask({ id: 'T-2', assignee: 'Bob', estimateHours: 8, points: 5, domain: 'api', status: 'done', startedAt: T0 + HOUR, completedAt: T0 + 9 * HOUR }),
  makeTask({ id: 'T-3', assignee: 'Bob', estimateHours: 4, points: 2, domain: 'auth', status: 'done', startedAt: T0 + DAY + 4 * HOUR, completedAt: T0 + DAY + 6 * HOUR }),
  makeTask({ id: 'T-4', assignee: null, estimateHours: 6, points: 5, status: 'cancelled' }),
  makeTask({ id: 'T-5', assignee: 'Quinn', estimateHours: 2, points: 1, domain: 'testing', status: 'in_progress' }),
];
/** A task event as the hub logs it, h hours into the sprint. */
const e = (h: number, taskId: string, action: TaskAction, from: TaskStatus, to: TaskStatus, assignee: string | null): TaskEvent =>
  taskEvent(makeTask({ id: taskId, status: to, assignee }), { action, from, to, assignee }, T0 + h * HOUR);
const events: TaskEvent[] = [
  e(0, 'T-1', 'start', 'assigned', 'in_progress', 'Ada'),
  e(1, 'T-2', 'start', 'assigned', 'in_progress', 'Bob'),
  e(3, 'T-2', 'block', 'in_progress', 'blocked', 'Bob'),
  e(5, 'T-1', 'done', 'in_progress', 'done', 'Ada'),
  e(5, 'T-2', 'unblock', 'blocked', 'in_progress', 'Bob'),
  e(9, 'T-2', 'done', 'in_progress', 'done', 'Bob'),
  e(24, 'T-3', 'start', 'assigned', 'in_progress', 'Ada'),
  e(25, 'T-3', 'block', 'in_progress', 'blocked', 'Ada'),
  e(27, 'T-3', 'reassign', 'blocked', 'assigned', 'Bob'),
  e(28, 'T-3', 'start', 'assigned', 'in_progress', 'Bob'),
  e(30, 'T-3', 'done', 'in_progress', 'done', 'Bob'),
  e(40, 'T-5', 'start', 'assigned', 'in_progress', 'Quinn'),
];
const now = T0 + 2 * DAY;

describe('sprint metrics', () => {
  const m = computeMetrics(sprint, tasks, events, now);

  it('counts completion, points and velocity per day', () => {
    expect(m).toMatchObject({ tasksTotal: 5, tasksDone: 3, tasksCancelled: 1, tasksOpen: 1, completionRate: 0.75 });
    expect(m).toMatchObject({ pointsTotal: 11, pointsDone: 10, hoursTotal: 18, hoursDone: 16, elapsedDays: 2 });
    expect(m).toMatchObject({ velocityPointsPerDay: 5, velocityHoursPerDay: 8 });
  });

  it('counts blockers and the time they took to clear', () => {
    expect(m.blockers).toEqual({ count: 2, open: 0, reports: 2, meanHoursToUnblock: 2, maxHoursToUnblock: 2 });
  });

  it('measures each agent against their estimates, crediting the hours to whoever held the task', () => {
    expect(m.agents).toEqual([
      { name: 'Ada', tasksDone: 1, tasksFailed: 0, estimatedHours: 4, actualHours: 5, accuracy: 0.75, tasksPerDay: 0.5 },
      { name: 'Bob', tasksDone: 2, tasksFailed: 0, estimatedHours: 12, actualHours: 10, accuracy: 0.83, tasksPerDay: 1 },
    ]);
  });

  it('draws the burndown day by day against the ideal line', () => {
    expect(m.burndown.map((p) => [p.day, p.remainingPoints, p.idealPoints])).toEqual([
      [0, 11, 11],
      [1, 3, 8.8],
      [2, 1, 6.6],
    ]);
  });

  it('counts the burndown in working days: a weekend moves neither line', () => {
    const thursday = T0 + 3 * DAY;
    const weekSprint = makeSprint({ startsAt: thursday, endsAt: thursday + 7 * DAY });
    const work = [
      makeTask({ id: 'T-1', points: 4, status: 'done', completedAt: thursday + DAY + 3 * HOUR }),
      makeTask({ id: 'T-2', points: 6, status: 'in_progress' }),
    ];
    const monday21h = thursday + 4 * DAY + 12 * HOUR;
    const points = computeMetrics(weekSprint, work, [], monday21h).burndown;
    // Thu, Fri, (weekend), Mon, Tue, Wed: five working days, so the ideal line falls 2 points a working day
    expect(points.map((p) => [p.day, p.remainingPoints, p.idealPoints])).toEqual([
      [0, 10, 10],
      [1, 10, 8],
      [2, 6, 6],
      [2.5, 6, 5],
    ]);
    expect(points[2]!.at).toBe(thursday + 2 * DAY);
    // on the weekend no working day has passed since Friday's end: one point for day 2, the newer one
    const saturday = thursday + 2 * DAY + 12 * HOUR;
    const weekend = computeMetrics(weekSprint, work, [], saturday).burndown;
    expect(weekend.map((p) => p.day)).toEqual([0, 1, 2]);
    expect(weekend[2]!.at).toBe(saturday);
  });

  it('reads the timeline from hub task events', () => {
    const task = makeTask({ id: 'T-9', status: 'blocked' });
    const events = [
      taskEvent(task, { action: 'progress', from: 'in_progress', to: 'in_progress' }, T0 + 2),
      taskEvent(task, { action: 'block', from: 'in_progress', to: 'blocked' }, T0 + 1),
    ];
    expect(timelineOf(events)).toEqual([{ ts: T0 + 1, taskId: 'T-9', action: 'block', from: 'in_progress', to: 'blocked', assignee: 'Ada' }]);
  });
});

describe('the sprint report', () => {
  const m = computeMetrics(sprint, tasks, events, now);

  it('fits the sprint_report card', () => {
    expect(reportCard(m)).toMatchObject({ kind: 'sprint_report', name: 'Auth sprint', tasksDone: 3, tasksTotal: 4, completionPercent: 75, velocityPointsPerDay: 5, blockers: { count: 2, meanHoursToUnblock: 2 } });
  });

  it('says velocity and blockers in plain text', () => {
    expect(reportText(m, true)).toMatch(/^Sprint "Auth sprint" is complete: 3\/4 tasks done \(75%\).*Velocity 5 points\/day, 8 hours\/day.*Blockers: 2 \(mean time to unblock 2h\)/);
  });

  it('writes Markdown with a summary, a per-agent table and the burndown', () => {
    const md = reportMarkdown(m);
    expect(md).toMatch(/^# Sprint report: Auth sprint/);
    expect(md).toContain('- Velocity: 5 points/day, 8 hours/day (over 2 day(s))');
    expect(md).toContain('| Bob | 2 | 0 | 12h | 10h | 83% | 1 |');
    expect(md).toContain('| 1 | 3 | 6 | 8.8 |');
  });

  it('sums it up in a few lines for huddle status', () => {
    const lines = statusLines(m, 1);
    expect(lines[0]).toMatch(/^# Auth sprint: 3\/4 tasks done █+░+ 75%$/);
    expect(lines[1]).toBe('points 10/11 · hours 16/18 · velocity 5 points/day, 8 hours/day');
    expect(lines[2]).toMatch(/open escalations 1 · blockers so far 2 \(mean 2h to unblock\)/);
    expect(lines.slice(3)).toHaveLength(2);
  });
});
