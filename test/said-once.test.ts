/**
 * Each thing said once, in the ink UI's reducer and in the plain mode's lines: a lead's card in place
 * of its text, an escalation once (the product owner's prompt, or one line), a row of joins folded into
 * one line, chat typed offline shown once (pending, then sent), a task's details over the chat.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { escalationCard, announceEscalation } from '../orchestrator/monitoring/escalation.js';
import { eventLines } from '../cli/plain/format.js';
import { presenceBatch, PRESENCE_QUIET_MS } from '../cli/plain/presence-batch.js';
import { emptyRoom, foldEvent } from '../cli/room.js';
import { layoutScreen } from '../cli/ui/screen.js';
import { initialState, reduce, type UiAction, type UiState } from '../cli/ui/state.js';
import { makeEscalation, makeTask, T0 } from './helpers/monitor-fixtures.js';
import { rowsText } from './helpers/rows.js';
import { manualTimers } from './helpers/manual-timers.js';

let seq = 0;
const lead = { id: 'l', name: 'Tech Lead', role: 'orchestrator' };
const escalation = makeEscalation({ title: 'Scope too big', blocker: 'no time', impact: 'T-1 slips', createdAt: T0 });
const opened: HubEvent = { seq: ++seq, ts: T0, type: 'escalation', escalation };
const announce = announceEscalation(escalation);
const announcement: HubEvent = { seq: ++seq, ts: T0, type: 'message', from: lead, to: { kind: 'all' }, text: announce.type === 'chat' ? announce.text : '', card: escalationCard(escalation) };
const presence = (name: string, change: 'joined' | 'left', ts = T0): Extract<HubEvent, { type: 'presence' }> => ({ seq: ++seq, ts, type: 'presence', participant: { id: `p-${name}`, name, role: 'qa', status: change === 'left' ? 'offline' : 'online' }, change });

const run = (state: UiState, ...actions: UiAction[]) => actions.reduce(reduce, state);
const as = (name: string, role: string) => initialState({ name, role }, [...BUILT_IN_ROLES], T0, { columns: 100, rows: 40 });
const events = (...list: HubEvent[]): UiAction[] => list.map((event) => ({ type: 'event', event }));

describe('an escalation, once', () => {
  it('is the prompt alone for the product owner: no line for the hub’s event, none for the lead’s announcement', () => {
    const s = run(as('Pat', 'human'), ...events(opened, announcement));
    expect(s.lines).toEqual([]);
    expect(rowsText(layoutScreen(s, 0).bottom)).toContain('Decision needed E-1 (T-1): Scope too big');
  });

  it('is one line with its card for everyone else; the announcement is left out', () => {
    const s = run(as('Alice', 'backend-dev'), ...events(opened, announcement));
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]).toMatchObject({ kind: 'notice', card: { kind: 'escalation', escalationId: 'E-1' } });
  });

  it('is one block in the plain mode: the event with its blocker and impact, no announcement after it', () => {
    const me = { name: 'Alice', role: 'backend-dev' };
    const room = foldEvent(emptyRoom(me, [...BUILT_IN_ROLES]), opened);
    expect(eventLines(opened, me).join('\n')).toMatch(/E-1 needs the product owner: Scope too big[\s\S]*\| blocker: no time\n {3}\| impact: T-1 slips$/);
    expect(eventLines(announcement, me, { room })).toEqual([]);
  });
});

describe("a lead's card in the plain mode", () => {
  const card = { kind: 'reassignment', taskId: 'T-3', title: 'Parser', from: 'Bob', to: 'Alice', rationale: 'Bob is away' } as const;
  const message: HubEvent = { seq: ++seq, ts: T0, type: 'message', from: lead, to: { kind: 'all' }, text: 'T-3 "Parser" moves from Bob to Alice: Bob is away.', card };
  const me = { name: 'Cy', role: 'qa' };
  it('is its text, which says the same; --cards adds the card’s lines', () => {
    expect(eventLines(message, me)).toHaveLength(1);
    expect(eventLines(message, me, { cards: true }).join('\n')).toMatch(/\| reassigned T-3 Parser: Bob → Alice/);
  });
});

describe('presence, folded', () => {
  it('turns a restart’s reconnections into one line, and a first join into its own words', () => {
    const known = run(as('Pat', 'human'), { type: 'welcome', welcome: { type: 'welcome', id: 'w', protocol: 1, participant: { id: 'p', name: 'Pat', role: 'human', status: 'online' }, sessionId: 's', resumed: false, roster: ['Ann', 'Bob', 'Cy'].map((name) => ({ id: `p-${name}`, name, role: 'qa', status: 'offline' as const })), history: [], lastSeq: 0 } });
    const s = run(known, ...events(presence('Ann', 'joined'), presence('Bob', 'joined'), presence('Cy', 'joined'), presence('Dee', 'joined')));
    expect(s.lines.map((l) => l.text)).toEqual(['Dee joined · 3 terminals reconnected']);
    // a moment later is a new line
    expect(run(s, ...events(presence('Ann', 'left', T0 + 10 * 60_000))).lines.map((l) => l.text)).toEqual(['Dee joined · 3 terminals reconnected', 'Ann left']);
    // leaving and coming back within the fold is a reconnection
    expect(run(as('Pat', 'human'), ...events(presence('Eve', 'joined'), presence('Eve', 'left'), presence('Eve', 'joined'))).lines.map((l) => l.text)).toEqual(['Eve reconnected']);
  });
});

describe('presence, folded in the plain mode', () => {
  it('holds joins until things go quiet, then prints them as one line; a flush prints them at once', () => {
    const printed: string[] = [];
    const timers = manualTimers();
    const batch = presenceBatch((line) => printed.push(line), { timers });
    for (const name of ['Ann', 'Bob', 'Cy']) batch.add(presence(name, 'joined'), true);
    timers.elapse(PRESENCE_QUIET_MS - 1);
    expect(printed).toEqual([]);
    timers.elapse(1);
    expect(printed).toEqual([expect.stringMatching(/^\d\d:\d\d \* 3 terminals reconnected$/)]);
    batch.add(presence('Dee', 'joined'), false);
    batch.flush();
    batch.flush();
    expect(printed.slice(1)).toEqual([expect.stringMatching(/\* Dee joined$/)]);
    expect(timers.pending()).toBe(0);
  });
});

describe('chat typed while the hub is away', () => {
  it('shows at once as pending and becomes the relayed message, marked sent, in its place', () => {
    let s = run(as('Alice', 'backend-dev'), { type: 'pending', text: 'back soon', ts: T0 }, { type: 'result', ts: T0, result: { kind: 'done', text: 'T-1 done.' } });
    expect(s.lines.map((l) => [l.text, l.pending])).toEqual([
      ['back soon', true],
      ['T-1 done.', undefined],
    ]);
    s = run(s, ...events({ seq: ++seq, ts: T0 + 5, type: 'message', from: { id: 'a', name: 'Alice', role: 'backend-dev' }, to: { kind: 'all' }, text: 'back soon' }));
    expect(s.lines.map((l) => [l.text, l.pending, l.sent])).toEqual([
      ['back soon', undefined, true],
      ['T-1 done.', undefined, undefined],
    ]);
  });
});

describe('a task in full', () => {
  it('opens over the chat from a command result and closes with Esc', () => {
    const s = run(as('Alice', 'backend-dev'), { type: 'result', ts: T0, result: { kind: 'task', taskId: 'T-7', title: 'T-7 Gate CI', lines: ['Done when: CI fails below 80%'] } });
    expect(rowsText(layoutScreen(s, 0).main)).toMatch(/T-7 Gate CI[\s\S]*Done when: CI fails below 80%[\s\S]*Esc closes/);
    expect(rowsText(layoutScreen(run(s, { type: 'close-overlay' }), 0).main)).not.toContain('Gate CI');
  });
});
