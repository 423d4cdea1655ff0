/**
 * Hostile text in every place the ink UI draws someone else's words: chat lines, cards, the side
 * panel's names and task titles, the status bar, the escalation picker, Tab's completions. The frame
 * may hold ink's own SGR styling and nothing else a terminal acts on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import type { Card } from '../collaboration-server/cards.js';
import type { HubEvent, Participant } from '../collaboration-server/protocol.js';
import { App } from '../cli/ui/App.js';
import { initialState, reduce, type UiAction, type UiState } from '../cli/ui/state.js';
import { makeEscalation, makeSprint, makeTask, T0 } from './helpers/monitor-fixtures.js';
import { expectTerminalSafe, HOSTILE_TEXTS } from './helpers/hostile-text.js';

afterEach(cleanup);

/** The product owner's screen after a room full of `h`: in names, titles, notes, chat and cards. */
function roomFullOf(h: string, columns = 100): UiState {
  const me = { name: `PO ${h}`, role: 'human' };
  const mallory: Participant = { id: 'p-m', name: `Mallory ${h}`, role: 'backend-dev', status: 'online' };
  const lead = { id: 'p-l', name: 'Tech Lead', role: 'orchestrator' };
  const task = makeTask({ id: 'T-1', title: `Title ${h}`, assignee: mallory.name, status: 'in_progress' });
  const breakdown: Card = {
    kind: 'breakdown',
    strategy: 'balanced',
    tasks: [{ key: 'a', title: `Card task ${h}`, objective: h, role: 'backend-dev', hours: 2, stage: 1, acceptance: [h], dependsOn: [], assignee: mallory.name, rationale: h, overCapacity: false }],
    stages: 1,
    criticalPathHours: 2,
    totalHours: 2,
    capacityHours: 40,
    fits: true,
    overloads: [],
    cuts: [h],
  };
  const guidance: Card = { kind: 'guidance', taskId: 'T-1', title: h, topic: h, blocker: `Blocker ${h}`, steps: [h], offerSplit: false };
  const escalation = makeEscalation({ title: `Escalation ${h}`, blocker: h, impact: h, options: [{ key: 'A', label: `Option ${h}`, effect: 'drop' }] });
  const events: HubEvent[] = [
    { seq: 1, ts: T0, type: 'message', from: { id: mallory.id, name: mallory.name, role: mallory.role }, to: { kind: 'participant', name: me.name }, text: `Chat ${h}` },
    { seq: 2, ts: T0, type: 'message', from: lead, to: { kind: 'all' }, text: `Breakdown\n${h}`, card: breakdown },
    { seq: 3, ts: T0, type: 'message', from: lead, to: { kind: 'all' }, text: 'Guidance', card: guidance },
    {
      seq: 4,
      ts: T0,
      type: 'task',
      task,
      change: { taskId: 'T-1', action: 'progress', by: mallory.name, from: 'in_progress', to: 'in_progress', note: `Note ${h}`, percent: 40, assignee: null, previousAssignee: null },
    },
    { seq: 5, ts: T0, type: 'escalation', escalation },
  ];
  const actions: UiAction[] = [
    { type: 'welcome', welcome: { type: 'welcome', id: 'w', protocol: 1, participant: { id: 'p-po', ...me, status: 'online' }, sessionId: 's', resumed: false, roster: [mallory], history: [], lastSeq: 0 } },
    { type: 'tasks', reply: { kind: 'tasks', sprint: makeSprint({ name: `Sprint ${h}` }), tasks: [task] } },
    ...events.map((event) => ({ type: 'event', event }) as const),
    { type: 'result', result: { kind: 'error', message: `No ${h} here.`, code: 'NOT_FOUND' }, ts: T0 },
    { type: 'input', text: `/dm Mall${h}`, completions: [mallory.name, `Other ${h}`] },
  ];
  return actions.reduce(reduce, initialState(me, [...BUILT_IN_ROLES], T0, { columns, rows: 120 }));
}

describe('the ink UI draws hostile text safely', () => {
  it.each(HOSTILE_TEXTS)('$name', ({ text }) => {
    const { lastFrame } = render(<App state={roomFullOf(text)} spinnerFrame={0} />);
    const frame = lastFrame() ?? '';
    // it drew everything, each stand-in instead of a raw character
    for (const shown of ['Chat', 'Suggested cuts', 'Blocker', 'Title', 'Escalation', 'Option', 'Sprint']) expect(frame).toContain(shown);
    expect(frame).toMatch(/[␀-␡]|<U\+[0-9A-F]{4}>/);
    expectTerminalSafe(frame, { sgr: true });
  });

  it('draws the stand-ins where the text was', () => {
    const frame = render(<App state={roomFullOf('\u001b]0;pwned\u0007', 200)} spinnerFrame={0} />).lastFrame() ?? '';
    expect(frame).toContain('Chat ␛]0;pwned␇');
  });
});
