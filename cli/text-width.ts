/**
 * Text measured as a terminal draws it: in columns, not in UTF-16 units. A CJK character or an emoji
 * takes two columns, a combining accent none, and `Zoë 🚀 前端` is 11 columns wide, not 9 characters
 * (string-width, the measure ink itself uses). Cutting happens between graphemes, never inside one.
 * Pure; every aligned column, truncation and wrap in the CLI goes through here.
 */
import stringWidth from 'string-width';

export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters one column wide each, no combining marks among them: ASCII, Latin, punctuation, arrows,
 * box drawing, blocks, shapes, braille, the marks ✓ ✗ ❯. Most of what is drawn is only these,
 * and string-width is slow (it tries an emoji pattern on every grapheme): checked against it in tests.
 */
export const NARROW = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u2713-\u2717\u276f\u2800-\u28ff]*$/;

/** The columns `text` takes on a terminal (one line; a tab counts as nothing, so expand tabs first). */
export const textWidth = (text: string): number => (NARROW.test(text) ? text.length : stringWidth(text));

export const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** The longest start of `text` that fits in `width` columns. */
export function sliceWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = textWidth(g);
    if (used + w > width) break;
    out += g;
    used += w;
  }
  return out;
}

/** `text` cut to `width` columns, with an ellipsis where it was cut. */
export function truncateWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  return sliceWidth(text, width - 1).trimEnd() + ELLIPSIS;
}

/** `text` cut from the start to `width` columns: the end of a long input line stays in view. */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(text) <= width) return text;
  const kept: string[] = [];
  let used = 0;
  for (const g of graphemes(text).reverse()) {
    const w = textWidth(g);
    if (used + w > width - 1) break;
    kept.unshift(g);
    used += w;
  }
  return ELLIPSIS + kept.join('');
}

/** `text` padded with spaces to `width` columns (never cut). */
export const padWidth = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - textWidth(text)));
export const padStartWidth = (text: string, width: number): string => ' '.repeat(Math.max(0, width - textWidth(text))) + text;

/** Left-aligned columns, `gap` apart, each as wide as its widest cell; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[], gap = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, textWidth(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padWidth(cell, widths[i] ?? 0))).join(gap));
}
