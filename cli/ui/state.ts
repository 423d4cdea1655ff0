/**
 * The terminal UI's state and its reducer: tagged actions in, new state out. No ink, no I/O:
 * the container dispatches hub events and key actions; tests drive it with plain data.
 */
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { Card } from '../../collaboration-server/cards.js';
import type { HubEvent, ReplyData, WelcomeFrame } from '../../collaboration-server/protocol.js';
import type { RoleSpec } from '../../agents/roles.js';
import { escalationCard } from '../../orchestrator/monitoring/escalation.js';
import type { CommandResult } from '../input/commands.js';
import { forTerminal } from '../command-hints.js';
import { describeEvent } from '../describe-event.js';
import { emptyGroup, foldPresence, FOLD_MS, presenceText } from '../presence-fold.js';
import { repeatsEscalation } from '../said-once.js';
import { emptyRoom, foldEvent, isForMe, isOfferedToMe, openEscalations, withEscalations, withTasks, withWelcome, type Me } from '../room.js';
import { chatRows } from './chat-rows.js';
import { chatHeight, chatRowCount, chatWidth } from './screen.js';
import { taskViewMaxTop, taskViewPage } from './task-view-rows.js';
import { promptEscalation, type ChatLine, type Focus, type UiState } from './ui-state.js';

export type { ChatLine, Focus, UiState } from './ui-state.js';
export { promptEscalation } from './ui-state.js';

export type UiAction =
  | { type: 'welcome'; welcome: WelcomeFrame }
  | { type: 'event'; event: HubEvent }
  | { type: 'tasks'; reply: Extract<ReplyData, { kind: 'tasks' }> }
  | { type: 'escalations'; reply: Extract<ReplyData, { kind: 'escalations' }> }
  | { type: 'connection'; state: ConnectionState; queued: number }
  | { type: 'result'; result: CommandResult; ts: number }
  | { type: 'input'; text: string; completions?: string[] }
  | { type: 'submitted'; line: string }
  /** chat typed while the hub is away: shown at once, marked sent when the hub relays it */
  | { type: 'pending'; text: string; ts: number }
  | { type: 'history'; direction: 'older' | 'newer' }
  /** rows; positive is back in time (up, in a task shown in full) */
  | { type: 'scroll'; by: number }
  | { type: 'focus'; focus: Focus }
  | { type: 'select'; by: number }
  | { type: 'resize'; columns: number; rows: number }
  | { type: 'toggle-panel' }
  /** Esc: put away what is shown over the chat */
  | { type: 'close-overlay' };

export const MAX_LINES = 1000;

export function initialState(me: Me, roles: RoleSpec[], now = Date.now(), size = { columns: 100, rows: 30 }): UiState {
  return {
    me,
    room: emptyRoom(me, roles),
    connection: 'connecting',
    queued: 0,
    lines: [],
    scroll: 0,
    input: '',
    history: [],
    historyIndex: null,
    completions: [],
    focus: 'input',
    selected: 0,
    now,
    size,
    panelToggled: false,
    taskShown: null,
  };
}

let nextId = 1;
function addLines(state: UiState, lines: Omit<ChatLine, 'id'>[]): UiState {
  if (!lines.length) return state;
  const added = lines.map((l) => ({ ...l, id: nextId++ }));
  const all = [...state.lines, ...added].slice(-MAX_LINES);
  // keep the reader's place while scrolled up: the new rows go below what they read
  const width = chatWidth(state);
  const scroll = state.scroll ? state.scroll + added.reduce((sum, l) => sum + chatRows(l, width).length, 0) : 0;
  return clampScroll({ ...state, lines: all, scroll });
}

/** Scrolled no further back than the first row at the top of the pane; a task shown in full no further than its last row. */
function clampScroll(state: UiState): UiState {
  const view = state.taskShown;
  if (view) {
    const top = Math.max(0, Math.min(view.top, taskViewMaxTop(view, chatWidth(state), chatHeight(state))));
    if (top !== view.top) return clampScroll({ ...state, taskShown: { ...view, top } });
  }
  // at the bottom there is nothing to clamp, and no need to lay out the whole chat to know it
  if (state.scroll <= 0) return state.scroll < 0 ? { ...state, scroll: 0 } : state;
  const most = Math.max(0, chatRowCount(state.lines, chatWidth(state)) - chatHeight(state));
  return state.scroll > most ? { ...state, scroll: most } : state;
}

/** Puts `line` in place of the line at `index` (a pending line the hub relayed, a fold of presence). */
const replaceLine = (state: UiState, index: number, line: Omit<ChatLine, 'id'>): UiState => ({
  ...state,
  lines: state.lines.map((l, i) => (i === index ? { ...line, id: l.id } : l)),
});

