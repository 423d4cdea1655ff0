/**
 * The page at run time: it holds the state, follows the hub over the WebSocket, and draws the current
 * view. Drawing is one function of the state per region; a region whose markup did not change is left
 * alone, and one that did is changed only where it differs (morph.ts), so inputs keep what was typed
 * in them and their focus.
 */
import { computeMetrics, type SprintMetrics } from '../collaboration-server/metrics.js';
import { summarizeSprint } from '../collaboration-server/sprint-summary.js';
import type { TaskDetail } from '../collaboration-server/web/task-detail.js';
import * as api from './api-client.js';
import { html, type SafeHtml } from './html.js';
import { HubLink } from './hub-link.js';
import { morph } from './morph.js';
import { emptyPage, foldPage, withEscalations, withHistory, withTaskEvents, withTasks, withWelcome, type PageState } from './page-state.js';
import { boardView, type BoardFilter } from './views/board.js';
import { burndownChart, velocityChart } from './views/charts.js';
import { escalationsView } from './views/escalations.js';
import { feedView } from './views/feed.js';
import { graphView } from './views/graph.js';
import { headerView, VIEWS, viewTitle, type ViewName } from './views/layout.js';
import { reportView } from './views/report.js';
import { taskPage } from './views/task-page.js';
import { teamView } from './views/team.js';

type Route = { view: ViewName } | { view: 'task'; id: string };

function routeOf(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (view === 'task' && id) return { view: 'task', id };
  return { view: (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewName) : 'board' };
}

