/**
 * The assignment engine: who should take each task. Scores expertise (role and skills), load against
 * capacity, dependency chains (one agent keeps a chain when that saves a handoff) and history
 * (completion rate, estimate accuracy per domain). Never assigns past capacity without flagging it;
 * every choice carries a one-line rationale. O(tasks × agents).
 */
import type { Priority, Task } from '../../collaboration-server/protocol.js';
import type { PlannedTask } from './breakdown.js';
import type { TeamMember } from './capacity.js';
import { KIND_TAGS, type TaskKind } from './domains.js';
import { analyseGraph, type GraphAnalysis } from './dependency-graph.js';
import { completionRate, estimateAccuracy, type TeamHistory } from './history.js';
import { round1 } from '../../collaboration-server/units.js';
import { priorityRank } from './objectives.js';

export const STRATEGIES = ['expertise', 'balanced', 'deadline'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const isStrategy = (s: string): s is Strategy => (STRATEGIES as readonly string[]).includes(s);

export interface Assignment {
  key: string;
  name: string | null;
  rationale: string;
  overCapacity: boolean;
}

/** What the engine needs to know about a task. */
export interface TaskNeed {
  key: string;
  role: string;
  domain: string;
  tags: readonly string[];
  hours: number;
  priority: Priority;
  dependsOn: readonly string[];
  /** a review is done by someone other than whoever did the work it reviews */
  kind?: TaskKind;
}

export interface AssignOptions {
  strategy?: Strategy;
  history?: TeamHistory;
  /** key → name the product owner chose; kept as is */
  pins?: Readonly<Record<string, string>>;
  /** the plan's graph when the caller has analysed it already (a proposal does) */
  graph?: Pick<GraphAnalysis, 'stageOf'>;
}

interface Candidate {
  member: TeamMember;
  skills: Set<string>;
  /** hours given to this member so far in this run, on top of their load */
  planned: number;
  rate: number | null;
}

const WEIGHTS: Record<Strategy, { expertise: number; load: number; finish: number }> = {
  expertise: { expertise: 1, load: 1, finish: 0 },
  balanced: { expertise: 0.3, load: 8, finish: 0 },
  deadline: { expertise: 0.4, load: 0, finish: 0.6 },
};
const OVER_PENALTY = 8;
const CHAIN_BONUS = 1.5;
/** a reviewer who did the work under review: only when nobody else can */
const REVIEWER_PENALTY = 6;

/** T-2 before T-10; one collator, since localeCompare with options builds one on every call */
const byKey = new Intl.Collator('en', { numeric: true }).compare;

const hoursAfter = (c: Candidate, hours: number) => c.member.loadHours + c.planned + hours;

interface Scored {
  score: number;
  expertise: number;
  over: boolean;
  chain: string | null;
  accuracy: number | null;
}

const scored = (): Scored => ({ score: 0, expertise: 0, over: false, chain: null, accuracy: null });

/** The role counts 3, each known tag 1, at most three tags. */
function expertiseOf(need: TaskNeed, c: Candidate): number {
  let known = 0;
  for (const t of need.tags) if (known < 3 && c.skills.has(t)) known++;
  return (c.member.role === need.role ? 3 : 0) + known;
}

/** Every candidate's expertise for each kind of task (role and tags) in one run: a plan has few kinds. */
class ExpertiseTable {
  private readonly byKind = new Map<string, Uint8Array>();
  constructor(private readonly candidates: readonly Candidate[]) {}

  of(need: TaskNeed): Uint8Array {
    const kind = `${need.role}\n${need.tags.join('\n')}`;
    let row = this.byKind.get(kind);
    if (!row) {
      row = Uint8Array.from(this.candidates, (c) => expertiseOf(need, c));
      this.byKind.set(kind, row);
    }
    return row;
  }
}

/** The numbers only, into `out`: this runs tasks × agents times, so it builds no strings or objects. */
function evaluate(need: TaskNeed, c: Candidate, expertise: number, strategy: Strategy, chainFrom: string | null, out: Scored, history?: TeamHistory): Scored {
  const after = hoursAfter(c, need.hours);
  const cap = c.member.capacityHours;
  const over = after > cap;
  const w = WEIGHTS[strategy];
  let score = w.expertise * expertise - w.load * (cap > 0 ? after / cap : 10);
  score -= w.finish * (after / Math.max(c.member.hoursPerDay, 0.5));
  if (over) score -= OVER_PENALTY;
  // The chain bonus only counts for someone able to do the work.
  const chain = expertise > 0 ? chainFrom : null;
  if (chain) score += CHAIN_BONUS;
  if (c.rate !== null) score += (c.rate - 0.75) * 4;
  const accuracy = history ? estimateAccuracy(history, c.member.name, need.domain) : null;
  if (accuracy !== null) score += (accuracy - 0.5) * 2;
  out.score = score;
  out.expertise = expertise;
  out.over = over;
  out.chain = chain;
  out.accuracy = accuracy;
  return out;
}

/** The one-line rationale for the chosen candidate. */
function explain(need: TaskNeed, c: Candidate, s: Scored, strategy: Strategy): string {
  const known = need.tags.filter((t) => c.skills.has(t)).slice(0, 3);
  const after = hoursAfter(c, need.hours);
  const why: string[] = [];
  if (c.member.role === need.role) why.push(`${c.member.role} role`);
  if (known.length) why.push(`knows ${known.join(', ')}`);
  if (s.chain) why.push(`keeps the chain from ${s.chain} (no handoff)`);
  if (c.rate !== null) why.push(`finished ${Math.round(c.rate * 100)}% of past tasks`);
  if (s.accuracy !== null) why.push(`estimates in ${need.domain} ${Math.round(s.accuracy * 100)}% accurate`);
  if (strategy === 'balanced') why.push('least loaded of those qualified');
  if (strategy === 'deadline') why.push(`can finish soonest (~day ${Math.ceil(after / Math.max(c.member.hoursPerDay, 0.5))})`);
  const load = `${round1(after)}/${c.member.capacityHours}h`;
  return s.over
    ? `OVER CAPACITY ${load}: ${why.join('; ') || 'nobody else fits'}; cut or reassign something`
    : `${why.join('; ') || 'has the most room'}; ${load}`;
}

/** The best candidate for one task: qualified people first (any skill or the role), then anyone. */
function choose(need: TaskNeed, candidates: Candidate[], expertise: ExpertiseTable, strategy: Strategy, owners: ReadonlyMap<string, string>, history?: TeamHistory) {
  // Who holds this task's dependencies, looked up once rather than per candidate.
  const chainOwners = new Map<string, string>();
  for (const d of need.dependsOn) {
    const owner = owners.get(d);
    if (owner && !chainOwners.has(owner)) chainOwners.set(owner, d);
  }
  const review = need.kind === 'review';
  // Two scratch results, swapped when a candidate beats the best so far.
  let best: Scored | null = null;
  let bestOf: Candidate | null = null;
  let spare = scored();
  const known = expertise.of(need);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const owned = chainOwners.size ? (chainOwners.get(c.member.name) ?? null) : null;
    const r = evaluate(need, c, known[i]!, strategy, review ? null : owned, spare, history);
    if (review && owned) r.score -= REVIEWER_PENALTY;
    const qualified = r.expertise > 0;
    const better = !best || (qualified !== best.expertise > 0 ? qualified : r.score > best.score);
    if (better) {
      spare = best ?? scored();
      best = r;
      bestOf = c;
    }
  }
  return best && bestOf && { c: bestOf, ...best, rationale: explain(need, bestOf, best, strategy) };
}

