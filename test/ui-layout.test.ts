/**
 * The ink UI's layout as rows (cli/ui/*-rows.ts, screen.ts): what each region shows, and that every
 * row fits its width as a terminal measures it (wide and combining characters included).
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../collaboration-server/cards.js';
import type { Task } from '../collaboration-server/protocol.js';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { textWidth } from '../cli/text-width.js';
import { rowWidth, span, tableRows, wrapSpans, type Row } from '../cli/ui/rows.js';
import { chatRows } from '../cli/ui/chat-rows.js';
import { escalationRows } from '../cli/ui/escalation-rows.js';
import { statusRow } from '../cli/ui/status-row.js';
import { panelRows } from '../cli/ui/panel-rows.js';
import { taskViewRows } from '../cli/ui/task-view-rows.js';
import { taskLines } from '../cli/task-lines.js';
import { resultLines } from '../cli/plain/format.js';
import { layoutScreen } from '../cli/ui/screen.js';
import { initialState, reduce, type ChatLine, type UiAction } from '../cli/ui/state.js';
import { makeEscalation, makeTask } from './helpers/monitor-fixtures.js';
import { cardBox, rowsText } from './helpers/rows.js';

const ts = Date.UTC(2026, 10, 21, 9, 30);
let id = 0;
const line = (over: Partial<ChatLine>): ChatLine => ({ id: ++id, ts, kind: 'message', from: { id: 'p', name: 'Alice', role: 'backend-dev' }, text: 'hello', forMe: false, ...over });
const fits = (rows: Row[], width: number) => expect(rows.map(rowWidth).filter((w) => w > width)).toEqual([]);
const ZOE = 'Zoë 🚀 前端';

describe('text measured as a terminal does', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(textWidth(ZOE)).toBe(11);
    expect(textWidth('Zoe\u0308')).toBe(3);
    expect(rowWidth([span('前端'), span(' ok')])).toBe(7);
  });

  it('wraps at spaces, hangs the later rows under one indent and drops the space at the break', () => {
    const rows = wrapSpans([span('09:30 '), span('one two three four five six seven')], 20, 6);
    expect(rows.map((r) => r.map((s) => s.text).join(''))).toEqual(['09:30 one two three', '      four five six', '      seven']);
    // a word wider than the row is cut between graphemes, wide ones too
    const wide = wrapSpans([span('前端前端前端前端前端')], 7);
    fits(wide, 7);
    expect(wide.map((r) => r.map((s) => s.text).join(''))).toEqual(['前端前', '端前端', '前端前', '端']);
    // a newline starts a hanging row that keeps its own leading spaces
    expect(rowsText(wrapSpans([span('title\n  item')], 30, 6))).toBe('title\n        item');
  });

  it('fits a table to its width: the last column wraps under itself', () => {
    const rows = tableRows([[[span('key')], [span('title')]], [[span('T-1')], [span('a rather long title that cannot fit')]]], 20, { header: true });
    fits(rows, 20);
    expect(rowsText(rows)).toBe('key  title\nT-1  a rather long\n     title that\n     cannot fit');
  });
});

describe('chat lines', () => {
  it('show the time, the role badge, the name and the text', () => {
    expect(rowsText(chatRows(line({}), 80))).toMatch(/09:30 +backend-dev +Alice: hello/);
  });

  it('mark a message addressed to me and say to whom it went', () => {
    expect(rowsText(chatRows(line({ forMe: true, to: 'Bob', text: 'review please' }), 80))).toMatch(/09:30 ▶ +backend-dev +Alice → Bob: review please/);
  });

  it('show room events and errors without a badge', () => {
    expect(rowsText(chatRows(line({ kind: 'notice', text: '# T-1 start' }), 80))).toContain('09:30 • # T-1 start');
    expect(rowsText(chatRows(line({ kind: 'error', text: 'T-1 is not yours.' }), 80))).toContain('✗ T-1 is not yours.');
  });

  it('wrap long text under the speaker, every row at the same indent, within the width', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const rows = chatRows(line({ text, from: { id: 'z', name: ZOE, role: 'frontend-dev' } }), 50);
    fits(rows, 50);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rowsText(rows).split('\n').slice(1)) expect(row).toMatch(/^ {6}\S/);
  });

  it("show a lead's card instead of its text, with the next step under it", () => {
    const card: Card = { kind: 'progress_check', taskId: 'T-3', title: 'Parser', silentForMinutes: 95, percent: 40, questions: ['Still on it?'] };
    const text = rowsText(chatRows(line({ from: { id: 'l', name: 'Lead', role: 'orchestrator' }, text: 'Checking on T-3: no update for 95 min.\nReply with: /progress T-3 PCT', card, next: 'Reply with: /progress T-3 PCT' }), 80));
    expect(text).not.toContain('Checking on T-3');
    expect(text).toMatch(/orchestrator +Lead\n {6}╭[\s\S]*Progress check T-3 — Parser[\s\S]*Still on it\?[\s\S]*╯\n {6}Reply with: \/progress T-3 PCT/);
  });

  it('mark what waits for the hub, then that it was sent', () => {
    expect(rowsText(chatRows(line({ pending: true, text: 'typed offline' }), 80))).toMatch(/Alice: typed offline · queued, sent when the hub is back/);
    expect(rowsText(chatRows(line({ sent: true, text: 'typed offline' }), 80))).toMatch(/Alice: typed offline ✓ sent/);
  });
});

const breakdown: Card = {
  kind: 'breakdown',
  strategy: 'balanced',
  tasks: [
    { key: 'T-1', title: 'Login API', objective: 'o', role: 'backend-dev', hours: 6, stage: 1, acceptance: [], dependsOn: [], assignee: ZOE, rationale: 'knows api; 6/30h', overCapacity: false },
    { key: 'T-2', title: 'Login tests', objective: 'o', role: 'qa', hours: 18.5, stage: 2, acceptance: [], dependsOn: ['T-1'], assignee: null, rationale: 'nobody who takes tasks is online', overCapacity: true },
  ],
  stages: 2,
  criticalPathHours: 24.5,
  totalHours: 24.5,
  capacityHours: 40,
  fits: true,
  overloads: [],
  cuts: [],
};

describe('cards', () => {
  it('render a breakdown as a table with what each task waits for and why its assignee was chosen', () => {
    const text = cardBox(breakdown, 110);
    expect(text).toContain('Task breakdown (balanced) — 2 tasks, 24.5h of 40h');
    expect(text).toMatch(/key +stage +hours +after +assignee +title/);
    expect(text).toMatch(/T-1 +1 +6h +- +Zoë 🚀 前端 +Login API/);
    expect(text).toMatch(/T-2 +2 +18\.5h +T-1 +\(qa\) ! +Login tests/);
    expect(text).toMatch(/why: knows api; 6\/30h/);
    expect(text).toContain('critical path 24.5h');
    fits(text.split('\n').map((l) => [span(l)]), 110);
  });

  it('render a compact breakdown in a narrow chat: two rows a task, dependencies and reasons kept', () => {
    const rows = chatRows(line({ from: { id: 'l', name: 'Lead', role: 'orchestrator' }, text: 'plan', card: breakdown }), 80);
    fits(rows, 80);
    const text = rowsText(rows);
    expect(text).toMatch(/T-1 +6h +Login API +│\n[│ ]+→ Zoë 🚀 前端 · knows api; 6\/30h/);
    expect(text).toMatch(/T-2 +18\.5h +Login tests +│\n[│ ]+→ \(qa\) ! · after T-1 · nobody who takes tasks is online/);
  });

  it('keep a box whole around names with emoji and CJK characters: one row each, as wide as the rest', () => {
    const capacity: Card = { kind: 'capacity', startsAt: 0, endsAt: 0, days: 5, agents: [{ name: ZOE, role: 'frontend-dev', hoursPerDay: 6, capacityHours: 30, availableHours: 24, loadHours: 6, bookedPercent: 20 }], totalHours: 24, bookedPercent: 20 };
    const rows = cardBox(capacity, 70).split('\n');
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map(textWidth))).toEqual(new Set([70]));
  });

  it('render a progress check with a progress bar and the questions', () => {
    const text = cardBox({ kind: 'progress_check', taskId: 'T-3', title: 'Parser', silentForMinutes: 95, percent: 40, questions: ['Still on it?'] });
    expect(text).toContain('Progress check T-3 — Parser');
    expect(text).toContain('████████░░░░░░░░░░░░  40%');
    expect(text).toContain('? Still on it?');
  });

  it('render a sprint report with its completion bar and per-person table', () => {
    const text = cardBox({ kind: 'sprint_report', sprintId: 'S-1', name: 'Sprint 1', tasksDone: 3, tasksTotal: 4, completionPercent: 75, velocityPointsPerDay: 2, velocityHoursPerDay: 5, blockers: { count: 1, meanHoursToUnblock: 2 }, agents: [{ name: 'Alice', tasksDone: 3, estimatedHours: 12, actualHours: 10, accuracyPercent: 83 }] });
    expect(text).toContain('3/4 tasks done');
    expect(text).toContain(' 75%');
    expect(text).toMatch(/Alice +3 +12h +10h +83%/);
  });
});

const escalation = makeEscalation({
  taskId: 'T-2',
  title: 'Payments API down',
  blocker: 'vendor outage',
  impact: 'checkout slips',
  options: [
    { key: 'A', label: 'mock it for now', effect: 'note' },
    { key: 'B', label: 'drop T-2', effect: 'drop' },
  ],
  createdAt: ts,
});

describe('the escalation prompt', () => {
  it('shows the options with the highlighted one marked', () => {
    const text = rowsText(escalationRows({ escalation, selected: 1, focused: true, more: 0 }, 80, 20));
    expect(text).toContain('Decision needed E-1 (T-2): Payments API down');
    expect(text).toContain('  A) mock it for now');
    expect(text).toContain('❯ B) drop T-2');
    expect(text).toContain('↑/↓ choose · Enter answer');
  });

  it('offers the free-text answer as the last entry', () => {
    expect(rowsText(escalationRows({ escalation, selected: 2, focused: true, more: 1 }, 80, 20))).toMatch(/\+1 more open[\s\S]*❯ or type your own answer/);
  });

  it('stays visible without focus and says how to come back', () => {
    const text = rowsText(escalationRows({ escalation, selected: 0, focused: false, more: 0 }, 80, 20));
    expect(text).not.toContain('❯');
    expect(text).toContain('Ctrl+E to answer');
  });

  it('gives up the blocker and the impact before it gives up an option, to stay within its rows', () => {
    const long = makeEscalation({ ...escalation, blocker: 'x '.repeat(200), impact: 'y '.repeat(200) });
    const rows = escalationRows({ escalation: long, selected: 0, focused: true, more: 0 }, 60, 8);
    expect(rows.length).toBeLessThanOrEqual(8);
    fits(rows, 60);
    expect(rowsText(rows)).toMatch(/A\) mock it[\s\S]*B\) drop T-2/);
  });
});

describe('the status bar', () => {
  const me = { name: 'Alice', role: 'backend-dev' };
  const sprint = { name: 'Sprint 1', done: 2, total: 5, percent: 50 };
  it('says online and shows sprint progress', () => {
    const text = rowsText([statusRow({ connection: 'online', queued: 0, spinnerFrame: 0, me, sprint }, 120, '/help')]);
    expect(text).toContain('● online');
    expect(text).toContain('Alice (backend-dev)');
    expect(text).toContain('Sprint 1 2/5 done █████░░░░░  50%');
    expect(rowsText([statusRow({ connection: 'online', queued: 0, spinnerFrame: 0, me, sprint: { ...sprint, closed: true } }, 120, '/help')])).toContain('Sprint 1 (closed) 2/5 done');
    expect(rowsText([statusRow({ connection: 'online', queued: 0, spinnerFrame: 0, me, away: true, sprint: null }, 120, '/help')])).toMatch(/^◐ away │ Alice/);
  });

  it('spins while reconnecting and counts the queued messages', () => {
    const a = rowsText([statusRow({ connection: 'reconnecting', queued: 2, spinnerFrame: 0, me, sprint: null }, 120, '/help')]);
    const b = rowsText([statusRow({ connection: 'reconnecting', queued: 2, spinnerFrame: 1, me, sprint: null }, 120, '/help')]);
    expect(a).toContain('⠋ reconnecting… · 2 messages queued');
    expect(b).toContain('⠙ reconnecting…');
    expect(a).toContain('no active sprint');
  });

  it('stays on its one line when the terminal is narrow: keys first, then the bar, then the name is cut with an ellipsis', () => {
    const long = { name: 'Product Owner of the whole company', role: 'human' };
    for (const width of [120, 80, 60, 45]) {
      const row = statusRow({ connection: 'reconnecting', queued: 12, spinnerFrame: 0, me: long, sprint }, width, '/help · Ctrl+T team · PgUp/PgDn · Ctrl+C');
      expect(rowWidth(row)).toBeLessThanOrEqual(width);
    }
    const text = rowsText([statusRow({ connection: 'online', queued: 0, spinnerFrame: 0, me: long, sprint }, 60, '/help')]);
    expect(text).toMatch(/^● online │ Product Owner of the.*… │ Sprint 1 2\/5 · 50%$/);
  });
});

describe('the side panel', () => {
  const task: Task = makeTask({ id: 'T-1', title: 'Login API', assignee: 'Alice', status: 'in_progress', percent: 50 });
  const roster = [
    { participant: { id: '1', name: 'Alice', role: 'backend-dev', status: 'online' as const }, loadHours: 6 },
    { participant: { id: '2', name: 'Bob', role: 'qa', status: 'offline' as const }, loadHours: 0 },
    { participant: { id: '3', name: ZOE, role: 'frontend-dev', status: 'online' as const }, loadHours: 3 },
  ];
  it('lists the roster with status and load, and my tasks with status', () => {
    const text = rowsText(panelRows({ roster, tasks: [task], title: 'My tasks', showAssignee: false }, 38, 20));
    expect(text).toMatch(/● Alice +backend-dev 6h/);
    expect(text).toMatch(/○ Bob +qa/);
    expect(text).toMatch(/● Zoë 🚀 前端 +frontend-dev 3h/);
    expect(text).toMatch(/T-1 in progress ███░░░  50%/);
    expect(text).toContain('Login API');
  });

  it('is exactly its box, whatever the roster: names cut with an ellipsis, the rest counted', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ participant: { id: `m${i}`, name: `Member with a long name ${i}`, role: 'backend-dev', status: 'online' as const }, loadHours: 2 }));
    const rows = panelRows({ roster: many, tasks: [task, { ...task, id: 'T-2' }], title: 'My tasks', showAssignee: false }, 30, 16);
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map(rowWidth))).toEqual(new Set([30]));
    const text = rowsText(rows);
    expect(text).toMatch(/… \d+ more/);
    expect(text).toContain('My tasks');
    expect(text).toMatch(/● Member with… +backen… 2h/);
    expect(text).toMatch(/T-1 in progress ███░░  50%/);
  });
});

describe('a task in full', () => {
  const design = makeTask({ id: 'T-1', title: 'Design auth', status: 'done' });
  const impl = makeTask({
    id: 'T-2',
    title: 'Implement auth',
    dependsOn: ['T-1'],
    assignee: ZOE,
    rationale: 'knows auth',
    acceptance: ['tokens refresh'],
    notes: ['halfway'],
    description: 'implement task '.repeat(12),
    status: 'in_progress',
    percent: 50,
  });
  const events = Array.from({ length: 30 }, (_, i) => ({
    seq: i + 1,
    ts: Date.UTC(2026, 0, 5, 9, i),
    type: 'task' as const,
    task: impl,
    change: { taskId: 'T-2', action: 'progress' as const, by: ZOE, from: 'in_progress' as const, to: 'in_progress' as const, note: `step ${i + 1}`, percent: i, assignee: null, previousAssignee: null },
  }));
  const { title, lines } = taskLines({ kind: 'task', task: impl, sprint: null, events, earlier: 0 }, [design, impl]);
  const view = { id: 'T-2', title, lines, top: 0 };
  const text = (top: number, width = 60, height = 20) => rowsText(taskViewRows({ ...view, top }, width, height));

  it('shows the lines the plain mode prints, wrapped in a box, at most as tall as its region', () => {
    const rows = taskViewRows(view, 60, 20);
    fits(rows, 60);
    expect(rows).toHaveLength(20);
    expect(rowsText(rows)).toMatch(/T-2 Implement auth[\s\S]*in progress, 50%[\s\S]*Assignee: Zoë 🚀 前端 — why: knows auth[\s\S]*Description: implement task/);
    // the plain mode prints the same lines
    const plain = resultLines({ kind: 'task', taskId: 'T-2', title, lines }).join('\n');
    for (const line of lines.slice(0, 4)) expect(plain).toContain(line);
  });

  it('scrolls to its last row, the history, and says where it is', () => {
    expect(text(0)).toMatch(/rows 1–17 of \d+ · PgUp\/PgDn scroll · Esc closes/);
    expect(text(0)).not.toContain('step 30');
    const end = text(1000);
    expect(end).toMatch(/09:29 # T-2 progress 29% by Zoë 🚀 前端 — Implement +│\n│ +auth: step 30/);
    expect(end).not.toContain('Description');
    // every line is on some page: the whole box, top to bottom, holds what the plain mode prints
    const pages = Array.from({ length: 6 }, (_, i) => text(i * 17)).join('\n');
    expect(pages).toMatch(/Waits for: T-1 Design auth \(done, Ada\)[\s\S]*Notes:[\s\S]*halfway[\s\S]*History:[\s\S]*step 1\b/);
    expect(end).toMatch(/rows \d+–(\d+) of \1 · /);
  });

  it('names who the plan gave a held-back task to, and says it has nobody yet', () => {
    const held = makeTask({ id: 'T-3', title: 'Test auth', dependsOn: ['T-2'], assignee: null, plannedAssignee: ZOE, status: 'pending' });
    const shown = taskLines({ kind: 'task', task: held, sprint: null, events: [], earlier: 0 }, [design, impl, held]).lines;
    expect(shown).toContain(`Assignee: nobody yet (planned for ${ZOE}, once what it waits for is done)`);
    const unplanned = taskLines({ kind: 'task', task: { ...held, plannedAssignee: null }, sprint: null, events: [], earlier: 0 }, [held]).lines;
    expect(unplanned).toContain('Assignee: nobody yet');
  });

  it('needs no scrolling when it fits', () => {
    expect(rowsText(taskViewRows({ id: 'T-1', title: 'T-1 Design auth', lines: ['Done when: it is drawn'], top: 0 }, 60, 20))).toMatch(/Done when: it is drawn[\s\S]*│ Esc closes/);
  });
});

describe('the screen', () => {
  const me = { name: 'Pat', role: 'human' };
  const build = (columns: number, rows: number, ...actions: UiAction[]) => [{ type: 'resize', columns, rows } as const, ...actions].reduce(reduce, initialState(me, [...BUILT_IN_ROLES], ts));
  const talk: UiAction[] = Array.from({ length: 40 }, (_, i) => ({ type: 'event', event: { seq: i + 1, ts, type: 'message', from: { id: 'a', name: ZOE, role: 'frontend-dev' }, to: { kind: 'all' }, text: `message ${i} `.repeat(8) } }));

  it.each([
    [80, 24],
    [100, 30],
    [160, 50],
  ])('at %i×%i is exactly the terminal: as many rows, none wider', (columns, rows) => {
    const s = layoutScreen(build(columns, rows, ...talk), 0);
    expect(s.main.length + s.bottom.length).toBe(rows);
    fits(s.main, s.mainWidth);
    fits(s.bottom, columns);
    if (s.side) {
      expect(s.side).toHaveLength(s.main.length);
      expect(s.mainWidth + s.sideWidth).toBe(columns);
    }
  });

  it('collapses the side panel below 100 columns, and Ctrl+T shows it in the chat’s place', () => {
    expect(layoutScreen(build(80, 24), 0).side).toBeNull();
    expect(layoutScreen(build(100, 30), 0).side).not.toBeNull();
    const shown = layoutScreen(build(80, 24, { type: 'toggle-panel' }), 0);
    expect(rowsText(shown.main)).toContain('Team');
    expect(rowsText(layoutScreen(build(80, 24, { type: 'toggle-panel' }, { type: 'close-overlay' }), 0).main)).not.toContain('Team');
  });

  it('scrolls by rows and never past the first row', () => {
    const s = build(80, 24, ...talk, { type: 'scroll', by: 10_000 });
    const top = layoutScreen(s, 0).main;
    expect(rowsText(top)).toContain('message 0 ');
    expect(rowsText(top).split('\n').at(-1)).toMatch(/newer row\(s\) below/);
  });
});
