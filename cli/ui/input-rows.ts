/** The line being typed, in a box, with a block cursor; Tab's candidates above it. A long line shows its end. */
import { truncateStart } from '../text-width.js';
import { frame, span, truncateRow, type Row } from './rows.js';

export function inputRows(value: string, completions: string[], placeholder: string, width: number): Row[] {
  const inner = Math.max(1, width - 4);
  const shown = value ? [span(truncateStart(span(value).text, inner - 3))] : [span(placeholder, { dimColor: true })];
  const line: Row = truncateRow([span('› ', { color: 'cyan' }), ...shown, span(' ', { inverse: true })], inner);
  const options = completions.length > 1 ? [truncateRow([span(completions.join('  '), { dimColor: true })], width)] : [];
  return [...options, ...frame([line], width, { color: 'gray' })];
}
