/**
 * What a line asks for when it is not said as a request. A user story ("As a finance admin, I want to
 * issue partial refunds … so that …") asks for its want; a problem told before a request ("Our reset
 * emails land in spam. Fix deliverability.") asks for the request; reported demand ("customers keep
 * asking to export their invoices") asks for what is demanded. The rest is kept: the story's why (shown
 * in the analysis, not planned) and the problem (shown, and read for what it touches).
 */
import { leadingVerb } from './phrasing.js';

export interface Request {
  /** the request, said as an objective */
  text: string;
  /** the problem it answers: its words say what the work touches */
  problem: string | null;
  /** why it is asked: said back, but its words bring no work */
  why: string | null;
}

const STORY = /^as\s+(?:an?|the|our)\s+([^,]{2,60}?)\s*,?\s+(?:i|we)\s+(?:want|need|would\s+like|'d\s+like|wish)\s+(to\s+)?(?:be\s+able\s+to\s+)?(.+)$/i;
const SO_THAT = /,?\s+(?:so\s+that|so|in\s+order\s+to)\s+(?=\w)/i;
const DEMAND = /^(?:our\s+|the\s+|many\s+|some\s+)?((?:[\w-]+\s+){0,2}?(?:users?|customers?|clients?|people|admins?|members?|shoppers?|merchants?|partners?|teams?|everyone|drivers?|patients?|students?|teachers?))\s+(?:keep|keeps|kept|are|have\s+been|often|always)?\s*(?:asking|ask|asked|want|wants|request|requesting)\s+(?:us\s+)?(?:(to|for)\s+)?(.+)$/i;
/** a sentence that tells how things are, not what to do */
const STATEMENT = /\b(?:is|are|was|were|takes?|took|lands?|has|have|had|keeps?|don't|doesn't|can't|cannot|no idea|fails?|breaks?|crash(?:es)?|times out|gets?|loses?|shows?)\b/i;
const POINTS_BACK = /^\S+(?:\s+\S+)?\s+(?:it|them|this|that|these|those)\b/i;

const plural = (noun: string) =>
  /(?:s|x|ch|sh)$/i.test(noun) ? `${noun}es` : /[^aeiou]y$/i.test(noun) ? `${noun.slice(0, -1)}ies` : /(?:people|everyone|staff)$/i.test(noun) ? noun : `${noun}s`;

/** The story's own words in the third person: "freeze my card" is their card. */
const PERSON: Readonly<Record<string, string>> = { i: 'they', me: 'them', my: 'their', mine: 'theirs', myself: 'themselves', we: 'they', us: 'them', our: 'their', ours: 'theirs', ourselves: 'themselves' };
// Case matters: "US customers" are not "them customers".
const theirs = (s: string) => s.replace(/\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|us|[Oo]urs?|[Oo]urselves)\b/g, (w) => PERSON[w.toLowerCase()]!);

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function story(line: string): Request | null {
  const m = STORY.exec(line);
  if (!m) return null;
  const [, role, to, want] = m as unknown as [string, string, string | undefined, string];
  const so = SO_THAT.exec(want);
  const who = plural(role.trim());
  const deed = theirs((so ? want.slice(0, so.index) : want).trim().replace(/[.!]+$/, ''));
  const why = so ? want.slice(so.index).replace(/^,?\s*/, '').replace(/[.!]+$/, '') : null;
  // "I want to issue refunds" is something they do; "I want dark mode" is a thing to build.
  return { text: to || leadingVerb(deed) ? `Let ${who} ${deed}` : sentenceCase(deed), problem: null, why: `user story of ${who}${why ? `, ${why}` : ''}` };
}

function demand(line: string): Request | null {
  const m = DEMAND.exec(line);
  if (!m || !/asking|ask|asked|request|want/i.test(line)) return null;
  // "asking for a way to export grades": what they want to do themselves.
  const rest = m[3]!.trim().replace(/[.!]+$/, '').replace(/^(?:a way|an option|the ability|a button|a feature|some way) to\s+/i, '');
  const who = m[1]!.trim().replace(/^\w/, (c) => c.toLowerCase());
  if ((m[2]?.toLowerCase() === 'for' && rest === m[3]!.trim().replace(/[.!]+$/, '')) || !leadingVerb(rest)) return { text: `Add ${rest}`, problem: null, why: `asked for by ${who}` };
  return { text: `Let ${who} ${rest}`, problem: null, why: `asked for by ${who}` };
}

const ASKED = /^(?:could|can|should|would)\s+((?:[\w-]+\s+){0,2}?(?:users?|customers?|clients?|people|admins?|members?|shoppers?|merchants?|partners?|teams?|drivers?|patients?|students?|teachers?|we))\s+(.+?)\s*\?$/i;

/** "Could shoppers save items to a wishlist…?": a wish put as a question. */
function question(line: string): Request | null {
  const m = ASKED.exec(line);
  if (!m) return null;
  const who = m[1]!.toLowerCase();
  return { text: who === 'we' ? sentenceCase(m[2]!) : `Let ${who} ${m[2]}`, problem: null, why: 'asked as a question' };
}

/** "Problem. Request." or "problem — request": the first part that says what to do, and what came before it. */
function problemAndRequest(line: string): Request | null {
  const parts = line.split(/(?<=[.!?])\s+(?=[A-Z])|\s+[—–]\s+/).map((p) => p.trim().replace(/[.!]+$/, '')).filter(Boolean);
  if (parts.length < 2 || leadingVerb(parts[0]!) && !STATEMENT.test(parts[0]!.split(/\s+/).slice(1, 6).join(' '))) return null;
  const at = parts.findIndex((p, i) => i > 0 && leadingVerb(p) !== null);
  if (at < 1 || (leadingVerb(parts[0]!) && !STATEMENT.test(parts.slice(0, at).join(' ')))) return null;
  const problem = parts.slice(0, at).join('. ');
  const request = sentenceCase(parts.slice(at).join('. '));
  // "Get it under 2": the request points back at the problem, which names the thing to plan.
  if (POINTS_BACK.test(request)) return { text: problem, problem: null, why: `asked: ${request}` };
  return { text: request, problem, why: `the problem: ${problem}` };
}

/** What the line asks for, and what it says around the request. */
export function requestOf(line: string): Request {
  return story(line) ?? demand(line) ?? question(line) ?? problemAndRequest(line) ?? { text: line, problem: null, why: null };
}
