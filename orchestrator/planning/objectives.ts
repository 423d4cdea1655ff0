/**
 * Objective analysis: split what the product owner asked for into objectives, and judge each one's
 * priority (with the cue that decided it), domains, what work it needs, its scope and effort, with the
 * reasons. Pasted code and logs are left out, and text it cannot read is named back, never dropped.
 * Offline and deterministic.
 */
import type { Priority } from '../../collaboration-server/protocol.js';
import { withoutWhatStaysUp } from './uptime.js';
import { DOMAINS, GENERIC_DOMAIN, isMatched, matchDomains, type Concern, type Domain } from './domains.js';
import { domainFactor, type TeamHistory } from './history.js';
import { isPeople, isStateWord, leadingVerb, parsePhrase, type Phrase } from './phrasing.js';
import { withoutPurpose } from './purpose.js';
import { pastedKind, pasteSide, unreadableWhy, type Pasted } from './readable.js';
import { requestOf, type Request } from './request.js';
import { scopeOf } from './scope.js';
import { releasesLibrary } from './library-release.js';
import { needsOf, workFor, type Work } from './work.js';

export interface Objective {
  index: number;
  text: string;
  /** the objective without its leading verb */
  subject: string;
  /** its verb and object, which the task titles are written from */
  phrase: Phrase;
  priority: Priority;
  priorityCue: string;
  domains: string[];
  /** the domain it is about */
  primary: Domain;
  /** the other domains it touches */
  others: Domain[];
  generic: boolean;
  /** what the work needs (backend, security review, devops...), and whose work it is */
  needs: Concern[];
  lead: string;
  /** the work it takes, which the breakdown turns into tasks */
  work: Work[];
  /** why the estimate is what it is: scope, parts, platforms, domains, history */
  adjustments: string[];
  /** multiplies every hour of this objective's work */
  factor: number;
  hours: number;
  points: number;
}

/** What the lead made of the product owner's messages: the objectives, and what it could not read. */
export interface ObjectiveAnalysis {
  objectives: Objective[];
  /** text that is not an objective the lead can plan (another language, gibberish), named back, never dropped */
  unreadable: { text: string; why: string }[];
}

