import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import type { ReactElement } from 'react';
import type { Card } from '../collaboration-server/cards.js';
import { ChatLineView } from '../cli/ui/components/ChatLineView.js';
import { CardView } from '../cli/ui/components/CardView.js';
import { EscalationPrompt } from '../cli/ui/components/EscalationPrompt.js';
import { makeEscalation } from './helpers/monitor-fixtures.js';
import { StatusBar } from '../cli/ui/components/StatusBar.js';
import { SidePanel } from '../cli/ui/components/SidePanel.js';
import type { ChatLine } from '../cli/ui/state.js';

/** The one way these tests render: the last frame as plain text, colours stripped. */
function screen(element: ReactElement): string {
  const { lastFrame } = render(element);
  return (lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
}
afterEach(cleanup);

const ts = Date.UTC(2026, 10, 21, 9, 30);
const line = (over: Partial<ChatLine>): ChatLine => ({ id: 1, ts, kind: 'message', from: { id: 'p', name: 'Alice', role: 'backend-dev' }, text: 'hello', forMe: false, ...over });

describe('chat lines', () => {
  it('show the time, the role badge, the name and the text', () => {
    expect(screen(<ChatLineView line={line({})} />)).toMatch(/09:30 +backend-dev +Alice: hello/);
  });

  it('mark a message addressed to me and say to whom it went', () => {
    const text = screen(<ChatLineView line={line({ forMe: true, to: 'Bob', text: 'review please' })} />);
    expect(text).toMatch(/09:30 ▶ +backend-dev +Alice → Bob: review please/);
  });

  it('show room events and errors without a badge', () => {
    expect(screen(<ChatLineView line={line({ kind: 'notice', text: '# T-1 start' })} />)).toContain('09:30 • # T-1 start');
    expect(screen(<ChatLineView line={line({ kind: 'error', text: 'T-1 is not yours.' })} />)).toContain('✗ T-1 is not yours.');
  });
});

describe('cards', () => {
  it('render a breakdown as a table inside a box', () => {
    const card: Card = {
      kind: 'breakdown',
      strategy: 'balanced',
      tasks: [
        { key: 'a', title: 'Login API', objective: 'o', role: 'backend-dev', hours: 6, stage: 1, acceptance: [], dependsOn: [], assignee: 'Alice', rationale: '', overCapacity: false },
        { key: 'b', title: 'Login tests', objective: 'o', role: 'qa', hours: 4, stage: 2, acceptance: [], dependsOn: ['a'], assignee: null, rationale: '', overCapacity: true },
      ],
      stages: 2,
      criticalPathHours: 10,
      totalHours: 10,
      capacityHours: 40,
      fits: true,
      overloads: [],
      cuts: [],
    };
    const text = screen(<CardView card={card} />);
    expect(text).toContain('Task breakdown (balanced) — 2 tasks, 10h of 40h');
    expect(text).toMatch(/key +stage +hours +assignee +title/);
    expect(text).toMatch(/a +1 +6h +Alice +Login API/);
    expect(text).toMatch(/b +2 +4h +\(qa\) ! +Login tests/);
    expect(text).toContain('critical path 10h');
    expect(text).toContain('╭');
    // a title too long for the box wraps under the title column, not under the key column
    const long = screen(<CardView card={{ ...card, tasks: [{ ...card.tasks[0]!, title: 'Implement user login with sessions, refresh tokens, rate limits and an audit trail of every sign-in' }] }} />);
    const first = long.split('\n').findIndex((l) => l.includes('Implement user login'));
    const next = long.split('\n')[first + 1] ?? '';
    expect(next).toMatch(/^ +│ +\w/);
    expect(next.search(/\w/)).toBe(long.split('\n')[first]!.indexOf('Implement'));
  });

  it("put the lead's next step under its card", () => {
    const card: Card = { kind: 'progress_check', taskId: 'T-3', title: 'Parser', silentForMinutes: 95, percent: 40, questions: ['Still on it?'] };
    const text = screen(<ChatLineView line={line({ from: { id: 'l', name: 'Lead', role: 'orchestrator' }, text: 'Checking on T-3.\nReply with: /progress T-3 PCT', card, next: 'Reply with: /progress T-3 PCT' })} />);
    expect(text).toMatch(/Lead: Checking on T-3\.\n[\s\S]*Still on it\?[\s\S]*╯\n {6}Reply with: \/progress T-3 PCT/);
  });

  it('render a progress check with a progress bar and the questions', () => {
    const text = screen(<CardView card={{ kind: 'progress_check', taskId: 'T-3', title: 'Parser', silentForMinutes: 95, percent: 40, questions: ['Still on it?'] }} />);
    expect(text).toContain('Progress check T-3 — Parser');
    expect(text).toContain('████████░░░░░░░░░░░░  40%');
    expect(text).toContain('? Still on it?');
  });

  it('render a sprint report with its completion bar and per-person table', () => {
    const text = screen(
      <CardView
        card={{ kind: 'sprint_report', sprintId: 'S-1', name: 'Sprint 1', tasksDone: 3, tasksTotal: 4, completionPercent: 75, velocityPointsPerDay: 2, velocityHoursPerDay: 5, blockers: { count: 1, meanHoursToUnblock: 2 }, agents: [{ name: 'Alice', tasksDone: 3, estimatedHours: 12, actualHours: 10, accuracyPercent: 83 }] }}
      />,
    );
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
    const text = screen(<EscalationPrompt escalation={escalation} selected={1} focused more={0} />);
    expect(text).toContain('Decision needed E-1 (T-2): Payments API down');
    expect(text).toContain('  A) mock it for now');
    expect(text).toContain('❯ B) drop T-2');
    expect(text).toContain('↑/↓ choose · Enter answer');
  });

  it('offers the free-text answer as the last entry', () => {
    expect(screen(<EscalationPrompt escalation={escalation} selected={2} focused more={1} />)).toMatch(/❯ or type your own answer[\s\S]*\+1 more open|\+1 more open[\s\S]*❯ or type your own answer/);
  });

  it('stays visible without focus and says how to come back', () => {
    const text = screen(<EscalationPrompt escalation={escalation} selected={0} focused={false} more={0} />);
    expect(text).not.toContain('❯');
    expect(text).toContain('Ctrl+E to answer');
  });
});

describe('the status bar', () => {
  const me = { name: 'Alice', role: 'backend-dev' };
  it('says online and shows sprint progress', () => {
    const text = screen(<StatusBar connection="online" queued={0} spinnerFrame={0} me={me} sprint={{ name: 'Sprint 1', done: 2, total: 5, percent: 50 }} />);
    expect(text).toContain('● online');
    expect(text).toContain('Alice (backend-dev)');
    expect(text).toContain('Sprint 1 2/5 done █████░░░░░  50%');
    expect(screen(<StatusBar connection="online" queued={0} spinnerFrame={0} me={me} sprint={{ name: 'Sprint 1', done: 2, total: 5, percent: 40, closed: true }} />)).toContain('Sprint 1 (closed) 2/5 done');
    expect(screen(<StatusBar connection="online" queued={0} spinnerFrame={0} me={me} away sprint={null} />)).toMatch(/^◐ away │ Alice/);
  });

  it('spins while reconnecting and counts the queued messages', () => {
    const a = screen(<StatusBar connection="reconnecting" queued={2} spinnerFrame={0} me={me} sprint={null} />);
    const b = screen(<StatusBar connection="reconnecting" queued={2} spinnerFrame={1} me={me} sprint={null} />);
    expect(a).toContain('⠋ reconnecting… · 2 messages queued');
    expect(b).toContain('⠙ reconnecting…');
    expect(a).toContain('no active sprint');
  });
});

describe('the side panel', () => {
  it('lists the roster with status and load, and my tasks with status', () => {
    const text = screen(
      <SidePanel
        roster={[
          { participant: { id: '1', name: 'Alice', role: 'backend-dev', status: 'online' }, loadHours: 6 },
          { participant: { id: '2', name: 'Bob', role: 'qa', status: 'offline' }, loadHours: 0 },
        ]}
        tasks={[{ id: 'T-1', sprintId: 'S', title: 'Login API', description: '', objective: '', domain: 'api', role: 'backend-dev', estimateHours: 6, points: 1, priority: 'high', acceptance: [], dependsOn: [], assignee: 'Alice', rationale: '', status: 'in_progress', percent: 50, due: null, atRisk: false, startedAt: null, completedAt: null, createdAt: ts, updatedAt: ts, notes: [] }]}
      />,
    );
    expect(text).toMatch(/● Alice +backend-dev 6h/);
    expect(text).toMatch(/○ Bob +qa/);
    expect(text).toMatch(/T-1 in progress ███░░░  50%/);
    expect(text).toContain('Login API');
  });
});
