/**
 * What is not an objective the lead can plan: pasted code, logs and stack traces (left out, and said
 * so), and text it cannot read: another language or script, gibberish, emoji alone. Those are named
 * back to the product owner, never dropped in silence.
 */
import { isEnglishWord } from './dictionary.js';
import { matchDomains } from './domains.js';
import { englishWords, foreignLanguage } from './languages.js';
import { leadingVerb } from './phrasing.js';
import { words } from './words.js';

export type Pasted = 'stack trace' | 'log output' | 'code';

const STACK: readonly RegExp[] = [
  /^\s*at\s+[\w$.<>[\]]+\s*\(.*:\d+(?::\d+)?\)\s*$/,
  /^\s*at\s+\S+:\d+:\d+\s*$/,
  /^\s*at\s+(?:async\s+)?[\w$.<>]+\s+\(/,
  /Traceback \(most recent call last\)/,
  /^\s*File ".*", line \d+/,
  // An iOS crash: its exception line and numbered frames ("0  CoreFoundation   __exceptionPreprocess").
  /^\s*(?:Fatal Exception:|\*\*\*\s+-\[|Terminating app due to)/,
  /^\s*\d{1,3}\s{2,}[\w.+-]+\s{2,}\S/,
  /^\s*(?:Caused by:|\.\.\. \d+ more|Exception in thread|panic:|goroutine \d+ \[)/,
  /^\s*(?:[\w$]+\.)*[\w$]*(?:Error|Exception)(?::\s|$)/,
];
const LOG: readonly RegExp[] = [
  /^\s*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?/,
  /^\s*\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|ERR)\]?[\s:|]/,
  /^\s*\d{2}:\d{2}:\d{2}(?:\.\d+)?\s+\S/,
  /^\s*npm (?:ERR!|WARN)/,
];
const CODE: readonly RegExp[] = [
  /^\s*(?:import|export|const|let|var|function|class|def|return|public|private|protected|package|using|#include|#!)\b.*[;{}()=:'"]/,
  /^\s*(?:if|for|while|switch|try|catch|else)\s*\(.*\)\s*\{?\s*$/,
  /[;{]\s*$/,
  /^\s*[}\])]+[;,)]*\s*$/,
  /=>\s*\{?/,
  /^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|ALTER TABLE)\s.+\b(?:FROM|INTO|SET|WHERE|\()/i,
  /^\s*\$\s+\S+/,
  /^\s*<\/?[a-z][\w-]*(?:\s[^>]*)?>/,
  /^\s*"[\w-]+"\s*:\s*["\d[{tfn]/,
];

/** Where pasted code runs, by the paths and frames it names: the side whose engineer fixes it. */
export function pasteSide(lines: readonly string[]): 'backend' | 'frontend' | null {
  const text = lines.join('\n');
  const front = (text.match(/\.(?:tsx|jsx|vue|svelte|swift|kt)\b|react-dom|\b(?:components?|ui|views?|screens?|pages?)\/|ViewController|UIKit|android\.view/g) ?? []).length;
  const back = (text.match(/\.(?:py|go|java|rb|php|cs)\b|\b(?:server|api|routes?|handlers?|services?|workers?|jobs?|db|models?)\/|\bat async handler\b/g) ?? []).length;
  return front > back ? 'frontend' : back > front ? 'backend' : null;
}

/** What kind of paste a line is, or null for a line of prose. */
export function pastedKind(line: string): Pasted | null {
  if (!line.trim()) return null;
  if (STACK.some((re) => re.test(line))) return 'stack trace';
  if (LOG.some((re) => re.test(line))) return 'log output';
  if (CODE.some((re) => re.test(line))) return 'code';
  const symbols = line.replace(/[\p{L}\p{N}\s]/gu, '').length;
  return line.length >= 12 && symbols / line.replace(/\s/g, '').length > 0.3 ? 'code' : null;
}

// Global expressions here and in LETTER: a text's matches are counted in one pass, not tested letter by letter.
const SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Cyrillic}/gu, 'Cyrillic script'],
  [/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/gu, 'Chinese or Japanese script'],
  [/\p{Script=Hangul}/gu, 'Korean script'],
  [/\p{Script=Arabic}/gu, 'Arabic script'],
  [/\p{Script=Hebrew}/gu, 'Hebrew script'],
  [/\p{Script=Greek}/gu, 'Greek script'],
  [/\p{Script=Devanagari}|\p{Script=Bengali}|\p{Script=Tamil}/gu, 'an Indic script'],
  [/\p{Script=Thai}/gu, 'Thai script'],
];

