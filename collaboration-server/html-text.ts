/**
 * Participant text made safe for a web page: the HTML twin of the terminal-safe text function. Whatever
 * a participant types, and whatever an AI agent's command prints, is untrusted: in a page, `<` and `&`
 * start markup, a quote ends an attribute, and bidi controls reorder what is drawn (a title that reads
 * "invoice.exe" backwards). The page draws every participant string through `htmlSafe` (its `html`
 * template calls it for each value) or through DOM `textContent`; nothing else writes participant text.
 *
 * Two steps, in this order:
 *  1. hidden characters become visible stand-ins, as in a terminal: C0 controls and DEL as their
 *     Unicode control pictures (`␛`, `␇`, a lone `\r` as `␍`, DEL `␡`); C1 controls, line and paragraph
 *     separators, format characters (bidi embeddings, overrides and isolates, zero-width spaces, tags)
 *     and lone surrogates as `<U+202E>`. Newline and tab stay; `\r\n` becomes `\n`. Zero-width joiner
 *     and non-joiner stay: emoji sequences and several scripts need them, and they hide nothing.
 *  2. `& < > " '` become character references, so the result is text in element content and in a
 *     quoted attribute value alike. A URL is never made from participant text (see web/html.ts).
 * Pure, and the same in the hub and in the browser.
 */

const HIDDEN = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}|\p{Cs}/gu;

function standIn(ch: string): string {
  if (ch === '\r\n') return '\n';
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

const MARKUP = /[&<>"']/g;
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with hidden characters shown (step 1), as the page displays it before any markup is involved. */
export const visibleText = (text: string): string => text.replace(HIDDEN, standIn);

/** `text` as HTML that shows exactly that text, with hidden characters made visible (see the top of this file). */
export function htmlSafe(text: string): string {
  return visibleText(text).replace(MARKUP, (ch) => REFERENCES[ch]!);
}
