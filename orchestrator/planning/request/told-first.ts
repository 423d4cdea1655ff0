/**
 * A line of several sentences: what is asked and what is said around it, or a problem told first and
 * the request that follows it ("Our reset emails land in spam. Fix deliverability.").
 */
import { aboutOf, fixOf, toldOf, WISH } from '../problem.js';
import { baseOfPast, leadingVerb, lowerFirst } from '../phrasing.js';
import { demand, isRequest, question, story, wanted, wish } from './asking.js';
import { isListedFinding } from './findings.js';
import { bare, sentenceCase, STATEMENT, STATEMENT_SAID, type Request } from './said.js';

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
 * line opens with a request: its parts are objectives of their own. `itemAsked`: what a finding of a
 * report asks for, read as a line of its own.
 */
export function several(sentences: readonly string[], line: string, itemAsked: (item: string) => string): Request | null {
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
  if (!leadingVerb(first) && first.split(/\s+/).length <= 8 && rest.every(isListedFinding)) {
    return { text: rest.map(itemAsked).join('; '), problem: sentences.map(bare).join('. '), why: `findings of ${lowerFirst(bare(first))}` };
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
