import { describe, expect, it } from 'vitest';
import type { TaskAction, TaskEvent, TaskStatus } from '../collaboration-server/protocol.js';
import { computeMetrics, timelineOf } from '../collaboration-server/metrics.js';
import { buildReport, reportCard, reportMarkdown, reportText, statusLines } from '../orchestrator/sprint-report.js';
import { DAY, HOUR, T0, makeEscalation, makeSprint, makeTask, taskEvent } from './helpers/monitor-fixtures.js';

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

  it('counts completion by tasks, with points and hours beside it, and velocity per working day', () => {
    expect(m).toMatchObject({ tasksTotal: 5, tasksDone: 3, tasksCancelled: 1, tasksOpen: 1, completionRate: 0.75 });
    expect(m.completion).toEqual({ done: 3, total: 4, percent: 75, open: 1, pointsDone: 10, pointsTotal: 11, hoursDone: 16, hoursTotal: 18 });
    expect(m).toMatchObject({ pointsTotal: 11, pointsDone: 10, hoursTotal: 18, hoursDone: 16, elapsedWorkdays: 2, workdays: 5, calendarDays: 5 });
    expect(m).toMatchObject({ velocityPointsPerDay: 5, velocityHoursPerDay: 8 });
  });

  it('counts blockers and the time they took to clear', () => {
    expect(m.blockers).toEqual({ count: 2, open: 0, reports: 2, meanHoursToUnblock: 2, maxHoursToUnblock: 2 });
  });

  it('measures each agent and each domain against the estimates, crediting the hours to whoever held the task', () => {
    expect(m.agents).toEqual([
      { name: 'Ada', tasksDone: 1, tasksFailed: 0, estimatedHours: 4, actualHours: 5, accuracy: 0.75, tasksPerDay: 0.5 },
      { name: 'Bob', tasksDone: 2, tasksFailed: 0, estimatedHours: 12, actualHours: 10, accuracy: 0.83, tasksPerDay: 1 },
    ]);
    // auth: T-1 held 5h by Ada; T-3 held 3h by Ada (in progress, then blocked) and 2h by Bob
    expect(m.domains).toEqual([
      { domain: 'api', tasksDone: 1, estimatedHours: 8, actualHours: 8, accuracy: 1 },
      { domain: 'auth', tasksDone: 2, estimatedHours: 8, actualHours: 10, accuracy: 0.75 },
    ]);
  });

  it('names the blocked tasks with how long, and the reassignments', () => {
    expect(m.blocked).toEqual([
      { taskId: 'T-2', title: 'Implement token validation', hours: 2, open: false, reason: null },
      { taskId: 'T-3', title: 'Implement token validation', hours: 2, open: false, reason: null },
    ]);
    expect(m.reassignments).toEqual([{ taskId: 'T-3', title: 'Implement token validation', from: null, to: 'Bob', why: null, at: T0 + 27 * HOUR }]);
  });

  it('draws the burndown per working day from the task events, against the ideal line', () => {
    expect(m.burndown.map((p) => [p.day, p.at, p.remainingPoints, p.idealPoints])).toEqual([
      [0, T0, 11, 11],
      [1, T0 + DAY, 3, 8.8],
      [2, T0 + 2 * DAY, 1, 6.6],
    ]);
  });

  it('raises the scope on the day work is added, and counts a task done when its event says so', () => {
    const added = makeTask({ id: 'T-6', assignee: 'Ada', points: 2, status: 'done', createdAt: T0 + 30 * HOUR, completedAt: T0 + 99 * HOUR });
    const later = computeMetrics(sprint, [...tasks, added], [...events, taskEvent(added, { action: 'done', from: 'in_progress', to: 'done' }, T0 + 47 * HOUR)], now);
    expect(later.burndown.map((p) => [p.day, p.scopePoints, p.remainingPoints])).toEqual([[0, 11, 11], [1, 11, 3], [2, 13, 1]]);
  });

  it('counts the planned and carried work from the start, though the hub made it when the plan was approved, after planning began', () => {
    // planning began at T0 (the sprint's start); approved 20 minutes later, when the hub made the sprint, its tasks and the carried one
    const approvedAt = T0 + 20 * 60_000;
    const planned = makeSprint({ createdAt: approvedAt });
    const made = [makeTask({ id: 'T-7', points: 3, createdAt: approvedAt }), makeTask({ id: 'T-2', points: 2, createdAt: T0 - DAY })];
    const carried = taskEvent(made[1]!, { action: 'carry', from: 'pending', to: 'pending' }, approvedAt);
    const p = computeMetrics(planned, made, [carried], T0 + DAY + HOUR);
    expect(p.burndown.map((b) => [b.day, b.scopePoints, b.remainingPoints, b.idealPoints])).toEqual([[0, 5, 5, 5], [1, 5, 5, 4], [1.04, 5, 5, 3.96]]);
  });

  it('skips the weekend: a sprint from Friday counts Monday as its second working day', () => {
    const friday = makeSprint({ startsAt: T0 + 4 * DAY, endsAt: T0 + 11 * DAY });
    const f = computeMetrics(friday, [], [], T0 + 7 * DAY + HOUR);
    expect(f.burndown.map((p) => p.day)).toEqual([0, 1, 1.04]);
    expect([f.workdays, f.calendarDays, f.elapsedWorkdays]).toEqual([5, 7, 2]);
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
    expect(timelineOf(events)).toEqual([{ ts: T0 + 1, taskId: 'T-9', action: 'block', from: 'in_progress', to: 'blocked', assignee: 'Ada', previousAssignee: null, note: null }]);
  });
});

