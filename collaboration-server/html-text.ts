/**
 * Participant text made safe for a web page: the HTML twin of the terminal-safe text function. Whatever
 * a participant types, and whatever an AI agent's command prints, is untrusted: in a page, `<` and `&`
 * start markup, a quote ends an attribute, and bidi controls reorder what is drawn (a title that reads
 * "invoice.exe" backwards). The page draws every participant string through `htmlSafe` (its `html`
 * template calls it for each value); nothing else writes participant text.
 *
 * Two steps, in this order:
 *  1. hidden characters become visible stand-ins by the terminal's own rules (`terminalSafe` in
 *     terminal-text.ts: controls as their control pictures, bidi and other format characters as
 *     `<U+202E>`), so a page and a terminal show the same text the same way;
 *  2. `& < > " '` become character references, so the result is text in element content and in a
 *     quoted attribute value alike. A URL is never made from participant text (see web/html.ts).
 * Pure, and the same in the hub and in the browser.
 */
import { terminalSafe } from './terminal-text.js';

const MARKUP = /[&<>"']/g;
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML that shows exactly that text, with hidden characters made visible (see the top of this file). */
export function htmlSafe(text: string): string {
  return terminalSafe(text).replace(MARKUP, (ch) => REFERENCES[ch]!);
}
