/** The activity feed: chat and task events, newest first, as the product owner may see them. */
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { STATUS_LABELS, time, when } from './format.js';

const taskLink = (id: string): SafeHtml => html`<a class="tid" href="${PageLink.to('task', id)}">${id}</a>`;

export function feedItem(event: HubEvent): SafeHtml {
  switch (event.type) {
    case 'message': {
      const to = event.to.kind === 'participant' ? ` → ${event.to.name}` : event.to.kind === 'role' ? ` → @${event.to.role}` : '';
      return html`<span class="who">${event.from.name}</span> <span class="role">${event.from.role}</span><span class="to">${to}</span> <div class="text">${event.text}</div>`;
    }
    case 'task': {
      const { change, task } = event;
      const moved = change.from !== change.to ? html` <span class="move">${STATUS_LABELS[change.from]} → ${STATUS_LABELS[change.to]}</span>` : '';
      const who = change.assignee && (change.action === 'assign' || change.action === 'reassign') ? ` to ${change.assignee}` : '';
      const pct = change.percent !== null ? ` ${change.percent}%` : '';
      return html`<span class="who">${change.by}</span> <span class="action">${change.action.replace('_', ' ')}</span> ${taskLink(task.id)} <span class="task-title">${task.title}</span>${moved}${pct}${who}${change.note ? html`<div class="text">${change.note}</div>` : ''}`;
    }
    case 'sprint':
      return html`<span class="who">${event.by}</span> <span class="action">planned</span> sprint <b>${event.sprint.name}</b>: ${event.tasks.length} task(s)`;
    case 'escalation':
      return html`<span class="eid">${event.escalation.id}</span> needs the product owner: <b>${event.escalation.title}</b> <a href="${PageLink.to('escalations')}">answer</a>`;
    case 'decision':
      return html`<span class="who">${event.decision.by}</span> <span class="action">decided</span> <span class="eid">${event.escalation.id}</span>: ${event.decision.text}`;
    case 'presence':
      return html`<span class="who">${event.participant.name}</span> ${event.change}`;
  }
}

export function feedView(state: PageState, limit = 200): SafeHtml {
  const items = state.feed.slice(-limit).reverse();
  if (items.length === 0) return html`<p class="empty">Nothing has happened yet.</p>`;
  return html`<ol class="feed">${items.map((e) => html`<li class="item item-${e.type}" data-seq="${e.seq}"><time title="${when(e.ts)}">${time(e.ts)}</time> ${feedItem(e)}</li>`)}</ol>`;
}
