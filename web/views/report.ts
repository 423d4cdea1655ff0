/** The sprint report as a printable page: the figures of `huddle report`, with the burndown drawn. */
import type { SprintMetrics } from '../../collaboration-server/metrics.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { burndownChart } from './charts.js';
import { hours, percent, STATUS_LABELS, STATUS_ORDER, when } from './format.js';

const orDash = (x: number | null, unit = ''): string => (x === null ? '—' : `${x}${unit}`);

export function reportView(state: PageState, m: SprintMetrics | null): SafeHtml {
  if (!state.sprint || !m) return html`<p class="empty">There is no sprint to report on yet.</p>`;
  const open = state.escalations.filter((e) => e.status === 'open');
  return html`<article class="report">
<p class="no-print"><button type="button" id="print-report">Print</button> or save as PDF from the print dialog.</p>
<h1>Sprint report: ${m.name}</h1>
<p class="dates">${when(m.startsAt)} → ${when(m.endsAt)} · report at ${when(m.at)}</p>
${state.sprint.goal ? html`<p class="goal">Goal: ${state.sprint.goal}</p>` : ''}
<h2>Summary</h2>
<ul class="summary">
<li>Tasks done: <b>${m.tasksDone}</b> of ${m.tasksTotal - m.tasksCancelled} (${percent(m.completionRate)}); ${m.tasksCancelled} cancelled, ${m.tasksBlocked} blocked, ${m.tasksAtRisk} at risk, ${m.tasksOverdue} overdue</li>
<li>Points: ${m.pointsDone} of ${m.pointsTotal}; hours: ${m.hoursDone} of ${m.hoursTotal}</li>
<li>Velocity: ${m.velocityPointsPerDay} points a day, ${m.velocityHoursPerDay} hours a day (over ${m.elapsedDays} day(s))</li>
<li>Blockers: ${m.blockers.count} (${m.blockers.open} open, ${m.blockers.reports} reports); time to unblock: mean ${orDash(m.blockers.meanHoursToUnblock, 'h')}, longest ${orDash(m.blockers.maxHoursToUnblock, 'h')}</li>
<li>Escalations waiting for the product owner: ${open.length}</li>
</ul>
${burndownChart(m)}
<h2>Per agent</h2>
<table class="agents"><thead><tr><th>Agent</th><th>Done</th><th>Failed</th><th>Estimated</th><th>Actual</th><th>Accuracy</th><th>Tasks a day</th></tr></thead>
<tbody>${m.agents.map((a) => html`<tr><td>${a.name}</td><td>${a.tasksDone}</td><td>${a.tasksFailed}</td><td>${hours(a.estimatedHours)}</td><td>${hours(a.actualHours)}</td><td>${a.accuracy === null ? '—' : percent(a.accuracy)}</td><td>${a.tasksPerDay}</td></tr>`)}</tbody></table>
<h2>Tasks</h2>
${STATUS_ORDER.map((status) => {
  const tasks = state.tasks.filter((t) => t.status === status);
  return tasks.length
    ? html`<h3>${STATUS_LABELS[status]} (${tasks.length})</h3><ul class="report-tasks">${tasks.map((t) => html`<li><a href="${PageLink.to('task', t.id)}">${t.id}</a> ${t.title} — ${t.assignee ?? 'unassigned'}, ${hours(t.estimateHours)}</li>`)}</ul>`
    : '';
})}
<h2>Burndown figures</h2>
<table class="burndown-table"><thead><tr><th>Working day</th><th>At</th><th>Remaining points</th><th>Remaining hours</th><th>Ideal points</th></tr></thead>
<tbody>${m.burndown.map((p) => html`<tr><td>${p.day}</td><td>${when(p.at)}</td><td>${p.remainingPoints}</td><td>${p.remainingHours}</td><td>${p.idealPoints}</td></tr>`)}</tbody></table>
</article>`;
}
