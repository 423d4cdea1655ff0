/**
 * The lead's planning vocabulary as one table: each command the product owner may say while planning,
 * with its pattern, its help and its handler. Every help text comes from here: the lead's answer to a
 * line it did not understand, the "Reply with:" line under a breakdown, and the terminal's /help.
 */
import { HuddleError } from '../../collaboration-server/errors.js';
import { matchName, unmatched } from '../../collaboration-server/name-match.js';
import { utcDate } from '../../collaboration-server/units.js';
import { isStrategy, STRATEGIES } from './assignment.js';
import { breakdownReply, objectivesReply, unreadableLines, type Reply } from './cards.js';
import { buildProposal, taskDrafts, type Proposal } from './proposal.js';
import { initialPlanningState, kept, type ActivePlan, type PlanningState, type PlanContext, type SessionResult } from './state.js';

export interface PlanningCommand {
  /** the first word, as the product owner types it */
  name: string;
  /** how it is typed, as help shows it */
  usage: string;
  help: string;
  /** matched against the line without a leading slash */
  pattern: RegExp;
  /** while the lead still waits for objectives: run it, refuse it (there is no plan yet), or take the line as an objective */
  beforePlan: 'run' | 'refuse' | 'objective';
  run(state: PlanningState, match: RegExpExecArray, ctx: PlanContext): SessionResult;
}

/** The line that opens a planning session; the session answers it (session.ts). */
export const PLAN_SPRINT = {
  usage: 'plan sprint [--days N]',
  pattern: /^(?:\/plan|plan\s+(?:a\s+|the\s+)?(?:new\s+|next\s+)?sprint)(?=\s|$)(.*)$/i,
};

const KEY = '(T-\\d+)';
/** `cancel` is heard even while the lead waits for its advisor's plan. */
export const CANCEL = /^cancel$/i;

export const say = (text: string): Reply => ({ text });
const notInPlan = (state: PlanningState, key: string): SessionResult => ({ state, replies: [say(`There is no ${key} in the plan; the breakdown lists the keys.`)] });

export const PLANNING_COMMANDS: readonly PlanningCommand[] = [
  {
    name: 'approve',
    usage: 'approve',
    help: 'commit the sprint and hand out the first tasks',
    pattern: /^(approve|approved|lgtm|ship it)$/i,
    beforePlan: 'refuse',
    run: (state, _m, ctx) => approve(state, ctx),
  },
  {
    name: 'assign',
    usage: 'assign T-3 to NAME',
    help: 'choose who takes a task',
    pattern: new RegExp(`^assign\\s+${KEY}\\s+to\\s+(.+)$`, 'i'),
    beforePlan: 'refuse',
    run(state, m, ctx) {
      const p = buildProposal(state, ctx.view, ctx.advisor);
      const key = m[1]!.toUpperCase();
      if (!p.tasks.some((t) => t.key === key)) return notInPlan(state, key);
      // as people type names: any case, no accents, the start of it, or @role when one person has it
      const wanted = m[2]!.trim();
      const match = matchName(wanted, p.capacity.members);
      if (match.kind === 'many') return { state, replies: [say(unmatched(wanted, match, p.capacity.members))] };
      if (match.kind === 'none') return { state, replies: [say(`${wanted} is not on the team. Who can take tasks: ${p.capacity.members.map((x) => x.name).join(', ') || 'nobody yet'}.`)] };
      return showPlan({ ...state, pins: { ...state.pins, [key]: match.name } }, ctx, false, `${key} goes to ${match.name}. Updated plan`);
    },
  },
  {
    name: 'drop',
    usage: 'drop T-4',
    help: 'remove a task',
    pattern: /^drop\s+((?:T-\d+[\s,]*)+)$/i,
    beforePlan: 'refuse',
    run(state, m, ctx) {
      const keys = m[1]!.toUpperCase().match(/T-\d+/g)!;
      const p = buildProposal(state, ctx.view, ctx.advisor);
      const missing = keys.filter((k) => !p.tasks.some((t) => t.key === k));
      if (missing.length) return notInPlan(state, missing.join(', '));
      return showPlan({ ...state, drops: [...state.drops, ...keys] }, ctx, false, `Dropped ${keys.join(', ')}. Updated plan`);
    },
  },
  {
    name: 'add',
    usage: 'add OBJECTIVE',
    help: 'add another objective',
    pattern: /^add\s+(.+)$/i,
    beforePlan: 'objective',
    run: (state, m, ctx) => showPlan({ ...state, objectives: [...state.objectives, m[1]!] }, ctx, true, 'Updated plan'),
  },
  {
    name: 'estimate',
    usage: 'estimate T-2 6h',
    help: 'change a task’s hours',
    pattern: new RegExp(`^estimate\\s+${KEY}\\s+(\\S+?)\\s*(h|hours?)?$`, 'i'),
    beforePlan: 'refuse',
    run(state, m, ctx) {
      const key = m[1]!.toUpperCase();
      const hours = Number(m[2]);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 1000) return { state, replies: [say(`"${m[2]}" is not a number of hours; try: estimate ${key} 6h`)] };
      if (!buildProposal(state, ctx.view, ctx.advisor).tasks.some((t) => t.key === key)) return notInPlan(state, key);
      return showPlan({ ...state, estimates: { ...state.estimates, [key]: hours } }, ctx, false, `${key} is now ${hours}h. Updated plan`);
    },
  },
  {
    name: 'strategy',
    usage: `strategy ${STRATEGIES.join('|')}`,
    help: 'change how tasks are assigned',
    pattern: /^strategy\s+(\S+)$/i,
    beforePlan: 'refuse',
    run(state, m, ctx) {
      const strategy = m[1]!.toLowerCase();
      if (!isStrategy(strategy)) return { state, replies: [say(`"${m[1]}" is not a strategy; pick one of ${STRATEGIES.join(', ')}.`)] };
      return showPlan({ ...state, strategy }, ctx, false, 'Re-assigned');
    },
  },
  {
    name: 'cancel',
    usage: 'cancel',
    help: 'stop planning',
    pattern: CANCEL,
    beforePlan: 'run',
    run: (state) => ({
      state: { ...initialPlanningState(), ...kept(state) },
      replies: [say('Planning cancelled; nothing was committed. Say `plan sprint` to start again.')],
    }),
  },
];

