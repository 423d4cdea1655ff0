import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import type { HubEvent, Task } from '../collaboration-server/protocol.js';
import type { Card } from '../collaboration-server/cards.js';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { makeEscalation } from './helpers/monitor-fixtures.js';
import { eventLine, initialState, lineToRun, nextStep, promptEscalation, reduce, type UiAction, type UiState } from '../cli/ui/state.js';
import { keyOutcome } from '../cli/ui/key-outcome.js';
import { chatRows } from '../cli/ui/chat-rows.js';
import { chatWidth } from '../cli/ui/screen.js';
import { keyActions } from '../cli/ui/keys.js';
import { complete } from '../cli/input/complete.js';
import { loadHours, sprintProgress, teamList } from '../cli/room.js';

const ts = Date.UTC(2026, 10, 21, 9, 30);
const alice = { id: 'p1', name: 'Alice', role: 'backend-dev' };
const lead = { id: 'p0', name: 'Lead', role: 'orchestrator' };
let seq = 0;
const message = (text: string, extra: Partial<Extract<HubEvent, { type: 'message' }>> = {}): HubEvent => ({
  seq: ++seq,
  ts,
  type: 'message',
  from: lead,
  to: { kind: 'all' },
  text,
  ...extra,
});
const task = (over: Partial<Task> = {}): Task => ({
  id: 'T-1',
  sprintId: 'S-1',
  title: 'Login endpoint',
  description: '',
  objective: '',
  domain: 'api',
  role: 'backend-dev',
  estimateHours: 6,
  points: 3,
  priority: 'high',
  acceptance: [],
  dependsOn: [],
  assignee: 'Alice',
  rationale: '',
  status: 'pending',
  percent: 0,
  due: null,
  atRisk: false,
  startedAt: null,
  completedAt: null,
  createdAt: ts,
  updatedAt: ts,
  notes: [],
  ...over,
});
const escalation = makeEscalation({ impact: 'sprint slips', reason: 'capacity', createdAt: ts });
const sprint = { id: 'S-1', number: 1, closedAt: null, name: 'Sprint 1', goal: '', startsAt: ts, endsAt: ts + 864e5, status: 'active' as const, objectives: [], createdAt: ts };

const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(reduce, state);
const asAlice = () => initialState({ name: 'Alice', role: 'backend-dev' }, [...BUILT_IN_ROLES]);
const asOwner = () => initialState({ name: 'Pat', role: 'human' }, [...BUILT_IN_ROLES]);
const key = (over: Partial<Key> = {}): Key => ({ upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...over }) as Key;

