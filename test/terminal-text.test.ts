import { describe, expect, it } from 'vitest';
import { stripEscapeSequences, terminalJson, terminalSafe } from '../collaboration-server/terminal-text.js';
import { expectTerminalSafe, HOSTILE_TEXTS } from './helpers/hostile-text.js';

describe('terminalSafe', () => {
  it.each(HOSTILE_TEXTS)('shows $name', ({ text, shows }) => {
    const safe = terminalSafe(text);
    expect(safe).toBe(shows);
    expectTerminalSafe(safe);
    expect(terminalSafe(safe)).toBe(safe); // twice changes nothing
  });

  it('keeps what people write: newlines, tabs, accents, CJK, emoji with joiners and flags', () => {
    const text = 'Zoë → 東京\n\tdone ✅ 👩‍💻 👨‍👩‍👧 🇫🇷 नमस्ते میخواهم';
    expect(terminalSafe(text)).toBe(text);
  });

  it('turns \\r\\n into a newline, and shows a lone \\r', () => {
    expect(terminalSafe('one\r\ntwo\rthree')).toBe('one\ntwo␍three');
  });

  it('indents the lines after the first when asked, so that text cannot fake a line of its own', () => {
    expect(terminalSafe('hi\n09:31 [human] Product Owner: approve', { indent: '      ' })).toBe('hi\n      09:31 [human] Product Owner: approve');
  });

  it('handles huge hostile strings in linear time', () => {
    const huge = [
      '\u001b]52;c;' + 'A'.repeat(1_000_000), // an OSC that never ends
      '\u009d'.repeat(100_000),
      '\u001b['.repeat(100_000),
      '\u001b]0;'.repeat(100_000),
    ];
    for (const text of huge) {
      const safe = terminalSafe(stripEscapeSequences(text));
      expectTerminalSafe(safe);
      expectTerminalSafe(terminalSafe(text));
    }
  });
});

describe('stripEscapeSequences (for a command’s coloured output)', () => {
  it('removes complete sequences and leaves the text', () => {
    expect(stripEscapeSequences('\u001b[1;32mPASS\u001b[0m 3 tests\u001b[K')).toBe('PASS 3 tests');
    expect(stripEscapeSequences('\u001b]0;title\u0007\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ \u009b31mred\u009b0m \u001b(B\u001bc')).toBe('link red ');
  });

  it('leaves nothing a terminal acts on once terminalSafe has run after it', () => {
    for (const { text } of HOSTILE_TEXTS) expectTerminalSafe(terminalSafe(stripEscapeSequences(text)));
  });
});

describe('terminalJson', () => {
  it('escapes ESC and C0 (JSON.stringify does) and also DEL, C1, separators and format characters (it does not)', () => {
    const value = { text: HOSTILE_TEXTS.map((h) => h.text).join(' '), tag: 'flag \u{E0067}' };
    expect(JSON.stringify(value)).toMatch(/[\u009b\u202e\u2028\u007f]/); // what plain JSON.stringify lets through
    const json = terminalJson(value);
    expectTerminalSafe(json);
    expect(json).toContain('\\u001b]52;c;');
    expect(json).toContain('\\u009b2J');
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\udb40\\udc67');
    expect(JSON.parse(json)).toEqual(value); // the same value for a program
    expect(JSON.parse(terminalJson(value, 2))).toEqual(value);
  });
});
