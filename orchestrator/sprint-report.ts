/** The sprint report: a card for the room, Markdown for a file, JSON for scripts, lines for `status`. */
import type { CardOf } from '../collaboration-server/cards.js';
import type { Decision, Escalation, Sprint, Task, TaskEvent } from '../collaboration-server/protocol.js';
import { utcDate, utcDateTime } from '../collaboration-server/units.js';
import { completionWords, daysWords } from '../collaboration-server/figures.js';
import { computeMetrics, type SprintMetrics } from '../collaboration-server/metrics.js';
import { decisionsOf, lessonsOf, type DecisionStory, type Lesson } from './sprint-story.js';
import { formatDue } from './planning/schedule.js';

export interface SprintReport extends SprintMetrics {
  decisions: DecisionStory[];
  lessons: Lesson[];
}

export interface ReportInput {
  sprint: Sprint;
  /** for a closed sprint, as they were at its close (the hub's `tasks` query gives that) */
  tasks: readonly Task[];
  events: readonly TaskEvent[];
  escalations?: readonly Escalation[];
  decisions?: readonly Decision[];
}

export function buildReport(input: ReportInput, now: number): SprintReport {
  const metrics = computeMetrics(input.sprint, input.tasks, input.events, now);
  return {
    ...metrics,
    decisions: decisionsOf(input.sprint, input.tasks, input.events, input.escalations ?? [], input.decisions ?? []),
    lessons: lessonsOf(input.tasks, input.events, Math.min(now, input.sprint.closedAt ?? now)),
  };
}

const hrs = (x: number | null) => (x === null ? '—' : `${x}h`);
const pct = (ratio: number | null) => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);
const velocity = (m: SprintMetrics) => `${m.velocityPointsPerDay} points, ${m.velocityHoursPerDay} hours per working day`;

export function reportCard(r: SprintReport): CardOf<'sprint_report'> {
  return {
    kind: 'sprint_report',
    sprintId: r.sprintId,
    name: r.name,
    status: r.status,
    tasksDone: r.completion.done,
    tasksTotal: r.completion.total,
    completionPercent: r.completion.percent,
    pointsDone: r.completion.pointsDone,
    pointsTotal: r.completion.pointsTotal,
    velocityPointsPerDay: r.velocityPointsPerDay,
    velocityHoursPerDay: r.velocityHoursPerDay,
    blockers: { count: r.blockers.count, meanHoursToUnblock: r.blockers.meanHoursToUnblock },
    agents: r.agents.map((a) => ({ name: a.name, tasksDone: a.tasksDone, estimatedHours: a.estimatedHours, actualHours: a.actualHours, accuracyPercent: a.accuracy === null ? null : Math.round(a.accuracy * 100) })),
    unfinished: r.unfinished.map((u) => u.taskId),
    decisions: r.decisions.map((d) => ({ escalationId: d.escalationId, decisionId: d.decisionId, changed: d.changed })),
  };
}

/** The plain-text body that goes with the card: readable in any terminal. */
export function reportText(r: SprintReport): string {
  const heading = r.status === 'completed' ? `Sprint "${r.name}" is complete` : r.status === 'closed' ? `Sprint "${r.name}" is closed` : `Sprint "${r.name}" so far`;
  const agents = r.agents.map((a) => `${a.name} ${a.tasksDone} done (${a.estimatedHours}h est / ${a.actualHours}h actual)`).join('; ');
  const lines = [
    `${heading}: ${completionWords(r.completion)}, ${r.tasksCancelled} cancelled; points ${r.completion.pointsDone}/${r.completion.pointsTotal}. ` +
      `Velocity ${velocity(r)} over ${r.elapsedWorkdays} working day(s). ` +
      `Blockers: ${r.blockers.count} (mean time to unblock ${hrs(r.blockers.meanHoursToUnblock)}).` +
      (agents ? ` Per agent: ${agents}.` : ''),
  ];
  if (r.unfinished.length) lines.push(`Unfinished, to the backlog and the next plan: ${r.unfinished.map((u) => `${u.taskId} (${u.percent}%${u.assignee ? `, ${u.assignee}` : ''})`).join(', ')}.`);
  for (const d of r.decisions) lines.push(`${d.escalationId} → ${d.decisionId} (${d.by}): ${d.choice} — ${d.changed}.`);
  for (const l of r.lessons.filter((x) => x.factor !== null && Math.abs(x.factor - 1) >= 0.05)) lines.push(`Learned: ${l.next}`);
  lines.push('`huddle report` writes the whole report (burndown, accuracy, reassignments).');
  return lines.join('\n');
}

