/**
 * A problem told as a statement, said as the fix it asks for, in the objective's own words: "Patients
 * keep getting duplicate reminder texts" → "Fix patients getting duplicate reminder texts", "Why do our
 * Android users get logged out every few days?" → "Fix our Android users getting logged out every few
 * days", "Customers complain that the invoice PDF looks broken" → what they complain of. A statement the
 * phrasing already turns round ("The export is too slow", "The app crashes on launch") is returned as a
 * statement, for phrasing.ts to turn.
 */
import { HTTP_REQUEST, isStateWord, leadingVerb, lowerFirst, opensWithFeature, parsePhrase, verbOfParticiple } from './phrasing.js';

/** Someone telling us about the problem: what they say is the problem. */
const REPORTED =
  /^((?:(?:our|the|many|some|several|a\s+few|a\s+lot\s+of|lots\s+of|most)\s+)?(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+(?<!ss|us|is|'s|’s)s|people|staff|everyone|someone|somebody|nobody|support|sales|legal|marketing|finance|ops|qa|the\s+client|client|customer|user|management|the\s+ceo|ceo)(?:\s+(?:(?:out|up|down|over|back)\s+)?(?:in|at|on|from)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)??)?)\s+(?:(?:keep|keeps|have\s+been|has\s+been|are|is)\s+)?(?:say|says|said|saying|complain|complains|complained|complaining|report|reports|reported|reporting|tell\s+us|told\s+us|telling\s+us|mention|mentioned|notice|noticed|claim|claims|write\s+in|hate|hates|dislike|dislikes|don't\s+like|are\s+annoyed|are\s+frustrated|are\s+tired\s+of\s+the\s+fact)\s+(?:that\s+)?(?:about\s+)?(.+)$/i;

/** "Why do our users get logged out…?", "Why is the admin panel so slow…?" */
// A yes/no question about a problem ("Is the checkout accessible enough…?") is read the same way.
const WHY = /^(?:why\s+)?(?:(do|does|did)|(is|are|was|were)|(can't|cannot|won't|doesn't|don't|isn't|aren't|didn't))\s+(.+?)\??$/i;

/** Verbs a problem is told with, in their base form. */
const PROBLEM_VERBS = new Set(['lose', 'find', 'sit', 'feel', 'seem', 'freeze', 'crash', 'say', 'show', 'take', 'drop', 'send', 'land', 'lag', 'stall', 'go', 'come', 'miss', 'double', 'reset', 'ignore', 'flicker', 'jump', 'break', 'hang', 'fail', 'load', 'return', 'appear', 'disappear', 'stop', 'overlap', 'get', 'see', 'receive', 'end', 'abandon', 'leave', 'give', 'need', 'wait', 'struggle', 'forget', 'run', 'spike', 'drift', 'vanish', 'display', 'look', 'charge', 'bounce', 'expire', 'log', 'sign', 'report', 'count', 'use', 'hit', 'pay', 'call', 'spend', 'waste', 'arrive', 'drain', 'pile', 'complain', 'churn', 'overwrite', 'block', 'reject', 'decline', 'fill', 'slow', 'eat', 'leak', 'corrupt', 'mix', 'skip', 'lock', 'fall', 'fall over', 'die', 'choke']);
/** Verbs that tell something going wrong by themselves ("falls over", "drops off the network"), not what shows it. */
const FAILING_VERBS = new Set(['fall', 'fall over', 'die', 'choke', 'crash', 'freeze', 'hang', 'break', 'fail', 'drop', 'lose', 'lag', 'stall', 'go', 'vanish', 'disappear', 'leak', 'drain', 'overlap', 'flicker', 'skip', 'double', 'miss', 'corrupt', 'bounce', 'expire', 'spike', 'drift', 'land']);
const ADVERBS = /^(?:still|randomly|sometimes|often|always|never|constantly|repeatedly|regularly|occasionally|now|suddenly|also|all|just|silently|quietly|intermittently|sporadically|periodically|frequently|usually)$/i;
const BE = /^(?:is|are|was|were|be|been)$/i;

const ACTS_ON = /^(?:the|a|an|our|their|his|her|its|my|your|every|all|some|any|no|one|two|three|to|into|on|in|at|for|from|out|up|down|off|over|after|before|when|twice|again|instead)$/i;

/** The base of a present or past verb as said ("loses" → "lose", "got" → "get"), or null when it is not one. */
function baseOf(word: string, next: string | undefined, plural: boolean): string | null {
  const w = word.toLowerCase();
  const acts = next !== undefined && ACTS_ON.test(next);
  if (PROBLEM_VERBS.has(w) && (plural || !/s$/.test(w))) return w;
  if (plural && acts && leadingVerb(w) !== null) return w;
  // "Live captions on VRS calls…": after a plural, an -s form is a noun, not the verb.
  if (plural && /[^s]s$/.test(w)) return IRREGULAR[w] ?? null;
  for (const base of [w.replace(/([^aeiou])\1ed$/, '$1'), w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, ''), w.replace(/ed$/, ''), w.replace(/d$/, '')]) {
    if (base === w || base.length < 2) continue;
    if (PROBLEM_VERBS.has(base) || (acts && leadingVerb(base) !== null)) return base;
  }
  return IRREGULAR[w] ?? null;
}
const IRREGULAR: Readonly<Record<string, string>> = { got: 'get', kept: 'keep', lost: 'lose', took: 'take', went: 'go', came: 'come', broke: 'break', froze: 'freeze', saw: 'see', ran: 'run', left: 'leave', gave: 'give', hung: 'hang' };

/** "lose" → "losing", "get" → "getting", "freeze" → "freezing", "log" → "logging". */
export function gerund(base: string): string {
  if (base === 'see' || base === 'be') return `${base}ing`;
  if (/ie$/.test(base)) return `${base.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  // One syllable ending in a single vowel and consonant doubles it: skipping, logging, planning.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(base)) return `${base}${base.slice(-1)}ing`;
  return `${base}ing`;
}

const STOP = /^(?:and|or|but|that|which|who|when|if|because|so|to|whether|after|before|until|while|once|since|unless)$/i;
/** People named for what they do: "fitness users in Japan see…" has its verb later ("stutters" and "persists" are verbs). */
const PEOPLE_NOUN = /^(?:users|customers|drivers|riders|members|players|buyers|sellers|owners|readers|viewers|subscribers|teachers|learners|partners|developers|managers|workers|shoppers|travell?ers|passengers|listeners|lawyers|officers|volunteers|farmers|dispatchers|cashiers|brokers|retailers|suppliers|carriers|renters|employees|trainees|attendees|pharmacists|dentists|therapists|analysts|[a-z]+(?:ors|ians))$/;
/** Words in a verb's place that are never one: "Tooltips for every field" has no verb to make "forring". */
const NOT_A_VERB = /^(?:for|with|from|into|onto|over|under|about|across|after|before|between|through|without|within|per|via|than|like|near|off|out|all|any|each|every|more|most|less|only|also|just|very|too|much|many|few|new|old|own|same|other|such)$/i;
/** what follows a verb the lists do not hold: "drains so much battery", "arrive a week late" */
const AFTER_VERB = /^(?:the|a|an|our|their|his|her|its|my|your|every|all|some|any|no|to|into|on|in|at|for|from|out|up|down|off|over|after|before|when|twice|again|instead|so|too|much|more|very|hours|days|\d[\w.,%]*)$/i;

/** Words that open no subject of a fix of their own: a question word or a pronoun ("Why is our bill…", "It has been reported…", "We are…"). */
const NO_SUBJECT = /^(?:[Ww]hy|[Hh]ow|[Ww]hat|[Ww]hen|[Ww]here|[Ww]ho|It|it|[Ww]e|I|[Yy]ou)$/;
/** A subject that already holds a verb or a clause ("Video calls are awful on 3G, users say the signing"). */
const HOLDS_A_VERB = /\b(?:is|are|was|were|has|have|had|should|must|will|would|says?|said|tells?|told)\b|,/i;
/** What opens a clause of its own in the rest, after which a verb belongs to that clause. */
const OPENS_CLAUSE = /^(?:when|whenever|if|because|that|which|who|after|before|while|since|until|unless|so|and|but|or|as|where|than|like|it|they|he|she|we|i|you|everything|nothing|everyone|someone|something|there)$/i;
const FINITE_VERB = /^(?:is|are|was|were|should|must|will|would|can|could|shall)$/i;
const REPORTING = /^(?:saying|showing|claiming|reporting|telling|displaying|suggesting|thinking|assuming)$/i;
/**
 * Whether "Fix <subject> <verb>ing <rest>" is the statement turned round: not when the subject is no
 * noun phrase, or when the rest still has a verb of the main clause, so that the word made a gerund was
 * no verb ("The opening hours in the footer are wrong" gives no "opening houring").
 */
function soundGerund(subject: readonly string[], gerund: string, tail: readonly string[]): boolean {
  if (NO_SUBJECT.test(subject[0] ?? '') || HOLDS_A_VERB.test(subject.join(' '))) return false;
  // ("…still saying all is well": what is said has a verb of its own.)
  if (REPORTING.test(gerund)) return true;
  for (const word of tail) {
    if (OPENS_CLAUSE.test(word) || /[,;:]$/.test(word)) return true;
    if (FINITE_VERB.test(word)) return false;
  }
  return true;
}

/**
 * "S <finite verb> rest" → "S <gerund> rest": the subject kept, its verb made a gerund, so the sentence
 * becomes what is fixed. Null when no finite verb is found after a subject, or when the sentence does not
 * turn round soundly (soundGerund).
 */
function asGerund(statement: string, from = 1): { said: string; subject: string; at: number } | null {
  const w = statement.split(/\s+/);
  let adverbAt = -1;
  for (let i = from; i < Math.min(w.length, 12); i++) {
    const word = w[i]!;
    if (STOP.test(word)) return null;
    if (ADVERBS.test(word)) {
      if (adverbAt < 0) adverbAt = i;
      continue;
    }
    // A word after a determiner is a noun ("the reports dashboard"), and so is one before a verb ("the billing report takes…").
    if (/^(?:the|a|an|our|their|its|my|your|this|these|those|every|each|\d[\d,.]*%?)$/i.test(w[i - 1]!)) continue;
    if (/^(?:is|are|was|were|has|have|takes|keeps|gets|fails|crashes|runs|goes|lands|sits|shows|looks|seems|returns|sends|stays|stops|breaks|hangs)$/i.test(w[i + 1] ?? '') && !/^(?:and|or|but)$/i.test(word)) continue;
    const subject = w.slice(0, adverbAt < 0 ? i : adverbAt);
    // The subject's head says its number: "the list of users" is one list, "live captions on calls" are captions.
    const head = subject.join(' ').split(/\s+(?:of|on|in|for|at|with|from)\s+/i)[0]!.split(/\s+/);
    const plural = /(?:[^s]s|people|staff|everyone|we|they|children|men)$/i.test(head.at(-1)!);
    const rest = w.slice(i + 1);
    // "…and customers notice" is said about the problem, not part of it.
    // "…taking seven hours and is still running": a second predicate of the same subject is said about it, not fixed.
    const said = (verb: string, tail: string[] = rest) => (!soundGerund(subject, verb, tail) ? null : { said: [...w.slice(0, i), verb, ...tail].join(' ').replace(/\s+(?:and|but|so)\s+(?:customers?|users?|people|everyone|they|we|nobody)\s+\w+$/i, '').replace(/,?\s+and\s+(?:(?:they|it|these|this)\s+)?(?:is|are|was|were|has|have|had|can|could|may|will)\s.*$/i, ''), subject: subject.join(' '), at: i });
    if (BE.test(word)) return said('being');
    if (/^(?:has|have|had)$/i.test(word)) return said('having');
    if (/^(?:keep|keeps|kept)$/i.test(word) && /ing$/.test(rest[0] ?? '')) return said(rest[0]!, rest.slice(1));
    if (/^(?:can't|cannot|couldn't)$/i.test(word)) return said('not being able to');
    // "…can be opened by anyone": what can be done to it is, in the gerund, done to it.
    if (/^(?:can|could)$/i.test(word) && /^be$/i.test(rest[0] ?? '') && /(?:ed|en|wn)$/i.test(rest[1] ?? '')) return said('being', rest.slice(1));
    if (/^(?:can|could)$/i.test(word) && rest.length > 1) return said('being able to');
    if (/^(?:don't|doesn't|didn't|won't|never)$/i.test(word)) {
      const base = rest[0] ? baseOf(rest[0], rest[1], true) : null;
      return base ? said(`not ${gerund(base)}`, rest.slice(1)) : null;
    }
    // "the daily sales export to the warehouse silently skips lots": an adverb and a verb later are the predicate.
    const predicate = /^(?:to|from|into|for)$/i.test(rest[0] ?? '') ? rest.slice(1, 12).findIndex((x, j, later) => ADVERBS.test(x) && /^[a-z]+s$/.test(later[j + 1] ?? '')) : -1;
    if (predicate >= 0) {
      i += 1 + predicate;
      continue;
    }
    // "…the pet insurance reset emails never expire": a word before the real subject's plural and its verb names that subject.
    if (/^[a-z]+[^s]s$/i.test(rest[0] ?? '') && /^(?:never|still|always|often|sometimes|don't|won't|can't|aren't|are|have|keep|no\s+longer)$/i.test(rest[1] ?? '')) continue;
    const base = baseOf(word, rest[0], plural);
    if (base) return said(gerund(base));
    // "the admin console accepts session tokens": a singular subject's -s form of a verb the planner knows.
    const object = rest[0] ?? '';
    // (An acronym may be what it acts on, "accepts API tokens", but not before an adverb: "queues API sometimes return".)
    const acted = /^[a-z]/.test(object) || (/^[A-Z]{2,}s?$/.test(object) && !ADVERBS.test(rest[1] ?? '') && !leadingVerb(rest[1] ?? ''));
    const known = !plural && i >= 2 && /^[a-z]{3,}[^s]s$/.test(word) && acted && !PROBLEM_VERBS.has(object) && !ADVERBS.test(object) && !leadingVerb(object) ? [word.replace(/es$/, ''), word.replace(/s$/, '')].find((b) => leadingVerb(b) === b) : undefined;
    if (known) return said(gerund(known));
    // A verb the lists do not hold, known by its place: a plural subject's plain verb, a singular's -s form, then what it acts on.
    const prev = w[i - 1]!;
    // "fitness users in Japan see…": people named for what they do (users, drivers, visitors) are no verb.
    // ("API tokens", "PDF files": a word after an acronym is what the acronym qualifies.)
    if (i <= 5 && /^[a-z]{3,}$/.test(word) && !NOT_A_VERB.test(word) && !PEOPLE_NOUN.test(word) && (AFTER_VERB.test(rest[0] ?? '') || adverbAt === i - 1) && !/^(?:the|a|an|our|their|its|my|your|of|in|on|for|with|from|at|by)$/i.test(prev) && !/^[A-Z]{2,}$/.test(prev)) {
      if (plural && !/s$/.test(word)) return said(gerund(word));
      if (!plural && /[^s]s$/.test(word)) return said(gerund(word.replace(/(?:sh|ch|x|ss)es$/, (m) => m.slice(0, -2)).replace(/([^s])s$/, '$1')));
    }
    adverbAt = -1;
  }
  return null;
}

/** "the app drain so much battery" → "the app drains so much battery": the first plain verb after the subject. */
function thirdPerson(statement: string): string {
  const w = statement.split(/\s+/);
  for (let i = 1; i < Math.min(w.length, 7); i++) {
    const word = w[i]!;
    if (PROBLEM_VERBS.has(word) || leadingVerb(word) !== null || AFTER_VERB.test(w[i + 1] ?? '')) {
      if (/^(?:the|a|an|our|their|its|my|your)$|['’]s$/i.test(w[i - 1]!)) continue;
      w[i] = /(?:s|x|z|ch|sh|o)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
      return w.join(' ');
    }
  }
  return statement;
}

/** "why do S V …" → "S V …"; "why is S P" → "S is P", with the verb put where the predicate starts. */
function whyAsStatement(question: string): string | null {
  const m = WHY.exec(question.trim());
  if (!m) return null;
  const rest = m[4]!;
  // "why does the app drain…": the plain verb said as the subject's ("the app drains…").
  if (m[1]) return m[1].toLowerCase() === 'does' ? thirdPerson(rest) : rest;
  const w = rest.split(/\s+/);
  const copula = (m[2] ?? m[3]!).toLowerCase().replace(/n't$/, '');
  const at = w.findIndex((x, i) => i >= 1 && !/^(?:the|a|an|our|their|its|my|your)$/i.test(w[i - 1]!) && (ADVERBS.test(x) || /^(?:so|too|very|really|not|twice|half|much|far|way|\d+x|slow|broken|down|empty|missing|wrong|blank|stuck|gone|offline|unable|failing|still|ready|enough|safe|secure)$/i.test(x) || /(?:ed|ing|able|ible|ful|ous|ive|ent|ant)$/i.test(x)));
  if (at < 1) return null;
  const neg = m[3] ? ' not' : '';
  return [...w.slice(0, at), `${copula}${neg}`, ...w.slice(at)].join(' ');
}

/** "We need to…", "I'd like…", "Please…", "Let's…": a request, not a problem told. */
export const WISH = /^(?:(?:we|i)['’]d\s+(?:really\s+)?(?:like|love)\s+(?:to\s+)?|(?:we|i)\s+(?:really\s+)?(?:need|want|must|should|have(?=\s+to\b)|would\s+like|'d\s+like|’d\s+like|are\s+going)\s+(?:to\s+)?|please\s+|let'?s\s+|let’s\s+)/i;

/** Words the phrasing turns a statement round on ("is too slow", "crashes", "looks broken"). */
const TURNED_ON = /^(?:is|are|looks?|seems?|feels?|takes?|fails?|crash(?:es)?|breaks?|hangs?|freezes?|times?|leaks?|doesn't|don't|won't|can't|cannot|needs|requires|lacks|should|must|has|have)$/i;

/** Work that lands on people (tickets, complaints, calls) because of something else. */
export const CAUSED_LOAD = /^[^.]{0,80}?\b(?:tickets?|complaints?|calls?|chargebacks?|refund\s+requests?|(?:keep|keeps)\s+(?:emailing|e-mailing|calling|phoning|ringing|writing\s+to|messaging)\s+us)\b[^.]{0,40}?\bbecause\s+(?:of\s+(?:how\s+)?)?(.{8,})$/i;

/** "Admin actions are not logged anywhere", "Uploads aren't scanned for viruses": what is not done, to be done. */
const NOT_DONE = /^((?:the|our|all|any|some|most)?\s*(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:(?:are|is)\s+(?:not|never)|aren't|isn't|aren’t|isn’t)\s+(?:being\s+|yet\s+)?([a-z]+)\b\s*(.*)$/i;
/** "Backups are taken nightly but have never been restored to check they work": what has never been done. */
const NEVER_DONE = /^((?:the|our|all|any|some|most)?\s*(?:[\w'’`-]+\s+){0,6}?[\w'’`-]+)\s+(?:(?:are|is)\s+[^,]{2,40}?(?:,\s*(?:but\s+)?|\s+but\s+))?(?:have|has)\s+never\s+(?:once\s+|actually\s+|ever\s+|really\s+)?been\s+([a-z]+)\b\s*(.*)$/i;
function undone(s: string): string | null {
  const m = NEVER_DONE.exec(s) ?? NOT_DONE.exec(s);
  const base = m && verbOfParticiple(m[2]!);
  if (!m || !base || /^by\b/i.test(m[3]!)) return null;
  // "…has never been partitioned and autovacuum gave up on it": what else is said of it is no part of the deed.
  const rest = m[3]!.replace(/(?:^|,?\s+)(?:and|but|so|because)\s+(?!then\b).*$/i, '').replace(/\b(?:anywhere|at\s+all|yet|anymore|any\s+more)\b/gi, '').replace(/\s+/g, ' ').trim();
  return `${base.charAt(0).toUpperCase()}${base.slice(1)} ${lowerFirst(m[1]!.trim())}${rest ? ` ${rest}` : ''}`;
}

/** The fix a problem statement asks for, as an objective, or null when it is not one; `complaint` when it is known to be a problem. */
export function fixOf(statement: string, complaint = false): string | null {
  const s = statement.trim().replace(/[.!?]+$/, '');
  if (WISH.test(s)) return null;
  // "the stop display should move on to the next one": what should be is asked for, not a problem told.
  if (/^(?:the|our|a|an|every|each|all)\s+(?:[\w'’-]+\s+){0,4}?(?:should|must|has\s+to|have\s+to|needs\s+to|need\s+to)\s+(?!have\s+been\b)/i.test(s)) return null;
  const notDone = undone(s);
  if (notDone) return notDone;
  // "GET /api/slots/{id}/players returns other members' phone numbers": what the endpoint does is the case to fix.
  if (HTTP_REQUEST.test(s) && /^\S+\s+\S+\s+[a-z]+s\b/.test(s)) return `Fix the case where ${s}`;
  // "The admin API at /api/admin does not check the caller's role": the thing is made to do it.
  const doesNot = /^((?:the|our|a|an|this|[\w-]+['’]s)\s+(?:[^\s,;]+\s+){0,7}?[^\s,;]+?)\s+(?:does\s+not|doesn['’]t|do\s+not|don['’]t)\s+([a-z]+)\b([^,;]*)$/i.exec(s);
  if (doesNot && leadingVerb(doesNot[2]!) === doesNot[2]!.toLowerCase() && !/^(?:have|need|want|know|like)$/i.test(doesNot[2]!)) return `Make ${lowerFirst(doesNot[1]!)} ${doesNot[2]!.toLowerCase()}${doesNot[3]}`;
  // "Support keeps getting tickets because the price API returns euros": the cause is what is fixed.
  // ("Songwriters keep emailing us because they can't tell…": "they" are the songwriters.)
  const cause = CAUSED_LOAD.exec(s)?.[1]?.replace(/^they\s/i, `${/^(.+?)\s+keeps?\s/i.exec(s)?.[1] ?? 'they'} `);
  if (cause) return fixOf(cause, complaint) ?? `Fix ${lowerFirst(cause)}`;
  const reported = REPORTED.exec(s);
  if (reported && !leadingVerb(s)) {
    // "Sellers tell us their payouts arrive late": the payouts are the sellers'.
    const said = reported[2]!.replace(/^their\s+/i, `${lowerFirst(reported[1]!)}${/s$/i.test(reported[1]!) ? "'" : "'s"} `).replace(/^they\s+/i, `${lowerFirst(reported[1]!)} `);
    // "…tell us the app marks readings as 'estimated'": a clause the rules cannot turn is the case to fix.
    return fixOf(said, true) ?? `Fix ${/^(?:the|our|a|an|my|their|this|some|every)\s/i.test(said) ? 'the case where ' : ''}${said}`;
  }
  // "New drivers need a checklist": a thing people need is asked for, not a problem they have.
  if (!complaint && /^(?:new\s+|our\s+|the\s+|all\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+need\s+(?:a|an|some|more|better|clearer|proper)\s/i.test(s)) return null;
  // "Is the filing flow usable with the keyboard only?": asked of a state it should be in.
  const inState = /^(?:is|are)\s+((?:the|our|this|these|every|all)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+((?:fully\s+)?[a-z]+(?:able|ible|ent|ant|ure|ive))\b(.*?)\??$/i.exec(statement.trim());
  if (inState && isStateWord(inState[2]!.replace(/^fully\s+/i, ''))) return `Make ${lowerFirst(inState[1]!)} ${inState[2]}${inState[3]}`;
  // "Nobody can find the cancel button": people cannot.
  const told = (whyAsStatement(statement) ?? s).replace(/^(?:nobody|no\s+one|no-one)\s+can\b/i, "people can't");
  // "Search in the inventory is exact-name only": a feature named by a verb, then what is wrong with it.
  // (…unless the phrasing turns it round itself: "Search on the catalogue takes 8 seconds" is sped up.)
  const featured = opensWithFeature(told) && parsePhrase(told).verb === null ? asGerund(told) : null;
  if (featured) return `Fix ${lowerFirst(featured.said)}`;
  if (leadingVerb(told)) return null;
  // "OTA firmware updates for the display: signed images, staged rollout…": a thing named, then its details.
  if (/^[^:]{3,80}:\s/.test(told) && !/\b(?:is|are|was|were|has|have|had|can't|cannot|doesn't|don't|won't|isn't|aren't|keeps?|never|looks?|seems?|feels?|takes?|fails?|crash(?:es)?|breaks?|hangs?)\b/i.test(told.split(':')[0]!)) return null;
  // "Typing a postcode with a space returns nothing": a deed is the subject, so the case it tells is fixed.
  if (/^[A-Za-z]+ing\s+(?:a|an|the|our|their|your|two|several|multiple|any|some|more\s+than)\s/.test(told) && asGerund(told, 2)) return `Fix the case where ${lowerFirst(told)}`;
  const g = asGerund(told);
  // The phrasing turns some statements round itself ("…is too slow" → "Speed up …"), unless an earlier verb tells the problem.
  const turnedAt = told.split(/\s+/).findIndex((x, i) => i >= 1 && TURNED_ON.test(x));
  const phrase = parsePhrase(told);
  // What people cannot do, or have to do when they complain of it, is the problem.
  const unable = /\b(?:can't|cannot|unable\s+to)\b/i.test(told) || (complaint && /\b(?:have|has|need|needs)\s+to\b/i.test(told));
  // What people can reach that is someone else's ("pupils can open another school's homework") is the problem too.
  const exposed = /\bcan\s+[a-z]+\b[^.]{0,60}?\b(?:another|each\s+other['’]s|someone\s+else['’]s|other\s+people['’]s)\b/i.test(told);
  if (phrase.cls !== 'clause' && phrase.verb !== null && !(g && ((turnedAt >= 0 && g.at < turnedAt) || unable || exposed))) return told;
  // A statement opens with its subject: a determiner, people, a plural or a name ("Mask card numbers…" is a request).
  const first = told.split(/\s+/)[0] ?? '';
  const opens = /^(?:the|our|a|an|my|their|this|these|those|some|many|most|all|every|each|no|several|[\w'’-]+(?<!ss|us|is)s['’]?|people|staff|everyone|nobody)$/i.test(first) || /^[A-Z][\w-]*[A-Z0-9]/.test(first);
  // …or a noun phrase of its own before "is" or "are" ("Payroll tax tables are updated by hand").
  const named = g !== null && g.subject.split(/\s+/).length >= 2 && !leadingVerb(first) && !told.includes(':') && /\s(?:is|are)\s+(?:\w+\s+)?(?:[a-z]+(?:ed|en)|sent|paid|kept|held|lost|built|put|set|left|cut|sold|told|made|done|seen|bought|caught|brought|found|stuck|shown|run)\b/.test(told);
  // …or people named in two words or more ("Screen readers announce…").
  const people = g !== null && g.subject.split(/\s+/).length >= 2 && PEOPLE_NOUN.test(g.subject.split(/\s+/).at(-1)!.toLowerCase()) && !told.includes(':') && !leadingVerb(first);
  // …or a noun compound before a verb that tells a problem ("Live bracket page falls over…").
  const failing = g !== null && g.subject.split(/\s+/).length >= 2 && !leadingVerb(first) && !/:|\s[-–—]\s/.test(told) && FAILING_VERBS.has(baseOf(told.split(/\s+/)[g.at]!, undefined, false) ?? '');
  if (g && (opens || named || people || failing || told !== s || complaint)) return `Fix ${lowerFirst(g.said)}`;
  // "Password reset emails land in spam": "reset" was no verb; the subject runs on to a plural and its verb.
  const later = g ? asGerund(told, g.at + 1) : null;
  return later && /(?:[^s]s|people|staff)$/i.test(later.subject) && later.subject.split(/\s+/).length <= 4 && !leadingVerb(first) ? `Fix ${lowerFirst(later.said)}` : null;
}

/** "spends hours copying order details into Zendesk": the work people do by hand. */
const BY_HAND = /\b(?:spends?|spent|wastes?|wasted|loses?|lost)\s+(?:hours|days|ages|time|a\s+lot\s+of\s+time|(?:\w+\s+)?(?:minutes|hours|days))\s+(?:(?:a|each|every|per)\s+\w+\s+)?(\w+ing\b.*)$/i;

/**
 * What a problem is about: the people who tell it ("citizens say…"), the thing its sentence is about,
 * and the work people do by hand in it ("spends hours copying…").
 */
export function aboutOf(statement: string): { people: string | null; thing: string | null } {
  const s = statement.trim().replace(/[.!?]+$/, '');
  const reported = REPORTED.exec(s);
  const told = reported ? reported[2]! : (whyAsStatement(statement) ?? s);
  const subject = asGerund(told)?.subject ?? null;
  const thing = BY_HAND.exec(told)?.[1] ?? subject;
  const people = reported ? reported[1]! : subject && /(?:[^s]s|people|staff|team)$/i.test(subject) ? subject : null;
  return { people: people && lowerFirst(people), thing: thing && lowerFirst(thing) };
}

const PERSONS = /^(?:someone|somebody|a\s+colleague|an?\s+\w+|we|i|they|he|she|[A-Z][a-z]+)$/;
/**
 * What a statement is about when the problem verbs do not say: the words before its first verb said in
 * the -s or -ed form ("The hand-rolled JWT check in the booking API accepts alg=none"), or, when those
 * name a person ("Someone committed the .env with live keys"), what the verb acts on.
 */
export function toldOf(statement: string): string | null {
  const w = statement.replace(/[.!?]+$/, '').split(/\s+/);
  for (let i = 1; i < Math.min(w.length, 14); i++) {
    const word = w[i]!;
    if (!/^[a-z]{3,}(?:s|ed)$/.test(word) || /^(?:the|a|an|our|their|its|my|your|of|in|on|for|with|from|at|by|to|this|these)$/i.test(w[i - 1]!)) continue;
    const base = [word.replace(/es$/, ''), word.replace(/s$/, ''), word.replace(/([^aeiou])\1ed$/, '$1'), word.replace(/ed$/, ''), word.replace(/d$/, '')].find((b) => b !== word && leadingVerb(b) === b);
    if (!base && !/ed$/.test(word)) continue;
    const subject = w.slice(0, i).join(' ');
    if (!PERSONS.test(subject)) return lowerFirst(subject);
    const object = w.slice(i + 1).join(' ').split(/\s+(?:with|in|into|onto|to|on|for|from|at|by|last|yesterday|this|today|and|but|so|because)(?:\s+|$)/)[0];
    return object && /^(?:the|our|their|a|an)\s/i.test(object) ? object : null;
  }
  return null;
}