/** "approve · assign T-3 to NAME · …", in the table's order. */
export const planningUsage = (): string => PLANNING_COMMANDS.map((c) => c.usage).join(' · ');

/** The answer to a line the lead did not understand while planning: what it can say, one per line. */
export const planningHelp = (intro: string): string =>
  [intro, 'While planning you can say:', ...PLANNING_COMMANDS.map((c) => `  ${c.usage} — ${c.help}`)].join('\n');

/** The updated objectives (when they changed) and breakdown; a plan that cannot be built says why. */
export function showPlan(next: PlanningState, ctx: PlanContext, withObjectives: boolean, lead?: string): SessionResult {
  // An advisor with a slower brain still thinking: say so, and show the plan when it has answered (resumeProposal).
  if (ctx.advisor.thinking?.({ call: 'analyseObjectives', input: [next.objectives, next.history] })) {
    const waiting = { withObjectives, ...(lead ? { lead } : {}) };
    return { state: { ...next, waiting }, replies: [say(`Thinking about this with ${ctx.advisor.name}; the plan follows in a moment.`)] };
  }
  let p: Proposal;
  try {
    p = buildProposal(next, ctx.view, ctx.advisor);
  } catch (err) {
    if (err instanceof HuddleError) return { state: next, replies: [say(err.message)] };
    throw err;
  }
  if (p.objectives.length === 0) {
    const named = unreadableLines(p);
    return { state: { ...next, phase: 'objectives', objectives: [] }, replies: [say([...(named.length ? named : ['I could not find an objective in that.']), 'Try: "implement login, add notifications".'].join('\n'))] };
  }
  const replies = withObjectives ? [objectivesReply(p)] : [];
  const breakdown = breakdownReply(p, next.strategy, lead);
  replies.push({ ...breakdown, text: `${breakdown.text}\nReply with: ${planningUsage()}` });
  return { state: next, replies };
}

function approve(state: PlanningState, ctx: PlanContext): SessionResult {
  const p = buildProposal(state, ctx.view, ctx.advisor);
  if (p.tasks.length === 0) return { state, replies: [say('Every task was dropped: there is nothing to approve. `add OBJECTIVE` or `cancel`.')] };
  const active: ActivePlan = {
    name: `Sprint ${utcDate(p.capacity.startsAt)}`,
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
  const reply = say(`Approved: ${active.name}, ${p.tasks.length} tasks, ${p.feasibility.totalHours}h, ${utcDate(active.startsAt)} → ${utcDate(active.endsAt)}. Handing out the first stage now.${warning}`);
  return { state: { ...initialPlanningState(), ...kept(state), active }, replies: [reply], approved: active };
}