export class App {
  private state: PageState;
  private readonly link: HubLink;
  private route: Route = routeOf(location.hash);
  private filter: BoardFilter = { assignee: '', words: '' };
  private readonly sending = new Set<string>();
  private readonly answerErrors = new Map<string, string>();
  private readonly details = new Map<string, TaskDetail>();
  private metricsFor: PageState | null = null;
  private metrics: SprintMetrics | null = null;
  private drawn = { header: '', view: '' };
  private frame = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: api.SessionInfo,
  ) {
    this.state = emptyPage(session.participant, session.roles);
    this.link = new HubLink(
      { url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`, name: session.participant.name, role: session.participant.role, protocol: session.protocol, signedIn: api.stillSignedIn },
      {
        welcome: (welcome, replayed) => {
          this.update(withWelcome(this.state, welcome, replayed));
          if (!this.state.loaded) this.load();
        },
        event: (event) => {
          this.update(foldPage(this.state, event));
          if (event.type === 'sprint') void this.loadSprints();
          if (event.type === 'task' && this.route.view === 'task' && this.route.id === event.task.id) void this.loadDetail(event.task.id);
        },
        state: (link) => this.update({ ...this.state, link }),
        problem: (problem) => this.update({ ...this.state, problem }),
      },
    );
  }

  start(): void {
    this.root.innerHTML = '<header id="header"></header><main id="view"></main>';
    this.root.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('input', (e) => this.onInput(e));
    window.addEventListener('hashchange', () => {
      this.route = routeOf(location.hash);
      if (this.route.view === 'task') void this.loadDetail(this.route.id);
      this.draw();
    });
    // times move on: the quiet badges and "due" marks are redrawn now and then
    setInterval(() => this.schedule(), 30_000);
    if (this.route.view === 'task') void this.loadDetail(this.route.id);
    this.link.start();
    void this.loadSprints();
    this.draw();
  }

  /** The start-up queries, each reply merged as it arrives. */
  private load(): void {
    const merge = <T>(p: Promise<T>, fold: (s: PageState, r: T) => PageState) =>
      p.then((r) => this.update(fold(this.state, r))).catch((err: Error) => this.update({ ...this.state, problem: err.message }));
    void Promise.all([
      merge(this.link.request<'tasks'>({ type: 'tasks' }), withTasks).then(() => merge(this.link.request<'task_events'>({ type: 'task_events' }), withTaskEvents)),
      merge(this.link.request<'escalations'>({ type: 'escalations', status: 'all' }), withEscalations),
      merge(this.link.request<'history'>({ type: 'history', all: true, limit: 300 }), withHistory),
    ]).then(() => this.update({ ...this.state, loaded: true }));
  }

  private async loadSprints(): Promise<void> {
    try {
      const { sprints } = await api.sprints();
      this.update({ ...this.state, sprints });
    } catch (err) {
      this.update({ ...this.state, problem: (err as Error).message });
    }
  }

  private async loadDetail(id: string): Promise<void> {
    try {
      this.details.set(id, await api.taskDetail(id));
      this.schedule();
    } catch {
      // a task of another sprint, or none: the page says so from what it knows
    }
  }

  private update(state: PageState): void {
    this.state = state;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private currentMetrics(): SprintMetrics | null {
    if (this.metricsFor !== this.state) {
      this.metricsFor = this.state;
      const { sprint, tasks, taskEvents } = this.state;
      this.metrics = sprint ? computeMetrics(sprint, tasks, taskEvents, Date.now()) : null;
    }
    return this.metrics;
  }

  private viewMarkup(now: number): SafeHtml {
    const s = this.state;
    const m = this.currentMetrics();
    switch (this.route.view) {
      case 'board':
        return boardView(s, this.filter, now);
      case 'graph':
        return graphView(s);
      case 'team':
        return teamView(s, now);
      case 'escalations':
        return escalationsView(s, { sending: this.sending, errors: this.answerErrors });
      case 'charts': {
        const live = s.sprint && m ? s.sprints.map((x) => (x.sprint.id === s.sprint!.id ? summarizeSprint(s.sprint!, m) : x)) : s.sprints;
        const sprints = s.sprint && m && !live.some((x) => x.sprint.id === s.sprint!.id) ? [...live, summarizeSprint(s.sprint, m)] : live;
        return html`${m ? burndownChart(m) : ''}${velocityChart(sprints, s.sprint?.id ?? null)}`;
      }
      case 'activity':
        return feedView(s);
      case 'report':
        return reportView(s, m);
      case 'task':
        return taskPage(s, this.route.id, this.details.get(this.route.id) ?? null);
    }
  }

  private draw(): void {
    const now = Date.now();
    document.title = `${this.route.view === 'task' ? this.route.id : viewTitle(this.route.view)} · ${this.state.sprint?.name ?? 'Huddle'}`;
    this.paint('header', headerView(this.state, this.currentMetrics(), this.route.view).markup);
    this.paint('view', this.viewMarkup(now).markup);
  }

  /** Brings a region to its new markup, if it changed, touching only what differs (morph.ts). */
  private paint(region: 'header' | 'view', markup: string): void {
    if (this.drawn[region] === markup) return;
    this.drawn[region] = markup;
    const el = document.getElementById(region)!;
    morph(el, markup); // markup made by html`` only: every participant string in it was escaped
    for (const select of el.querySelectorAll<HTMLSelectElement>('select[data-value]')) {
      if (select.value !== (select.dataset.value ?? '')) select.value = select.dataset.value ?? '';
    }
  }

  private onInput(e: Event): void {
    const target = e.target as HTMLElement;
    if (target.id === 'filter-words') this.filter = { ...this.filter, words: (target as HTMLInputElement).value };
    else if (target.id === 'filter-assignee') this.filter = { ...this.filter, assignee: (target as HTMLSelectElement).value };
    else return;
    this.schedule();
  }

  private onClick(e: MouseEvent): void {
    const target = (e.target as HTMLElement).closest('button');
    if (!target) return;
    if (target.classList.contains('answer')) void this.answer(target.dataset.escalation ?? '', target.dataset.option ?? '');
    else if (target.id === 'print-report') window.print();
    else if (target.id === 'sign-out') void this.signOut();
  }

  /** The product owner's answer: the same escalation_answer frame a terminal's /answer sends. */
  private async answer(escalationId: string, option: string): Promise<void> {
    const note = (document.getElementById(`note-${escalationId}`) as HTMLTextAreaElement | null)?.value.trim() ?? '';
    if (!option && !note) {
      this.answerErrors.set(escalationId, 'Pick an option, or write a note to send on its own.');
      return this.schedule();
    }
    this.sending.add(escalationId);
    this.answerErrors.delete(escalationId);
    this.schedule();
    try {
      await this.link.send({ type: 'escalation_answer', escalationId, ...(option ? { option } : {}), ...(note ? { text: note } : {}) });
    } catch (err) {
      this.answerErrors.set(escalationId, (err as Error).message);
    } finally {
      this.sending.delete(escalationId);
      this.schedule();
    }
  }

  private async signOut(): Promise<void> {
    await api.signOut(this.session.csrf).catch(() => undefined);
    location.href = '/';
  }
}

