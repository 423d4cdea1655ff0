/**
 * The web page without a browser: the hub serves its files (and only them) with safe headers; the
 * modules it loads import nothing a browser cannot resolve (no zod: see web/frames.ts); the page's
 * state folds events and merges start-up replies; every view draws hostile text as text.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Escalation, HubEvent, Task, TaskEvent } from '../collaboration-server/protocol.js';
import { computeMetrics } from '../collaboration-server/metrics.js';
import { emptyPage, foldPage, withEscalations, withTasks, type PageState } from '../web/page-state.js';
import { boardView } from '../web/views/board.js';
import { burndownChart, velocityChart } from '../web/views/charts.js';
import { escalationsView } from '../web/views/escalations.js';
import { feedView } from '../web/views/feed.js';
import { graphView } from '../web/views/graph.js';
import { headerView } from '../web/views/layout.js';
import { reportView } from '../web/views/report.js';
import { taskPage } from '../web/views/task-page.js';
import { teamView } from '../web/views/team.js';
import { assertBuilt } from './helpers/cli.js';
import { HOSTILE_HTML } from './helpers/hostile-html.js';
import { DAY, HOUR, T0, makeEscalation, makeSprint, makeTask, person, taskEvent } from './helpers/monitor-fixtures.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { webRequest } from './helpers/web.js';
import { summarizeSprint } from '../collaboration-server/sprint-summary.js';

const STATIC = fileURLToPath(new URL('../dist/web-static/', import.meta.url));

describe('the page’s files', () => {
  let hub: TestHub;
  beforeAll(async () => {
    assertBuilt();
    hub = await startTestHub();
  });
  afterAll(async () => hub?.close());

  it('serves the page at /, /login and its modules, with a strict Content-Security-Policy', async () => {
    const { port } = hub.running;
    for (const path of ['/', '/login', '/index.html']) {
      const res = await webRequest(port, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<script type="module" src="/js/web/main.js"></script>');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'; style-src 'self';/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await webRequest(port, '/js/web/main.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await webRequest(port, '/style.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('serves nothing outside its two folders, and nothing but its file types', async () => {
    const { port } = hub.running;
    for (const path of ['/../package.json', '/js/../../package.json', '/%2e%2e/package.json', '/js/%2e%2e/%2e%2e/huddle.db', '/tsconfig.json', '/main.ts', '/js/web/main.ts', '/admin.token']) {
      expect((await webRequest(port, path)).status, path).toBe(404);
    }
    expect((await webRequest(port, '/', { method: 'POST' })).status).toBe(404);
  });

  it('loads modules that import only other served modules: no bare specifier such as zod', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^\.\.?\//);
        visit(normalize(join(dirname(file), specifier!)));
      }
    };
    visit(join(STATIC, 'web', 'main.js'));
    expect(seen.size).toBeGreaterThan(15);
    expect([...seen].some((f) => f.endsWith('protocol.js'))).toBe(false);
    // the page's hub link runs on the Node client's own outbox, event cursor and backoff
    for (const shared of ['outbox.js', 'event-cursor.js', 'backoff.js']) expect(seen, shared).toContain(join(STATIC, 'collaboration-server', shared));
  });

  it('serves the modules the page shares with the Node client', async () => {
    for (const shared of ['outbox.js', 'event-cursor.js', 'backoff.js']) {
      const res = await webRequest(hub.running.port, `/js/collaboration-server/${shared}`);
      expect(res.status, shared).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    }
  });
});

const task = (fields: Partial<Task>): Task => makeTask({ sprintId: 'S-1', ...fields });
const ev = (t: Task, action: TaskEvent['change']['action'], from: Task['status'], to: Task['status'], ts: number, note: string | null = null, seq = 0): TaskEvent => {
  const e = taskEvent(t, { action, from, to, note, by: t.assignee ?? 'Lead' }, ts);
  return seq ? { ...e, seq } : e;
};

describe('the page’s state', () => {
  const me = { name: 'Product Owner', role: 'human' };
  const sprint = makeSprint();
  const base: PageState = { ...emptyPage(me, []), sprint, tasks: [task({ id: 'T-1', status: 'in_progress' }), task({ id: 'T-2', status: 'pending', dependsOn: ['T-1'] })] };

  it('moves a task to its new column when its event arrives, and keeps the event for the burndown', () => {
    const done = task({ id: 'T-1', status: 'done', completedAt: T0 + HOUR, updatedAt: T0 + HOUR });
    const next = foldPage(base, ev(done, 'done', 'in_progress', 'done', T0 + HOUR, null, 10));
    expect(next.tasks.find((t) => t.id === 'T-1')!.status).toBe('done');
    expect(next.taskEvents.map((e) => e.seq)).toEqual([10]);
    expect(next.feed.map((e) => e.seq)).toEqual([10]);
  });

  it('merges a start-up reply older than what the events said: the newer task stays', () => {
    const newer = foldPage(base, ev(task({ id: 'T-1', status: 'done', updatedAt: T0 + 2 * HOUR }), 'done', 'in_progress', 'done', T0 + 2 * HOUR, null, 11));
    const merged = withTasks(newer, { kind: 'tasks', sprint, tasks: [task({ id: 'T-1', status: 'in_progress', updatedAt: T0 }), task({ id: 'T-2', status: 'pending' })] });
    expect(merged.tasks.find((t) => t.id === 'T-1')!.status).toBe('done');
  });

  it('keeps an escalation answered even when a late reply says it is open', () => {
    const answered: Escalation = makeEscalation({ status: 'answered' });
    const decided = foldPage(base, { type: 'decision', seq: 12, ts: T0, escalation: answered, decision: { id: 'D-1', escalationId: 'E-1', option: 'A', text: 'drop', by: 'Product Owner', createdAt: T0 } });
    const merged = withEscalations(decided, { kind: 'escalations', escalations: [makeEscalation()], decisions: [] });
    expect(merged.escalations).toEqual([answered]);
    expect(merged.decisions.map((d) => d.id)).toEqual(['D-1']);
  });
});

describe('every view draws hostile text as text', () => {
  for (const hostile of HOSTILE_HTML) {
    it(hostile.name, () => {
      const text = hostile.text;
      const name = `Ada ${text}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 60);
      const t1 = task({ id: 'T-1', title: text, description: text, objective: text, acceptance: [text], notes: [text], assignee: name, status: 'blocked' });
      const t2 = task({ id: 'T-2', title: `after ${text}`, dependsOn: ['T-1'], status: 'pending', assignee: null });
      const blocked = ev(t1, 'block', 'in_progress', 'blocked', T0 + HOUR, text, 5);
      const chat: HubEvent = { type: 'message', seq: 6, ts: T0 + HOUR, from: { id: 'p', name, role: 'qa' }, to: { kind: 'all' }, text };
      const escalation = makeEscalation({ title: text, blocker: text, impact: text, reason: text, options: [{ key: 'A', label: text, effect: text }, { key: 'B', label: 'no', effect: 'note' }] });
      const state: PageState = {
        ...emptyPage({ name, role: 'human' }, [{ role: 'qa', title: text, hoursPerDay: 6, takesTasks: true }]),
        sprint: makeSprint({ name: text, goal: text }),
        tasks: [t1, t2],
        roster: [person(name, 'qa')],
        escalations: [escalation],
        taskEvents: [blocked],
        feed: [blocked, chat],
        problem: text,
      };
      const m = computeMetrics(state.sprint!, state.tasks, state.taskEvents, T0 + DAY);
      const views = [
        headerView(state, m, 'board'),
        boardView(state, { assignee: name, words: text }, T0 + DAY),
        graphView(state),
        teamView(state, T0 + DAY),
        escalationsView(state, { sending: new Set(), errors: new Map([['E-1', text]]) }),
        burndownChart(m),
        velocityChart([summarizeSprint(state.sprint!, m)], state.sprint!.id),
        feedView(state),
        taskPage(state, 'T-1', { task: t1, events: [blocked], notes: [text], artifacts: [{ kind: 'log', chars: text.length, content: text, truncated: false }] }),
        reportView(state, m),
      ];
      for (const view of views) {
        const markup = view.markup;
        // the hostile string itself never appears: only its escaped form
        if (/[<>"'&]/.test(text)) expect(markup).not.toContain(text);
        expect(markup).not.toMatch(/<(script|img|iframe|svg><script)\b/);
        expect(markup).not.toMatch(/\son\w+=["']?window/);
        expect(markup).not.toMatch(/href="javascript:/);
        expect(markup).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff\u0000-\u0008\u001b\u009b]/);
      }
    });
  }
});
