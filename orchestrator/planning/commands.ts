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
import { buildProposal, carriedDue, planIds, planQuestion, taskDrafts, type Proposal } from './proposal.js';
import { carryable } from './carry.js';
import { initialPlanningState, kept, type ActivePlan, type PlanChoiceFields, type PlanContext, type PlanningState, type SessionResult } from './state.js';
import { nextFreeTaskNumber, shiftIds } from './task-ids.js';

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
const notInPlan = (state: PlanningState, key: string): SessionResult => ({ state, replies: [say(`There is no ${key} in the plan; the breakdown lists its ids.`)] });
const inPlan = (p: Proposal, key: string): boolean => planIds(p).includes(key);

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
      if (!inPlan(p, key)) return notInPlan(state, key);
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
      const missing = keys.filter((k) => !inPlan(p, k));
      if (missing.length) return notInPlan(state, missing.join(', '));
      const left = keys.filter((k) => p.carried.some((c) => c.id === k));
      const note = left.length ? ` (${left.join(', ')} stay${left.length === 1 ? 's' : ''} in the backlog: \`carry\` takes ${left.length === 1 ? 'it' : 'them'} back)` : '';
      return showPlan({ ...state, drops: [...state.drops, ...keys], carryIn: state.carryIn.filter((id) => !keys.includes(id)) }, ctx, false, `Dropped ${keys.join(', ')}${note}. Updated plan`);
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
      if (!inPlan(buildProposal(state, ctx.view, ctx.advisor), key)) return notInPlan(state, key);
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
    name: 'carry',
    usage: 'carry T-7',
    help: 'take a task from the backlog into the plan, with its progress',
    pattern: /^carry\s+((?:T-\d+[\s,]*)+)$/i,
    beforePlan: 'refuse',
    run(state, m, ctx) {
      const ids = m[1]!.toUpperCase().match(/T-\d+/g)!;
      const waiting = carryable(ctx.view);
      const unknown = ids.filter((id) => !waiting.some((t) => t.id === id));
      if (unknown.length) return { state, replies: [say(`${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the backlog. Waiting there: ${waiting.map((t) => t.id).join(', ') || 'nothing'} (\`huddle backlog\`).`)] };
      return showPlan({ ...state, carryIn: [...new Set([...state.carryIn, ...ids])], drops: state.drops.filter((d) => !ids.includes(d)) }, ctx, false, `${ids.join(', ')} carried into the plan. Updated plan`);
    },
  },
  {
    name: 'close',
    usage: 'close sprint',
    help: 'close the running sprint now (else it closes when you approve)',
    pattern: /^close(?:\s+the)?(?:\s+current|\s+running)?\s+sprint[.!]*$/i,
    beforePlan: 'run',
    run(state, _m, { view }) {
      const sprint = view.sprint?.status === 'active' ? view.sprint : null;
      if (!sprint) return { state, replies: [say('No sprint is running; carry on planning.')] };
      return { state, replies: [say(`Closing ${sprint.name}: its report follows, and its open tasks stay carried over in this plan.`)], actions: [{ type: 'sprint_close', sprintId: sprint.id }] };
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
  if (ctx.advisor.thinking?.(planQuestion(next, ctx.view))) {
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
  if (p.objectives.length === 0 && p.carried.length === 0) {
    const named = unreadableLines(p);
    return { state: { ...next, phase: 'objectives', objectives: [] }, replies: [say([...(named.length ? named : ['I could not find an objective in that.']), 'Try: "implement login, add notifications".'].join('\n'))] };
  }
  const replies = withObjectives && p.objectives.length ? [objectivesReply(p)] : [];
  const breakdown = breakdownReply(p, next.strategy, lead);
  replies.push({ ...breakdown, text: `${breakdown.text}\nReply with: ${planningUsage()}` });
  return { state: next, replies };
}

const choicesOf = (s: PlanningState): PlanChoiceFields => ({
  days: s.days, startsAt: s.startsAt, objectives: s.objectives, strategy: s.strategy, pins: s.pins, drops: s.drops, estimates: s.estimates, firstTaskNumber: s.firstTaskNumber, carryIn: s.carryIn,
});

/** "T-11…T-14" */
const idRange = (ids: readonly string[]): string => (ids.length > 1 ? `${ids[0]}…${ids.at(-1)}` : (ids[0] ?? ''));

/**
 * The plan under the next free ids (some of its ids were taken since it was shown: another plan, work
 * brought in mid-sprint), shown again for approval: what the product owner approves is what the hub makes.
 */
export function rebased(state: PlanningState, ctx: PlanContext, why: string): SessionResult {
  const view = ctx.view;
  const free = nextFreeTaskNumber(view, state.requests.map((r) => r.id));
  const from = state.firstTaskNumber || free;
  const next = { ...shiftIds(state, from, free), phase: 'proposed' as const, firstTaskNumber: free };
  const shown = showPlan(next, ctx, false, `${why} The new tasks now start at T-${free}; nothing was created. Plan under its new ids`);
  return { ...shown, replies: [...shown.replies.slice(0, -1), { ...shown.replies.at(-1)!, text: `${shown.replies.at(-1)!.text}\nSay \`approve\` again to commit it.` }] };
}

function approve(state: PlanningState, ctx: PlanContext): SessionResult {
  const view = ctx.view;
  const p = buildProposal(state, view, ctx.advisor);
  if (p.tasks.length === 0 && p.carried.length === 0) return { state, replies: [say('Every task was dropped: there is nothing to approve. `add OBJECTIVE` or `cancel`.')] };
  // an approval heard again after a restart: the hub made this very sprint already (its tasks carry the plan's ids)
  const sprint = view.sprint;
  const made = sprint && p.tasks.length > 0 && p.tasks.every((t) => view.tasks.some((x) => x.id === t.key && x.sprintId === sprint.id && x.title === t.title)) ? sprint : null;
  const free = nextFreeTaskNumber(view, state.requests.map((r) => r.id));
  if (!made && p.tasks.length && state.firstTaskNumber && free > state.firstTaskNumber) {
    const taken = view.tasks.filter((t) => Number(t.id.slice(2)) >= state.firstTaskNumber).map((t) => `${t.id} "${t.title}"`);
    return rebased(state, ctx, `Since I showed the plan, ${taken.join(', ') || `ids from T-${state.firstTaskNumber} on`} ${taken.length === 1 ? 'was' : 'were'} created.`);
  }
  const number = (view.sprint?.number ?? 0) + 1;
  const due = carriedDue(p);
  const closing = view.sprint?.status === 'active' && !made ? view.sprint : null;
  const active: ActivePlan = {
    name: made?.name ?? `Sprint ${number} · ${utcDate(p.capacity.startsAt)} → ${utcDate(p.capacity.endsAt)}`,
    goal: p.objectives.map((o) => o.text).join('; ').slice(0, 2000),
    startsAt: p.capacity.startsAt,
    endsAt: p.capacity.endsAt,
    objectives: p.objectives.slice(0, 20).map((o) => o.text),
    approvedAt: made?.createdAt ?? view.now,
    drafts: taskDrafts(p),
    assignees: Object.fromEntries([...p.carried.map((c) => [c.id, c.owner] as const), ...p.tasks.map((t) => [t.key, p.assignments.get(t.key)?.name ?? null] as const)]),
    sprintId: null,
    ids: {},
    assigned: [],
    carry: p.carried.map((c) => ({ taskId: c.id, due })),
    pending: { choices: choicesOf(state), replaces: state.active },
  };
  const nobody = [...p.carried.filter((c) => !c.owner), ...p.tasks.filter((t) => !p.assignments.get(t.key)?.name)].length;
  const warning =
    (p.feasibility.fits ? '' : ' It does not fit the capacity; I will flag the overloaded people as we go.') +
    (nobody ? ` ${nobody} task(s) have nobody to take them: they wait until someone with the right role joins, and I flag them.` : '');
  const fresh = p.tasks.length ? `${p.tasks.length} new task(s) ${idRange(p.tasks.map((t) => t.key))}` : 'no new tasks';
  const carried = p.carried.length ? ` and ${p.carried.length} carried over (${p.carried.map((c) => `${c.id} ${c.percent}%`).join(', ')})` : '';
  const left = closing ? view.tasks.filter((t) => t.sprintId === closing.id && !['done', 'cancelled'].includes(t.status) && !p.carried.some((c) => c.id === t.id)).map((t) => t.id) : [];
  const closes = closing ? ` ${closing.name} closes now: its report follows${left.length ? `, and ${left.join(', ')} stay${left.length === 1 ? 's' : ''} in the backlog` : ''}.` : '';
  const hours = p.feasibility.totalHours + p.carried.reduce((s, c) => s + c.hoursLeft, 0);
  const work = p.carried.length ? `${hours}h of work (the carried tasks at their hours left)` : `${hours}h`;
  const reply = say(`Approved: ${active.name}: ${fresh}${carried}, ${work}, ${utcDate(active.startsAt)} → ${utcDate(active.endsAt)}.${closes} Handing out the first stage now.${warning}`);
  return { state: { ...initialPlanningState(), ...kept(state), active }, replies: [reply], approved: active };
}
