/**
 * What a line asks for when it is not said as a request. A user story ("As a finance admin, I want to
 * issue partial refunds … so that …") asks for its want; a problem told before a request ("Our reset
 * emails land in spam. Fix deliverability.") asks for the request; reported demand ("customers keep
 * asking to export their invoices") asks for what is demanded. The rest is kept: the story's why (shown
 * in the analysis, not planned) and the problem (shown, and read for what it touches).
 */
import { CAUSED_LOAD, fixOf, gerund, WISH } from './problem.js';
import { leadingVerb, lowerFirst } from './phrasing.js';
import { demand, isRequest, question, story, wanted, wish } from './request/asking.js';
import { findingFix, findingIn, INCIDENT } from './request/findings.js';
import { BARE_FIX, bare, PEOPLE, sentenceCase, STATEMENT, STATEMENT_SAID, type Request } from './request/said.js';
import { several } from './request/told-first.js';

export type { Request } from './request/said.js';

/** Sentences that ask for nothing themselves: "What's the plan?", "Thoughts?". */
const META = /^(?:(?:so\s+)?what(?:'s|’s|\s+is)\s+(?:the|our|your)\s+(?:plan|approach|estimate)|(?:any\s+)?(?:thoughts|ideas|suggestions|questions)|how\s+(?:would|should|do|can|could)\s+we\s+(?:do|approach|tackle|handle|go\s+about)\s+(?:this|it|that)|how\s+long\s+(?:would|will|might)\s+(?:this|it|that)\s+take|(?:is|would)\s+(?:this|that|it)\s+(?:be\s+)?(?:doable|possible|feasible)(?:\s+this\s+sprint)?|can\s+we\s+do\s+(?:this|that|it)(?:\s+this\s+sprint)?|please\s+advise|what\s+do\s+you\s+(?:suggest|think|recommend|propose)|(?:can|could)\s+(?:someone|somebody|you|anyone)\s+(?:look\s+(?:at|into)|check|have\s+a\s+look\s+at)\s+(?:it|this|that)|(?:thanks|thank\s+you|cheers|ta)|help|(?:so\s+|really\s+|pretty\s+|quite\s+|a\s+bit\s+)?(?:embarrassing|ridiculous|annoying|unacceptable|frustrating|awful|terrible|not\s+great|ugh|sigh)|(?:it's\s+|it\s+is\s+)?not\s+a\s+big\s+deal(?:\s+if\s+(?:it's|it\s+is|that's)\s+(?:hard|tricky|difficult|not\s+possible|too\s+much))?|no\s+worries\s+if\s+(?:not|it's\s+hard)|only\s+if\s+it's\s+(?:easy|quick|cheap))\s*[?!.]*$/i;

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

/** "Fitting app" → "The fitting app": a thing named without its article, as a sentence's subject. */
const withArticle = (subject: string) =>
  /^(?:the|our|a|an|my|their|this|these|those|its|every|each|all)\s|^\S+['’]s?\s/i.test(subject) || /^[A-Z]{2,}\b/.test(subject) ? subject : `The ${lowerFirst(subject)}`;

/** "Bug:", "Spike:", "Feature:": the kind of ticket said before it. */
const TICKET = /^(bug|spike|feature|chore|story|task|epic|improvement|request|enhancement|tech\s+debt)\s*:\s+/i;

/** Sentences, and clauses set apart by a dash or a semicolon. */
const SENTENCES = /(?<=[.!?])\s+(?=[A-Z¿“"])|\s+[—–]\s+(?!(?:urgent|asap|critical|important|must|high\s+priority|low\s+priority|nice\s+to\s+have|optional|p[0-3])\b)|;\s+|,\s+and\s+(?=(?:can|could|how|why|what)\s+we\b)|:\s+(?=(?:find\s+out|figure\s+out|work\s+out|fix|sort|make|add|show|give|build|cut|move|remove|use|put|switch|change|send|keep|stop|let)\s)/;

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

/** "Marketplace launch: sellers list items…": a change named as a noun, then what it holds; said as the verb. */
const NAMED_CHANGE = /^((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(launch|rollout|roll-out|migration|redesign|rewrite|upgrade|overhaul|integration|refactor)\s*:\s+(\S.*)$/i;
const CHANGE_VERBS: Record<string, string> = { launch: 'Launch', rollout: 'Roll out', 'roll-out': 'Roll out', migration: 'Migrate', redesign: 'Redesign', rewrite: 'Rewrite', upgrade: 'Upgrade', overhaul: 'Overhaul', integration: 'Integrate', refactor: 'Refactor' };

/** "Print farm", "Email service", "Nightly job": a word that could be a verb, naming a thing. */
const NAMED_THING = /^[A-Z][a-z-]+$|^[a-z-]+\s+(?:farm|job|jobs|team|queue|service|pipeline|app|portal|platform|api|dashboard|page|flow|system|module|bot|worker|cluster|fleet|desk)$/i;


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


const GIVEN_WHEN_THEN = /^given\s+(.+?),?\s+when\s+(.+?),?\s+then\s+(.+?)[.!]*$/i;
const CONTEXT_FIRST = /^(?:[^.!?:]{0,50}?,\s+)?(?:some|a\s+bit\s+of|for)?\s*(?:context|background)\s*[.:—–-]\s+(?=\S)/i;

/** Spoken shapes said the way the planner reads them: "page whoever is on call" → "page on-call", "know what…" → "find out what…". */
function plainly(line: string): string {
  return line
    // "…on phones??", "…asap!!": a mark said twice is said once.
    .replace(/([?!])[?!]+/g, '$1')
    // "…are overdue? gently pls, they're volunteers": what follows a question is a sentence of its own.
    .replace(/\?\s+([a-z])/g, (_, c: string) => `? ${c.toUpperCase()}`)
    // "dunno if this is a thing but could the library…", "not sure it's possible, but…": the hedge asks nothing.
    .replace(/^(?:(?:i\s+)?dunno|idk|not\s+sure|no\s+idea|i\s+(?:don't|do\s+not)\s+know)\s+(?:if|whether)?\s*[^,.;:?!]{0,50}?,?\s+but\s+(?=\S)/i, '')
    // "We are an accessibility company and our own homepage fails…": who we are is no part of the problem.
    .replace(/^we(?:['’]re|\s+are)\s+(?:an?|the)\s+[^,.;]{1,50}?\s+(?:company|business|team|shop|charity|agency|startup|studio|firm|organi[sz]ation|school|clinic)\s*,?\s+(?:and|but|yet|so)\s+(?=\S)/i, '')
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

/** What the line asks for, and what it says around the request. */
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
    // "…that drivers are to be given…" and "…that every code be explained…" say what should be; "…are given…" keeps its verb.
    const asked = requestOf(sentenceCase(clause.replace(/^(.+?)\s+(?:is|are)\s+to\s+be\s+/i, '$1 should be ').replace(/^((?:(?!(?:is|are|was|were|to|will|should|must|can|may|shall)\s)\S+\s+)+?)be\s+/i, '$1should be ')));
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
  const finding = findingIn(line);
  if (finding) {
    const { source } = finding;
    const asked = requestOf(findingFix(finding.text));
    return { ...asked, problem: [`${source}: ${finding.text}`, asked.problem].filter(Boolean).join('. '), why: [`${/^[aeiou]/i.test(source) ? 'an' : 'a'} ${lowerFirst(source)}`, asked.why].filter(Boolean).join('; ') };
  }
  // "Booking page LCP is 6.2 s on 4G. Target: under 2.5 s.": the measure is brought to its target.
  const target = /^([^.:;]{3,60}?)\s+(?:is|are)\s+[^:;]{1,40}?\.\s+(?:the\s+)?(?:target|goal|budget|aim)\s*(?::|is)\s*((?:under|below|above|over|at\s+most|at\s+least|less\s+than|no\s+more\s+than)\s+[^;]{1,40}?)\.?$/i.exec(line);
  if (target) return { text: `Bring ${lowerFirst(withArticle(target[1]!))} ${target[2]!.replace(/^(?:less\s+than|below|at\s+most|no\s+more\s+than)\b/i, 'under')}`, problem: bare(line), why: `a target: ${target[2]}` };
  // "Fitting app is slow: fitters wait 6-8 s after every scan": the problem, then what it looks like.
  const toldThenSeen = /^([^:]{3,60}?\s(?:is|are)\s+(?:too\s+|so\s+|really\s+|very\s+|painfully\s+)?(?:slow|sluggish|laggy|flaky|unreliable|broken|unusable|confusing))\s*:\s+(\S.*)$/i.exec(line);
  if (toldThenSeen) {
    const asked = requestOf(withArticle(toldThenSeen[1]!));
    return { ...asked, problem: [toldThenSeen[2]!, asked.problem].filter(Boolean).join('. '), why: [`seen as: ${toldThenSeen[2]!.replace(/[.!]+$/, '')}`, asked.why].filter(Boolean).join('; ') };
  }
  const change = NAMED_CHANGE.exec(line);
  // "Zero-downtime migration: split the rentals table…": how the change is made, then the request that makes it.
  if (change && /^(?:(?:zero|no)[- ]downtime|live|online|rolling)$/i.test(change[1]!) && leadingVerb(change[3]!)) {
    const asked = requestOf(change[3]!);
    return { ...asked, problem: [change[1]! + ' ' + change[2]!, asked.problem].filter(Boolean).join('. '), why: [`a ${lowerFirst(change[1]!)} ${change[2]!.toLowerCase()}`, asked.why].filter(Boolean).join('; ') };
  }
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
  const sentences = (asking.length ? asking : all).map(conditionLast).filter((s, i) => i === 0 || !BARE_FIX.test(s));
  if (sentences.length === 1) return single(sentences[0]!);
  return several(sentences, line, (item) => requestOf(item).text) ?? { text: line, problem: null, why: null };
}
