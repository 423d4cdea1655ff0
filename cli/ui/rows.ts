/**
 * The screen as rows of styled spans, laid out before ink sees them: every row is at most as wide as
 * its region, measured as the terminal measures (text-width.ts), so nothing wraps behind the layout's
 * back and nothing is drawn past the terminal's edge. Wrapping breaks at spaces and hangs the following
 * rows under one indent; cutting leaves an ellipsis. Pure.
 */
import { terminalSafe } from '../../collaboration-server/terminal-text.js';
import { ELLIPSIS, graphemes, sliceWidth, textWidth } from '../text-width.js';

export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}
export interface Span extends Style {
  text: string;
}
export type Row = Span[];

const TAB = '    ';

/** A span of someone's text, made terminal-safe now, so that what is measured is what is drawn. */
export const span = (text: string, style: Style = {}): Span => ({ ...style, text: terminalSafe(text).replaceAll('\t', TAB) });

export const rowWidth = (row: Row): number => row.reduce((sum, s) => sum + textWidth(s.text), 0);
export const rowText = (row: Row): string => row.map((s) => s.text).join('');
const blank = (width: number): Span => ({ text: ' '.repeat(Math.max(0, width)) });
const styleOf = ({ text: _text, ...style }: Span): Style => style;

/** `row` cut to `width` columns, with an ellipsis in the style of the span that was cut. */
export function truncateRow(row: Row, width: number): Row {
  if (rowWidth(row) <= width) return row;
  const out: Row = [];
  let used = 0;
  for (const s of row) {
    const w = textWidth(s.text);
    if (used + w <= width - 1) {
      out.push(s);
      used += w;
      continue;
    }
    out.push({ ...s, text: sliceWidth(s.text, Math.max(0, width - 1 - used)).trimEnd() + ELLIPSIS });
    break;
  }
  return out;
}

/** `row` padded with spaces to `width` columns (cut first if it is wider). */
export const padRow = (row: Row, width: number): Row => {
  const cut = truncateRow(row, width);
  const missing = width - rowWidth(cut);
  return missing > 0 ? [...cut, blank(missing)] : cut;
};

export const indentRows = (rows: Row[], by: number): Row[] => rows.map((r) => [blank(by), ...r]);

/**
 * Spans word-wrapped to `width` columns. The first row starts at the left edge; every later row
 * (after a wrap or a newline) starts `indent` columns in. The space at a wrap is dropped, spaces that
 * start a line after a newline are kept, and a word wider than a row is cut between graphemes.
 */
export function wrapSpans(spans: Span[], width: number, indent = 0): Row[] {
  const hang = indent < width ? indent : 0;
  const rows: Row[] = [];
  let row: Row = [];
  let used = 0;
  let lineStart = true;
  // spaces between words: drawn when the next word fits on the row, dropped at a wrap
  let pending: Span[] = [];
  const push = (s: Span) => {
    if (!s.text) return;
    row.push(s);
    used += textWidth(s.text);
  };
  const hasContent = () => used > (rows.length ? hang : 0);
  const newRow = () => {
    rows.push(row);
    row = hang ? [blank(hang)] : [];
    used = hang;
    pending = [];
  };
  for (const s of spans) {
    for (const piece of s.text.split(/(\n| +)/)) {
      if (!piece) continue;
      const styled = { ...styleOf(s), text: piece };
      if (piece === '\n') {
        newRow();
        lineStart = true;
        continue;
      }
      if (piece.startsWith(' ')) {
        if (lineStart) push({ ...styled, text: sliceWidth(piece, width - used) });
        else pending.push(styled);
        continue;
      }
      const space = pending.reduce((sum, p) => sum + textWidth(p.text), 0);
      if (used + space + textWidth(piece) <= width) pending.forEach(push);
      else if (hasContent()) newRow();
      pending = [];
      let word = piece;
      while (textWidth(word) > width - used) {
        let head = sliceWidth(word, width - used);
        if (!head) {
          if (hasContent()) {
            newRow();
            continue;
          }
          head = graphemes(word)[0] ?? word;
        }
        push({ ...styled, text: head });
        word = word.slice(head.length);
        if (!word) break;
        newRow();
      }
      push({ ...styled, text: word });
      lineStart = false;
    }
  }
  rows.push(row);
  return rows;
}

export type BorderStyle = 'round' | 'double' | 'single';
const BORDERS: Record<BorderStyle, { tl: string; tr: string; bl: string; br: string; h: string; v: string }> = {
  round: { tl: '╭', tr: '╮', bl: '╰', br: '╯', h: '─', v: '│' },
  double: { tl: '╔', tr: '╗', bl: '╚', br: '╝', h: '═', v: '║' },
  single: { tl: '┌', tr: '┐', bl: '└', br: '┘', h: '─', v: '│' },
};

/** Rows inside a border `width` columns wide with one column of padding: the content gets `width - 4`. */
export function frame(content: Row[], width: number, { color, border = 'round' }: { color?: string; border?: BorderStyle } = {}): Row[] {
  const b = BORDERS[border];
  const line = Math.max(0, width - 2);
  const inner = Math.max(0, width - 4);
  const edge = (text: string): Span => ({ text, ...(color ? { color } : {}) });
  return [
    [edge(b.tl + b.h.repeat(line) + b.tr)],
    ...content.map((r) => [edge(`${b.v} `), ...padRow(r, inner), edge(` ${b.v}`)]),
    [edge(b.bl + b.h.repeat(line) + b.br)],
  ];
}

/**
 * A table `width` columns wide: each column as wide as its widest cell, two spaces apart. When the
 * table is too wide, the `flex` column (the last by default) gives up the columns: cut, or wrapped
 * under itself when it is the last. The first row is a header when `header` is set; `after` adds
 * rows under a table row (it gets where each column starts).
 */
export function tableRows(
  cells: Row[][],
  width: number,
  { header = false, flex, after }: { header?: boolean; flex?: number; after?: (row: number, columnStarts: number[]) => Row[] } = {},
): Row[] {
  const count = Math.max(0, ...cells.map((r) => r.length));
  if (!count) return [];
  const grow = flex ?? count - 1;
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...cells.map((r) => (r[i] ? rowWidth(r[i]) : 0))));
  const gaps = 2 * (count - 1);
  const others = widths.reduce((s, w, i) => (i === grow ? s : s + w), 0);
  widths[grow] = Math.max(1, Math.min(widths[grow] ?? 0, width - gaps - others));
  const out: Row[] = [];
  cells.forEach((cells, r) => {
    const style: Style = header && r === 0 ? { bold: true, dimColor: true } : {};
    const styled = (row: Row): Row => row.map((s) => ({ ...style, ...s }));
    const wrapped = grow === count - 1 ? wrapSpans(styled(cells[grow] ?? []), widths[grow]!) : [truncateRow(styled(cells[grow] ?? []), widths[grow]!)];
    wrapped.forEach((part, line) => {
      const row: Row = [];
      for (let i = 0; i < count; i++) {
        const cell = i === grow ? part : line === 0 ? styled(cells[i] ?? []) : [];
        row.push(...(i === count - 1 ? truncateRow(cell, widths[i]!) : padRow(cell, widths[i]!)));
        if (i < count - 1) row.push(blank(2));
      }
      out.push(truncateRow(row, width));
    });
    if (after) out.push(...after(r, widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w + 2, 0))));
  });
  return out;
}
