/**
 * Checked model answers in the types the lead's behaviours take: the same objectives, planned tasks,
 * readings, guidance and options the offline engine returns, so nothing after the seam can tell who
 * judged (except the cues, which name the model).
 */
import type { Task } from '../../../collaboration-server/protocol.js';
import type { PlannedTask } from '../../planning/breakdown.js';
import { DOMAINS, GENERIC_DOMAIN, KIND_TAGS } from '../../planning/domains.js';
import type { TeamHistory } from '../../planning/history.js';
import { pointsFor, type Objective, type ObjectiveAnalysis } from '../../planning/objectives.js';
import type { BlockerKind } from '../../monitoring/blocker-kind.js';
import type { ChatReading } from '../../monitoring/chat-reading.js';
import type { CostedOption } from '../../monitoring/escalation-options.js';
import type { Guidance } from '../../monitoring/knowledge-base.js';
import type { QuietJudgement } from '../../monitoring/quiet-task.js';
import type { Advisor } from '../advisor.js';
import type { BlockerAnswer, ChatAnswer, PlanAnswer, QuietAnswer } from './answers.js';

export const DOMAIN_IDS: readonly string[] = [...DOMAINS.map((d) => d.id), GENERIC_DOMAIN.id];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const halfHours = (h: number) => Math.max(0.5, Math.round(h * 2) / 2);

export interface MappedPlan {
  analysis: ObjectiveAnalysis;
  tasks: PlannedTask[];
}

/** The offline reading of an objective's text, for the fields the model does not give; a neutral one if it reads none. */
function offlineObjective(offline: Advisor, text: string, history?: TeamHistory): Objective {
  return offline.analyseObjectives([text], history).objectives[0] ?? offline.analyseObjectives(['Build the feature'], history).objectives[0]!;
}

/**
 * The plan as objectives and tasks. Keys are renumbered T-1, T-2... in objective order, as the offline
 * breakdown numbers them. Each objective starts from the offline reading of its text (its subject and
 * the engine's own fields) and takes the model's priority, domains, hours and reason.
 */
export function mapPlan(plan: PlanAnswer, offline: Advisor, label: string, history?: TeamHistory): MappedPlan {
  const objectives: Objective[] = plan.objectives.map((o, index) => {
    const base = offlineObjective(offline, o.text, history);
    const domains = o.domains.filter((d) => DOMAIN_IDS.includes(d));
    const hours = plan.tasks.filter((t) => t.objective === index + 1).reduce((sum, t) => sum + halfHours(t.hours), 0);
    return {
      ...base,
      index,
      text: cap(o.text).slice(0, 500),
      priority: o.priority,
      priorityCue: `${label}: ${o.why.trim() || 'its judgement'}`.slice(0, 300),
      domains: domains.length ? domains : base.domains,
      primary: DOMAINS.find((d) => d.id === domains[0]) ?? base.primary,
      generic: domains.length === 0 && base.generic,
      adjustments: [`estimated by ${label}`],
      factor: 1,
      hours,
      points: pointsFor(hours),
    };
  });
  const ordered = plan.tasks.map((t, at) => ({ t, at })).sort((a, b) => a.t.objective - b.t.objective || a.at - b.at).map(({ t }) => t);
  const keyOf = new Map(ordered.map((t, i) => [t.key, `T-${i + 1}`]));
  const tasks: PlannedTask[] = ordered.map((t) => {
    const o = objectives[t.objective - 1]!;
    return {
      key: keyOf.get(t.key)!,
      title: cap(t.title).slice(0, 200),
      objective: o.text,
      objectiveIndex: o.index,
      domain: o.primary.id,
      kind: t.kind,
      role: t.role,
      hours: halfHours(t.hours),
      priority: o.priority,
      acceptance: t.acceptance,
      dependsOn: t.dependsOn.map((d) => keyOf.get(d)!),
      tags: [o.primary.id, ...o.domains.filter((d) => d !== o.primary.id), ...KIND_TAGS[t.kind]],
    };
  });
  return { analysis: { objectives, unreadable: plan.unreadable.map((u) => ({ text: u.text, why: u.why })) }, tasks };
}

/** The model's reading over the offline one: the offline reader's own fields (its category) stay. */
export function mapChat(answer: ChatAnswer, offline: ChatReading): ChatReading {
  return {
    ...offline,
    reading: answer.reading,
    confidence: answer.confidence,
    kind: answer.reading === 'none' ? null : answer.kind,
    heard: answer.heard,
  };
}

export function mapKind(answer: BlockerAnswer): BlockerKind {
  return answer.kind === 'business' && answer.reason ? { kind: 'business', reason: answer.reason } : { kind: 'technical' };
}

export function mapGuidance(answer: BlockerAnswer, task: Task): Guidance {
  return { topic: answer.guidance.topic, domains: [task.domain], keywords: [], steps: answer.guidance.steps };
}

export function mapOptions(answer: BlockerAnswer): CostedOption[] {
  return answer.options.map((o) => ({ label: o.label, effect: o.effect, hours: Math.round(o.hours * 2) / 2, sprint: o.sprint }));
}

const LOOP_QUESTION = 'The same step seems to keep coming back: shall we split the task, or pair someone with you on it?';
const sameStep = (note: string) => note.toLowerCase().replace(/[\d%]+/g, '').replace(/\s+/g, ' ').trim();

/** Whether the task's own record shows a loop: a note repeated among its last four. */
export function notesRepeat(task: Task): boolean {
  const last = task.notes.slice(-4).map(sameStep).filter(Boolean);
  return new Set(last).size < last.length;
}

/**
 * The model's ledger counts only where hard signals agree. The check itself stays the offline one:
 * it is asked only once the task's silence passed its threshold, so "progress is being made" never
 * silences it. A loop the model sees counts only when the task's notes repeat.
 */
export function mapQuiet(answer: QuietAnswer, task: Task, offline: QuietJudgement): QuietJudgement {
  const questions = [...answer.questions];
  if (answer.looping && notesRepeat(task) && !questions.includes(LOOP_QUESTION)) questions.unshift(LOOP_QUESTION);
  return { check: offline.check, questions: offline.check ? questions.slice(0, 4) : [] };
}
