/**
 * One chat line as rows `width` columns wide: time, a coloured role badge, the name, the text; a
 * lead's card (which says what its text says) in place of the text, and the lead's next step under it.
 * Every row after the first hangs under the speaker, six columns in. Rows are kept per line and width.
 */
import { utcTime } from '../../collaboration-server/units.js';
import { cardRows } from './card-rows.js';
import { indentRows, span, truncateRow, wrapSpans, type Row, type Span } from './rows.js';
import type { ChatLine } from './ui-state.js';
import { roleColor } from './components/theme.js';

/** Where wrapped text, cards and next steps start: past the time. */
export const HANG = 6;

const cache = new WeakMap<ChatLine, { width: number; rows: Row[] }>();

export function chatRows(line: ChatLine, width: number): Row[] {
  const kept = cache.get(line);
  if (kept?.width === width) return kept.rows;
  const rows = layout(line, Math.max(HANG + 4, width)).map((r) => truncateRow(r, width));
  cache.set(line, { width, rows });
  return rows;
}

function layout(line: ChatLine, width: number): Row[] {
  const time = span(`${utcTime(line.ts)} `, { dimColor: true });
  if (line.kind !== 'message' || !line.from) {
    const color = line.kind === 'error' ? 'red' : line.forMe ? 'yellow' : line.kind === 'local' ? 'white' : 'gray';
    const mark = line.kind === 'error' ? '✗ ' : line.kind === 'local' ? '' : '• ';
    return wrapSpans([time, span(mark + line.text, { color, bold: line.forMe })], width, HANG);
  }
  const from = line.from;
  const speaker: Span[] = [
    time,
    ...(line.forMe ? [span('▶ ', { color: 'yellow' })] : []),
    span(` ${from.role} `, { backgroundColor: roleColor(from.role), color: 'black' }),
    span(` ${from.name}`, { bold: true, color: roleColor(from.role) }),
    ...(line.to ? [span(` → ${line.to}`, { dimColor: true })] : []),
  ];
  if (line.card) {
    const next = line.next ? wrapSpans([span(' '.repeat(HANG)), span(line.next, { bold: line.forMe })], width, HANG) : [];
    return [...wrapSpans(speaker, width, HANG), ...indentRows(cardRows(line.card, width - HANG), HANG), ...next];
  }
  const state = line.pending ? [span(' · queued, sent when the hub is back', { dimColor: true })] : line.sent ? [span(' ✓ sent', { dimColor: true })] : [];
  const text = span(line.text, line.pending ? { dimColor: true } : { bold: line.forMe, ...(line.forMe ? { color: 'yellow' } : {}) });
  return wrapSpans([...speaker, span(': '), text, ...state], width, HANG);
}