const LEAD_IN_RE = /^(?:(?:and|also|then|plus|finally)\s+)*(?:(?:we|i|you)\s+(?:really\s+)?(?:need|needs|want|must|should|have(?=\s+to\b)|would like|'d like)\s+(?:to\s+)?|(?:it\s+)?(?:would\s+be\s+)?nice\s+to\s+have:?\s+|(?:urgent|critical|important|must|nice to have|optional|stretch)\s*:\s*|please\s+|let'?s\s+|(?:it\s+is|it's)\s+(?:urgent|critical)\s+(?:to|that\s+we)\s+)*/i;
/**
 * A priority said after the objective ("... is a must", "(nice to have)", "... asap"). Words like
 * "required" count only after "is" or a separator, so "make two-factor login required" stays whole.
 */
const PRIORITY_TAIL_RE =
  /(?:\s*(?:[-–—:,]\s*|\(\s*)|\s+(?:(?:which|that|this|it)\s+)?(?:is|are)\s+)(?:a\s+|an\s+|our\s+)?(?:must(?:[- ]have)?|urgent|critical|top\s+priority|(?:high|low)\s+priority|required|optional|stretch(?:\s+goal)?|nice[- ]to[- ]have)\s*\)?\s*$|\s+(?:asap|if\s+(?:there\s+is\s+)?time(?:\s+allows)?)\s*$/i;

const HIGH_CUES = ['must', 'urgent', 'urgently', 'critical', 'asap', 'top priority', 'blocker', 'required', 'immediately'];
const LOW_CUES = ['nice to have', 'nice-to-have', 'if time', 'if there is time', 'optional', 'maybe', 'eventually', 'stretch', 'could', 'later'];

/** A message that splits into more objectives than this is cut here, and the rest named back. */
export const MAX_OBJECTIVES = 30;
/** The hub keeps objectives to 500 characters. */
const MAX_OBJECTIVE_CHARS = 500;

/**
 * "…; it has been the same key since 2021", "…; a script can place 500 bids a second": a clause after a
 * semicolon that tells how things are, about what was just named, is why, not more work.
 */
const TOLD_AFTER =
  /^(?:(?:both|either|neither)(?:\s+of\s+them)?\s+(?:have|has|had|are|were|is|was)\b|(?:it|this|that|they|these|those|there)\s+(?:(?:has|have|had)\s+(?:been|never|not|no|always)|is|are|was|were|isn't|aren't|wasn't|(?:can|could|may|might)\s+(?:be|also)|only|still|never|always|already|currently|often|usually|expires?|runs?|takes?|costs?|means|seems|looks|sits?)\b|(?:a|an|any|one)\s+(?:[\w'’-]+\s+){0,2}?(?:can|could)\s+(?!you\b)[a-z]+|(?:most|much|half|some|all|part)\s+of\s+(?:the\s+(?:year|time|day|week|month|season)|it|them|this|that)\b)/i;

/** Splits one line of prose into objective texts: semicolons, commas and "and <verb>". */
function splitLine(line: string): string[] {
  // "Make sure the name and address are hidden and the view is logged": one outcome, whatever its "and"s.
  if (/^make sure\b/i.test(line)) return [line.replace(/\s*[.!:]+$/, '').trim()];
  // "a pipeline (pitch, draft, edit, publish) with…": what a bracket holds is one thing, commas and all.
  const held: string[] = [];
  const guarded = line.replace(/\([^()]*\)/g, (m) => `\u0001${held.push(m) - 1}\u0001`);
  const unguard = (s: string) => s.replace(/\u0001(\d+)\u0001/g, (_, i: string) => held[Number(i)]!);
  return guarded
    .split(';')
    .filter((part, i) => i === 0 || !TOLD_AFTER.test(part.trim()))
    .flatMap((part) => mergeFragments(part.split(/(,\s*(?:and\s+|or\s+)?|\s+(?:and|also|plus|then)\s+(?=(?:also\s+)?(?:we\s+\w+\s+(?:to\s+)?)?[a-z]))/i)))
    // "…, some of them still use US dates": what some of the things do is why.
    .map((m) => unguard(m).replace(/,\s+(?:some|most|all|many|half|none|one|two|three)\s+of\s+(?:them|these|those)\s.*$/i, '').replace(/\s*[.!:]+$/, '').trim())
    // Emoji alone are kept, to be named back as unreadable; bare punctuation is no objective at all.
    .filter((m) => /[\p{L}\p{Extended_Pictographic}]/u.test(m));
}

// "1. Add a notes field 2. Show it…": a numbered list said on one line keeps its first number, so its parts stay apart.
const unbullet = (line: string) => (/^\s*1[.)]\s.*\s2[.)]\s/.test(line) ? line.trim() : line.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim());

/** A message as objective texts, and its runs of pasted code, logs or stack traces (which are not objectives). */
export function splitMessage(message: string): { objectives: string[]; said: Map<string, Request>; pasted: { kind: Pasted; lines: string[] }[] } {
  const objectives: string[] = [];
  const said = new Map<string, Request>();
  const pasted: { kind: Pasted; lines: string[] }[] = [];
  let run: { kind: Pasted; lines: string[] } | null = null;
  let asked: string[] = [];
  for (const raw of scenariosJoined(message.split(/\r?\n/))) {
    if (!raw.trim()) continue;
    const kind = pastedKind(raw);
    // Indented lines inside a paste belong to it (a stack trace's frames, a code block's body).
    if (kind || (run && /^\s/.test(raw))) {
      if (run) run.lines.push(raw.trim());
      else pasted.push((run = { kind: kind!, lines: [raw.trim()] }));
      continue;
    }
    if (run) traced(run.lines, asked, said);
    run = null;
    const line = unbullet(raw);
    // A line it cannot read is named back whole: no half of it is planned.
    if (unreadableWhy(line)) {
      objectives.push(line);
      continue;
    }
    asked = [];
    for (const item of letteredItems(line) ?? [line]) {
      const request = requestOf(item);
      for (const o of splitLine(request.text)) {
        asked.push(o);
        objectives.push(o);
        if (request.why) said.set(o, request);
      }
    }
  }
  if (run) traced(run.lines, asked, said);
  return { objectives, said, pasted };
}

/** Words that tell of trouble, not of a feature: "can't", "keep losing". */
const TROUBLE = /\b(?:can['’]?t|cannot|don['’]t|doesn['’]t|won['’]t|never|keeps?|still|wrong|broken|fails?|loses?|miss(?:es)?|complain)\b/i;