describe('the sprint report', () => {
  const escalation = makeEscalation({ id: 'E-1', taskId: 'T-2', title: 'T-2 "Implement token validation": decision needed', createdAt: T0 + 3 * HOUR, options: [{ key: 'A', label: 'Keep it simple', effect: 'note' }, { key: 'B', label: 'Drop it', effect: 'drop' }], status: 'answered' });
  const decision = { id: 'D-1', escalationId: 'E-1', option: 'A', text: 'Keep it simple — one region', by: 'Paula', createdAt: T0 + 4 * HOUR };
  const r = buildReport({ sprint, tasks, events, escalations: [escalation], decisions: [decision] }, now);

  it('fits the sprint_report card, with the same completion as every view', () => {
    expect(reportCard(r)).toMatchObject({ kind: 'sprint_report', name: 'Auth sprint', tasksDone: 3, tasksTotal: 4, completionPercent: 75, pointsDone: 10, pointsTotal: 11, velocityPointsPerDay: 5, blockers: { count: 2, meanHoursToUnblock: 2 } });
    expect(reportCard(r).decisions).toEqual([{ escalationId: 'E-1', decisionId: 'D-1', changed: 'noted on T-2, which was unblocked; T-2 is now done' }]);
  });

  it('says completion, velocity, blockers and decisions in plain text', () => {
    const text = reportText(r);
    expect(text).toMatch(/^Sprint "Auth sprint" so far: 3\/4 tasks done \(75%\).*Velocity 5 points, 8 hours per working day over 2 working day\(s\).*Blockers: 2 \(mean time to unblock 2h\)/);
    expect(text).toContain('E-1 → D-1 (Paula): Keep it simple — one region — noted on T-2, which was unblocked; T-2 is now done.');
  });

  it('writes Markdown with the burndown, decisions, reassignments, blocked tasks, accuracy and what was learned', () => {
    const md = reportMarkdown(r);
    expect(md).toMatch(/^# Sprint report: Auth sprint\n\n2026-01-05 → 2026-01-10 \(5 calendar days, 5 working days\)/);
    expect(md).toContain('- Completion (by tasks): 3/4 tasks done (75%)');
    expect(md).toContain('- Velocity: 5 points, 8 hours per working day (over 2 working day(s))');
    expect(md).toContain('| 1 | Tue 6 Jan 09:00 | 11 | 3 | 8.8 | 6 |');
    expect(md).toContain('- E-1 → D-1 by Paula: T-2 "Implement token validation": decision needed. Chosen: Keep it simple — one region. What changed: noted on T-2, which was unblocked; T-2 is now done.');
    expect(md).toContain('- T-3 "Implement token validation": nobody → Bob');
    expect(md).toContain('- T-2 "Implement token validation": blocked 2h');
    expect(md).toContain('| Bob | 2 | 0 | 12h | 10h | 83% | 1 |');
    expect(md).toContain('| auth | 2 | 8h | 10h | 75% |');
    // what was learned uses the same hours as the accuracy above, and as the team's history records them
    expect(md).toContain('- auth: 2 task(s) took 10h against 8h estimated (×1.25): the next plan scales auth estimates by 1.25');
    expect(md).toMatch(/## Learned for the next estimates\n\n- api: 1 task\(s\) took 8h against 8h estimated: the estimates held/);
  });

  it('says which estimate changes for the next sprint, from what to what, and why', () => {
    const slow = makeTask({ id: 'T-7', title: 'Implement notifications', domain: 'notifications', estimateHours: 10, points: 3, status: 'done', startedAt: T0, completedAt: T0 + 5 * HOUR });
    const learned = buildReport({ sprint, tasks: [slow], events: [] }, now).lessons;
    expect(learned).toEqual([expect.objectContaining({ domain: 'notifications', factor: 0.5 })]);
    expect(learned[0]!.next).toBe(
      'notifications: 1 task(s) took 5h against 10h estimated (×0.50, the most the lead moves an estimate at once): the next plan scales notifications estimates by 0.50, so a task estimated 10h like T-7 "Implement notifications" (which took 5h) is planned at 5h. The lead folds this into the team\'s history with the earlier sprints.',
    );
  });

  it('learns nothing from a task marked done with no working time recorded, and says so', () => {
    const instant = makeTask({ id: 'T-8', assignee: 'Ada', domain: 'auth', estimateHours: 6, status: 'done', startedAt: T0, completedAt: T0 + 60_000 });
    const report = buildReport({ sprint, tasks: [instant], events: [] }, now);
    expect(report.lessons).toEqual([expect.objectContaining({ domain: 'auth', factor: null })]);
    expect(report.lessons[0]!.next).toBe('auth: T-8 was marked done with no working time recorded, which says nothing about the estimates: they stay as they were.');
    expect(report.agents).toEqual([expect.objectContaining({ name: 'Ada', tasksDone: 1, accuracy: null })]);
    expect(reportMarkdown(report)).toContain('| Ada | 1 | 0 | 6h | 0.02h | — | 1 |');
  });

  it('sums it up in a few lines for huddle status', () => {
    const lines = statusLines(r, 1);
    expect(lines[0]).toMatch(/^# Auth sprint \(working day 2 of 5\): 3\/4 tasks done █+░+ 75%$/);
    expect(lines[1]).toBe('points 10/11 · hours 16/18 · velocity 5 points, 8 hours per working day');
    expect(lines[2]).toMatch(/open escalations 1 · blockers so far 2 \(mean 2h to unblock\)/);
    expect(lines.slice(3)).toHaveLength(2);
  });
});