const candidatesOf = (team: readonly TeamMember[], history?: TeamHistory): Candidate[] =>
  team.map((member) => ({ member, skills: new Set([member.role, ...member.expertise]), planned: 0, rate: completionRate(history, member.name) }));

/** Assigns every task: in dependency order, and by priority within a stage (or priority first for `deadline`). */
export function assignTasks(tasks: readonly PlannedTask[], team: readonly TeamMember[], options: AssignOptions = {}): Map<string, Assignment> {
  const strategy = options.strategy ?? 'expertise';
  const { stageOf } = options.graph ?? analyseGraph(tasks);
  const ordered = [...tasks].sort((a, b) => {
    const stage = stageOf.get(a.key)! - stageOf.get(b.key)!;
    const prio = priorityRank(a.priority) - priorityRank(b.priority);
    const first = strategy === 'deadline' ? prio || stage : stage || prio;
    return first || b.hours - a.hours || byKey(a.key, b.key);
  });
  const candidates = candidatesOf(team, options.history);
  const byName = new Map(candidates.map((c) => [c.member.name, c]));
  const expertise = new ExpertiseTable(candidates);
  const owners = new Map<string, string>();
  const result = new Map<string, Assignment>();
  for (const task of ordered) {
    const pinned = options.pins?.[task.key];
    const pinnedTo = pinned ? byName.get(pinned) : undefined;
    if (pinnedTo) {
      const after = hoursAfter(pinnedTo, task.hours);
      const over = after > pinnedTo.member.capacityHours;
      pinnedTo.planned += task.hours;
      owners.set(task.key, pinnedTo.member.name);
      result.set(task.key, {
        key: task.key,
        name: pinnedTo.member.name,
        rationale: `${over ? 'OVER CAPACITY: ' : ''}chosen by the product owner; ${round1(after)}/${pinnedTo.member.capacityHours}h`,
        overCapacity: over,
      });
      continue;
    }
    const best = choose(task, candidates, expertise, strategy, owners, options.history);
    if (!best) {
      result.set(task.key, { key: task.key, name: null, rationale: 'nobody who takes tasks is online', overCapacity: false });
      continue;
    }
    best.c.planned += task.hours;
    owners.set(task.key, best.c.member.name);
    result.set(task.key, { key: task.key, name: best.c.member.name, rationale: best.rationale, overCapacity: best.over });
  }
  return result;
}

