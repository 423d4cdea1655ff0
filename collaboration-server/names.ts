/**
 * Name rules: which names a participant may take, and when two names are the same to a reader.
 * Names are compared as people read them, not as code points: `tech lead` is `Tech Lead`, and so is
 * `Теch Lead` with a Cyrillic Т. The hub checks every hello against these rules.
 */
import { createRequire } from 'node:module';
import { HuddleError } from './errors.js';

// The confusables table builds one large regular expression when loaded (about 35 ms): loaded at the
// first name compared, so that a one-shot command, which never compares names, does not pay for it.
const require = createRequire(import.meta.url);
let confusables: ((s: string) => string) | undefined;
const unhomoglyph = (s: string): string => (confusables ??= require('unhomoglyph') as (s: string) => string)(s);

/** Names kept for the technical lead and the product owner: only their roles may take one, or anything that reads like one. */
export const RESERVED_NAMES = ['Tech Lead', 'Product Owner'] as const;

/**
 * Characters a reader cannot see or that change how the rest is shown: format characters (zero-width
 * spaces and joiners, bidi controls and isolates, the soft hyphen), line and paragraph separators,
 * controls, private-use characters, and letters that draw as blank (Hangul fillers, the braille blank).
 */
const HIDDEN = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/u;
/** Half of a UTF-16 pair without its other half: not a character at all. */
const LONE_SURROGATE = /\p{Cs}/u;
/** More marks than any script stacks on one letter: used to draw over the letters beside it. */
const STACKED_MARKS = /\p{M}{4,}/u;

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The name with every hidden character and lone surrogate shown as its code point, to quote it in an error. */
export function shownName(name: string): string {
  return [...name].map((ch) => (HIDDEN.test(ch) || LONE_SURROGATE.test(ch) ? `<${codePoint(ch)}>` : ch)).join('');
}

/** Why a name may not be taken at all, or undefined when it may. */
export function nameProblem(name: string): string | undefined {
  if (LONE_SURROGATE.test(name)) return 'holds half of a character (a lone surrogate)';
  const hidden = HIDDEN.exec(name);
  if (hidden) return `holds ${codePoint(hidden[0])}, a character a reader cannot see`;
  if (STACKED_MARKS.test(name)) return 'stacks marks that draw over the letters beside it';
  if (!nameKeys(name).look) return 'has no letters a reader can see';
  return undefined;
}

/** Throws BAD_NAME with the reason and what to do when `name` may not be taken. */
export function checkName(name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new HuddleError('BAD_NAME', `The name "${shownName(name)}" ${problem}. Pick a --name of plain visible letters, digits and spaces.`);
}

/**
 * Two keys of a name. `same`: NFKC and case-folded, what "the same name" means. `look`: the Unicode
 * confusables skeleton (UTS #39), case-folded, with marks dropped, so that look-alike letters from
 * other scripts (Cyrillic а, Greek Ο, the digit 0) meet their Latin twins.
 */
export interface NameKeys {
  same: string;
  look: string;
}

const spaces = (s: string): string => s.replace(/\s+/gu, ' ').trim();
const fold = (s: string): string => s.normalize('NFKC').toLowerCase().normalize('NFKC');

export function nameKeys(name: string): NameKeys {
  const skeleton = (s: string): string => unhomoglyph(s.normalize('NFKD')).normalize('NFKD').replace(/\p{M}/gu, '');
  return {
    same: spaces(fold(name)),
    // the skeleton again after folding: lower-casing can make a letter that has a look-alike of its own
    look: spaces(skeleton(fold(skeleton(name.normalize('NFKC'))))),
  };
}

/** Whether two names read alike: the same once folded, or the same skeleton. */
export function readAlike(a: string, b: string): boolean {
  const x = nameKeys(a);
  const y = nameKeys(b);
  return x.same === y.same || x.look === y.look;
}

/** The reserved name that `name` reads like, if any. */
export function reservedLookalike(name: string): string | undefined {
  return RESERVED_NAMES.find((reserved) => readAlike(name, reserved));
}
