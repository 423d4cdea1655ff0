/** The frame around every view: the sprint at a glance, the connection, and the views to go to. */
import type { SprintMetrics } from '../../collaboration-server/metrics.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { percent } from './format.js';

export const VIEWS = ['board', 'graph', 'team', 'escalations', 'charts', 'activity', 'report'] as const;
export type ViewName = (typeof VIEWS)[number];

const TITLES: Record<ViewName, string> = {
  board: 'Board',
  graph: 'Dependencies',
  team: 'Team',
  escalations: 'Escalations',
  charts: 'Burndown & velocity',
  activity: 'Activity',
  report: 'Report',
};

const LINK_WORDS = { connecting: 'connecting…', online: 'live', reconnecting: 'reconnecting…', 'signed-out': 'signed out' } as const;

export function headerView(state: PageState, m: SprintMetrics | null, current: ViewName | 'task'): SafeHtml {
  const open = state.escalations.filter((e) => e.status === 'open').length;
  return html`<div class="top">
  <div class="sprint">${state.sprint ? html`<b class="sprint-name">${state.sprint.name}</b>${m ? html` <span class="sprint-progress">${m.tasksDone}/${m.tasksTotal - m.tasksCancelled} done (${percent(m.completionRate)})</span>` : ''}` : html`<b>No sprint yet</b>`}</div>
  <div class="me">${state.me.name} <span class="role">${state.me.role}</span> <span class="link link-${state.link}" id="link-state">${LINK_WORDS[state.link]}</span> <button type="button" id="sign-out">Sign out</button></div>
</div>
<nav>${VIEWS.map((v) => html`<a href="${PageLink.to(v)}" class="${v === current ? 'current' : ''}">${TITLES[v]}${v === 'escalations' && open ? html` <span class="count attention">${open}</span>` : ''}</a>`)}</nav>
${state.problem ? html`<p class="problem">${state.problem}</p>` : ''}
${state.link === 'signed-out' ? html`<p class="problem">This page is signed out (the session ended or the hub forgot it). Run <code>huddle web</code> for a new link.</p>` : ''}`;
}

export const viewTitle = (view: ViewName): string => TITLES[view];
