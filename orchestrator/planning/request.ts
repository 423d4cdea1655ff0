/**
 * What a line asks for when it is not said as a request. A user story ("As a finance admin, I want to
 * issue partial refunds … so that …") asks for its want; a problem told before a request ("Our reset
 * emails land in spam. Fix deliverability.") asks for the request; reported demand ("customers keep
 * asking to export their invoices") asks for what is demanded. The rest is kept: the story's why (shown
 * in the analysis, not planned) and the problem (shown, and read for what it touches).
 */
import { aboutOf, CAUSED_LOAD, fixOf, gerund, toldOf, WISH } from './problem.js';
import { LANGUAGE_NAME } from './languages.js';
import { baseOfPast, isDeed, isPeople, isStateWord, leadingVerb, lowerFirst, opensWithFeature, parsePhrase, verbOfParticiple } from './phrasing.js';

export interface Request {
  /** the request, said as an objective */
  text: string;
  /** the problem it answers: its words say what the work touches */
  problem: string | null;
  /** why it is asked: said back, but its words bring no work */
  why: string | null;
}

/** Up to three words naming people, ending in a plural or a word for people: "bank customers", "front desk staff". */
const PEOPLE = String.raw`(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+(?<!ss|us|is|'s|’s)s|people|staff|everyone|we|police|personnel|crew|team|management)`;