const KINDS = Object.keys(KIND_TAGS) as TaskKind[];

/**
 * The kind of an existing task: the plan writes it first in the description ("review task for ..."),
 * else it is read from the title's first words.
 */
export function kindOfTask(task: Pick<Task, 'title' | 'description'>): TaskKind {
  const said = /^(\w+) task for /.exec(task.description)?.[1] as TaskKind | undefined;
  if (said && KINDS.includes(said)) return said;
  const title = task.title.trim().toLowerCase();
  const first = title.split(/\s+/)[0] ?? '';
  if (/^security review\b/.test(title)) return 'review';
  if (/^roll out\b/.test(title)) return 'deploy';
  if (['design', 'plan', 'profile', 'review', 'outline', 'clarify', 'diagnose'].includes(first)) return 'design';
  if (['test', 'load-test', 'verify', 'check'].includes(first)) return 'test';
  if (['document', 'write'].includes(first) && !/tests?\b/i.test(title)) return 'document';
  if (first === 'gate') return 'deploy';
  return 'implement';
}

export function needOfTask(task: Task): TaskNeed {
  return {
    key: task.id,
    role: task.role,
    domain: task.domain,
    tags: [task.domain, ...KIND_TAGS[kindOfTask(task)]],
    hours: Math.max(0.5, task.estimateHours * (1 - task.percent / 100)),
    priority: task.priority,
    dependsOn: task.dependsOn,
    kind: kindOfTask(task),
  };
}

/**
 * The best person for one existing task, for a reassignment: `exclude` names who must not get it
 * (the current assignee, people who are stuck). Null when nobody is left.
 */
export function pickAssignee(
  task: Task,
  team: readonly TeamMember[],
  options: { exclude?: readonly string[]; strategy?: Strategy; history?: TeamHistory } = {},
): { name: string; rationale: string; overCapacity: boolean } | null {
  const excluded = new Set(options.exclude ?? []);
  const candidates = candidatesOf(team.filter((m) => !excluded.has(m.name)), options.history);
  const best = choose(needOfTask(task), candidates, new ExpertiseTable(candidates), options.strategy ?? 'expertise', new Map(), options.history);
  return best ? { name: best.c.member.name, rationale: best.rationale, overCapacity: best.over } : null;
}