const LETTER = /\p{L}/gu;
const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** A word no one writes on purpose: keyboard runs, no vowels, long consonant runs, random letters and digits. */
function odd(w: string): boolean {
  if (w.length > 20) return true;
  if (/\d/.test(w)) return w.length >= 7 && /[a-z]/.test(w) && (w.match(/\d/g)?.length ?? 0) >= 2;
  if (w.length >= 4 && KEYBOARD_ROWS.some((row) => row.includes(w) || [...row].reverse().join('').includes(w))) return true;
  return (w.length >= 4 && !/[aeiouy]/.test(w)) || /[^aeiouy]{5,}/.test(w) || /(.)\1\1/.test(w);
}

/** Whether any word is one the planner knows: a verb it parses or a term of its catalogue. */
const knowsAWord = (text: string, ws: readonly string[]) => ws.some((w) => leadingVerb(w) !== null) || matchDomains(text).length > 0;

/** The words a text writes in lower case outside quotes: names, acronyms and a quoted typo ('recieve') are not judged. */
function plainWords(text: string): string[] {
  const unquoted = text.replace(/(?<!\w)'[^']*'(?!\w)|"[^"]*"|“[^”]*”|‘[^’]*’|`[^`]*`/g, ' ');
  return (unquoted.match(/\p{L}[\p{L}'’-]*/gu) ?? [])
    .flatMap((w) => w.replace(/['’]s$/, '').split('-'))
    .filter((w) => w.length >= 3 && /^[a-z]+$/.test(w));
}

/**
 * Pronounceable nonsense between English glue words ("flarn the quibbet under sprocket mode, wexly by
 * thursdon"): three or more of its words are in no dictionary and not the planner's own terms, nearly a
 * third of them (or four, when no domain knows any of its words), and it does not open with a verb the
 * planner knows ("Upgrade webpack, eslint, pnpm…").
 */
function nonsense(text: string, ws: readonly string[]): boolean {
  const plain = plainWords(text);
  if (plain.length < 4) return false;
  const strange = plain.filter((w) => !isEnglishWord(w) && leadingVerb(w) === null && matchDomains(w).length === 0);
  const opensWithVerb = ws.length > 0 && leadingVerb(ws[0]!) !== null;
  if (opensWithVerb || strange.length < 3) return false;
  // Long glue ("whereby … thereof … notwithstanding") thins the share; four strange words and no term of any domain settle it.
  return strange.length / plain.length >= 0.3 || (strange.length >= 4 && matchDomains(text).length === 0);
}

/** Why the lead cannot read a text as an objective, or null when it can. */
export function unreadableWhy(text: string): string | null {
  return unreadableByLetters(text) ?? (nonsense(text, words(text)) ? 'it reads as gibberish' : null);
}

/**
 * Why a text cannot be read, told from its letters and words alone (a script, a language, words no one
 * writes, emoji): what the chat reader needs on every line, without the dictionary's lookups.
 */
export function unreadableByLetters(text: string): string | null {
  const letters = count(text, LETTER);
  if (letters === 0) return /\p{Extended_Pictographic}/u.test(text) ? 'only emoji' : 'no words in it';
  for (const [re, name] of SCRIPTS) {
    if (count(text, re) / letters > 0.3) return `it is written in ${name}`;
  }
  const ws = words(text);
  const english = englishWords(ws);
  const language = foreignLanguage(text);
  if (language) return `it looks like ${language}`;
  const lettered = ws.filter((w) => /\p{L}/u.test(w) && w.length >= 3);
  if (lettered.length === 0) return null;
  const share = lettered.filter(odd).length / lettered.length;
  if (share > 0.5 || (lettered.length >= 3 && english === 0 && share > 0.34)) return 'it reads as gibberish';
  // Pronounceable nonsense: several words, one of them odd, and none a word the planner knows.
  // Five words or more with none the planner knows, nor any English function word, are not an objective either.
  if (lettered.length >= 4 && english === 0 && (share > 0 || lettered.length >= 5) && !knowsAWord(text, ws)) return 'it reads as gibberish';
  return null;
}
