/**
 * Objective analysis: split what the product owner asked for into objectives, and judge each one's
 * priority (with the cue that decided it), domains, modifiers and effort. Offline and deterministic.
 */
import type { Priority } from '../../collaboration-server/protocol.js';
import { GENERIC_DOMAIN, matchDomains, type Domain } from './domains.js';
import { domainFactor, type TeamHistory } from './history.js';

export interface Objective {
  index: number;
  text: string;
  /** the objective without its leading verb, used in task titles */
  subject: string;
  priority: Priority;
  priorityCue: string;
  domains: string[];
  primary: Domain;
  generic: boolean;
  /** why the estimate moved: modifiers and history */
  adjustments: string[];
  /** multiplies every template hour of this objective */
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

const VERBS = [
  'add', 'implement', 'improve', 'build', 'create', 'fix', 'make', 'support', 'migrate', 'set up', 'setup', 'write',
  'refactor', 'ship', 'deploy', 'integrate', 'design', 'enable', 'introduce', 'upgrade', 'optimize', 'optimise',
  'speed up', 'reduce', 'increase', 'provide', 'allow', 'harden', 'document', 'automate', 'rewrite', 'launch', 'move',
];
const VERB_RE = new RegExp(`^(?:${VERBS.map((v) => v.replace(' ', '\\s+')).join('|')})\\b`, 'i');
const LEAD_IN_RE = /^(?:(?:and|also|then|plus|finally)\s+)*(?:(?:we|i|you)\s+(?:really\s+)?(?:need|needs|want|must|should|have|would like|'d like)\s+(?:to\s+)?|(?:it\s+)?(?:would\s+be\s+)?nice\s+to\s+have:?\s+|(?:urgent|critical|important|must|nice to have|optional|stretch)\s*:\s*|please\s+|let'?s\s+|(?:it\s+is|it's)\s+(?:urgent|critical)\s+(?:to|that\s+we)\s+)*/i;
/**
 * A priority said after the objective ("... is a must", "(nice to have)", "... asap"). Words like
 * "required" count only after "is" or a separator, so "make two-factor login required" stays whole.
 */
const PRIORITY_TAIL_RE =
  /(?:\s*(?:[-–—:,]\s*|\(\s*)|\s+(?:(?:which|that|this|it)\s+)?(?:is|are)\s+)(?:a\s+|an\s+|our\s+)?(?:must(?:[- ]have)?|urgent|critical|top\s+priority|(?:high|low)\s+priority|required|optional|stretch(?:\s+goal)?|nice[- ]to[- ]have)\s*\)?\s*$|\s+(?:asap|if\s+(?:there\s+is\s+)?time(?:\s+allows)?)\s*$/i;

const HIGH_CUES = ['must', 'urgent', 'urgently', 'critical', 'asap', 'top priority', 'blocker', 'required', 'immediately'];
const LOW_CUES = ['nice to have', 'nice-to-have', 'if time', 'if there is time', 'optional', 'maybe', 'eventually', 'stretch', 'could', 'later'];

const MODIFIERS: { phrase: RegExp; label: string; factor: number; unless?: string }[] = [
  { phrase: /\breal[- ]?time\b/i, label: 'real-time', factor: 1.25, unless: 'realtime' },
  { phrase: /\bscal(?:able|ability|e)\b/i, label: 'scalable', factor: 1.3 },
  { phrase: /\bmigrat(?:e|ion|ing)\b/i, label: 'migration', factor: 1.2, unless: 'data' },
  { phrase: /\bfrom scratch\b/i, label: 'from scratch', factor: 1.5 },
];

/** Splits a message into objective texts: lines, bullets, semicolons, commas and "and <verb>". */
export function splitObjectives(message: string): string[] {
  return message
    .split(/\r?\n|;/)
    .map((line) => line.replace(/^\s*(?:\d+[.)]|[-*•])\s+/, '').trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => mergeFragments(line.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|also|plus|then)\s+(?=(?:also\s+)?(?:we\s+\w+\s+(?:to\s+)?)?[a-z])/i)))
    .map((m) => m.replace(/[.!]+$/, '').trim())
    .filter((m) => /[a-z]/i.test(m));
}

/** A piece that starts with no verb continues the one before ("auth, sessions and roles"). */
function mergeFragments(pieces: (string | undefined)[]): string[] {
  const merged: string[] = [];
  for (const raw of pieces) {
    const piece = raw?.trim() ?? '';
    if (!piece) continue;
    const bare = piece.replace(LEAD_IN_RE, '');
    const prev = merged.length - 1;
    if (prev >= 0 && !VERB_RE.test(bare) && !LEAD_IN_RE.exec(piece)?.[0]) merged[prev] = `${merged[prev]}, ${piece}`;
    else merged.push(piece);
  }
  return merged;
}

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

/** Template hours scaled by the objective's factor, to the half hour. */
export const scaledHours = (hours: number, factor: number): number => Math.max(0.5, Math.round(hours * factor * 2) / 2);

export function analyseObjective(text: string, index: number, count: number, history?: TeamHistory): Objective {
  const bare = text.replace(LEAD_IN_RE, '').replace(PRIORITY_TAIL_RE, '').trim() || text.trim();
  const object = bare.replace(VERB_RE, '').replace(/^\s*(?:our|the|a|an|some)\s+/i, '').trim();
  // "Deploy to k8s" keeps its verb: "to k8s" is no subject.
  const subject = !object || /^(?:to|on|for|with|in|into|from|of)\b/i.test(object) ? bare : object;
  const matched = matchDomains(bare);
  const primary = matched[0] ?? GENERIC_DOMAIN;
  const { priority, cue } = priorityOf(text, index, count);
  const adjustments: string[] = [];
  let factor = 1;
  for (const m of MODIFIERS) {
    if (m.phrase.test(text) && m.unless !== primary.id) {
      factor *= m.factor;
      adjustments.push(`${m.label} ×${m.factor}`);
    }
  }
  for (const extra of matched.slice(1, 3)) {
    factor *= 1.15;
    adjustments.push(`also touches ${extra.label} ×1.15`);
  }
  const learned = domainFactor(history, primary.id);
  if (learned !== null && Math.abs(learned - 1) >= 0.05) {
    factor *= learned;
    adjustments.push(`team history in ${primary.label} ×${learned.toFixed(2)}`);
  }
  const hours = primary.templates.reduce((sum, t) => sum + scaledHours(t.hours, factor), 0);
  return {
    index,
    // The hub keeps objectives to 500 characters.
    text: (bare.charAt(0).toUpperCase() + bare.slice(1)).slice(0, 500),
    subject,
    priority,
    priorityCue: cue,
    domains: matched.length ? matched.map((d) => d.id) : [GENERIC_DOMAIN.id],
    primary,
    generic: matched.length === 0,
    adjustments,
    factor,
    hours,
    points: pointsFor(hours),
  };
}

/** Every objective in the texts given (each may hold several), numbered from `startIndex`. */
export function analyseObjectives(texts: string[], history?: TeamHistory): Objective[] {
  const all = texts.flatMap(splitObjectives);
  return all.map((t, i) => analyseObjective(t, i, all.length, history));
}

const RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };
export const priorityRank = (p: Priority): number => RANK[p];
