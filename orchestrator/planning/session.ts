/**
 * The planning conversation with the product owner, as a state machine over plain JSON:
 * idle → (plan sprint) → objectives → (objectives) → proposed → (approve) → idle with an active plan.
 * Pure: a message and the team in, the new state and the lead's replies out.
 */
import { HuddleError } from '../../collaboration-server/errors.js';
import type { TaskDraft } from '../../collaboration-server/protocol.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { capacityCard, capacityText, DEFAULT_SPRINT_DAYS, teamCapacity } from './capacity.js';
import { isStrategy, STRATEGIES, type Strategy } from './assignment.js';
import { emptyHistory, type TeamHistory } from './history.js';
import type { LeadView } from '../lead-view.js';
import { breakdownReply, COMMANDS_HELP, objectivesReply, type Reply } from './cards.js';
import { buildProposal, taskDrafts, type Proposal } from './proposal.js';

export type Phase = 'idle' | 'objectives' | 'proposed';

/** An approved plan: the sprint to create, and who gets each task when its dependencies are done. */
export interface ActivePlan {
  name: string;
  goal: string;
  startsAt: number;
  endsAt: number;
  objectives: string[];
  approvedAt: number;
  drafts: TaskDraft[];
  /** plan key → planned assignee */
  assignees: Record<string, string | null>;
  sprintId: string | null;
  /** plan key → hub task id, once the hub created them */
  ids: Record<string, string>;
  /** task ids the lead has sent an `assign` for */
  assigned: string[];
}

export interface PlanningState {
  version: 1;
  phase: Phase;
  days: number;
  startsAt: number;
  objectives: string[];
  strategy: Strategy;
  pins: Record<string, string>;
  drops: string[];
  estimates: Record<string, number>;
  active: ActivePlan | null;
  history: TeamHistory;
  /** the last task event (hub sequence number) folded into `history`, so each counts once */
  historySeq: number;
  /** set while the advisor thinks about the plan: what to show once it has (see `resumeProposal`) */
  waiting?: { withObjectives: boolean; lead?: string };
}

export interface SessionResult {
  state: PlanningState;
  replies: Reply[];
  /** set when this message approved a plan: the behaviour creates the sprint */
  approved?: ActivePlan;
}

type TeamView = Pick<LeadView, 'roster' | 'roles' | 'tasks' | 'now'>;
/** The team, and the advisor whose judgement the plan is built from. */
interface Context {
  view: TeamView;
  advisor: Advisor;
}

export function initialPlanningState(): PlanningState {
  return { version: 1, phase: 'idle', days: DEFAULT_SPRINT_DAYS, startsAt: 0, objectives: [], strategy: 'expertise', pins: {}, drops: [], estimates: {}, active: null, history: emptyHistory(), historySeq: 0 };
}

/** `historySeq` of a state saved before it existed: the lead takes the log's end as already counted. */
export const UNKNOWN_SEQ = -1;

/** A saved state if it looks like one, else a fresh one that keeps nothing. */
export function restoreState(saved: unknown): PlanningState {
  const s = saved as Partial<PlanningState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.phase !== 'string') return initialPlanningState();
  return { ...initialPlanningState(), historySeq: UNKNOWN_SEQ, ...s };
}

/** What outlives a planning session: the sprint being run and the team's history. */
const kept = (s: PlanningState): Pick<PlanningState, 'active' | 'history' | 'historySeq'> => ({ active: s.active, history: s.history, historySeq: s.historySeq });

const PLAN_RE = /^(?:\/plan|plan\s+(?:a\s+|the\s+)?(?:new\s+|next\s+)?sprint)(?=\s|$)(.*)$/i;
const KEY = '(T-\\d+)';

const say = (text: string): Reply => ({ text });
const helpText = (intro: string) => [intro, 'While planning you can say:', ...COMMANDS_HELP.map((c) => `  ${c}`)].join('\n');

/** Reads a `plan sprint` command: its `--days N`, or an error sentence. */
function parsePlan(rest: string): { days: number } | string {
  const m = /--days[=\s]+(\S+)/.exec(rest);
  if (!m) return { days: DEFAULT_SPRINT_DAYS };
  const days = Number(m[1]);
  if (!Number.isInteger(days) || days < 1 || days > 60) return `--days takes a whole number of days from 1 to 60, not "${m[1]}". Try: plan sprint --days 10`;
  return { days };
}


