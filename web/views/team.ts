/** The team: presence, the work each person holds against the hours left in the sprint, blocked and quiet badges. */
import { teamRows } from '../../collaboration-server/team-view.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { hours, span } from './format.js';

export function teamView(state: PageState, now: number): SafeHtml {
  const rows = teamRows(state.roster, state.tasks, state.sprint, state.roles, now);
  if (rows.length === 0) return html`<p class="empty">Nobody has joined yet.</p>`;
  return html`<table class="team">
<thead><tr><th>Who</th><th>Role</th><th>Load against capacity</th><th>Tasks</th><th>Badges</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr class="member member-${r.status}" data-member="${r.name}">
  <td><span class="presence presence-${r.status}" title="${r.status}"></span><span class="name">${r.name}</span> <span class="status-word">${r.status}</span></td>
  <td>${r.title}</td>
  <td>${
    r.capacityHours === null
      ? html`<span class="muted">${r.takesTasks ? 'no sprint' : 'takes no tasks'}</span>`
      : html`<meter min="0" max="${Math.max(r.capacityHours, r.loadHours, 1)}" low="${r.capacityHours * 0.7}" high="${r.capacityHours}" optimum="0" value="${r.loadHours}"></meter>
    <span class="load${r.loadPercent !== null && r.loadPercent > 100 ? ' over' : ''}">${hours(r.loadHours)} of ${hours(r.capacityHours)}${r.loadPercent !== null ? ` (${Math.round(r.loadPercent)}%)` : ''}</span>`
  }</td>
  <td>${r.activeTasks} open · ${r.doneTasks} done</td>
  <td>${r.blocked.length ? html`<span class="badge badge-blocked">blocked: ${r.blocked.map((id) => html`<a href="${PageLink.to('task', id)}">${id}</a> `)}</span>` : ''}${
    r.quiet && r.lastUpdate !== null ? html`<span class="badge badge-quiet" title="no update on work in progress">quiet ${span(now - r.lastUpdate)}</span>` : ''
  }</td>
</tr>`,
  )}</tbody></table>
<p class="hint">Capacity is the role's hours a day over the working days left in the sprint; load is the estimate left on each unfinished task. Quiet: work in progress with no update for 30 minutes, when the lead would ask how it goes.</p>`;
}
