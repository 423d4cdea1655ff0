/**
 * The whole screen laid out for the terminal's size: the chat (or what is shown over it), the side
 * panel beside it when there is room for both, and at the bottom the product owner's prompt, the
 * input line and the status bar. Every region is given its width and height here, so the sum is the
 * terminal's size and no row is wider than its region. Pure: state in, rows out.
 */
import { myTasks, openEscalations, sprintProgress, teamList } from '../room.js';
import { chatRows } from './chat-rows.js';
import { escalationRows } from './escalation-rows.js';
import { inputRows } from './input-rows.js';
import { panelRows } from './panel-rows.js';
import { span, type Row } from './rows.js';
import { statusRow } from './status-row.js';
import { taskViewRows } from './task-view-rows.js';
import { promptEscalation, type ChatLine, type UiState } from './ui-state.js';

export interface Size {
  columns: number;
  rows: number;
}

/** From this many columns the side panel stands beside the chat; below, Ctrl+T shows it in the chat's place. */
export const SIDE_BY_SIDE = 100;
export const sideWidth = (columns: number): number => Math.max(30, Math.min(44, Math.floor(columns * 0.3)));
export const KEYS = '/help · Ctrl+T team · PgUp/PgDn · Ctrl+C';

export const panelBeside = (state: UiState): boolean => state.size.columns >= SIDE_BY_SIDE && !state.panelToggled;
/** The panel in the chat's place: asked for with Ctrl+T on a narrow terminal. */
const panelInstead = (state: UiState): boolean => state.size.columns < SIDE_BY_SIDE && state.panelToggled;
export const chatWidth = (state: UiState): number => state.size.columns - (panelBeside(state) ? sideWidth(state.size.columns) : 0);

function bottomRows(state: UiState, spinnerFrame: number): Row[] {
  const { columns, rows } = state.size;
  const { room } = state;
  const escalation = promptEscalation(state);
  const input = inputRows(state.input, state.completions, state.focus === 'escalation' ? 'your answer (or Enter to pick the option)' : 'type a message, or /help', columns);
  const progress = sprintProgress(room);
  const status = statusRow(
    {
      connection: state.connection,
      queued: state.queued,
      spinnerFrame,
      me: state.me,
      away: room.roster.some((p) => p.name === state.me.name && p.status === 'away'),
      sprint: progress && room.sprint ? { name: room.sprint.name, done: progress.done, total: progress.total, percent: progress.percent, closed: room.sprint.status !== 'active' } : null,
    },
    columns,
    KEYS,
  );
  const room_ = Math.min(Math.max(5, Math.floor(rows * 0.45)), rows - input.length - 2);
  const prompt = escalation && room_ >= 3 ? escalationRows({ escalation, selected: state.selected, focused: state.focus === 'escalation', more: openEscalations(room).length - 1 }, columns, room_) : [];
  return [...prompt, ...input, status];
}

/** The rows the chat pane has: what is left above the bottom rows, at least one. */
export const chatHeight = (state: UiState): number => Math.max(1, state.size.rows - bottomRows(state, 0).length);

/** How many rows every chat line takes at the chat's width. */
export const chatRowCount = (lines: readonly ChatLine[], width: number): number => lines.reduce((sum, l) => sum + chatRows(l, width).length, 0);

/** The newest rows at the bottom, `scroll` rows up from the end; the pane is filled from the top with blank rows. */
export function chatPaneRows(lines: readonly ChatLine[], width: number, height: number, scroll: number): Row[] {
  const need = height + scroll;
  const collected: Row[][] = [];
  let count = 0;
  for (let i = lines.length - 1; i >= 0 && count < need; i--) {
    const rows = chatRows(lines[i]!, width);
    collected.push(rows);
    count += rows.length;
  }
  const all = collected.reverse().flat();
  const end = Math.max(0, all.length - scroll);
  const shown = all.slice(Math.max(0, end - height), end);
  if (scroll && shown.length) shown[shown.length - 1] = [span(` ↓ ${scroll} newer row(s) below — PageDown to return `, { inverse: true })];
  return [...Array.from({ length: height - shown.length }, (): Row => []), ...shown];
}

export interface Screen {
  main: Row[];
  mainWidth: number;
  side: Row[] | null;
  sideWidth: number;
  bottom: Row[];
}

export function layoutScreen(state: UiState, spinnerFrame: number): Screen {
  const { room, size } = state;
  const bottom = bottomRows(state, spinnerFrame);
  const height = Math.max(1, size.rows - bottom.length);
  const mainWidth = chatWidth(state);
  // the product owner and the lead take no tasks: they watch the whole sprint instead
  const watchesAll = room.roles.find((r) => r.role === state.me.role)?.takesTasks === false;
  const panel = (width: number) =>
    panelRows({ roster: teamList(room), tasks: watchesAll ? room.tasks : myTasks(room), title: watchesAll ? 'Sprint tasks' : 'My tasks', showAssignee: watchesAll }, width, height);
  const main = state.taskShown
    ? taskViewRows(state.taskShown, mainWidth, height)
    : panelInstead(state)
      ? panel(mainWidth)
      : chatPaneRows(state.lines, mainWidth, height, state.scroll);
  return {
    main: [...main, ...Array.from({ length: height - main.length }, (): Row => [])],
    mainWidth,
    side: panelBeside(state) ? panel(sideWidth(size.columns)) : null,
    sideWidth: sideWidth(size.columns),
    bottom,
  };
}