/** "For the new academic year: (a) a contributor pipeline…; (b) embargoed articles…": each lettered item is asked for itself. */
function letteredItems(line: string): string[] | null {
  const m = /^(?:[^()]{0,150}?(?::\s*|\s+))?\(a\)\s+(.+)$/i.exec(line);
  if (!m || !/[;,]\s*(?:and\s+)?\(b\)\s/i.test(m[1]!)) return null;
  // "(a) clinicians sign in with their NHS smartcard": what people do in a list of features, they are let do.
  const feature = (item: string) => (isPeople(item.split(/\s+/)[0] ?? '') && !TROUBLE.test(item) ? `Let ${item}` : item);
  return m[1]!.split(/[;,]\s*(?:and\s+)?\([b-h]\)\s+/i).map((item) => feature(item.trim().replace(/[.;,]+$/, '')));
}

/** "Given …" / "When …" / "Then …" / "And …" on lines of their own: one scenario, read as one line. */
function scenariosJoined(lines: readonly string[]): string[] {
  const joined: string[] = [];
  let inScenario = false;
  for (const line of lines) {
    if (inScenario && /^\s*(?:when|then|and|but)\b/i.test(line)) joined[joined.length - 1] += ` ${line.trim().replace(/^(?:And|But)\b/, (w) => w.toLowerCase())}`;
    else {
      inScenario = /^\s*given\b/i.test(line);
      joined.push(line);
    }
  }
  return joined;
}

/** A paste after a request ("Fix this crash:") tells which side's code fails: said with the request, and read for what it touches. */
function traced(lines: readonly string[], asked: readonly string[], said: Map<string, Request>): void {
  const side = pasteSide(lines);
  if (!side) return;
  for (const o of asked) {
    const before = said.get(o);
    const problem = [before?.problem, `the failing code is ${side}`].filter(Boolean).join('. ');
    said.set(o, { text: o, problem, why: [before?.why, `the pasted trace runs in the ${side}`].filter(Boolean).join('; ') });
  }
}

/** Splits a message into objective texts: lines, bullets, semicolons, commas and "and <verb>". */
export function splitObjectives(message: string): string[] {
  return splitMessage(message).objectives;
}

/**
 * A piece that starts with no verb continues the one before, joined by what separated them ("auth
 * with login, sessions and roles" stays one). `parts` alternates pieces and the separators between them.
 */