export function reportMarkdown(r: SprintReport): string {
  const lines = [
    `# Sprint report: ${r.name}`,
    '',
    `${utcDate(r.startsAt)} → ${utcDate(r.endsAt)} (${daysWords(r.calendarDays, r.workdays)}) · ${r.status} · report at ${utcDateTime(r.at)} UTC`,
    '',
    '## Summary',
    '',
    `- Completion (by tasks): ${completionWords(r.completion)}; ${r.tasksCancelled} cancelled, ${r.tasksBlocked} blocked, ${r.tasksOverdue} overdue`,
    `- Points: ${r.completion.pointsDone} of ${r.completion.pointsTotal}; hours: ${r.completion.hoursDone} of ${r.completion.hoursTotal}`,
    `- Velocity: ${velocity(r)} (over ${r.elapsedWorkdays} working day(s))`,
    `- Blockers: ${r.blockers.count} (${r.blockers.open} open, ${r.blockers.reports} reports); time to unblock: mean ${hrs(r.blockers.meanHoursToUnblock)}, longest ${hrs(r.blockers.maxHoursToUnblock)}`,
    '',
    '## Burndown (per working day)',
    '',
    '| Day | At (UTC) | Scope points | Remaining points | Ideal points | Remaining hours |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
    ...r.burndown.map((p) => `| ${p.day === 0 ? 'start' : p.day} | ${formatDue(p.at)} | ${p.scopePoints} | ${p.remainingPoints} | ${p.idealPoints} | ${p.remainingHours} |`),
    '',
  ];
  const section = (title: string, body: string[], none: string) => lines.push(`## ${title}`, '', ...(body.length ? body : [none]), '');
  section('Decisions', r.decisions.map((d) => `- ${d.escalationId} → ${d.decisionId} by ${d.by}: ${d.question}. Chosen: ${d.choice}. What changed: ${d.changed}.`), 'No escalation was decided in this sprint.');
  section(
    'Reassignments and splits',
    [
      ...r.reassignments.map((x) => `- ${x.taskId} "${x.title}": ${x.from ?? 'nobody'} → ${x.to ?? 'nobody'} (${utcDateTime(x.at)})${x.why ? `: ${x.why}` : ''}`),
      ...r.splits.map((s) => `- ${s.from} was split into ${s.into.join(', ')}`),
    ],
    'No task changed hands or was split.',
  );
  section('Blocked tasks', r.blocked.map((b) => `- ${b.taskId} "${b.title}": blocked ${b.hours}h${b.open ? ' and still blocked' : ''}${b.reason ? ` — ${b.reason}` : ''}`), 'Nothing was blocked.');
  if (r.unfinished.length) section('Unfinished at the close (to the backlog and the next plan)', r.unfinished.map((u) => `- ${u.taskId} "${u.title}": ${u.status.replace('_', ' ')}, ${u.percent}%${u.assignee ? `, with ${u.assignee}` : ''}`), '');
  lines.push(
    '## Estimate accuracy per person',
    '',
    '| Person | Done | Failed | Estimated | Actual | Accuracy | Tasks per working day |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.agents.map((a) => `| ${a.name} | ${a.tasksDone} | ${a.tasksFailed} | ${a.estimatedHours}h | ${a.actualHours}h | ${pct(a.accuracy)} | ${a.tasksPerDay} |`),
    '',
    '## Estimate accuracy per domain',
    '',
    '| Domain | Done | Estimated | Actual | Accuracy |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.domains.map((d) => `| ${d.domain} | ${d.tasksDone} | ${d.estimatedHours}h | ${d.actualHours}h | ${pct(d.accuracy)} |`),
    '',
  );
  section('Learned for the next estimates', r.lessons.map((l) => `- ${l.next}`), 'No task was finished, so nothing changes in the estimates.');
  return lines.join('\n');
}

/** A few lines for `huddle status` and the room's `status`: where the sprint stands now. */
export function statusLines(m: SprintMetrics, openEscalations: number): string[] {
  const bar = (percent: number, width = 20) => '█'.repeat(Math.round((percent / 100) * width)).padEnd(width, '░');
  const state = m.status === 'active' ? `working day ${Math.min(m.elapsedWorkdays, m.workdays)} of ${m.workdays}` : m.status;
  return [
    `# ${m.name} (${state}): ${m.completion.done}/${m.completion.total} tasks done ${bar(m.completion.percent)} ${m.completion.percent}%`,
    `points ${m.completion.pointsDone}/${m.completion.pointsTotal} · hours ${m.completion.hoursDone}/${m.completion.hoursTotal} · velocity ${velocity(m)}`,
    `blocked ${m.tasksBlocked} · at risk ${m.tasksAtRisk} · overdue ${m.tasksOverdue} · open escalations ${openEscalations} · blockers so far ${m.blockers.count} (mean ${hrs(m.blockers.meanHoursToUnblock)} to unblock)`,
    ...m.agents.map((a) => `  ${a.name.padEnd(20)} ${String(a.tasksDone).padStart(3)} done  ${a.estimatedHours}h est / ${a.actualHours}h actual${a.accuracy === null ? '' : ` (${pct(a.accuracy)} accurate)`}`),
  ];
}
