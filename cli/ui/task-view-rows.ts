/**
 * One task in full (`/task T-3`), as a box over the chat: the same title and lines the plain mode
 * prints (cli/task-lines.ts writes them; this only lays them out), wrapped to the box and scrolled
 * with PgUp/PgDn when they are taller than it; Esc closes it. Pure.
 */
import { frame, span, wrapSpans, type Row, type Span } from './rows.js';
import type { TaskView } from './ui-state.js';

/** Rows the box takes besides its content: the two borders and the footer. */
const CHROME = 3;

const innerWidth = (width: number) => Math.max(8, width - 4);

/** `Notes:` and `History:` as headings; `Assignee: …` with its label in bold. */
function lineSpans(line: string): Span[] {
  if (/^\S[^:]*:$/.test(line)) return [span(line, { bold: true })];
  const label = /^([A-Z][\w ]*:) (.*)$/s.exec(line);
  return label ? [span(label[1]!, { bold: true }), span(` ${label[2]}`)] : [span(line)];
}

/** The task's rows at `width`, before the box and the scrolling: a wrapped line hangs under its first word. */
export function taskViewBody(view: Pick<TaskView, 'title' | 'lines'>, width: number): Row[] {
  const inner = innerWidth(width);
  const hang = (line: string) => (/^ */.exec(line)?.[0].length ?? 0) + 2;
  return [
    ...wrapSpans([span(view.title, { bold: true, color: 'cyan' })], inner, 2),
    ...view.lines.flatMap((line) => wrapSpans(lineSpans(line), inner, hang(line))),
  ];
}

/** How many of the task's rows a box `height` rows tall shows at once. */
export const taskViewPage = (height: number): number => Math.max(1, height - CHROME);

/** The furthest the task's rows scroll: its last row at the bottom of the box. */
export const taskViewMaxTop = (view: Pick<TaskView, 'title' | 'lines'>, width: number, height: number): number =>
  Math.max(0, taskViewBody(view, width).length - taskViewPage(height));

/** The box `width` × at most `height` rows, showing the task's rows from `view.top`, and where they are when they do not all fit. */
export function taskViewRows(view: TaskView, width: number, height: number): Row[] {
  const body = taskViewBody(view, width);
  const page = taskViewPage(height);
  const top = Math.min(view.top, Math.max(0, body.length - page));
  const shown = body.slice(top, top + page);
  const where = body.length > page ? `rows ${top + 1}–${top + shown.length} of ${body.length} · PgUp/PgDn scroll · ` : '';
  const rows = frame([...shown, [span(`${where}Esc closes`, { dimColor: true })]], width, { color: 'cyan' });
  return rows.slice(0, height);
}