function mergeFragments(parts: (string | undefined)[]): string[] {
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i]?.trim() ?? '';
    if (!piece) continue;
    const bare = piece.replace(LEAD_IN_RE, '');
    const prev = merged.length - 1;
    // "…and move them into a vault" goes on with the same things: it is one objective.
    // So does a verb whose object is the one before ("let users export and delete their data").
    const continues =
      !leadingVerb(bare) ||
      // "SSO for keepers and vets": a plural after "and" goes on with a list of people, whatever verb it spells.
      (prev >= 0 && isPeople(merged[prev]!.split(/\s+/).at(-1) ?? '') && /^[a-z]+s\b/i.test(bare) && parts[i - 1]?.trim() === 'and') ||
      // "…, refundable up to 24 h before": a state goes on describing the same thing.
      isStateWord(bare.split(/\s+/)[0] ?? '') ||
      // "…a map that recruiters can zoom and filter": a verb with nothing of its own acts on what the one before does.
      (prev >= 0 && /^[a-z]+$/i.test(bare) && parts[i - 1]?.trim() === 'and') ||
      /^(?:\S+\s+){0,2}(?:them|it|this|these|those|their|its)\b/i.test(bare) ||
      (prev >= 0 && leadingVerb(merged[prev]!.split(/\s+/).at(-1) ?? '') !== null) ||
      // "…be able to request and download their data": a verb left with no object shares the next one's.
      (prev >= 0 && /\b(?:to|can|could|must|should|will)\s+[a-z]+$/i.test(merged[prev]!) && parts[i - 1]?.trim() === 'and') ||
      (prev >= 0 && continuesList(merged[prev]!, bare)) ||
      // "…retrained weekly and served through an API": a participle goes on describing the same thing.
      /^[a-z]+(?:ed|en|wn)\s+(?:(?:out|up|back|off|down|over)\s+)?(?:through|by|from|to|in|on|via|with|as|over|under|behind|weekly|daily|nightly|hourly|every)\b/i.test(bare) ||
      // "…into French, German and Polish": a list of names goes on, whatever verb a name spells.
      (prev >= 0 && /,\s*[A-Za-z][\w-]*$/.test(merged[prev]!) && /^[\w-]+(?:\s+data)?(?:,|$)/.test(bare) && parts[i - 1]?.trim() === 'and') ||
      // "…into Welsh and Polish": two names, the second capitalised as a name is, not a verb.
      (prev >= 0 && /\s[A-Z][a-z]+$/.test(merged[prev]!) && /^[A-Z][a-z]+$/.test(bare) && parts[i - 1]?.trim() === 'and') ||
      // "…a marketplace where operators list and sell scenes": a verb after "and" goes on with the relative clause before it.
      (prev >= 0 && /\b(?:where|which|that|who|whose)\s+(?:[\w'’-]+\s+){0,5}[\w'’-]+$/i.test(merged[prev]!) && !/,/.test(merged[prev]!.split(/\b(?:where|which|that|who|whose)\b/i).at(-1)!) && parts[i - 1]?.trim() === 'and') ||
      // "Find out and cut it back": finding out has no object of its own.
      (prev >= 0 && /^(?:find|figure|work)\s+out(?:\s+why)?$|^investigate$/i.test(merged[prev]!)) ||
      // "…, and write the decision down": the record of what was just decided.
      /^(?:write|document|record)\s+(?:(?:it|that|this)\s+|the\s+(?:decision|choice|outcome|reasons?|trade-?offs)\s+)?(?:down|up)\b|^write\s+down\s+(?:why|the\s+(?:decision|reasons?|trade-?offs))/i.test(bare);
    if (prev >= 0 && continues && !LEAD_IN_RE.exec(piece)?.[0]) merged[prev] = `${merged[prev]}${parts[i - 1] ?? ', '}${piece}`;
    else merged.push(piece);
  }
  return merged;
}

/**
 * A piece that goes on with a list of things the one before opened ("…with API keys and rate limits",
 * "…audit: access reviews and log retention"): a word that could be a verb, but with nothing it acts
 * on, is a noun here.
 */
const continuesList = (before: string, piece: string) =>
  /(?:\bwith\b|\bincluding\b|:)[^,;:]*$/i.test(before) && !/^\S+\s+(?:(?:up|out|over|back|down|off)\s+)?(?:the|a|an|our|all|every|each|their|its|my|your|them|it|this|that|these|those|to|from|into|on|in|for)\b/i.test(piece);

function findCue(text: string, cues: string[]): string | undefined {
  const lower = text.toLowerCase();
  return cues.find((c) => new RegExp(`\\b${c.replace(/[- ]/g, '[- ]')}\\b`).test(lower));
}

function priorityOf(text: string, index: number, count: number): { priority: Priority; cue: string } {
  const high = findCue(text, HIGH_CUES);
  if (high) return { priority: 'high', cue: `"${high}"` };
  const low = findCue(text, LOW_CUES);
  if (low) return { priority: 'low', cue: `"${low}"` };
  const ordinal = `${index + 1}${['st', 'nd', 'rd'][index] ?? 'th'} of ${count}`;
  if (index === 0) return { priority: 'high', cue: `order: ${ordinal}` };
  if (index === count - 1 && count >= 3) return { priority: 'low', cue: `order: ${ordinal}` };
  return { priority: 'medium', cue: `order: ${ordinal}` };
}

/** Story points on the Fibonacci scale, from hours. */
export function pointsFor(hours: number): number {
  const steps: [number, number][] = [[4, 1], [8, 2], [16, 3], [24, 5], [40, 8], [64, 13]];
  return steps.find(([h]) => hours <= h)?.[1] ?? 21;
}

/** The domain an objective is about: what its verb says it is (docs, tests), else its strongest domain. */
function headOf(phrase: Phrase, matched: readonly Domain[]): Domain {
  const byId = (id: string) => DOMAINS.find((d) => d.id === id)!;
  if (phrase.cls === 'document') return byId('docs');
  if (phrase.cls === 'test') return byId('testing');
  // An audit of who can reach what is the security engineer's.
  if (phrase.cls === 'audit' && (matched.some((d) => d.id === 'security' || d.id === 'auth') || /\b(?:who\s+can|access|permissions?|secrets?|personal|data)\b/i.test(phrase.object))) return byId('security');
  // A library released with a README is the library, not its docs.
  // …and so is code made open source with one.
  const library = releasesLibrary(phrase.verb, phrase.object) || /^open[- ]source$/.test(phrase.verb ?? '');
  return matched.find((d) => !library || d.id !== 'docs') ?? GENERIC_DOMAIN;
}

