/**
 * One sentence that asks for something in the shapes people ask in: a user story ("As a finance admin,
 * I want to …"), reported demand ("customers keep asking to …"), a question ("Could shoppers save …?"),
 * a wish ("It would be great if …", "A pipeline, please"), a thing wanted in a state ("Finance needs all
 * invoices archived"), or a plain request.
 */
import { WISH } from '../problem.js';
import { LANGUAGE_NAME } from '../languages.js';
import { baseOfPast, isDeed, isPeople, isStateWord, leadingVerb, lowerFirst, opensWithFeature, verbOfParticiple } from '../phrasing.js';
import { PEOPLE, sentenceCase, STATEMENT, type Request } from './said.js';

const STORY = /^as\s+(?:an?|the|our)\s+([^,]{2,60}?)\s*,?\s+(?:i|we)\s*(?:want|need|would\s+like|['’]d\s+like|wish)\s+(to\s+)?(?:be\s+able\s+to\s+)?(.+)$/i;
/** "students to book my slots", "the scanner to beep": someone or something else, and what it is to do. */
const OTHERS_DO = /^((?:the\s+|our\s+|my\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+to\s+(?!be\b)([a-z]+\b.*)$/i;
const SO_THAT = /,?\s+(?:so\s+that|so|in\s+order\s+to)\s+(?=\w)/i;
const DEMAND = new RegExp(String.raw`^(?:our\s+|the\s+|many\s+|some\s+|most\s+|several\s+|a\s+lot\s+of\s+|lots\s+of\s+)?(${PEOPLE}(?:\s+(?:in|of|at|from)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)??)?|users?|customers?|clients?|admins?|members?|partners?|teams?|(?:[\w'’-]+\s+){1,2}(?:studio|office|branch|shop|store|clinic|school|council|club|department|site|depot)|legal|finance|marketing|sales|support|compliance|management|hr|the\s+board|the\s+ceo)\s+(?:keep|keeps|kept|are|have\s+been|has\s+been|have|has|had|often|always|really|would\s+like|'d\s+like)?\s*(?:asking|ask|asked|want|wants|request|requesting|requested|like)\s+(?:us\s+)?(?:(to|for)\s+)?(.+)$`, 'i');

const plural = (noun: string) =>
  /(?:s|x|ch|sh)$/i.test(noun) ? `${noun}es` : /[^aeiou]y$/i.test(noun) ? `${noun.slice(0, -1)}ies` : /(?:people|everyone|staff)$/i.test(noun) ? noun : `${noun}s`;

/** The story's own words in the third person: "freeze my card" is their card. */
const PERSON: Readonly<Record<string, string>> = { i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves', we: 'they', us: 'them', our: 'their', ours: 'theirs', ourselves: 'themselves' };
// Case matters: "US customers" are not "them customers".
const theirs = (s: string) =>
  s
    // "I'm outbid", "we've asked": the contraction goes with the pronoun ("they're", "they've").
    .replace(/\b(?:I|[Ww]e)['’](m|re|ve|d|ll)\b/g, (_, c: string) => `they${c === 'm' ? "'re" : `'${c}`}`)
    .replace(/\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b(?!['’])/g, (w) => PERSON[w.toLowerCase()]!);

const SHOWN_ON = /^(?:the|their|all|every|each|this|next|[\w-]+['’]s)\b.{2,60}?\s+(?:on|in)\s+(?:an?|the|one|their)\s+(?:[\w-]+\s+)?(?:calendar|map|screen|page|dashboard|list|board|view|timeline|chart|table|grid|feed|tab)\b/i;

export function story(line: string): Request | null {
  const m = STORY.exec(line);
  if (!m) return null;
  const [, role, to, want] = m as unknown as [string, string, string | undefined, string];
  const so = SO_THAT.exec(want);
  const head = /^(.+?)(\s+(?:(?:at|in|on|with|from|of|for|who|without)\s|[a-z]+ing\b).*)$/i.exec(role.trim());
  const who = theirs(head ? `${plural(head[1]!)}${head[2]}` : plural(role.trim()));
  const deed = theirs((so ? want.slice(0, so.index) : want).trim().replace(/[.!]+$/, ''));
  const why = so ? want.slice(so.index).replace(/^,?\s*/, '').replace(/[.!]+$/, '') : null;
  // "…so that I can rebalance routes, and the driver's app should update within seconds": a second requirement.
  const also = why ? /,?\s+and\s+((?:the|their|our|a|an|my|every|each)\s+.+?\s+(?:should|must|needs?\s+to|has\s+to|have\s+to|will)\s+.+)$/i.exec(why)?.[1] : undefined;
  // "…so nobody can edit its entries": who may do what is a requirement, read for what it touches.
  const guarded = why && /\b(?:nobody|no\s+one|only\s+(?:the\s+)?\w+)\s+can\b|\bcan(?:not|'t)\s+be\s+(?:edited|changed|seen|read|deleted)\b/i.test(why) ? why : undefined;
  // "I want to issue refunds" is something they do; "I want dark mode" is a thing to build;
  // "I want students to book…" is what others do, "I want the scanner to beep…" what a thing does.
  const others = to ? null : OTHERS_DO.exec(deed);
  const text = others ? (new RegExp(String.raw`^(?:the\s+|our\s+|my\s+)?${PEOPLE}$`, 'i').test(others[1]!) && !/^(?:the|our|my)\s/i.test(others[1]!) ? `Let ${others[1]} ${others[2]}` : `Make ${others[1]} ${others[2]}`) : null;
  // "I want the day's appointments on a calendar…": things wanted where they are seen, to be shown there.
  const seen = to || text ? null : SHOWN_ON.exec(deed);
  return { text: text ?? (seen ? `Show ${deed}` : to || leadingVerb(deed) ? `Let ${who} ${deed}` : sentenceCase(deed)), problem: [also, guarded && `${guarded} (permissions)`].filter(Boolean).map((s) => theirs(s!)).join('. ') || null, why: `user story of ${who}${why ? `, ${why}` : ''}` };
}

export function demand(line: string): Request | null {
  const m = /^(?:we|i)\b/i.test(line) ? null : DEMAND.exec(line);
  // "…keep asking how to log a shift": questions asked, not a feature.
  if (!m || !/asking|ask|asked|request|want/i.test(line) || /^(?:how|why|what|where|when|who|which)\b/i.test(m[3]!)) return null;
  // "asking for a way to export grades": what they want to do themselves.
  // "ask whether they can collect deposits": what they ask to do.
  const rest = m[3]!.trim().replace(/[.!?]+$/, '').replace(/^(?:a way|an option|the ability|a button|a feature|some way) to\s+/i, '').replace(/^(?:whether|if)\s+(?:they|we|you)\s+(?:can|could|may)\s+/i, '');
  const who = m[1]!.trim().replace(/^\w/, (c) => c.toLowerCase());
  // "…have asked for the site in Welsh": the site translated.
  const inLanguage = /^((?:the|our|a)\s+.+?)\s+in\s+([A-Z][a-z]+)\b(.*)$/.exec(rest);
  if (inLanguage && LANGUAGE_NAME.test(inLanguage[2]!)) return { text: `Translate ${inLanguage[1]} into ${inLanguage[2]}${inLanguage[3]}`, problem: null, why: `asked for by ${who}` };
  // "Hospitals want patients to download their results": what the others are to do.
  const others = new RegExp(String.raw`^((?:their\s+|our\s+|the\s+)?${PEOPLE})\s+to\s+(.+)$`, 'i').exec(rest);
  if (others && !m[2]) return { text: `Let ${others[1]} ${others[2]}`, problem: null, why: `asked for by ${who}` };
  if (m[2]?.toLowerCase() !== 'to' && rest !== m[3]!.trim().replace(/[.!?]+$/, '').replace(/^(?:a way|an option|the ability|a button|a feature|some way) to\s+/i, '')) return { text: `Let ${who} ${rest}`, problem: null, why: `asked for by ${who}` };
  if (m[2]?.toLowerCase() !== 'to' && ((m[2]?.toLowerCase() === 'for' && rest === m[3]!.trim().replace(/[.!]+$/, '')) || !leadingVerb(rest))) return { text: `Add ${rest}`, problem: null, why: `asked for by ${who}` };
  return { text: `Let ${who} ${rest}`, problem: null, why: `asked for by ${who}` };
}

const ASKED = new RegExp(String.raw`^(?:could|can|should|would|will)\s+(${PEOPLE}|users?|customers?|admins?|finance|hr|support|sales|marketing|legal|we)\s+(?:please\s+)?(?:be\s+able\s+to\s+)?(.+?)\s*\?$`, 'i');
const POSSIBLE = new RegExp(String.raw`^(?:is\s+it\s+possible|would\s+it\s+be\s+possible|is\s+there\s+(?:a|any)\s+way|how\s+hard\s+would\s+it\s+be|how\s+(?:can|could|do|should)\s+we|what\s+would\s+it\s+take)\s+(?:for\s+(${PEOPLE}|users?|customers?)\s+)?(?:to\s+)?(.+?)\s*\?$`, 'i');

/** "Could the planner app read people's calendars?": a thing of ours asked to do something. */
const THING_ASKED = /^(?:could|can|should|would)\s+((?:the|our)\s+(?:[\w'’-]+\s+){0,3}?(?:app|apps|site|website|system|service|bot|platform|portal|tool|api|dashboard|page|product|backend|server|checkout|search|chatbot|assistant|widget|screen|form|map|feed|report|inbox|calendar|editor|player|scanner|kiosk|printer|terminal|simulator|suite|pipeline|job|build|email|emails|notifications?))\s+(?!be\b)(.+?)\s*\?$/i;

/** "Should the ledger use event sourcing or stay on plain tables?": a choice of design, to be decided. */
const CHOICE_ASKED = /^should\s+((?:(?:the|our|this|that|each|every)\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+((?:use|be|stay|keep|move|run|store|support|go|switch|live|become|remain)\b.+?\bor\b.+?)\s*\?$/i;

/** "Who gets paged when the queue backs up?": nobody is, and someone should be. */
const PAGED = /^who\s+(?:gets|is|will\s+be|would\s+be)\s+(?:paged|alerted|called|woken\s+up)\s+(when|if)\s+(.+?)\s*\?$/i;

/** "Should the monolith be split into two services?": the change, put in the sprint as a question. */
const SHOULD_BE_DONE = /^should\s+((?:the|our|this|that|we)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+be\s+([a-z]+)\b\s*(.*?)\s*\?$/i;
/** "Can the robot fleet simulator run in CI on every PR?": a thing of ours, and what it should do. */
function thingCan(line: string): { thing: string; deed: string } | null {
  const m = /^(?:can|could)\s+((?:the|our)\s+.+?)\s*\?$/i.exec(line);
  const words = m?.[1]!.split(/\s+/) ?? [];
  // The thing is the shortest run of words after "the" that a deed follows.
  for (let k = 2; k <= 5 && k < words.length; k++) {
    if (words[k] !== 'be' && isDeed(words[k]!.toLowerCase())) return { thing: words.slice(0, k).join(' '), deed: words.slice(k).join(' ') };
  }
  return null;
}

/** "Could shoppers save items…?", "Can we show…?", "Is it possible to let…?": a wish put as a question. */
export function question(line: string): Request | null {
  const paged = PAGED.exec(line);
  if (paged) return { text: `Page on-call ${paged[1]!.toLowerCase()} ${paged[2]}`, problem: null, why: 'asked as a question' };
  const split = SHOULD_BE_DONE.exec(line);
  const base = split && verbOfParticiple(split[2]!);
  if (split && base) return { text: `${sentenceCase(base)} ${lowerFirst(split[1]!)}${split[3] ? ` ${split[3]}` : ''}`, problem: null, why: 'asked as a question' };
  const able = thingCan(line);
  const given = able && /^(?:get|have|receive)\s+(.+)$/i.exec(able.deed);
  if (given) return { text: `Give ${lowerFirst(able!.thing)} ${given[1]}`, problem: null, why: 'asked as a question' };
  if (able) return { text: `Make ${lowerFirst(able.thing)} ${able.deed}`, problem: null, why: 'asked as a question' };
  const choice = CHOICE_ASKED.exec(line);
  if (choice) return { text: `Decide whether ${lowerFirst(choice[1]!)} should ${choice[2]}`, problem: null, why: 'asked as a choice to make' };
  const thing = THING_ASKED.exec(line);
  if (thing) return { text: `Make ${lowerFirst(thing[1]!)} ${thing[2]}`, problem: null, why: 'asked as a question' };
  const m = ASKED.exec(line) ?? POSSIBLE.exec(line);
  if (!m) return null;
  const who = m[1]?.toLowerCase();
  if (!who || who === 'we') return { text: sentenceCase(m[2]!), problem: null, why: 'asked as a question' };
  return { text: `${isPeople(who) || !/^(?:the|our)\s/i.test(who) ? 'Let' : 'Make'} ${who} ${m[2]}`, problem: null, why: 'asked as a question' };
}


/** A sentence that asks for something, said as a request (not "Add-ons are…", not a statement). */
export const isRequest = (sentence: string, first: boolean) => {
  const asked = sentence.replace(WISH, '');
  // "Hook it up to…", "Automate it": a verb with a pronoun for its object is a request too.
  // (…or a verb the lists do not hold, known by the article after it: "roll the synonyms back".)
  const acts = leadingVerb(asked) !== null || wish(sentence) !== null || (!first && /^(?!(?:it|this|that|there|they|we|he|she|which|what|the|a|an|our|all|every|each|no|some|half|most|many|none|both|several|few|one|two|three)\b)[a-z]+\s+(?:the|a|an|our|all|every|each)\s/i.test(asked)) || (asked !== sentence && /^(?:we|i)(?:\s+(?:really\s+)?(?:need|want)\s|['’]d\s+(?:really\s+)?(?:like|love)\s+(?!(?:it|them|this|that)\b))/i.test(sentence)) || /^(?!(?:it|this|that|there|they|we|he|she|which|what)\b)[a-z]+\s+(?:it|them|this|these|those)\b/i.test(asked);
  // ("Search in the food bank inventory is exact-name only": a word for a feature, before where it is, opens a statement.)
  const featureFirst = first && opensWithFeature(asked);
  return acts && !featureFirst && (!first || asked !== sentence || !STATEMENT.test(asked.split(/\s+/).slice(1, 6).join(' ')));
};

/**
 * "It would be great if players could invite friends", "Make it possible for citizens to renew…", "Need a
 * way for HR to export…", "We want refunds under 50 euros approved automatically": a wish said as what
 * someone does, or as what is done.
 */
const WISHED = [
  new RegExp(String.raw`^(?:it\s+would\s+be\s+(?:great|nice|good|awesome|cool|helpful|useful)|wouldn't\s+it\s+be\s+(?:great|nice)|(?:we|i)(?:'d|’d|\s+would)\s+love\s+it)\s+if\s+(${PEOPLE}|users?|customers?)\s+(?:could|can|would)\s+(.+?)[.!?]*$`, 'i'),
  new RegExp(String.raw`^(?:please\s+)?make\s+it\s+possible\s+for\s+(${PEOPLE}|users?|customers?|hr|finance|support)\s+to\s+(.+?)[.!?]*$`, 'i'),
  new RegExp(String.raw`^(?:(?:we|i)\s+)?(?:need|want|would\s+like|'d\s+like)\s+(?:a\s+way|an\s+option|the\s+ability|some\s+way)\s+for\s+(${PEOPLE}|users?|customers?|hr|finance|support|legal)\s+to\s+(.+?)[.!?]*$`, 'i'),
  // "We'd like farmers to be able to log their harvest": what the others are to do.
  new RegExp(String.raw`^(?:we|i)(?:'d|’d|\s+would)\s+(?:really\s+)?like\s+(?!to\b)((?:our\s+|the\s+)?${PEOPLE}|users?|customers?)\s+to\s+(?:be\s+able\s+to\s+)?(.+?)[.!?]*$`, 'i'),
];
/** "It would be nice if the map remembered…", "Wouldn't it be great if there was a dark mode?": a wish about a thing. */
const WISHED_IF = /^(?:(?:it\s+)?would\s+be|it['’]d\s+be|wouldn['’]t\s+it\s+be|(?:we|i)(?:['’]d|\s+would)\s+love\s+it)\s+(?:really\s+|so\s+|very\s+|super\s+)?(?:great|nice|good|awesome|cool|helpful|useful|ideal|lovely|handy|better|amazing|brilliant)\s+(if|to)\s+(.+?)[.!?]*$/i;
const THERE_WAS = /^there\s+(?:was|were|is|are|could\s+be|would\s+be)\s+(.+)$/i;
const THING_COULD = /^((?:the|our|each|every|this)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:could|would|can)\s+(?:be\s+able\s+to\s+)?(?!be\b)([a-z]+\b.*)$/i;
const THING_DID = /^((?:the|our|each|every|this)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+([a-z]+ed|kept|ran|went|got|had|did|made|took|gave|showed|knew|told|sent|let|put|set)\b(.*)$/i;
/** "…wish the 'accept job' button was bigger": a thing in the state wished for. */
const THING_WAS = /^((?:the|our|each|every|this|these|all)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+(?:was|were)\s+(?!not\b)((?:a\s+(?:bit|lot)\s+)?[a-z]+(?:er|est)?\b.*)$/i;
/** "I wish the feeding app worked in the barns", "wish the app picked…": the same wish, said plainly. */
const I_WISH = new RegExp(String.raw`^(?:(?:i|we|(?:the\s+|our\s+)?${PEOPLE})\s+)?(?:really\s+)?wish(?:es)?\s+(?:that\s+)?(\S.+?)[.!?]*$`, 'i');
function wishedIf(sentence: string): string | null {
  const plain = I_WISH.exec(sentence);
  const m = WISHED_IF.exec(sentence) ?? (plain && (['', 'if', plain[1]] as unknown as RegExpExecArray));
  if (!m) return null;
  const [, how, said] = m as unknown as [string, string, string];
  // "…was bigger, it's tiny on the cab tablets": what it is like now is why.
  const what = said.replace(/,\s+(?:it|they|this|that)(?:['’]s|['’]re|\s+is|\s+are)\s.*$/i, '');
  if (how.toLowerCase() === 'to') return /^have\s+/i.test(what) ? `Add ${what.replace(/^have\s+/i, '')}` : sentenceCase(what);
  const there = THERE_WAS.exec(what);
  if (there) return `Add ${there[1]}`;
  const could = THING_COULD.exec(what);
  if (could) return `Make ${lowerFirst(could[1]!)} ${could[2]}`;
  const did = THING_DID.exec(what);
  const base = did && baseOfPast(did[2]!);
  if (did && base) return `Make ${lowerFirst(did[1]!)} ${base}${did[3]}`;
  const was = THING_WAS.exec(what);
  if (was) return `Make ${lowerFirst(was[1]!)} ${was[2]}`;
  return null;
}

/**
 * "The auditors want every refund traceable…", "We need every reading to land in the archive once",
 * "Finance needs all invoices archived…": a thing wanted in a state, or doing something, is made so.
 */
const WANTED = new RegExp(
  String.raw`^(?:we|i|(?:the|our)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+|${PEOPLE}|legal|finance|compliance|security|management)\s+(?:really\s+|also\s+)?(?:want|wants|need|needs|would\s+like|['’]d\s+like|expect|expects|require|requires)\s+((?:every|each|all|the|our|their|any)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+?)\s+(?:to\s+([a-z]+)|((?!to\b)(?:re-)?[a-z]+(?:able|ible|ed|en|ent)))\b(.*?)[.!?]*$`,
  'i',
);
export function wanted(sentence: string): Request | null {
  const m = WANTED.exec(sentence);
  if (!m) return null;
  const [, thing, verb, state, rest] = m as unknown as [string, string, string | undefined, string | undefined, string];
  const why = 'said as what is wanted';
  if (verb && verb.toLowerCase() === 'be') {
    const done = /^\s+([a-z]+)\b(.*)$/i.exec(rest);
    const base = done && verbOfParticiple(done[1]!);
    return base ? { text: `${sentenceCase(base)} ${thing}${done![2]}`, problem: null, why } : null;
  }
  if (verb) return { text: `Make ${thing} ${verb}${rest}`, problem: null, why };
  if (isStateWord(state!)) return { text: `Make ${thing} ${state}${rest}`, problem: null, why };
  // "…the pipeline re-platformed": a verb made with "re-" is done again.
  const again = /^re-(.+)$/i.exec(state!);
  const base = again ? (baseOfPast(again[1]!) && `re-${baseOfPast(again[1]!)}`) : verbOfParticiple(state!);
  return base && /(?:ed|en)$/i.test(state!) ? { text: `${sentenceCase(base)} ${thing}${rest}`, problem: null, why } : null;
}

const WANT_DONE = /^(?:we|i)\s+(?:really\s+)?(?:want|need|would\s+like|'d\s+like)\s+(?!to\s)(.+?)\s+([a-z]+ed)\b(.*?)[.!?]*$/i;
/** "A pipeline, please.", "A short guide with screenshots, please": a thing asked for by name. */
const PLEASE = /^((?:(?:an?|the|one|some)\s+)?(?:[^\s,.]+\s+){0,7}?[^\s,.]+)(?:\s+first)?,?\s+please[.!]*$/i;
const WRITTEN = /\b(?:guide|runbook|tutorial|handbook|playbook|checklist|readme|write-?up|proposal|plan|document|docs|documentation|faq|page|reference|diagram|adr|rfc)\b/i;

export function wish(sentence: string): Request | null {
  const state = wanted(sentence);
  if (state) return state;
  const named = PLEASE.exec(sentence);
  if (named && !leadingVerb(named[1]!) && !STATEMENT.test(named[1]!)) return { text: `${WRITTEN.test(named[1]!) ? 'Write' : 'Set up'} ${lowerFirst(named[1]!)}`, problem: null, why: 'asked for by name' };
  for (const re of WISHED) {
    const m = re.exec(sentence);
    if (m) return { text: `Let ${m[1]!.replace(/^(?:hr|finance|support|legal)$/i, (d) => (d.length <= 2 ? d.toUpperCase() : d.toLowerCase()))} ${m[2]}`, problem: null, why: 'said as a wish' };
  }
  const thing = wishedIf(sentence);
  if (thing) return { text: thing, problem: null, why: 'said as a wish' };
  const done = WANT_DONE.exec(sentence);
  const base = done && [done[2]!.replace(/([^aeiou])\1ed$/i, '$1'), done[2]!.replace(/ed$/i, ''), done[2]!.replace(/d$/i, '')].find((b) => leadingVerb(b) !== null && leadingVerb(b)!.length === b.length);
  if (done && base) return { text: `${sentenceCase(base)} ${done[1]}${done[3]}`, problem: null, why: 'said as a wish' };
  return null;
}

