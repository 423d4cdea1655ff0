/** One task's page: what it is, what it waits for and unblocks, its notes, artifacts and history. */
import type { Task } from '../../collaboration-server/protocol.js';
import type { TaskDetail } from '../../collaboration-server/web/task-detail.js';
import { flag, html, PageLink, type SafeHtml } from '../html.js';
import { blockReasons, type PageState } from '../page-state.js';
import { dependencyChips } from './board.js';
import { hours, STATUS_LABELS, when } from './format.js';

const field = (label: string, value: SafeHtml | string | number): SafeHtml => html`<dt>${label}</dt><dd>${value}</dd>`;

/** `detail`: the task's artifacts from GET /api/tasks/:id, once fetched. */
export function taskPage(state: PageState, id: string, detail: TaskDetail | null): SafeHtml {
  const task = state.tasks.find((t) => t.id === id) ?? detail?.task;
  if (!task) return html`<p class="empty">No task ${id} in this sprint. <a href="${PageLink.to('board')}">Back to the board</a>.</p>`;
  const byId = new Map(state.tasks.map((t) => [t.id, t]));
  const waiting: Task[] = state.tasks.filter((t) => t.dependsOn.includes(task.id));
  const reason = blockReasons(state).get(task.id);
  const history = state.taskEvents.filter((e) => e.task.id === task.id);
  const events = history.length ? history : (detail?.events ?? []);
  const pct = task.status === 'done' ? 100 : Math.round(task.percent);
  return html`<article class="task-page card-${task.status}" data-task="${task.id}">
<header><span class="tid">${task.id}</span> <h2>${task.title}</h2> <span class="status status-${task.status}">${STATUS_LABELS[task.status]}</span>${task.atRisk ? html` <span class="badge badge-risk">at risk</span>` : ''}</header>
<div class="progress"><progress value="${pct}" max="100"></progress><span class="pct">${pct}%</span></div>
${task.status === 'blocked' ? html`<p class="blocker">Blocked${reason ? html`: <span class="reason">${reason.reason || 'no reason given'}</span> (${reason.by}, ${when(reason.at)})` : ''}</p>` : ''}
<dl class="fields">
${field('Assignee', task.assignee ?? `nobody yet (${task.role})`)}
${field('Estimate', `${hours(task.estimateHours)}${task.points ? `, ${task.points} points` : ''}`)}
${field('Priority', task.priority)}
${field('Due', task.due === null ? '—' : when(task.due))}
${field('Objective', task.objective || '—')}
${field('Domain', task.domain)}
${task.startedAt !== null ? field('Started', when(task.startedAt)) : ''}
${task.completedAt !== null ? field('Finished', when(task.completedAt)) : ''}
</dl>
${task.dependsOn.length ? dependencyChips(task, byId) : ''}
${waiting.length ? html`<div class="deps">unblocks ${waiting.map((t) => html`<a class="dep" href="${PageLink.to('task', t.id)}" title="${t.title}">${t.id}</a> `)}</div>` : ''}
<h3>Description</h3>
<div class="text">${task.description || '—'}</div>
${task.rationale ? html`<h3>Why this way</h3><div class="text">${task.rationale}</div>` : ''}
<h3>Acceptance</h3>
${task.acceptance.length ? html`<ul class="acceptance">${task.acceptance.map((a) => html`<li>${a}</li>`)}</ul>` : html`<p class="muted">None written.</p>`}
<h3>Notes</h3>
${task.notes.length ? html`<ul class="notes">${task.notes.map((n) => html`<li class="text">${n}</li>`)}</ul>` : html`<p class="muted">No notes.</p>`}
<h3>Artifacts</h3>
${
  detail === null
    ? html`<p class="muted">Loading…</p>`
    : detail.artifacts.length
      ? detail.artifacts.map((a) => html`<details class="artifact" ${flag('open', a.kind === 'log')}><summary>${a.kind} (${a.chars} characters${a.truncated ? ', the end shown' : ''})</summary><pre>${a.content}</pre></details>`)
      : html`<p class="muted">None.</p>`
}
<h3>History</h3>
<table class="history"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Note</th></tr></thead><tbody>
${events.map((e) => html`<tr><td>${when(e.ts)}</td><td>${e.change.by}</td><td>${e.change.action.replace('_', ' ')}${e.change.from !== e.change.to ? ` (${STATUS_LABELS[e.change.from]} → ${STATUS_LABELS[e.change.to]})` : ''}${e.change.percent !== null ? ` ${e.change.percent}%` : ''}${e.change.assignee && (e.change.action === 'assign' || e.change.action === 'reassign') ? ` → ${e.change.assignee}` : ''}</td><td class="text">${e.change.note ?? ''}</td></tr>`)}
</tbody></table>
</article>`;
}