/**
 * One objective, judged. `said` is what its line said around the request: the problem it answers
 * (read for what it touches) and why it is asked (said back in the reasons).
 */
export function analyseObjective(text: string, index: number, count: number, history?: TeamHistory, said?: Request): Objective {
  const bare = text.replace(LEAD_IN_RE, '').replace(PRIORITY_TAIL_RE, '').trim() || text.trim();
  const phrase = parsePhrase(bare);
  // What it asks for makes its domains; why it is asked ("…to lift sign-up conversion") does not.
  const matches = matchDomains(withoutWhatStaysUp([withoutPurpose(bare).main, said?.problem].filter(Boolean).join('. ')));
  // What is broken is named first: "The mobile app crashes … during a video upload" is the app's to fix.
  const matched = matches.filter(isMatched).sort((a, b) => (phrase.cls === 'fix' ? a.first - b.first : 0)).map((m) => m.domain);
  const primary = headOf(phrase, matched);
  const others = matched.filter((d) => d.id !== primary.id);
  const { priority, cue } = priorityOf(text, index, count);
  const scope = scopeOf(bare, others.map((d) => d.label));
  let factor = scope.factor;
  const adjustments = [...(said?.why ? [said.why] : []), ...scope.reasons];
  const learned = domainFactor(history, primary.id);
  if (learned !== null && Math.abs(learned - 1) >= 0.05) {
    factor *= learned;
    adjustments.push(`team history in ${primary.label} ×${learned.toFixed(2)}`);
  }
  const needs = needsOf(phrase, matches, primary, scope.small);
  const work = workFor({ phrase, head: primary, others, needs, small: scope.small, factor });
  const hours = work.reduce((sum, w) => sum + w.hours, 0);
  return {
    index,
    text: (bare.charAt(0).toUpperCase() + bare.slice(1)).slice(0, MAX_OBJECTIVE_CHARS),
    subject: phrase.object.slice(0, MAX_OBJECTIVE_CHARS),
    phrase,
    priority,
    priorityCue: cue,
    domains: [primary, ...others].map((d) => d.id),
    primary,
    others,
    generic: primary === GENERIC_DOMAIN,
    needs: needs.concerns,
    lead: needs.lead,
    work,
    adjustments,
    factor,
    hours,
    points: pointsFor(hours),
  };
}

const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);

/** The objectives in the messages given (each may hold several), and what is not one, named. */
export function analyseObjectives(messages: readonly string[], history?: TeamHistory): ObjectiveAnalysis {
  const unreadable: ObjectiveAnalysis['unreadable'] = [];
  const readable: string[] = [];
  const around = new Map<string, Request>();
  for (const message of messages) {
    const { objectives, said, pasted } = splitMessage(message);
    for (const p of pasted) unreadable.push({ text: quote(p.lines[0]!), why: `${p.lines.length} line(s) of pasted ${p.kind}: not an objective` });
    const mine: string[] = [];
    for (const o of objectives) {
      const why = o.length > MAX_OBJECTIVE_CHARS * 2 ? `far too long for one objective (${o.length} characters): say it in a sentence or two` : unreadableWhy(o);
      if (why) unreadable.push({ text: quote(o), why });
      else mine.push(o);
    }
    if (mine.length > MAX_OBJECTIVES) {
      unreadable.push({ text: quote(mine[MAX_OBJECTIVES]!), why: `and ${mine.length - MAX_OBJECTIVES} more in that message: I plan at most ${MAX_OBJECTIVES} objectives from one message, send the rest with add` });
      mine.length = MAX_OBJECTIVES;
    }
    readable.push(...mine);
    for (const [o, r] of said) around.set(o, r);
  }
  return { objectives: readable.map((t, i) => analyseObjective(t, i, readable.length, history, around.get(t))), unreadable };
}

const RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
export const priorityRank = (p: Priority): number => RANK[p];
