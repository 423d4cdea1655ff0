/**
 * Participant text made safe for a terminal. Whatever a participant types, and whatever an AI agent's
 * command prints, is untrusted: a terminal acts on control characters and escape sequences (clear the
 * screen, set the window title with OSC 0, write the clipboard with OSC 52, return the carriage to
 * overwrite a line), and bidi controls reorder what is drawn. Every writer calls `terminalSafe` at the
 * edge, just before text reaches a terminal; `terminalJson` is its twin for JSON output. Pure.
 *
 * It shows rather than parses: each unsafe character becomes a visible stand-in, so an escape sequence
 * loses its introducer and what is left of it is printable text. No sequence grammar is involved, so no
 * sequence a terminal reads differently can slip through. Newline and tab stay; `\r\n` becomes `\n`.
 *  - C0 controls and DEL: their Unicode control pictures (ESC `␛`, BEL `␇`, backspace `␈`, a lone `\r` `␍`, DEL `␡`);
 *  - C1 controls (the 8-bit CSI `\x9b` among them), line and paragraph separators, format characters
 *    (bidi embeddings, overrides and isolates, zero-width spaces, tags) and lone surrogates: `<U+202E>`.
 * Zero-width joiner and non-joiner stay: emoji sequences and several scripts need them, and they hide nothing.
 * The result is printable and contains no stand-in's trigger, so applying it twice changes nothing.
 */

const UNSAFE = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|(?![\u200c\u200d])\p{Cf}|\p{Cs}/gu;

const codePoint = (ch: string): string => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

function standIn(ch: string): string {
  if (ch === '\r\n') return '\n';
  const code = ch.codePointAt(0)!;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return codePoint(ch);
}

export interface TerminalSafeOptions {
  /**
   * Put before every line after the first: in line-oriented output (the plain mode, `huddle history`),
   * text holding a newline then cannot pass for a line of its own.
   */
  indent?: string;
}

/** `text` with every character a terminal could act on shown instead (see the top of this file). */
export function terminalSafe(text: string, options: TerminalSafeOptions = {}): string {
  const safe = text.replace(UNSAFE, standIn);
  return options.indent ? safe.replaceAll('\n', `\n${options.indent}`) : safe;
}

// Characters JSON.stringify leaves as they are that a terminal could act on. It already escapes the C0
// controls (ESC as \u001b) and lone surrogates; DEL, C1, the separators and format characters it writes raw.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\p{Cf}]/gu;
// split(''): a character outside the BMP (a tag) is written as its two UTF-16 halves, as JSON wants
const jsonEscape = (ch: string): string => ch.split('').map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');

/**
 * JSON text safe to print on a terminal: what JSON.stringify would write, with DEL, C1 controls, line
 * separators and format characters as `\u` escapes. Those can only stand inside strings, and the escape
 * parses back to the same character, so the value a program reads is unchanged.
 */
export function terminalJson(value: unknown, space?: number): string {
  return (JSON.stringify(value, null, space) ?? 'null').replace(JSON_UNSAFE, jsonEscape);
}

// The string body stops at the next introducer as well as at a terminator, so that text full of
// unterminated introducers is read in linear time.
const SEQUENCE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u0090\u0098\u009b-\u009f]*(?:\u0007|\u001b\\|\u009c)|\u001b[ -/]*[0-~]/g;

/**
 * Removes escape sequences (CSI and its 8-bit form, OSC/DCS/SOS/PM/APC strings ended by BEL or ST, and
 * the short ESC sequences) for text where they are expected and carry nothing to read: a command's
 * output, coloured by its tools. Not a defence by itself: what it leaves, `terminalSafe` still shows.
 */
export function stripEscapeSequences(text: string): string {
  return text.replace(SEQUENCE, '');
}