const STORY = /^as\s+(?:an?|the|our)\s+([^,]{2,60}?)\s*,?\s+(?:i|we)\s*(?:want|need|would\s+like|['’]d\s+like|wish)\s+(to\s+)?(?:be\s+able\s+to\s+)?(.+)$/i;
/** "students to book my slots", "the scanner to beep": someone or something else, and what it is to do. */
const OTHERS_DO = /^((?:the\s+|our\s+|my\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+to\s+(?!be\b)([a-z]+\b.*)$/i;
const SO_THAT = /,?\s+(?:so\s+that|so|in\s+order\s+to)\s+(?=\w)/i;
const DEMAND = new RegExp(String.raw`^(?:our\s+|the\s+|many\s+|some\s+|most\s+|several\s+|a\s+lot\s+of\s+|lots\s+of\s+)?(${PEOPLE}(?:\s+(?:in|of|at|from)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)??)?|users?|customers?|clients?|admins?|members?|partners?|teams?|(?:[\w'’-]+\s+){1,2}(?:studio|office|branch|shop|store|clinic|school|council|club|department|site|depot)|legal|finance|marketing|sales|support|compliance|management|hr|the\s+board|the\s+ceo)\s+(?:keep|keeps|kept|are|have\s+been|has\s+been|have|has|had|often|always|really|would\s+like|'d\s+like)?\s*(?:asking|ask|asked|want|wants|request|requesting|requested|like)\s+(?:us\s+)?(?:(to|for)\s+)?(.+)$`, 'i');
/** a sentence that tells how things are, not what to do */
const STATEMENT = /\b(?:is|are|was|were|takes?|took|lands?|has|have|had|keeps?|don't|doesn't|can't|cannot|no idea|fails?|breaks?|crash(?:es)?|times out|gets?|loses?|shows?)\b/i;

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

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SHOWN_ON = /^(?:the|their|all|every|each|this|next|[\w-]+['’]s)\b.{2,60}?\s+(?:on|in)\s+(?:an?|the|one|their)\s+(?:[\w-]+\s+)?(?:calendar|map|screen|page|dashboard|list|board|view|timeline|chart|table|grid|feed|tab)\b/i;

function story(line: string): Request | null {
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

function demand(line: string): Request | null {
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
function question(line: string): Request | null {
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

/** Sentences that ask for nothing themselves: "What's the plan?", "Thoughts?". */
const META = /^(?:(?:so\s+)?what(?:'s|’s|\s+is)\s+(?:the|our|your)\s+(?:plan|approach|estimate)|(?:any\s+)?(?:thoughts|ideas|suggestions|questions)|how\s+(?:would|should|do|can|could)\s+we\s+(?:do|approach|tackle|handle|go\s+about)\s+(?:this|it|that)|how\s+long\s+(?:would|will|might)\s+(?:this|it|that)\s+take|(?:is|would)\s+(?:this|that|it)\s+(?:be\s+)?(?:doable|possible|feasible)(?:\s+this\s+sprint)?|can\s+we\s+do\s+(?:this|that|it)(?:\s+this\s+sprint)?|please\s+advise|what\s+do\s+you\s+(?:suggest|think|recommend|propose)|(?:can|could)\s+(?:someone|somebody|you|anyone)\s+(?:look\s+(?:at|into)|check|have\s+a\s+look\s+at)\s+(?:it|this|that)|(?:thanks|thank\s+you|cheers|ta)|help|(?:it's\s+|it\s+is\s+)?not\s+a\s+big\s+deal(?:\s+if\s+(?:it's|it\s+is|that's)\s+(?:hard|tricky|difficult|not\s+possible|too\s+much))?|no\s+worries\s+if\s+(?:not|it's\s+hard)|only\s+if\s+it's\s+(?:easy|quick|cheap))\s*[?!.]*$/i;

/** "When a worker scans a parcel, the tracking page should update": the condition goes after what is asked. */
const FRONT_CLAUSE = /^(when|whenever|every\s+time|each\s+time|if|once|after|as\s+soon\s+as|while|before)\s+([^,]{3,120}),\s+(\S.*)$/i;
/** "After Tuesday's outage", "when the batch ran twice": what happened once, told before what is asked. */
const PAST_EVENT = /^(?:(?:last|this)\s+\w+['’]s|[A-Z][a-z]+day['’]s|yesterday['’]s|the\s+(?:last|recent)|an?|the)\s+(?:[\w-]+\s+)?(?:outage|incident|breach|crash|failure|release|launch|audit|migration|deploy|leak|downtime)$|\b(?:was|were|ran|went|had|did|broke|got|lost)\b|^(?:the|a|an|our|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}?(?<!\b(?:is|are|gets?|be|been)\s+)[a-z]{3,}ed\b(?![^,]*\b(?:should|must|will)\b)/;
function conditionLast(sentence: string): string {
  const past = FRONT_CLAUSE.exec(sentence);
  if (past && /^(?:after|when)$/i.test(past[1]!) && PAST_EVENT.test(past[2]!)) return conditionLast(sentenceCase(past[3]!));
  const m = FRONT_CLAUSE.exec(sentence);
  if (!m || /^(?:time|possible|needed|necessary|you\s+can)\b/i.test(m[2]!)) return sentence;
  const end = /[.!?]+$/.exec(m[3]!)?.[0] ?? '';
  return `${sentenceCase(m[3]!.slice(0, m[3]!.length - end.length))} ${m[1]!.toLowerCase()} ${m[2]}${end}`;
}

/** "Bug:", "Spike:", "Feature:": the kind of ticket said before it. */
const TICKET = /^(bug|spike|feature|chore|story|task|epic|improvement|request|enhancement|tech\s+debt)\s*:\s+/i;

/** Sentences, and clauses set apart by a dash or a semicolon. */
const SENTENCES = /(?<=[.!?])\s+(?=[A-Z¿“"])|\s+[—–]\s+(?!(?:urgent|asap|critical|important|must|high\s+priority|low\s+priority|nice\s+to\s+have|optional|p[0-3])\b)|;\s+|,\s+and\s+(?=(?:can|could|how|why|what)\s+we\b)|:\s+(?=(?:find\s+out|figure\s+out|work\s+out|fix|sort|make|add|show|give|build|cut|move|remove|use|put|switch|change|send|keep|stop|let)\s)/;
/** "Get it under 2", "Find out and fix it", "Give them more time": a request that points back at the problem. */
const pointsBack = (request: string) => /\b(?:it(?!\s+would\b)|them|this|(?<!\b(?:the|a|an|every|each)\s+[\w-]+\s+)that|these|those)\b/i.test(request.split(/\s+/).slice(0, 8).join(' '));
/** Verbs that, before the pronoun, ask for the problem itself to go: "fix it", "figure it out", "get it under 2". */
const SOLVES = /^(?:fix|patch|remediate|mitigate|close|solve|sort|figure|debug|investigate|into|get|bring|speed|resolve|address|handle|find|stop|kill|prevent|track|hunt|chase|work|at)$/i;

/** What a thing is made to do: "make it finish before 6 am". */
const MADE_TO = /^(?:finish|complete|end|run|load|start|stop|respond|sync|scale|fit|stay|open|close|pass|remember|forget|wait|retry|print|beep|show|send)$/i;

/**
 * "Hook it up to the health checks", "make it follow the style guide", "give them more time": the
 * request with the pronoun replaced by what the problem is about, or null when it asks for the problem to go.
 */
function named(request: string, problem: string): string | null {
  const m = /\b(it|this|them|these|those)\b/i.exec(request);
  if (!m) return null;
  const before = request.slice(0, m.index).trim().split(/\s+/).at(-1) ?? '';
  const after = request.slice(m.index + m[0].length).trim().split(/\s+/)[0] ?? '';
  if (SOLVES.test(before) || (/^make$/i.test(before) && !leadingVerb(after) && !MADE_TO.test(after))) return null;
  const about = aboutOf(problem);
  const np = (/^(?:it|this)$/i.test(m[1]!) ? about.thing : (about.people ?? about.thing)) ?? toldOf(problem);
  return np ? `${request.slice(0, m.index)}${np}${request.slice(m.index + m[0].length)}` : null;
}

/** "A payout breakdown they can read would save us a lot of tickets": a thing that would help. */
const WOULD_HELP = /^((?:an?|some)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+)\s+would\s+(?:save|help|stop|cut|reduce|fix|solve|spare|make)\b/i;

/** "Root cause, fix, and a test…", "RCA and a fix, please": the deliverables of a fix, named. */
const ROOT_CAUSE = /^(?:(?:a|the)\s+)?(?:root[- ]cause(?:\s+analysis)?|rca)\b[^.?!]{0,40}\bfix\b/i;

/** "That needs to become a staged rollout…": what the thing told of is to be moved to. */
const BECOME = /^(?:that|this|it|they|these)\s+(?:needs?\s+to|should|must|has\s+to|have\s+to|ought\s+to)\s+(?:become|be\s+replaced\s+(?:by|with)|turn\s+into|change\s+to|move\s+to)\s+(.+?)[.!]*$/i;

/** "Deposit refunds go to PayPal": where things go or sit, told; a sentence, not a label. */
const GOES = /\b(?:go|goes|went|sit|sits|live|lives|end\s+up|ends\s+up|come\s+in|comes\s+in|arrive|arrives|pile\s+up|piles\s+up)\s+(?:to|into|through|in|on|via|by|from|straight)\b/i;

/** A sentence that asks for something, said as a request (not "Add-ons are…", not a statement). */
const isRequest = (sentence: string, first: boolean) => {
  const asked = sentence.replace(WISH, '');
  // "Hook it up to…", "Automate it": a verb with a pronoun for its object is a request too.
  // (…or a verb the lists do not hold, known by the article after it: "roll the synonyms back".)
  const acts = leadingVerb(asked) !== null || wish(sentence) !== null || (!first && /^(?!(?:it|this|that|there|they|we|he|she|which|what|the|a|an|our|all|every|each|no|some|half|most|many|none|both|several|few|one|two|three)\b)[a-z]+\s+(?:the|a|an|our|all|every|each)\s/i.test(asked)) || (asked !== sentence && /^(?:we|i)(?:\s+(?:really\s+)?(?:need|want)\s|['’]d\s+(?:really\s+)?(?:like|love)\s+(?!(?:it|them|this|that)\b))/i.test(sentence)) || /^(?!(?:it|this|that|there|they|we|he|she|which|what)\b)[a-z]+\s+(?:it|them|this|these|those)\b/i.test(asked);
  // ("Search in the food bank inventory is exact-name only": a word for a feature, before where it is, opens a statement.)
  const featureFirst = first && opensWithFeature(asked);
  return acts && !featureFirst && (!first || asked !== sentence || !STATEMENT.test(asked.split(/\s+/).slice(1, 6).join(' ')));
};
const bare = (s: string) => s.trim().replace(/[.!]+$/, '');

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
const THING_DID = /^((?:the|our|each|every|this)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+?)\s+([a-z]+ed)\b(.*)$/i;
function wishedIf(sentence: string): string | null {
  const m = WISHED_IF.exec(sentence);
  if (!m) return null;
  const [, how, what] = m as unknown as [string, string, string];
  if (how.toLowerCase() === 'to') return /^have\s+/i.test(what) ? `Add ${what.replace(/^have\s+/i, '')}` : sentenceCase(what);
  const there = THERE_WAS.exec(what);
  if (there) return `Add ${there[1]}`;
  const could = THING_COULD.exec(what);
  if (could) return `Make ${lowerFirst(could[1]!)} ${could[2]}`;
  const did = THING_DID.exec(what);
  const base = did && baseOfPast(did[2]!);
  if (did && base) return `Make ${lowerFirst(did[1]!)} ${base}${did[3]}`;
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
function wanted(sentence: string): Request | null {
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

function wish(sentence: string): Request | null {
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

/** A line of one sentence: a story, reported demand, a question, a problem told as a statement, or a request. */
/** "…, the crew union has raised it twice now": who asked for it, said after the request. */
const RAISED_BY = /,\s+(?:the|our|their|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:has|have|had)\s+(?:\w+\s+)?(?:raised|asked\s+(?:for|about)|mentioned|flagged|reported|complained\s+about|requested|escalated)\b.*$/i;

function single(sentence: string): Request {
  const raised = RAISED_BY.exec(sentence);
  if (raised && (leadingVerb(sentence) || WISH.test(sentence))) {
    const asked = single(sentence.slice(0, raised.index));
    return { ...asked, why: [asked.why, sentence.slice(raised.index + 1).trim().replace(/[.!]+$/, '')].filter(Boolean).join('; ') };
  }
  const asked = story(sentence) ?? wanted(sentence) ?? demand(sentence) ?? question(sentence) ?? wish(sentence);
  if (asked) return asked;
  // "Support tickets pile up because…" opens with a word that could be a verb, but tells a problem.
  const fix = isRequest(sentence, true) && !CAUSED_LOAD.test(sentence) ? null : fixOf(sentence);
  return { text: fix ?? bare(sentence), problem: null, why: null };
}

/** what an explanation after a dash may still ask for: "— and fix the export too" */
const REMEDY_SAID = /\b(?:and|also|then|plus)\s+(?:fix|add|make|build|remove|update|change)\b/i;

/** "Can we get it traced end to end?": the deed said as the verb it is made of ("Trace it end to end"). */
const gotDone = (request: string) =>
  request.replace(/^Get\s+(it|them|this|that)\s+([a-z]+(?:ed|en))\b(?!\s+and\s)/, (m, it: string, done: string) => {
    const base = baseOfPast(done);
    return base ? `${sentenceCase(base)} ${it}` : m;
  });

/**
 * A line of several sentences: what is asked ("Can we …? Legal says it is urgent"), or a problem and
 * the request that follows it ("Our reset emails land in spam. Fix deliverability."). Null when the
 * line opens with a request: its parts are objectives of their own.
 */
function several(sentences: readonly string[], line: string): Request | null {
  const [first, ...rest] = sentences as [string, ...string[]];
  const asked = story(first) ?? demand(first) ?? question(first) ?? wish(first);
  if (asked) {
    const context = rest.filter((s) => !isRequest(s, false)).map(bare);
    // "Sort that out" after a question asks for what the question asked.
    // ("…? I'd like a recommendation first" is about the question, not more work.)
    const more = rest.filter((s) => isRequest(s, false) && !pointsBack(s) && !/^(?:we|i)['’]d\s/i.test(s)).map((s) => wish(s)?.text ?? bare(s));
    return { text: [asked.text, ...more].join('; '), problem: [asked.problem, ...context].filter(Boolean).join('. ') || null, why: [asked.why, ...context].filter(Boolean).join('; ') };
  }
  // "Dedupe the dealer records — half the dealers exist twice": a request, then why, after a dash.
  const dashed = line.startsWith(first) && /^\s+[—–-]\s+/.test(line.slice(first.length));
  if (isRequest(first, true) && dashed && rest.length === 1 && !isRequest(rest[0]!, false) && !REMEDY_SAID.test(rest[0]!)) return { text: bare(first), problem: bare(rest[0]!), why: `why: ${bare(rest[0]!)}` };
  if (isRequest(first, true)) return null;
  // "Accessibility audit (WCAG 2.2 AA). Finding 14: … Finding 15: …": a report named, then its findings.
  if (!leadingVerb(first) && first.split(/\s+/).length <= 8 && rest.every((s) => FINDING.test(s) || REPORT_ITEM.test(s))) {
    return { text: rest.map((s) => requestOf(s).text).join('; '), problem: sentences.map(bare).join('. '), why: `findings of ${lowerFirst(bare(first))}` };
  }
  // "Bulk edit for product prices — select many rows, …, then apply": the thing named, then how it works.
  // "Monitoring gaps — nobody gets paged when…": a label, then the problem under it.
  const label = !leadingVerb(first) && !STATEMENT.test(first) && !STATEMENT_SAID.test(first) && !GOES.test(first) && !/\b(?:someone|somebody|everyone|nobody|we|they|i|he|she|people)\b/i.test(first) && !/^(?:we|i|they|you|it|he|she)\s/i.test(first) && first.split(/\s+/).length <= 10 && !fixOf(first);
  if (label && isRequest(rest[0]!, false) && !pointsBack(rest[0]!) && !wanted(rest[0]!)) return { text: bare(first), problem: rest.map(bare).join('. '), why: `how it works: ${rest.map(bare).join('. ')}` };
  // "Topic: GDPR. Families have asked for an export…": what is asked under the label.
  const askedUnder = label && first.split(/\s+/).length <= 3 ? (story(rest[0]!) ?? wanted(rest[0]!) ?? demand(rest[0]!) ?? question(rest[0]!)) : null;
  if (askedUnder) return { ...askedUnder, problem: [first, ...rest.slice(1)].map(bare).join('. '), why: [`about ${bare(first)}`, askedUnder.why].filter(Boolean).join('; ') };
  const underLabel = label && first.split(/\s+/).length <= 3 && !fixOf(first) ? fixOf(rest[0]!) : null;
  if (underLabel) return { text: underLabel, problem: [first, ...rest].map(bare).join('. '), why: `about ${bare(first)}` };
  const become = rest.map((s) => BECOME.exec(s)).find(Boolean);
  if (become) return { text: `Move to ${become[1]}`, problem: sentences.map(bare).join('. '), why: `the problem: ${bare(first)}` };
  // "…Can we get it traced end to end?": a question after the problem, about it, asks for what it asks.
  const at =
    rest.findIndex((s) => {
      const asks = question(s);
      // "…What would it take to split it out?": a question after what is told asks for what it asks.
      return isRequest(s, false) || ROOT_CAUSE.test(s) || WOULD_HELP.test(s) || (asks !== null && (pointsBack(asks.text) || (!/^(?:why|how\s+come)\b/i.test(first) && leadingVerb(asks.text) !== null)));
    }) + 1;
  const told = sentences.slice(0, at || sentences.length).map(bare);
  const problem = told.join('. ');
  const fix = fixOf(first) ?? bare(first);
  // "…are impossible to find in Kibana. Structured logging with trip IDs across all four services.": the thing named last is asked for.
  const last = rest.at(-1)!;
  const nameOnly = !/[,;]|\b(?:it|they|we|he|she|i|you)\b/i.test(last) && !leadingVerb(last) && !STATEMENT.test(last) && !STATEMENT_SAID.test(last) && !/\?$/.test(last.trim()) && last.split(/\s+/).length <= 10;
  const toldFirst = (STATEMENT.test(first) || STATEMENT_SAID.test(first)) && !line.includes(`— ${last}`) && !line.includes(`- ${last}`);
  if (!at && fixOf(first) === null && nameOnly && toldFirst) return { text: bare(last), problem: told.slice(0, -1).join('. '), why: `the problem: ${told.slice(0, -1).join('. ')}` };
  if (!at) return { text: fix, problem: told.slice(1).join('. ') || null, why: told.length > 1 ? `also said: ${told.slice(1).join('. ')}` : null };
  // "A payout breakdown they can read would save us a lot of tickets": the thing named is asked for.
  const helps = WOULD_HELP.exec(sentences[at]!);
  if (helps) return { text: `Add ${lowerFirst(helps[1]!)}`, problem, why: `the problem: ${problem}` };
  // "Root cause, fix, and a test so it can't happen again": the problem told is found and fixed.
  if (ROOT_CAUSE.test(sentences[at]!)) return { text: fixOf(first, true) ?? `Fix the case where ${lowerFirst(bare(first))}`, problem, why: `asked: ${bare(sentences[at]!)}` };
  // What is told after the request ("…; most of the year the marina has 40 users") is why, not part of it.
  const [said, ...after] = sentences.slice(at) as [string, ...string[]];
  const requests = [said, ...after.filter((s) => isRequest(s, false) || question(s) !== null)];
  const request = gotDone(sentenceCase(requests.map((s) => question(s)?.text ?? wish(s)?.text ?? sentenceCase(bare(s).replace(WISH, ''))).join('. ')));
  // "Get it under 2", "Find out and fix it": the request points back at the problem, which names the thing to plan.
  // "The storage bill tripled. Find out why and bring it down.": why it happened is what is found out.
  // (…and what is then done to it is a part of its own: "bring the imagery storage bill down".)
  const findWhy = /^((?:find|figure|work)\s+out)\s+why\s+and\s+(.+)$/i.exec(request);
  const thing = findWhy && told.length === 1 && !fixOf(first) ? (aboutOf(first).thing ?? toldOf(first)) : null;
  if (findWhy && thing) return { text: `${sentenceCase(findWhy[1]!)} why ${lowerFirst(bare(first))}; ${findWhy[2]!.replace(/\b(?:it|them)\b/i, thing)}`, problem, why: `the problem: ${problem}` };
  if (pointsBack(request)) {
    const put = named(request, first);
    if (put) return { text: put, problem, why: `the problem: ${problem}` };
    // "…Please fix it.": what was told is a problem, for certain.
    return { text: told.length === 1 ? (fixOf(first, true) ?? fix) : problem, problem: request, why: `asked: ${request}` };
  }
  return { text: request, problem, why: `the problem: ${problem}` };
}

/** What the line asks for, and what it says around the request. */
/** "Marketplace launch: sellers list items…": a change named as a noun, then what it holds; said as the verb. */
const NAMED_CHANGE = /^((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(launch|rollout|roll-out|migration|redesign|rewrite|upgrade|overhaul|integration|refactor)\s*:\s+(\S.*)$/i;
const CHANGE_VERBS: Record<string, string> = { launch: 'Launch', rollout: 'Roll out', 'roll-out': 'Roll out', migration: 'Migrate', redesign: 'Redesign', rewrite: 'Rewrite', upgrade: 'Upgrade', overhaul: 'Overhaul', integration: 'Integrate', refactor: 'Refactor' };

/** "Print farm", "Email service", "Nightly job": a word that could be a verb, naming a thing. */
const NAMED_THING = /^[A-Z][a-z-]+$|^[a-z-]+\s+(?:farm|job|jobs|team|queue|service|pipeline|app|portal|platform|api|dashboard|page|flow|system|module|bot|worker|cluster|fleet|desk)$/i;

/** A statement after a topic: "billing: customers on annual plans get charged twice…". */
const STATEMENT_SAID = /^(?:[\w'’-]+\s+){1,6}?(?:get|gets|got|want|wants|is|are|was|were|has|have|keeps?|fails?|takes?|can't|cannot|don't|doesn't|won't|isn't|aren't|never|shows?|lands?|goes|go|returns|gives|finds|throws|sends|crashes|hangs|breaks|times\s+out|errors|looks|feels|seems|stops|appears|disappears)\b/i;

/** A few words, or "for the …", before a colon and a request. */
const LEAD_IN = /^((?:for\s+(?:the\s+|our\s+)?)?(?:[\w'’-]+\s+){0,4}[\w'’-]+)(?::|\s+[-–—])\s+(\S.*)$/i;

/** Words that tell a problem, not how a feature works: "silently skips", "never expire". */
const PROBLEM_TOLD = /\b(?:silently|never|doesn't|don't|can't|cannot|won't|isn't|aren't|wrong|broken|missing|twice|skips?|drops?|loses?|crash(?:es)?|breaks?|leaks?)\b/i;

/** A product named with up to eight words before a colon: "Port tracking mobile app for truck drivers:". */
const PRODUCT_LEAD_IN = /^((?:[\w'’-]+\s+){1,5}?(?:app|apps|site|website|portal|dashboard|service|api|platform|system|tool|kiosk|console|page|screen)(?:\s+for\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?)\s*:\s+(\S.*)$/i;

/** "GDPR: users must be able to…": a topic named before what is asked. */
const TOPIC = /^((?:[A-Z0-9][\w&/+-]*\s?){1,4}):\s+(?=\S)/;

/** "In order to compare prices, buyers should see…": why comes first, then what is asked. */
const PURPOSE_FIRST = /^(?:in\s+order\s+to|so\s+that|to\s+(?=(?:reduce|cut|improve|increase|help|make|keep|avoid|stop|prevent|save|meet|comply|support|speed)\b))\s*([^,]{3,100}?)(?:,\s+|\s+(?=(?:we|i)\s+(?:need|want|must|have\s+to|should)\b))(\S.*)$/i;

/** "Per the Q1 OKR (…) we want…": what it answers to, said first. */
const PER_FIRST = /^(?:(?:as\s+)?per|according\s+to|in\s+line\s+with)\s+((?:the|our)\s+[^,]{2,80}?)(?:,\s+|\s+(?=(?:we|i)\s+(?:need|want|must|have\s+to|should)\b))(\S.*)$/i;

/** "It has been requested by the ops team that every error code be explained…": what is asked, in a that-clause. */
const REQUESTED = /^it\s+(?:has\s+been|had\s+been|was|is|'s)\s+(?:requested|asked|suggested|proposed|agreed|decided|required|mandated)\s+(?:by\s+(.+?)\s+)?that\s+(\S.*)$/i;

/**
 * What a finding asks to be done: "no rate limit on the login endpoint" → "Add a rate limit to the login
 * endpoint"; a statement the phrasing cannot turn round is the case to fix.
 */
function findingFix(finding: string): string {
  const none = /^(?:no|missing)\s+(.+?)\s+(?:on|for|in|to|at)\s+(.+?)[.!]*$/i.exec(finding);
  if (none && !/[.!?]\s/.test(finding)) return `Add ${none[1]} to ${none[2]}`;
  const said = sentenceCase(finding);
  const several = /[.!?]\s/.test(finding.trim().replace(/[.!?]+$/, ''));
  // "technicians share one login per depot": what people are found doing is the case to fix.
  const done = !several && isPeople(said.split(/\s+/)[0] ?? '') && !fixOf(said) ? fixOf(said, true) : null;
  if (done) return done;
  // (…"Bill PDFs are untagged images" opens with a word that could be a verb, but tells what is.)
  if (several || (leadingVerb(said) && !/^\S+\s+\S+\s+(?:are|is|was|were|has|have)\b/i.test(said))) return said;
  const told = fixOf(said);
  // (…a statement the phrasing cannot turn round either is the case to fix.)
  if (told && (told !== said || parsePhrase(said).verb !== null)) return said;
  // What is found is a problem: a thing found ("Stored XSS in the bio field") or what happens.
  return `Fix ${STATEMENT_SAID.test(finding) ? 'the case where ' : ''}${lowerFirst(finding).replace(/[.!]+$/, '')}`;
}

/** "Pen test finding: …", "Audit finding 3: …": a finding, whose fix is asked; its source says what it touches. */
const SOURCE = String.raw`(?:(?:external|internal|annual|latest|our)\s+)?(?:pen(?:etration)?[ -]?test|pentest|security(?:\s+review|\s+audit)?|audit(?:or)?(?:['’]?s)?|accessibility(?:\s+audit)?|a11y|compliance|soc\s?2|iso\s?27001|gdpr|pci(?:[ -]dss)?|qa|code\s+review|usability|ux)`;
/** "(high)", "#4", ", item 7": how bad a finding is, or its number in the report. */
const RANKED = String.raw`(?:\s*#?\s*\d+|\s+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|\s*\((?:critical|high|medium|moderate|low|minor|major|info(?:rmational)?|p[0-4]|sev(?:erity)?[ -]?\d)\)|,?\s+(?:item|point|issue|no\.?|number)\s*#?\s*\d+)*`;
const FINDING = new RegExp(String.raw`^(?:(${SOURCE})\s+)?(finding|observation|recommendation|complaint|feedback|note)s?${RANKED}\s*[:—–-]\s+(\S.*)$`, 'i');
/** "Incident follow-up INC-2231: …", "Follow-up to INC-0412 (the site was down 47 minutes): …": what an incident asks for. */
const INCIDENT = /^(?:incident\s+follow[- ]?up|follow[- ]?up\s+(?:to|from|on|for)|post[- ]?mortem(?:\s+actions?)?|after[- ]action)\s*(?:(?:incident\s+)?[A-Z][A-Z0-9]*-\d+)?\s*(?:\(([^)]{0,300})\))?\s*[:—–-]\s+(\S.*)$/i;
/** "Penetration test, item 7: …": a report's item, with no word for a finding. */
const REPORT_ITEM = new RegExp(String.raw`^(${SOURCE}),?\s+(?:item|point|issue|no\.?|number)\s*#?\s*\d+${RANKED}\s*[:—–-]\s+(\S.*)$`, 'i');

const GIVEN_WHEN_THEN = /^given\s+(.+?),?\s+when\s+(.+?),?\s+then\s+(.+?)[.!]*$/i;
const CONTEXT_FIRST = /^(?:[^.!?:]{0,50}?,\s+)?(?:some|a\s+bit\s+of|for)?\s*(?:context|background)\s*[.:—–-]\s+(?=\S)/i;

/** Spoken shapes said the way the planner reads them: "page whoever is on call" → "page on-call", "know what…" → "find out what…". */
function plainly(line: string): string {
  return line
    // "two-factor on every account, phishing-resistant please, and…": a please inside asks nothing more.
    .replace(/,?\s+please(?=\s*[,;])/gi, '')
    // "It's embarrassing that recipe pages take 7 seconds": how it feels is no part of it.
    .replace(/^(?:honestly,?\s+)?(?:it's|it\s+is|it’s)\s+(?:really\s+|quite\s+|a\s+bit\s+)?(?:embarrassing|ridiculous|annoying|a\s+shame|frustrating|silly|absurd|crazy|unacceptable|painful)\s+(?:that\s+|how\s+)?/i, '')
    // "Copy change: 'Super Like' becomes 'Crush' everywhere": the words are changed.
    .replace(/^(?:(?:copy|wording|text|label)\s+change\s*:\s*)?((['"‘“])[^'"‘’“”]{1,60}['"’”])\s+(?:becomes|is\s+now|should\s+become|should\s+be|->|→)\s+((['"‘“])[^'"‘’“”]{1,60}['"’”])/i, (_, from: string, _q: string, to: string) => `Change ${from} to ${to}`)
    .replace(/\bpage\s+(?:whoever|whomever|the\s+person\s+who|someone\s+who)\s+is\s+on[- ]?call\b/gi, 'page on-call')
    .replace(/\b(?:we|i)\s+need\s+to\s+know\s+(what|which|whether|why|how|who|if)\b/gi, (m, wh: string) => `${/^[A-Z]/.test(m) ? 'F' : 'f'}ind out ${wh}`)
    // "Don't show the popup to new users": the thing done stops.
    .replace(/(^|:\s+)(?:don't|do\s+not|never)\s+([a-z]+)\b/i, (m, at: string, verb: string) => (leadingVerb(verb) === verb ? `${at}Stop ${gerund(verb)}` : m));
}

export function requestOf(said: string): Request {
  // "(1) offline mode, (2) biometric unlock": the numbers of a list said inside one line.
  // Between parts, the number becomes a comma, so the parts do not run together; "1." counts only when a "2." follows.
  // (…and "(2.1 billion rows, Postgres 12)" is no list: a number before a bracket counts only after a "1)".)
  const numbered = /(?:^|[\s:;,])\(?1[.)]\s.*\s\(?2[.)]\s/.test(said) ? /(?<=^|[\s:;,])\(?\d{1,2}[.)]\s+/g : /(?:^|[\s:;,])\(?1\)\s/.test(said) ? /(?<=^|[\s:;,])\(?\d{1,2}\)\s+/g : /(?!)/g;
  // "Fix this, it crashes the booking app for anyone who picks a deposit:": the crash in what it crashes.
  const crashes = /^(?:please\s+)?fix\s+this,?\s+(?:it|this)\s+(?:crashes|breaks|kills|takes\s+down)\s+(\S.*?)\s*:?\s*$/i.exec(said);
  if (crashes) return { text: `Fix the crash in ${crashes[1]}`, problem: null, why: 'asked to fix' };
  // "Please fix, 300 of these in production today:": the crash pasted after it is what is fixed.
  const pleaseFix = /^please\s+fix\s*[,:]\s*(\S.*?)\s*:?\s*$/i.exec(said);
  if (pleaseFix) return { text: 'Fix this crash', problem: pleaseFix[1]!, why: pleaseFix[1]! };
  const line = plainly(said)
    .replace(numbered, (m, at: number) => (at === 0 || /[:;,]\s*$/.test(said.slice(0, at)) ? '' : ', \u0000'))
    // the item after a number is lower-cased as the rest of a sentence is ("…, show it on…"), names kept
    .replace(/\u0000(\S+)/g, (_, w: string) => lowerFirst(w))
    .replace(/\s+,/g, ',')
    .trim();
  const ticket = TICKET.exec(line);
  if (ticket) {
    const rest = line.slice(ticket[0].length);
    // A spike finds out: "Spike: can we run the model on the device?" is to find out whether we can.
    const can = /^(?:can|could|should)\s+we\s+(.+?)\??$/i.exec(rest);
    if (/^spike$/i.test(ticket[1]!)) return { text: can ? `Find out whether we can ${can[1]}` : `Find out ${rest.replace(/^(?:whether|if)\s+/i, 'whether ')}`, problem: null, why: 'a spike' };
    return requestOf(rest);
  }
  const requested = REQUESTED.exec(line);
  if (requested) {
    const [, by, clause] = requested as unknown as [string, string | undefined, string];
    const asked = requestOf(sentenceCase(clause.replace(/^(.+?)\s+be\s+/i, '$1 should be ')));
    return { ...asked, why: [by ? `asked for by ${lowerFirst(by)}` : 'asked for', asked.why].filter(Boolean).join('; ') };
  }
  const per = PER_FIRST.exec(line);
  if (per) {
    const asked = requestOf(sentenceCase(per[2]!));
    return { ...asked, why: [asked.why, `per ${per[1]!.trim()}`].filter(Boolean).join('; ') };
  }
  const purpose = PURPOSE_FIRST.exec(line);
  if (purpose) {
    const asked = requestOf(sentenceCase(purpose[2]!));
    return { ...asked, why: [asked.why, `in order to ${purpose[1]!.trim()}`].filter(Boolean).join('; ') };
  }
  const incident = INCIDENT.exec(line);
  if (incident) {
    const asked = requestOf(incident[2]!);
    return { ...asked, problem: [incident[1], asked.problem].filter(Boolean).join('. ') || null, why: ['an incident follow-up', asked.why].filter(Boolean).join('; ') };
  }
  const item = REPORT_ITEM.exec(line);
  const finding = FINDING.exec(line) ?? (item && ([item[0], item[1], 'finding', item[2]] as unknown as RegExpExecArray));
  if (finding) {
    const source = `${(finding[1] ?? '').trim()} ${finding[2]!.toLowerCase()}`.trim();
    const asked = requestOf(findingFix(finding[3]!));
    return { ...asked, problem: [`${source}: ${finding[3]}`, asked.problem].filter(Boolean).join('. '), why: [`${/^[aeiou]/i.test(source) ? 'an' : 'a'} ${lowerFirst(source)}`, asked.why].filter(Boolean).join('; ') };
  }
  const change = NAMED_CHANGE.exec(line);
  if (change) {
    const [, what, noun, rest] = change as unknown as [string, string, string, string];
    return requestOf(`${CHANGE_VERBS[noun.toLowerCase()]} the ${lowerFirst(what)}: ${rest}`);
  }
  // "Nightly job: pull settled trades…", "For the tournament platform: let captains…": what it is about, then the request.
  const about = LEAD_IN.exec(line);
  // "Landlords: they can't tell which listings…": the people named are who "they" are.
  if (about && /^they\s/i.test(about[2]!) && new RegExp(String.raw`^(?:the\s+|our\s+)?${PEOPLE}$`, 'i').test(about[1]!)) return requestOf(`${about[1]} ${about[2]!.slice(5)}`);
  // "Podcast creators: monthly payout statements…": what people are to be given.
  if (about && new RegExp(String.raw`^(?:the\s+|our\s+)?${PEOPLE}$`, 'i').test(about[1]!) && /(?:ers|ors|ists|ants|ents|people|staff|users|customers|members|admins|clients|patients)$/i.test(about[1]!) && !leadingVerb(about[2]!) && !STATEMENT_SAID.test(about[2]!)) return requestOf(`Add ${about[2]!.replace(/[.!]+$/, '')} for ${lowerFirst(about[1]!)}`);
  // "Interpreter dashboard: give it a layout…": "it" is the topic.
  const onIt = about && !new RegExp(String.raw`^(?:the\s+|our\s+)?${PEOPLE}$`, 'i').test(about[1]!) ? /^([a-z]+)\s+(?:it|them)\b(.*)$/i.exec(about[2]!) : null;
  if (onIt && leadingVerb(onIt[1]!)) return requestOf(`${onIt[1]} ${/^(?:the|our|a|an)\s/i.test(about![1]!) ? lowerFirst(about![1]!) : `the ${lowerFirst(about![1]!)}`}${onIt[2]}`);
  // "Image uploads: resize to three sizes…": the topic is what the verb acts on.
  const onTopic = about && /^([a-z]+)\s+(?=(?:to|into|on|in|by|with|for)\s)/i.exec(about[2]!);
  if (about && (!leadingVerb(about[1]!) || NAMED_THING.test(about[1]!)) && (leadingVerb(about[2]!) || STATEMENT_SAID.test(about[2]!) || (PROBLEM_TOLD.test(about[2]!) && fixOf(about[2]!) !== null) || /[.!?]\s+(?:Find out|Figure out|Work out|Fix|Please|Bring|Cut|Reduce|Sort)\b/.test(about[2]!))) {
    const asked = requestOf(onTopic && leadingVerb(onTopic[1]!) ? `${onTopic[1]} ${lowerFirst(about[1]!)} ${about[2]!.slice(onTopic[0].length)}` : about[2]!);
    const what = about[1]!.replace(/^for\s+/i, '').trim();
    return { ...asked, problem: [what, asked.problem].filter(Boolean).join('. '), why: [`about ${what}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Hall booking: dark mode.": a thing for what the topic names.
  const forTopic = about && !leadingVerb(about[1]!) && !/^(?:topic|subject|re|area|theme|typos?|bugs?|defect|issue|spike|chore|task)$/i.test(about[1]!.trim()) && /^[a-z]/i.test(about[2]!) && /^(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}[\w'’-]+[.!]*$/i.test(about[2]!) && !leadingVerb(about[2]!) && !STATEMENT.test(about[2]!);
  if (forTopic) return { text: `${sentenceCase(about![2]!.replace(/[.!]+$/, ''))} for ${/^(?:the|our)\s/i.test(about![1]!) ? lowerFirst(about![1]!) : `the ${lowerFirst(about![1]!)}`}`, problem: null, why: `about ${about![1]}` };
  // "Port tracking mobile app for truck drivers: show their gate appointment…": a product named at length, then what it is to do.
  const product = PRODUCT_LEAD_IN.exec(line);
  if (product && leadingVerb(product[2]!)) {
    const asked = requestOf(`${product[2]!.replace(/[.!]+$/, '')} in the ${lowerFirst(product[1]!).replace(/^(?:the|our)\s+/, '')}`);
    return { ...asked, problem: [product[1]!, asked.problem].filter(Boolean).join('. '), why: [`about ${lowerFirst(product[1]!)}`, asked.why].filter(Boolean).join('; ') };
  }
  const topic = TOPIC.exec(line);
  // "Search: people type 'chateau' and get nothing. Make it forgiving": "it" is the topic.
  if (topic && /[.!?]\s+(?:make|get|keep)\s+it\b/i.test(line) && !/^(?:topic|subject|re|area|theme)\s*$/i.test(topic[1]!)) {
    const named = `the ${lowerFirst(topic[1]!.trim())}`;
    const asked = requestOf(line.slice(topic[0].length).replace(/([.!?]\s+)(make|get|keep)\s+it\b/gi, (_, end: string, verb: string) => `${end}${verb} ${named}`));
    return { ...asked, problem: [topic[1]!.trim(), asked.problem].filter(Boolean).join('. '), why: [`about ${topic[1]!.trim()}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Topic: GDPR. …", "Re: …": a word for a topic is no topic of its own.
  if (topic && /^(?:topic|subject|re|area|theme)\s*$/i.test(topic[1]!)) return requestOf(line.slice(topic[0].length));
  // "Search: pasting an order number … finds nothing": a one-word topic that could be a verb, over a statement.
  if (topic && (!leadingVerb(topic[1]!) || (/^\S+\s*$/.test(topic[1]!) && !isRequest(line.slice(topic[0].length), true)))) {
    const asked = requestOf(line.slice(topic[0].length));
    return { ...asked, problem: [topic[1]!.trim(), asked.problem].filter(Boolean).join('. '), why: [`about ${topic[1]!.trim()}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Given a member has booked, when the class is cancelled, then the member gets a text": the outcome, when it happens.
  const scenario = GIVEN_WHEN_THEN.exec(line);
  if (scenario) return { ...requestOf(`Make sure ${scenario[3]} when ${scenario[2]}`), problem: `given ${scenario[1]}`, why: 'said as a scenario' };
  // "Topic: obituary drafts. Problem: drafts are visible to…": the problem is what is read.
  const problemSaid = /^(.{2,80}?)[.;]\s+(?:the\s+)?problem\s*:\s+(\S.*)$/i.exec(line);
  if (problemSaid) {
    const asked = requestOf(problemSaid[2]!);
    return { ...asked, why: [`about ${problemSaid[1]!.replace(/^(?:topic|subject|re)\s*:\s*/i, '')}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Observability? We have logs, but…": a topic put as a question, then what is wrong.
  const asTopic = /^([A-Z][\w-]*(?:\s+[\w-]+)?)\?\s+(?=[A-Z])/.exec(line);
  if (asTopic && !leadingVerb(asTopic[1]!)) {
    const asked = requestOf(line.slice(asTopic[0].length));
    return { ...asked, why: [`about ${lowerFirst(asTopic[1]!)}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Climbing gym, some context. We run four gyms…": what follows the context is read.
  const context = CONTEXT_FIRST.exec(line);
  if (context) return requestOf(line.slice(context[0].length));
  const all = line.split(SENTENCES).map((s) => s.trim()).filter(Boolean);
  const asking = all.filter((s) => !META.test(s));
  const sentences = (asking.length ? asking : all).map(conditionLast);
  if (sentences.length === 1) return single(sentences[0]!);
  return several(sentences, line) ?? { text: line, problem: null, why: null };
}
