/** The sprint report: a card for the room, Markdown for a file, JSON for scripts, a line for `status`. */
import type { CardOf } from '../collaboration-server/cards.js';
import type { SprintMetrics } from '../collaboration-server/metrics.js';
import { utcDate, utcDateTime } from '../collaboration-server/units.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const hrs = (x: number | null) => (x === null ? '—' : `${x}h`);
/** Cards carry shares as percents (see cards.ts); the metrics hold them as ratios. */
const percentOf = (ratio: number) => Math.round(ratio * 1000) / 10;

export function reportCard(m: SprintMetrics): CardOf<'sprint_report'> {
  return {
    kind: 'sprint_report',
    sprintId: m.sprintId,
    name: m.name,
    tasksDone: m.tasksDone,
    tasksTotal: m.tasksTotal - m.tasksCancelled,
    completionPercent: percentOf(m.completionRate),
    velocityPointsPerDay: m.velocityPointsPerDay,
    velocityHoursPerDay: m.velocityHoursPerDay,
    blockers: { count: m.blockers.count, meanHoursToUnblock: m.blockers.meanHoursToUnblock },
    agents: m.agents.map((a) => ({ name: a.name, tasksDone: a.tasksDone, estimatedHours: a.estimatedHours, actualHours: a.actualHours, accuracyPercent: a.accuracy === null ? null : percentOf(a.accuracy) })),
  };
}

/** The plain-text body that goes with the card: readable in any terminal. */
export function reportText(m: SprintMetrics, completed: boolean): string {
  const heading = completed ? `Sprint "${m.name}" is complete` : `Sprint "${m.name}" so far`;
  const agents = m.agents.map((a) => `${a.name} ${a.tasksDone} done (${a.estimatedHours}h est / ${a.actualHours}h actual)`).join('; ');
  return (
    `${heading}: ${m.tasksDone}/${m.tasksTotal - m.tasksCancelled} tasks done (${pct(m.completionRate)}), ${m.tasksCancelled} cancelled. ` +
    `Velocity ${m.velocityPointsPerDay} points/day, ${m.velocityHoursPerDay} hours/day over ${m.elapsedDays} day(s). ` +
    `Blockers: ${m.blockers.count} (mean time to unblock ${hrs(m.blockers.meanHoursToUnblock)}).` +
    (agents ? ` Per agent: ${agents}.` : '')
  );
}

export function reportMarkdown(m: SprintMetrics): string {
  const lines = [
    `# Sprint report: ${m.name}`,
    '',
    `${utcDate(m.startsAt)} → ${utcDate(m.endsAt)} · report at ${utcDateTime(m.at)} UTC`,
    '',
    '## Summary',
    '',
    `- Tasks done: ${m.tasksDone} of ${m.tasksTotal - m.tasksCancelled} (${pct(m.completionRate)}); ${m.tasksCancelled} cancelled, ${m.tasksBlocked} blocked, ${m.tasksOverdue} overdue`,
    `- Points: ${m.pointsDone} of ${m.pointsTotal}; hours: ${m.hoursDone} of ${m.hoursTotal}`,
    `- Velocity: ${m.velocityPointsPerDay} points/day, ${m.velocityHoursPerDay} hours/day (over ${m.elapsedDays} day(s))`,
    `- Blockers: ${m.blockers.count} (${m.blockers.open} open, ${m.blockers.reports} reports); time to unblock: mean ${hrs(m.blockers.meanHoursToUnblock)}, longest ${hrs(m.blockers.maxHoursToUnblock)}`,
    '',
    '## Per agent',
    '',
    '| Agent | Done | Failed | Estimated | Actual | Accuracy | Tasks/day |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...m.agents.map((a) => `| ${a.name} | ${a.tasksDone} | ${a.tasksFailed} | ${a.estimatedHours}h | ${a.actualHours}h | ${a.accuracy === null ? '—' : pct(a.accuracy)} | ${a.tasksPerDay} |`),
    '',
    '## Burndown',
    '',
    '| Day | Remaining points | Remaining hours | Ideal points |',
    '| ---: | ---: | ---: | ---: |',
    ...m.burndown.map((p) => `| ${p.day} | ${p.remainingPoints} | ${p.remainingHours} | ${p.idealPoints} |`),
    '',
  ];
  return lines.join('\n');
}

/** A few lines for `huddle status`: where the sprint stands now. */
export function statusLines(m: SprintMetrics, openEscalations: number): string[] {
  const bar = (x: number, width = 20) => '█'.repeat(Math.round(x * width)).padEnd(width, '░');
  return [
    `# ${m.name}: ${m.tasksDone}/${m.tasksTotal - m.tasksCancelled} tasks done ${bar(m.completionRate)} ${pct(m.completionRate)}`,
    `points ${m.pointsDone}/${m.pointsTotal} · hours ${m.hoursDone}/${m.hoursTotal} · velocity ${m.velocityPointsPerDay} points/day, ${m.velocityHoursPerDay} hours/day`,
    `blocked ${m.tasksBlocked} · at risk ${m.tasksAtRisk} · overdue ${m.tasksOverdue} · open escalations ${openEscalations} · blockers so far ${m.blockers.count} (mean ${hrs(m.blockers.meanHoursToUnblock)} to unblock)`,
    ...m.agents.map((a) => `  ${a.name.padEnd(20)} ${String(a.tasksDone).padStart(3)} done  ${a.estimatedHours}h est / ${a.actualHours}h actual${a.accuracy === null ? '' : ` (${pct(a.accuracy)} accurate)`}`),
  ];
}