describe('the terminal reducer', () => {
  it('turns messages into chat lines and marks the ones addressed to me', () => {
    const s = run(asAlice(), { type: 'event', event: message('hello all') }, { type: 'event', event: message('just you', { to: { kind: 'participant', name: 'Alice' } }) }, { type: 'event', event: message('backend folks', { to: { kind: 'role', role: 'backend-dev' } }) }, { type: 'event', event: message('qa folks', { to: { kind: 'role', role: 'qa' } }) });
    expect(s.lines.map((l) => [l.text, l.forMe])).toEqual([
      ['hello all', false],
      ['just you', true],
      ['backend folks', true],
      ['qa folks', false],
    ]);
    expect(s.lines[1]?.to).toBe('Alice');
  });

  it('shows a task given to me with the way to accept it, and tracks it in the room', () => {
    let s = run(asAlice(), { type: 'tasks', reply: { kind: 'tasks', sprint, tasks: [task()] } });
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'task', task: task({ status: 'assigned' }), change: { taskId: 'T-1', action: 'assign', by: 'Lead', from: 'pending', to: 'assigned', note: null, percent: null, assignee: 'Alice', previousAssignee: null } } });
    expect(s.lines.at(-1)?.forMe).toBe(true);
    expect(s.lines.at(-1)?.text).toContain('T-1 is yours: Login endpoint (6h). /accept T-1');
    expect(s.room.tasks[0]?.status).toBe('assigned');
    expect(loadHours(s.room, 'Alice')).toBe(6);
    expect(sprintProgress(s.room)).toMatchObject({ done: 0, total: 1, percent: 0 });
  });

  it('walks the input history with Up and Down and comes back to an empty line', () => {
    let s = run(asAlice(), { type: 'submitted', line: 'first' }, { type: 'submitted', line: '/who' });
    s = run(s, { type: 'history', direction: 'older' });
    expect(s.input).toBe('/who');
    s = run(s, { type: 'history', direction: 'older' }, { type: 'history', direction: 'older' });
    expect(s.input).toBe('first');
    s = run(s, { type: 'history', direction: 'newer' });
    expect(s.input).toBe('/who');
    s = run(s, { type: 'history', direction: 'newer' });
    expect([s.input, s.historyIndex]).toEqual(['', null]);
  });

  it('scrolls back by rows and keeps the place while new lines arrive, within bounds', () => {
    let s = run(asAlice(), { type: 'resize', columns: 100, rows: 30 });
    for (let i = 0; i < 60; i++) s = reduce(s, { type: 'event', event: message(`m${i}`) });
    s = run(s, { type: 'scroll', by: 10 });
    expect(s.scroll).toBe(10);
    s = run(s, { type: 'event', event: message('new') });
    expect(s.scroll).toBe(11);
    s = run(s, { type: 'event', event: message('a long one '.repeat(20)) });
    const tall = chatRows(s.lines.at(-1)!, chatWidth(s)).length;
    expect(tall).toBeGreaterThan(2);
    expect(s.scroll).toBe(11 + tall);
    s = run(s, { type: 'scroll', by: -100 });
    expect(s.scroll).toBe(0);
    s = run(s, { type: 'scroll', by: 1000 });
    // 61 one-row lines and the tall one in 26 rows (30 less the input box and the status bar): the first row at the top
    expect(s.scroll).toBe(61 + tall - 26);
  });

  it('opens the product owner prompt on an escalation and closes it on the decision', () => {
    let s = run(asOwner(), { type: 'event', event: { seq: ++seq, ts, type: 'escalation', escalation } });
    expect([s.focus, promptEscalation(s)?.id]).toEqual(['escalation', 'E-1']);
    s = run(s, { type: 'select', by: 1 }, { type: 'select', by: 1 });
    expect(s.selected).toBe(2); // the "write an answer" entry
    s = run(s, { type: 'select', by: 1 });
    expect(s.selected).toBe(0);
    s = run(s, { type: 'focus', focus: 'input' });
    expect([s.focus, promptEscalation(s)?.id]).toEqual(['input', 'E-1']); // still visible until answered
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'decision', escalation: { ...escalation, status: 'answered' }, decision: { id: 'D-1', escalationId: 'E-1', option: 'B', text: 'defer', by: 'Pat', createdAt: ts } } });
    expect(promptEscalation(s)).toBeUndefined();
  });

  it("turns the product owner's line into an answer while the prompt has focus", () => {
    let s = run(asOwner(), { type: 'event', event: { seq: ++seq, ts, type: 'escalation', escalation } });
    expect(lineToRun(s, '')).toBe('/answer E-1 A'); // Enter picks the highlighted option
    expect(lineToRun(s, 'b because the sprint is full')).toBe('/answer E-1 b because the sprint is full');
    expect(lineToRun(s, '/who')).toBe('/who'); // a slash command stays one
    s = run(s, { type: 'select', by: 2 });
    expect(lineToRun(s, '')).toBeNull(); // "write an answer" with nothing written
    s = run(s, { type: 'focus', focus: 'input' });
    expect(lineToRun(s, 'hello')).toBe('hello');
  });

  it('keeps the option being chosen when another escalation queues behind the prompt, or the start-up reply repeats it', () => {
    let s = run(asOwner(), { type: 'event', event: { seq: ++seq, ts, type: 'escalation', escalation } });
    s = run(s, { type: 'select', by: 1 });
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'escalation', escalation: { ...escalation, id: 'E-2' } } });
    expect([promptEscalation(s)?.id, s.selected]).toEqual(['E-1', 1]);
    s = run(s, { type: 'escalations', reply: { kind: 'escalations', escalations: [escalation], decisions: [] } });
    expect([promptEscalation(s)?.id, s.selected]).toEqual(['E-1', 1]);
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'decision', escalation: { ...escalation, status: 'answered' }, decision: { id: 'D-1', escalationId: 'E-1', option: 'B', text: '', by: 'Pat', createdAt: ts } } });
    s = run(s, { type: 'escalations', reply: { kind: 'escalations', escalations: [{ ...escalation, id: 'E-2' }], decisions: [] } });
    expect([promptEscalation(s)?.id, s.selected]).toEqual(['E-2', 0]); // a new prompt starts at its first option
  });

  it('gives other roles no escalation prompt', () => {
    const s = run(asAlice(), { type: 'event', event: { seq: ++seq, ts, type: 'escalation', escalation } });
    expect([s.focus, promptEscalation(s)]).toEqual(['input', undefined]);
  });

  it('opens the prompt for escalations still open at start', () => {
    const s = run(asOwner(), { type: 'escalations', reply: { kind: 'escalations', escalations: [escalation], decisions: [] } });
    expect(s.focus).toBe('escalation');
  });

  it('shows someone going away or coming back in the roster only, and joining in the chat too', () => {
    const bob = { id: 'p2', name: 'Bob', role: 'qa' };
    const presence = (change: 'joined' | 'away' | 'online', who = bob): HubEvent => ({ seq: ++seq, ts, type: 'presence', participant: { ...who, status: change === 'away' ? 'away' : 'online' }, change });
    const s = run(asAlice(), { type: 'event', event: presence('joined') }, { type: 'event', event: presence('away') }, { type: 'event', event: presence('joined', alice) });
    expect(s.room.roster).toEqual([{ ...bob, status: 'away' }, { ...alice, status: 'online' }]);
    // my own join I know: no line for it
    expect(s.lines.map((l) => l.text)).toEqual(['Bob joined']);
    expect(run(s, { type: 'event', event: presence('online') }).lines).toHaveLength(1);
    // nothing to show in an empty pane leaves it at the bottom (it once scrolled to -1 and said so)
    expect(run(asAlice(), { type: 'event', event: presence('away') }, { type: 'result', ts, result: { kind: 'none' } }).scroll).toBe(0);
  });

  it('records the connection state with what waits in the outbox', () => {
    const s = run(asAlice(), { type: 'connection', state: 'reconnecting', queued: 2 });
    expect([s.connection, s.queued]).toEqual(['reconnecting', 2]);
  });

  it('shows command results and errors as local lines', () => {
    const s = run(asAlice(), { type: 'result', ts, result: { kind: 'error', message: 'T-9 is not yours.', code: 'FORBIDDEN' } }, { type: 'result', ts, result: { kind: 'lines', title: 'Participants', lines: ['online qa Q'] } });
    expect(s.lines.map((l) => [l.kind, l.text])).toEqual([
      ['error', 'T-9 is not yours.'],
      ['local', 'Participants\n  online qa Q'],
    ]);
  });
});

