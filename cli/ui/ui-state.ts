/** The shapes of the terminal UI's state, apart from the reducer, so the layout can read them without importing the reducer. */
import type { ConnectionState } from '../../collaboration-server/client.js';
import type { Card } from '../../collaboration-server/cards.js';
import type { Sender } from '../../collaboration-server/protocol.js';
import { openEscalations, type Me, type Room } from '../room.js';
import type { PresenceGroup } from '../presence-fold.js';

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
  /** typed while the hub was away: waits in the outbox */
  pending?: boolean;
  /** was pending, and the hub has it now */
  sent?: boolean;
  presence?: PresenceGroup;
}

export type Focus = 'input' | 'escalation';

/** `/task T-3` open over the chat: the lines the command returned, scrolled `top` rows down. */
export interface TaskView {
  id: string;
  title: string;
  lines: string[];
  top: number;
}

export interface UiState {
  me: Me;
  room: Room;
  connection: ConnectionState;
  /** frames typed but not yet acknowledged by the hub */
  queued: number;
  lines: ChatLine[];
  /** how many rows up from the bottom the chat is scrolled */
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
  /** the terminal's size, in columns and rows */
  size: { columns: number; rows: number };
  /** Ctrl+T: the side panel in the chat's place on a narrow terminal, hidden on a wide one */
  panelToggled: boolean;
  /** the task shown in full over the chat (Esc closes), as `/task` returned it */
  taskShown: TaskView | null;
}

/** The escalation the product owner's prompt shows: the oldest open one. */
export function promptEscalation(state: Pick<UiState, 'me' | 'room'>) {
  return state.me.role === 'human' ? openEscalations(state.room)[0] : undefined;
}
