/**
 * Words as the planner compares them: lower case, British spellings made American, and reduced to a
 * stem, so "logins", "logging in" and "log-in" meet "login", and "optimise" meets "optimization".
 * A light Porter-style stemmer: the same function runs on the catalogue's terms and on the text, so
 * what matters is that both land on the same stem, not that the stem is a word.
 */

/** British → American endings, applied before stemming (colour → color, localise → localize, centre → center). */
function americanise(w: string): string {
  return w
    .replace(/our$/, w.length > 5 ? 'or' : 'our')
    .replace(/(is)(e|es|ed|ing|ation|ations|er|ers)$/, (m, _is: string, end: string) => (w.length > 6 ? `iz${end}` : m))
    .replace(/([^aeiou])tre(s?)$/, '$1ter$2')
    .replace(/yse$/, 'yze')
    .replace(/ogue$/, 'og');
}

const VOWEL = /[aeiouy]/;

function step1(w: string): string {
  if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length > 3) w = w.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    const base = w.slice(0, -suffix.length);
    if (!VOWEL.test(base)) continue;
    w = base;
    if (/(?:at|bl|iz)$/.test(w)) w += 'e';
    else if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
    break;
  }
  return w;
}

const DERIVED: [RegExp, string][] = [
  [/ization$/, 'ize'],
  [/ational$/, 'ate'],
  [/ation$/, 'ate'],
  [/ator$/, 'ate'],
  [/ments?$/, ''],
  [/ness$/, ''],
  [/ability$/, 'able'],
  [/ibility$/, 'ible'],
  [/ity$/, ''],
];

/** The stem of one lower-case word. Short words and words with digits are left alone. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = step1(americanise(w));
  for (const [re, to] of DERIVED) {
    if (re.test(w) && w.replace(re, to).length >= 4) {
      w = w.replace(re, to);
      break;
    }
  }
  return w.length > 3 ? w.replace(/e$/, '').replace(/y$/, 'i') : w;
}

/** Words of a text: letters and digits, lower case (apostrophes kept inside, "don't"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** Pronouns never take part in a term ("them" must not meet "theme"). */
const PRONOUNS = new Set(['them', 'they', 'it', 'its', 'this', 'these', 'those', 'that', 'we', 'us', 'our', 'you', 'your', 'i', 'me', 'my', 'he', 'she', 'him', 'her', 'their']);

export const stems = (text: string): string[] => words(text).map((w) => (PRONOUNS.has(w) ? '' : stem(w)));

/** Where the stems of `phrase` occur in `haystack` (already stemmed), as start indexes. */
export function findPhrase(haystack: readonly string[], phrase: readonly string[]): number[] {
  const at: number[] = [];
  if (phrase.length === 0) return at;
  for (let i = 0; i + phrase.length <= haystack.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = haystack[i + j] === phrase[j];
    if (ok) at.push(i);
  }
  return at;
}