/** Handles one message from a product owner. Messages that are not about planning get no reply. */
export function handleMessage(state: PlanningState, rawText: string, view: TeamView, advisor: Advisor = offlineAdvisor): SessionResult {
  const ctx: Context = { view, advisor };
  const text = rawText.trim().replace(/^chat\s+/i, '');
  const plan = PLAN_RE.exec(text);
  if (plan && state.phase === 'idle') {
    const parsed = parsePlan(plan[1] ?? '');
    if (typeof parsed === 'string') return { state, replies: [say(parsed)] };
    const next: PlanningState = { ...initialPlanningState(), ...kept(state), phase: 'objectives', days: parsed.days, startsAt: view.now };
    const capacity = teamCapacity(view, view.now, parsed.days);
    const ask = 'What should this sprint achieve? Give me 2-3 objectives in one message (order sets priority; words like "must", "urgent" or "nice to have" count too). You can `add` more afterwards.';
    return { state: next, replies: [{ text: `${capacityText(capacity)}\n${ask}`, card: capacityCard(capacity) }] };
  }
  if (state.phase === 'idle') return { state, replies: [] };
  if (plan) return { state, replies: [say('We are already planning a sprint. Say `cancel` to start over, or carry on.')] };
  if (/^\/?cancel$/i.test(text)) {
    return { state: { ...initialPlanningState(), ...kept(state) }, replies: [say('Planning cancelled; nothing was committed. Say `plan sprint` to start again.')] };
  }
  if (state.phase === 'objectives') return takeObjectives(state, text, ctx);
  return command(state, text.replace(/^\//, ''), ctx);
}

function takeObjectives(state: PlanningState, text: string, ctx: Context): SessionResult {
  if (/^(approve|assign|drop|estimate|strategy)\b/i.test(text)) {
    return { state, replies: [say('There is no plan yet: first tell me the sprint’s objectives, for example "implement login, add notifications".')] };
  }
  const next: PlanningState = { ...state, phase: 'proposed', objectives: [...state.objectives, text] };
  return show(next, ctx, true);
}

/** The updated objectives (when they changed) and breakdown; a plan that cannot be built says why. */
function show(next: PlanningState, ctx: Context, withObjectives: boolean, lead?: string): SessionResult {
  if (ctx.advisor.thinking?.({ call: 'analyseObjectives', input: [next.objectives, next.history] })) {
    const waiting = { withObjectives, ...(lead ? { lead } : {}) };
    return { state: { ...next, waiting }, replies: [say(`Thinking about this with ${ctx.advisor.name}; the plan follows in a moment.`)] };
  }
  let p: Proposal;
  try {
    p = propose(next, ctx);
  } catch (err) {
    if (err instanceof HuddleError) return { state: next, replies: [say(err.message)] };
    throw err;
  }
  if (p.objectives.length === 0) return { state: { ...next, phase: 'objectives', objectives: [] }, replies: [say('I could not find an objective in that. Try: "implement login, add notifications".')] };
  const replies = withObjectives ? [objectivesReply(p)] : [];
  replies.push(breakdownReply(p, next.strategy, lead));
  return { state: next, replies };
}

/** The plan the advisor was thinking about, once it has an answer (or gave up); null while it still thinks. */
export function resumeProposal(state: PlanningState, view: TeamView, advisor: Advisor = offlineAdvisor): SessionResult | null {
  const { waiting, ...rest } = state;
  if (!waiting || state.phase !== 'proposed') return null;
  const ctx: Context = { view, advisor };
  if (advisor.thinking?.({ call: 'analyseObjectives', input: [state.objectives, state.history] })) return null;
  return show(rest, ctx, waiting.withObjectives, waiting.lead);
}

function propose(state: PlanningState, { view, advisor }: Context): Proposal {
  return buildProposal(state, view, advisor);
}

function command(state: PlanningState, text: string, ctx: Context): SessionResult {
  if (state.waiting) return { state, replies: [say('I am still thinking about the plan; it follows in a moment (`cancel` starts over).')] };
  let m: RegExpExecArray | null;
  if (/^(approve|approved|lgtm|ship it)$/i.test(text)) return approve(state, ctx);
  if ((m = new RegExp(`^assign\\s+${KEY}\\s+to\\s+@?(.+)$`, 'i').exec(text))) {
    const p = propose(state, ctx);
    const key = m[1]!.toUpperCase();
    if (!p.tasks.some((t) => t.key === key)) return { state, replies: [say(`There is no ${key} in the plan; the breakdown lists the keys.`)] };
    const wanted = m[2]!.trim();
    const member = p.capacity.members.find((x) => x.name.toLowerCase() === wanted.toLowerCase());
    if (!member) return { state, replies: [say(`${wanted} is not on the team. Who can take tasks: ${p.capacity.members.map((x) => x.name).join(', ') || 'nobody yet'}.`)] };
    return show({ ...state, pins: { ...state.pins, [key]: member.name } }, ctx, false, `${key} goes to ${member.name}. Updated plan`);
  }
  if ((m = /^drop\s+(.+)$/i.exec(text)) && /^(T-\d+[\s,]*)+$/i.test(m[1]!)) {
    const keys = m[1]!.toUpperCase().match(/T-\d+/g)!;
    const p = propose(state, ctx);
    const missing = keys.filter((k) => !p.tasks.some((t) => t.key === k));
    if (missing.length) return { state, replies: [say(`There is no ${missing.join(', ')} in the plan; the breakdown lists the keys.`)] };
    return show({ ...state, drops: [...state.drops, ...keys] }, ctx, false, `Dropped ${keys.join(', ')}. Updated plan`);
  }
  if ((m = /^add\s+(.+)$/i.exec(text))) {
    return show({ ...state, objectives: [...state.objectives, m[1]!] }, ctx, true, 'Updated plan');
  }
  if ((m = new RegExp(`^estimate\\s+${KEY}\\s+(\\S+?)\\s*(h|hours?)?$`, 'i').exec(text))) {
    const key = m[1]!.toUpperCase();
    const hours = Number(m[2]);
    if (!Number.isFinite(hours) || hours <= 0 || hours > 1000) return { state, replies: [say(`"${m[2]}" is not a number of hours; try: estimate ${key} 6h`)] };
    if (!propose(state, ctx).tasks.some((t) => t.key === key)) return { state, replies: [say(`There is no ${key} in the plan; the breakdown lists the keys.`)] };
    return show({ ...state, estimates: { ...state.estimates, [key]: hours } }, ctx, false, `${key} is now ${hours}h. Updated plan`);
  }
  if ((m = /^strategy\s+(\S+)$/i.exec(text))) {
    const strategy = m[1]!.toLowerCase();
    if (!isStrategy(strategy)) return { state, replies: [say(`"${m[1]}" is not a strategy; pick one of ${STRATEGIES.join(', ')}.`)] };
    return show({ ...state, strategy }, ctx, false, 'Re-assigned');
  }
  return { state, replies: [say(helpText(`I did not understand "${text.slice(0, 80)}".`))] };
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

function approve(state: PlanningState, ctx: Context): SessionResult {
  const p = propose(state, ctx);
  if (p.tasks.length === 0) return { state, replies: [say('Every task was dropped: there is nothing to approve. `add OBJECTIVE` or `cancel`.')] };
  const active: ActivePlan = {
    name: `Sprint ${day(p.capacity.startsAt)}`,
    goal: p.objectives.map((o) => o.text).join('; ').slice(0, 2000),
    startsAt: p.capacity.startsAt,
    endsAt: p.capacity.endsAt,
    objectives: p.objectives.slice(0, 20).map((o) => o.text),
    approvedAt: ctx.view.now,
    drafts: taskDrafts(p),
    assignees: Object.fromEntries(p.tasks.map((t) => [t.key, p.assignments.get(t.key)?.name ?? null])),
    sprintId: null,
    ids: {},
    assigned: [],
  };
  const nobody = p.tasks.filter((t) => !p.assignments.get(t.key)?.name).length;
  const warning =
    (p.feasibility.fits ? '' : ' It does not fit the capacity; I will flag the overloaded people as we go.') +
    (nobody ? ` ${nobody} task(s) have nobody to take them: they wait until someone with the right role joins.` : '');
  const reply = say(`Approved: ${active.name}, ${p.tasks.length} tasks, ${p.feasibility.totalHours}h, ${day(active.startsAt)} → ${day(active.endsAt)}. Handing out the first stage now.${warning}`);
  return { state: { ...initialPlanningState(), ...kept(state), active }, replies: [reply], approved: active };
}
