/**
 * The board: a column per status, a card per task with its assignee, estimate, progress, due time and
 * at-risk mark, the tasks it waits for (ticked once done) and, on a blocked card, the blocker's reason.
 * A filter by person and by words keeps a board of a thousand tasks readable.
 */
import type { Task, TaskStatus } from '../../collaboration-server/protocol.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import { blockReasons, type PageState } from '../page-state.js';
import { hours, STATUS_LABELS, STATUS_ORDER, when } from './format.js';

export interface BoardFilter {
  assignee: string;
  words: string;
}

/** Columns always shown; failed and cancelled only when they hold a task. */
const ALWAYS: readonly TaskStatus[] = ['pending', 'assigned', 'accepted', 'in_progress', 'blocked', 'done'];

export function matches(task: Task, filter: BoardFilter): boolean {
  if (filter.assignee && (task.assignee ?? '') !== filter.assignee) return false;
  const words = filter.words.trim().toLowerCase();
  return !words || `${task.id} ${task.title} ${task.assignee ?? ''} ${task.domain}`.toLowerCase().includes(words);
}

export function dependencyChips(task: Task, byId: ReadonlyMap<string, Task>): SafeHtml {
  if (task.dependsOn.length === 0) return html``;
  const chips = task.dependsOn.map((id) => {
    const dep = byId.get(id);
    const done = dep?.status === 'done';
    return html`<a class="dep ${done ? 'dep-done' : 'dep-open'}" href="${PageLink.to('task', id)}" title="${dep ? `${dep.title} (${STATUS_LABELS[dep.status]})` : id}">${id}${done ? ' ✓' : ''}</a>`;
  });
  return html`<div class="deps">needs ${chips}</div>`;
}

function card(task: Task, byId: ReadonlyMap<string, Task>, reason: { reason: string; by: string } | undefined, now: number): SafeHtml {
  const overdue = task.due !== null && task.due < now && task.status !== 'done' && task.status !== 'cancelled';
  const pct = task.status === 'done' ? 100 : Math.round(task.percent);
  return html`<article class="card card-${task.status}${task.atRisk ? ' at-risk' : ''}" id="card-${task.id}" data-task="${task.id}">
  <header><a class="tid" href="${PageLink.to('task', task.id)}">${task.id}</a><span class="prio prio-${task.priority}">${task.priority}</span>${task.atRisk ? html`<span class="badge badge-risk">at risk</span>` : ''}</header>
  <h3 class="title">${task.title}</h3>
  <div class="meta"><span class="who">${task.assignee ?? `${task.role}, unassigned`}</span> · <span class="estimate">${hours(task.estimateHours)}</span>${task.points ? html` · <span>${task.points} pt</span>` : ''}${task.due !== null ? html` · <span class="due${overdue ? ' overdue' : ''}">due ${when(task.due)}</span>` : ''}</div>
  <div class="progress"><progress value="${pct}" max="100"></progress><span class="pct">${pct}%</span></div>
  ${dependencyChips(task, byId)}
  ${task.status === 'blocked' ? html`<p class="blocker">Blocked${reason ? html`: <span class="reason">${reason.reason || 'no reason given'}</span> <span class="by">(${reason.by})</span>` : ''}</p>` : ''}
</article>`;
}

export function boardView(state: PageState, filter: BoardFilter, now: number): SafeHtml {
  const byId = new Map(state.tasks.map((t) => [t.id, t]));
  const reasons = blockReasons(state);
  const shown = state.tasks.filter((t) => matches(t, filter));
  const people = [...new Set(state.tasks.map((t) => t.assignee).filter((a): a is string => !!a))].sort();
  const columns = STATUS_ORDER.filter((s) => ALWAYS.includes(s) || shown.some((t) => t.status === s)).map((status) => {
    const cards = shown.filter((t) => t.status === status).map((t) => card(t, byId, reasons.get(t.id), now));
    return html`<section class="column column-${status}" id="column-${status}" data-status="${status}"><h2>${STATUS_LABELS[status]} <span class="count">${cards.length}</span></h2><div class="cards">${cards}</div></section>`;
  });
  if (!state.sprint) return html`<p class="empty">No sprint yet. The product owner starts one in a terminal by typing <code>plan sprint</code>.</p>`;
  return html`<form class="filters" id="board-filter">
  <label>Person <select id="filter-assignee" name="assignee" data-value="${filter.assignee}"><option value="">everyone</option>${people.map((p) => html`<option value="${p}">${p}</option>`)}</select></label>
  <label>Find <input id="filter-words" name="words" type="search" value="${filter.words}" placeholder="id, title, person"></label>
  <span class="shown">${shown.length} of ${state.tasks.length} tasks</span>
</form>
<div class="board">${columns}</div>`;
}