/**
 * A lead's message with a card shows the card, which says what the text says; but the text's last
 * line may say what to do next ("Reply with: approve ..."), which the card does not carry. That line,
 * unless it is indented (a table row) or the card holds it already.
 */
export function nextStep(text: string, card: Card): string | undefined {
  const lines = text.split('\n');
  const last = lines.at(-1) ?? '';
  if (lines.length < 2 || !last.trim() || /^\s/.test(last)) return undefined;
  return JSON.stringify(card).includes(JSON.stringify(last).slice(1, -1)) ? undefined : last;
}

/** What a room event looks like in the chat pane. */
export function eventLine(event: HubEvent, me: Me): Omit<ChatLine, 'id'> {
  const forMe = isForMe(event, me);
  if (event.type === 'message') {
    const to = event.to.kind === 'participant' ? event.to.name : event.to.kind === 'role' ? `@${event.to.role}` : undefined;
    const next = event.card && nextStep(event.text, event.card);
    return { ts: event.ts, kind: 'message', from: event.from, ...(to ? { to } : {}), text: event.text, ...(event.card ? { card: event.card } : {}), ...(next ? { next } : {}), forMe };
  }
  if (event.type === 'escalation') {
    const e = event.escalation;
    return { ts: event.ts, kind: 'notice', text: `${e.id} needs the product owner`, card: escalationCard(e), forMe };
  }
  const text = describeEvent(event).slice(6);
  const offered = isOfferedToMe(event, me) ? `  → ${event.task.id} is yours: ${event.task.title} (${event.task.estimateHours}h). /accept ${event.task.id}` : '';
  return { ts: event.ts, kind: 'notice', text: offered ? `${text}\n${offered}` : text, forMe };
}

function resultLines(result: CommandResult, ts: number): Omit<ChatLine, 'id'>[] {
  switch (result.kind) {
    case 'none':
    case 'quit':
    case 'task':
      return [];
    case 'done':
      return [{ ts, kind: 'local', text: result.text, forMe: false }];
    case 'error':
      return [{ ts, kind: 'error', text: forTerminal(result.message), forMe: false }];
    case 'lines':
      return [{ ts, kind: 'local', text: [result.title, ...result.lines.map((l) => `  ${l}`)].join('\n'), forMe: false }];
  }
}

/** A join or a leave folded into the presence line just above, when there is one from a moment ago. */
function withPresence(state: UiState, event: Extract<HubEvent, { type: 'presence' }>): UiState {
  const known = state.room.roster.some((p) => p.name === event.participant.name);
  const room = foldEvent(state.room, event);
  const last = state.lines.at(-1);
  const folding = last?.presence && event.ts - last.ts < FOLD_MS;
  const group = foldPresence(folding ? last.presence! : emptyGroup(), event, known);
  const line = { ts: event.ts, kind: 'notice' as const, text: presenceText(group), presence: group, forMe: false };
  const next = { ...state, room, now: event.ts };
  return folding ? replaceLine(next, state.lines.length - 1, line) : addLines(next, [line]);
}

/** The message the hub relayed, in place of the pending line that waited for it. */
function withRelayed(state: UiState, event: Extract<HubEvent, { type: 'message' }>): UiState | undefined {
  if (event.from.name !== state.me.name) return undefined;
  const index = state.lines.findIndex((l) => l.pending && l.text === event.text);
  if (index < 0) return undefined;
  return replaceLine({ ...state, room: foldEvent(state.room, event), now: event.ts }, index, { ...eventLine(event, state.me), sent: true });
}

function withEvent(state: UiState, event: HubEvent): UiState {
  const owner = state.me.role === 'human';
  if (event.type === 'presence') {
    // someone going away or coming back shows in the roster; my own comings and goings I know
    if (event.change === 'away' || event.change === 'online' || event.participant.name === state.me.name) return { ...state, room: foldEvent(state.room, event), now: event.ts };
    return withPresence(state, event);
  }
  if (event.type === 'message') {
    const relayed = withRelayed(state, event);
    if (relayed) return relayed;
  }
  // said once: the product owner's prompt shows an escalation, everyone else its line; the lead's announcement repeats it
  const shown = (event.type === 'escalation' && owner) || (event.type === 'message' && event.card?.kind === 'escalation' && (owner || repeatsEscalation(event, state.room)));
  const room = foldEvent(state.room, event);
  const next = shown ? { ...state, room, now: event.ts } : addLines({ ...state, room, now: event.ts }, [eventLine(event, state.me)]);
  if (event.type === 'escalation' && owner) return promptOpened(state, next);
  // a decision moves the prompt on to the next open escalation, which starts at its first option
  const after = closedPrompt(next);
  return samePrompt(state, after) ? after : { ...after, selected: 0 };
}

const samePrompt = (before: UiState, after: UiState) => promptEscalation(before)?.id === promptEscalation(after)?.id;