describe('the team list', () => {
  it('puts who is online first, then away, then offline, by name within each', () => {
    const roster = [
      { id: '1', name: 'Zoe', role: 'qa', status: 'online' as const },
      { id: '2', name: 'Al', role: 'qa', status: 'offline' as const },
      { id: '3', name: 'Bo', role: 'qa', status: 'away' as const },
      { id: '4', name: 'Cy', role: 'qa', status: 'online' as const },
    ];
    expect(teamList({ ...asAlice().room, roster }).map((e) => e.participant.name)).toEqual(['Cy', 'Zoe', 'Bo', 'Al']);
  });
});

describe("the lead's next step under a card", () => {
  const capacity: Card = { kind: 'capacity', days: 5, totalHours: 54, bookedPercent: 0, agents: [] } as unknown as Card;
  it('is the last line of the text when the card does not carry it', () => {
    const ask = 'What should this sprint achieve? Give me 2-3 objectives in one message.';
    expect(nextStep(`Sprint capacity: 5 days.\n  Alice (qa): 18h available\nTotal: 54h available.\n${ask}`, capacity)).toBe(ask);
    const line = eventLine(message(`Sprint capacity: 5 days.\n${ask}`, { card: capacity }), { name: 'Pat', role: 'human' });
    expect(line).toMatchObject({ text: `Sprint capacity: 5 days.\n${ask}`, next: ask });
  });

  it('is nothing for one-line texts, a last table row, or a line the card already shows', () => {
    expect(nextStep('T-3 moves from Bob to Alice.', capacity)).toBeUndefined();
    expect(nextStep('Capacity:\n  Alice (qa): 18h', capacity)).toBeUndefined();
    const objectives = { kind: 'objectives', balance: 'Balanced: "quote" kept.' } as unknown as Card;
    expect(nextStep('Objectives (2):\nBalanced: "quote" kept.', objectives)).toBeUndefined();
  });
});

