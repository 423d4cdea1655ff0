/**
 * The terminal UI's state and its reducer: tagged actions in, new state out. No ink, no I/O:
 * the container dispatches hub events and key actions; tests drive it with plain data.
 */
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { Card } from '../../collaboration-server/cards.js';
import type { HubEvent, ReplyData, Sender, WelcomeFrame } from '../../collaboration-server/protocol.js';
import type { RoleSpec } from '../../agents/roles.js';
import type { CommandResult } from '../input/commands.js';
import { describeEvent } from '../describe-event.js';
import { emptyRoom, foldEvent, isForMe, isOfferedToMe, openEscalations, withEscalations, withTasks, withWelcome, type Me, type Room } from '../room.js';

export interface ChatLine {
  id: number;
  ts: number;
  /** message: someone spoke; notice: a room event; local: this terminal's own output */
  kind: 'message' | 'notice' | 'local' | 'error';
  from?: Sender;
  to?: string;
  text: string;
  card?: Card;
  /** what the lead asks next, shown under its card (see nextStep) */
  next?: string;
  forMe: boolean;
}

export type Focus = 'input' | 'escalation';

export interface UiState {
  me: Me;
  room: Room;
  connection: ConnectionState;
  /** frames typed but not yet acknowledged by the hub */
  queued: number;
  lines: ChatLine[];
  /** how many chat lines up from the bottom the view is scrolled */
  scroll: number;
  input: string;
  history: string[];
  /** position while walking the history with Up/Down; null when editing a new line */
  historyIndex: number | null;
  completions: string[];
  focus: Focus;
  /** the option picked in the escalation prompt; options.length means "write an answer" */
  selected: number;
  now: number;
}

export type UiAction =
  | { type: 'welcome'; welcome: WelcomeFrame }
  | { type: 'event'; event: HubEvent }
  | { type: 'tasks'; reply: Extract<ReplyData, { kind: 'tasks' }> }
  | { type: 'escalations'; reply: Extract<ReplyData, { kind: 'escalations' }> }
  | { type: 'connection'; state: ConnectionState; queued: number }
  | { type: 'result'; result: CommandResult; ts: number }
  | { type: 'input'; text: string; completions?: string[] }
  | { type: 'submitted'; line: string }
  | { type: 'history'; direction: 'older' | 'newer' }
  | { type: 'scroll'; by: number }
  | { type: 'focus'; focus: Focus }
  | { type: 'select'; by: number };

export const MAX_LINES = 1000;

export function initialState(me: Me, roles: RoleSpec[], now = Date.now()): UiState {
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
  };
}

let nextId = 1;
function addLines(state: UiState, lines: Omit<ChatLine, 'id'>[]): UiState {
  if (!lines.length) return state;
  const all = [...state.lines, ...lines.map((l) => ({ ...l, id: nextId++ }))];
  // keep the reader's place while scrolled up
  const scroll = state.scroll ? state.scroll + lines.length : 0;
  return { ...state, lines: all.slice(-MAX_LINES), scroll: Math.min(scroll, all.length - 1) };
}

/**
 * A lead's message with a card shows its first line and the card, which is the rest of the text in
 * boxes; but the text's last line may say what to do next ("Reply with: approve ..."), which the card
 * does not carry. That line, unless it is indented (a table row) or the card holds it already.
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
  const text = describeEvent(event).slice(6);
  const offered = isOfferedToMe(event, me) ? `  → ${event.task.id} is yours: ${event.task.title} (${event.task.estimateHours}h). /accept ${event.task.id}` : '';
  return { ts: event.ts, kind: 'notice', text: offered ? `${text}\n${offered}` : text, forMe };
}

function resultLines(result: CommandResult, ts: number): Omit<ChatLine, 'id'>[] {
  switch (result.kind) {
    case 'none':
    case 'quit':
      return [];
    case 'done':
      return [{ ts, kind: 'local', text: result.text, forMe: false }];
    case 'error':
      return [{ ts, kind: 'error', text: result.message, forMe: false }];
    case 'lines':
      return [{ ts, kind: 'local', text: [result.title, ...result.lines.map((l) => `  ${l}`)].join('\n'), forMe: false }];
  }
}

export function reduce(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'welcome': {
      const next = { ...state, room: withWelcome(state.room, action.welcome), connection: 'online' as const };
      // a new session's welcome carries recent messages; a resumed one's are replayed as events
      if (action.welcome.resumed || state.lines.some((l) => l.kind === 'message')) return next;
      return addLines(next, action.welcome.history.map((e) => eventLine(e, state.me)));
    }
    case 'event': {
      const room = foldEvent(state.room, action.event);
      const opened = action.event.type === 'escalation' && state.me.role === 'human';
      // someone going away or coming back shows in the roster; a chat line each time would be noise
      const quiet = action.event.type === 'presence' && (action.event.change === 'away' || action.event.change === 'online');
      const next = addLines({ ...state, room, now: action.event.ts }, quiet ? [] : [eventLine(action.event, state.me)]);
      return opened ? { ...next, focus: 'escalation', selected: 0 } : closedPrompt(next);
    }
    case 'tasks':
      return { ...state, room: withTasks(state.room, action.reply) };
    case 'escalations': {
      const next = { ...state, room: withEscalations(state.room, action.reply) };
      return state.me.role === 'human' && openEscalations(next.room).length ? { ...next, focus: 'escalation', selected: 0 } : next;
    }
    case 'connection':
      return { ...state, connection: action.state, queued: action.queued };
    case 'result':
      return addLines({ ...state, now: action.ts }, resultLines(action.result, action.ts));
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
      return { ...state, scroll: Math.max(0, Math.min(state.lines.length - 1, state.scroll + action.by)) };
    case 'focus':
      if (action.focus === 'escalation' && !promptEscalation(state)) return state;
      return { ...state, focus: action.focus, selected: 0 };
    case 'select': {
      const e = promptEscalation(state);
      if (!e) return state;
      const count = e.options.length + 1;
      return { ...state, selected: (state.selected + action.by + count) % count };
    }
  }
}

/** The escalation the product owner's prompt shows: the oldest open one. */
export function promptEscalation(state: UiState) {
  return state.me.role === 'human' ? openEscalations(state.room)[0] : undefined;
}

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