/**
 * The product owner's prompt after escalations arrive: focused on the first open one; the option being
 * chosen stays chosen when that one is still the prompt (a second escalation queues behind it).
 */
function promptOpened(before: UiState, next: UiState): UiState {
  return { ...next, focus: 'escalation', selected: before.focus === 'escalation' && samePrompt(before, next) ? before.selected : 0 };
}

export function reduce(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'welcome': {
      const next: UiState = { ...state, room: withWelcome(state.room, action.welcome), connection: 'online' };
      // a new session's welcome carries recent messages; a resumed one's are replayed as events
      if (action.welcome.resumed || state.lines.some((l) => l.kind === 'message' && !l.pending)) return next;
      return action.welcome.history.reduce<UiState>((s, event) => withEvent(s, event), next);
    }
    case 'event':
      return withEvent(state, action.event);
    case 'tasks':
      return { ...state, room: withTasks(state.room, action.reply) };
    case 'escalations': {
      const next = { ...state, room: withEscalations(state.room, action.reply) };
      return state.me.role === 'human' && openEscalations(next.room).length ? promptOpened(state, next) : next;
    }
    case 'connection':
      return { ...state, connection: action.state, queued: action.queued };
    case 'result':
      if (action.result.kind === 'task') {
        const { taskId: id, title, lines } = action.result;
        return { ...state, taskShown: { id, title, lines, top: 0 } };
      }
      {
        const lines = resultLines(action.result, action.ts);
        // what a command answers is read in the chat: a task shown over it makes way
        return addLines({ ...state, now: action.ts, taskShown: lines.length ? null : state.taskShown }, lines);
      }
    case 'pending':
      return addLines(state, [{ ts: action.ts, kind: 'message', from: { id: '', name: state.me.name, role: state.me.role }, text: action.text, pending: true, forMe: false }]);
    case 'input':
      return { ...state, input: action.text, completions: action.completions ?? [], historyIndex: action.completions ? state.historyIndex : null };
    case 'submitted': {
      const history = action.line.trim() && state.history.at(-1) !== action.line ? [...state.history, action.line].slice(-200) : state.history;
      return { ...state, input: '', history, historyIndex: null, completions: [], scroll: 0 };
    }
    case 'history': {
      if (!state.history.length) return state;
      const last = state.history.length - 1;
      const at = state.historyIndex;
      if (action.direction === 'older') {
        const index = at === null ? last : Math.max(0, at - 1);
        return { ...state, historyIndex: index, input: state.history[index] ?? '' };
      }
      if (at === null) return state;
      return at >= last ? { ...state, historyIndex: null, input: '' } : { ...state, historyIndex: at + 1, input: state.history[at + 1] ?? '' };
    }
    case 'scroll':
      if (state.taskShown) return clampScroll({ ...state, taskShown: { ...state.taskShown, top: state.taskShown.top - action.by } });
      return clampScroll({ ...state, scroll: state.scroll + action.by });
    case 'focus':
      if (action.focus === 'escalation' && !promptEscalation(state)) return state;
      return { ...state, focus: action.focus, selected: 0 };
    case 'select': {
      const e = promptEscalation(state);
      if (!e) return state;
      const count = e.options.length + 1;
      return { ...state, selected: (state.selected + action.by + count) % count };
    }
    case 'resize':
      return clampScroll({ ...state, size: { columns: Math.max(20, action.columns), rows: Math.max(8, action.rows) } });
    case 'toggle-panel':
      return clampScroll({ ...state, panelToggled: !state.panelToggled, taskShown: null });
    case 'close-overlay':
      return state.taskShown ? { ...state, taskShown: null } : state.panelToggled ? clampScroll({ ...state, panelToggled: false }) : state;
  }
}

/** How many rows PageUp and PageDown move: the chat's height, less two rows kept for context (a task shown in full keeps one). */
export const pageRows = (state: UiState): number => (state.taskShown ? Math.max(1, taskViewPage(chatHeight(state)) - 1) : Math.max(1, chatHeight(state) - 2));

/**
 * The input a submitted line runs. While the product owner's prompt has focus, a line that is not a
 * slash command answers the escalation (its first word may name an option), and an empty one picks the
 * highlighted option; null when there is nothing to send.
 */
export function lineToRun(state: UiState, line: string): string | null {
  const escalation = state.focus === 'escalation' ? promptEscalation(state) : undefined;
  const text = line.trim();
  if (!escalation || text.startsWith('/')) return line;
  if (text) return `/answer ${escalation.id} ${text}`;
  const option = escalation.options[state.selected];
  return option ? `/answer ${escalation.id} ${option.key}` : null;
}

const closedPrompt = (state: UiState): UiState => (state.focus === 'escalation' && !promptEscalation(state) ? { ...state, focus: 'input', selected: 0 } : state);