describe('key outcomes', () => {
  it('edits the input as it is now, completes names, and hands Enter the line', () => {
    const s = run(asAlice(), { type: 'welcome', welcome: { type: 'welcome', id: 'h', protocol: 1, participant: { ...alice, status: 'online' }, sessionId: 's', resumed: false, roster: [{ id: 'p2', name: 'Backend Developer', role: 'backend-dev', status: 'online' }], history: [], lastSeq: 0 } }, { type: 'input', text: '/dm Ba' });
    expect(keyOutcome({ type: 'insert', text: 'c' }, s)).toEqual({ type: 'state', action: { type: 'input', text: '/dm Bac' } });
    expect(keyOutcome({ type: 'backspace' }, s)).toEqual({ type: 'state', action: { type: 'input', text: '/dm B' } });
    expect(keyOutcome({ type: 'complete' }, s)).toEqual({ type: 'state', action: { type: 'input', text: '/dm "Backend Developer" ', completions: ['"Backend Developer"'] } });
    expect(keyOutcome({ type: 'submit' }, s)).toEqual({ type: 'submit', line: '/dm Ba' });
    // a page is the chat's height less two rows: 30 rows less the input box, the status bar and two
    expect(keyOutcome({ type: 'page-up' }, s)).toEqual({ type: 'state', action: { type: 'scroll', by: 24 } });
    expect(keyOutcome({ type: 'quit' }, s)).toEqual({ type: 'quit' });
  });
});

describe('keys', () => {
  it('maps keys to named actions, arrows by focus', () => {
    expect(keyActions('', key({ upArrow: true }), 'input')).toEqual([{ type: 'history-older' }]);
    expect(keyActions('', key({ upArrow: true }), 'escalation')).toEqual([{ type: 'option-prev' }]);
    expect(keyActions('', key({ pageUp: true }), 'input')).toEqual([{ type: 'page-up' }]);
    expect(keyActions('c', key({ ctrl: true }), 'input')).toEqual([{ type: 'quit' }]);
    expect(keyActions('x', key(), 'input')).toEqual([{ type: 'insert', text: 'x' }]);
  });

  it('splits a pasted chunk with line breaks into text and Enters', () => {
    expect(keyActions('hello\r/who\r', key(), 'input')).toEqual([{ type: 'insert', text: 'hello' }, { type: 'submit' }, { type: 'insert', text: '/who' }, { type: 'submit' }]);
    expect(keyActions('/acc\t', key(), 'input')).toEqual([{ type: 'insert', text: '/acc' }, { type: 'complete' }]);
  });
});

describe('tab completion', () => {
  it('completes commands after a slash and names elsewhere, quoting names with spaces', () => {
    expect(complete('/pro', []).line).toBe('/progress ');
    expect(complete('/dm Ba', ['Backend Developer', 'Alice']).line).toBe('/dm "Backend Developer" ');
    expect(complete('/dm A', ['Alice', 'Ann'])).toEqual({ line: '/dm A', options: ['Alice', 'Ann'] });
    expect(complete('/dm Al', ['Alice', 'Alina']).line).toBe('/dm Ali');
  });

  it("offers only my role's commands", () => {
    const owner = run(asOwner(), { type: 'input', text: '/pl' });
    expect(keyOutcome({ type: 'complete' }, owner)).toMatchObject({ action: { text: '/plan ' } });
    const dev = run(asAlice(), { type: 'input', text: '/pl' });
    expect(keyOutcome({ type: 'complete' }, dev)).toMatchObject({ action: { text: '/pl', completions: [] } });
  });
});

describe('start-up replies that settle after newer events', () => {
  it('do not undo what the events said', () => {
    const assigned = task({ status: 'assigned', updatedAt: ts + 5 });
    let s = run(asOwner(), { type: 'event', event: { seq: ++seq, ts, type: 'sprint', by: 'Lead', sprint, tasks: [task()] } });
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'task', task: assigned, change: { taskId: 'T-1', action: 'assign', by: 'Lead', from: 'pending', to: 'assigned', note: null, percent: null, assignee: 'Alice', previousAssignee: null } } });
    s = run(s, { type: 'event', event: { seq: ++seq, ts, type: 'decision', escalation: { ...escalation, status: 'answered' }, decision: { id: 'D-1', escalationId: 'E-1', option: 'A', text: '', by: 'Pat', createdAt: ts } } });
    s = run(s, { type: 'tasks', reply: { kind: 'tasks', sprint: null, tasks: [] } }, { type: 'escalations', reply: { kind: 'escalations', escalations: [escalation], decisions: [] } });
    expect([s.room.sprint?.id, s.room.tasks.map((t) => t.status)]).toEqual(['S-1', ['assigned']]);
    s = run(s, { type: 'tasks', reply: { kind: 'tasks', sprint, tasks: [task()] } });
    expect(s.room.tasks.map((t) => t.status)).toEqual(['assigned']);
    expect(promptEscalation(s)).toBeUndefined();
  });
});
