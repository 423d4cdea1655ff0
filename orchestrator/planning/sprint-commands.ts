/**
 * What the product owner may say to the lead while a sprint runs (no planning under way), as one
 * table like commands.ts: close the sprint, bring work in, and answer the lead's questions (close the
 * running sprint before planning? take the work a team member brought in?). Also the check `plan
 * sprint` makes first: a sprint still running with open work is named, and the lead asks to close it.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { formatDue } from './schedule.js';
import { addToSprint, requestedWork, sizeRequest } from './mid-sprint.js';
import { say } from './commands.js';
import type { LeadAction } from '../lead-view.js';
import type { MidSprintRequest, PlanContext, PlanningState, SessionResult, TeamView } from './state.js';
import { nextFreeTaskNumber } from './task-ids.js';

/** Starts a planning session (session.ts passes its own, so this table needs no import of it). */
export type StartPlanning = (state: PlanningState, rest: string, ctx: PlanContext) => SessionResult;

export interface SprintCommand {
  name: string;
  usage: string;
  help: string;
  pattern: RegExp;
  run(state: PlanningState, match: RegExpExecArray, ctx: PlanContext, start: StartPlanning): SessionResult;
}

const runningSprint = (view: TeamView) => (view.sprint?.status === 'active' ? view.sprint : null);
const openTasks = (view: TeamView): Task[] => {
  const sprint = view.sprint;
  return sprint ? view.tasks.filter((t) => t.sprintId === sprint.id && !isFinished(t.status)) : [];
};

/** The frame that closes the running sprint; its report follows from the lead (sprint-closing.ts). */
export const closeSprintAction = (sprintId: string): LeadAction => ({ type: 'sprint_close', sprintId });

/** "T-5 blocked 10% — Build login → Ann; E-1 decided (D-1): …", one line per open task. */
function openLine(t: Task, view: TeamView): string {
  const escalation = (view.escalations ?? []).filter((e) => e.taskId === t.id).at(-1);
  const decision = escalation ? (view.decisions ?? []).find((d) => d.escalationId === escalation.id) : undefined;
  const asked = escalation ? (decision ? `; ${escalation.id} decided (${decision.id}): ${decision.text}` : `; ${escalation.id} waits for your answer`) : '';
  return `  ${t.id} ${t.status.replace('_', ' ')} ${Math.round(t.percent)}% — ${t.title} → ${t.assignee ?? 'unassigned'}${asked}`;
}

/** `plan sprint`: with a sprint still running and work open in it, first ask whether to close it. */
export function beforePlanning(state: PlanningState, rest: string, ctx: PlanContext, start: StartPlanning): SessionResult {
  const view = ctx.view;
  const sprint = runningSprint(view);
  const open = openTasks(view);
  if (!sprint || open.length === 0) return start(state, rest, ctx);
  const all = view.tasks.filter((t) => t.sprintId === sprint.id && t.status !== 'cancelled').length;
  const text = [
    `${sprint.name} is still running (until ${formatDue(sprint.endsAt)} UTC), with ${open.length} of ${all} tasks open:`,
    ...open.map((t) => openLine(t, view)),
    'Close it first? `yes` closes it now: its report is written and its open tasks come into the new plan as carried over, with their progress (`drop T-n` leaves one in the backlog).',
    '`no` plans alongside: it keeps running, its open tasks are shown as carried over, and it closes when you approve the new plan.',
  ].join('\n');
  return { state: { ...state, pendingPlan: rest }, replies: [say(text)] };
}

/** The request a `yes`, `no` or `later` is about: the one named, else the only one waiting. */
function requestFor(state: PlanningState, id: string | undefined): MidSprintRequest | string {
  if (id) return state.requests.find((r) => r.id === id.toUpperCase()) ?? `Nothing brought in waits as ${id.toUpperCase()}. Waiting: ${state.requests.map((r) => r.id).join(', ') || 'nothing'}.`;
  if (state.requests.length === 1) return state.requests[0]!;
  return state.requests.length ? `Several pieces of work wait (${state.requests.map((r) => r.id).join(', ')}): say which, like \`yes ${state.requests[0]!.id}\`.` : 'Nothing waits for a yes or a no.';
}

const without = (state: PlanningState, r: MidSprintRequest): PlanningState => ({ ...state, requests: state.requests.filter((x) => x.id !== r.id) });

/** The work goes into the running sprint now, under its id if still free (else the next one, said so). */
function addNow(state: PlanningState, r: MidSprintRequest, view: TeamView, lead: string): SessionResult {
  const sprint = runningSprint(view);
  if (!sprint) return { state: { ...without(state, r), nextObjectives: [...state.nextObjectives, r.title] }, replies: [say(`No sprint is running, so "${r.title}" waits as an objective for the next plan.`)] };
  const free = nextFreeTaskNumber(view, state.requests.filter((x) => x.id !== r.id).map((x) => x.id));
  const taken = Number(r.id.slice(2)) < free && view.tasks.some((t) => t.id === r.id);
  const request = taken ? { ...r, id: `T-${free}`, draft: { ...r.draft, id: `T-${free}`, key: `T-${free}` } } : r;
  const moved = taken ? ` (${r.id} was taken meanwhile, so it is ${request.id})` : '';
  const who = request.owner ? `given to ${request.owner}` : 'waiting for someone who can take it (I will flag it)';
  return {
    state: without(state, r),
    replies: [say(`${lead}: ${request.summary}\nAdded to ${sprint.name} as ${request.id}${moved}, ${who}. It counts in every figure from now on.`)],
    actions: addToSprint(request, sprint.id),
  };
}

/**
 * Work brought in, by the product owner (added at once) or by a team member (the product owner
 * agrees first): sized as one task, or kept as an objective for the next plan when it is too big.
 */
export function bringIn(state: PlanningState, text: string, by: string, byOwner: boolean, ctx: PlanContext): SessionResult {
  const view = ctx.view;
  const sprint = runningSprint(view);
  const sized = sizeRequest(text, by, state, ctx);
  if (sized.kind === 'objective' || !sprint) {
    const title = sized.kind === 'objective' ? sized.text : sized.request.title;
    const why = sized.kind === 'objective' ? `${sized.why}: too big for one task in a running sprint` : 'no sprint is running';
    return { state: { ...state, nextObjectives: [...state.nextObjectives, title] }, replies: [say(`"${title}": ${why}. I keep it as an objective for the next plan; \`plan sprint\` starts with it.`)] };
  }
  if (byOwner) return addNow(state, sized.request, view, 'Sized');
  const r = sized.request;
  return {
    state: { ...state, requests: [...state.requests.filter((x) => x.title !== r.title), r] },
    replies: [say(`${by} brings in work: ${r.summary}\nProduct owner: \`yes ${r.id}\` adds it to ${sprint.name}${r.owner ? ` for ${r.owner}` : ''}, \`no ${r.id}\` leaves it out, \`later ${r.id}\` keeps it for the next plan.`)],
  };
}

const ID = '(?:[\\s,]+(T-\\d+))?';

export const SPRINT_COMMANDS: readonly SprintCommand[] = [
  {
    name: 'close',
    usage: 'close sprint',
    help: 'close the running sprint: its report, and its open work to the backlog and the next plan',
    pattern: /^close(?:\s+the)?(?:\s+current|\s+running)?\s+sprint[.!]*$/i,
    run(state, _m, { view }) {
      const sprint = runningSprint(view);
      if (!sprint) return { state, replies: [say(`No sprint is running${view.sprint ? `: ${view.sprint.name} is already ${view.sprint.status}` : ''}. Say \`plan sprint\` for the next one.`)] };
      const open = openTasks(view);
      const where = open.length ? `Its ${open.length} open task(s) (${open.map((t) => t.id).join(', ')}) go to the backlog with their progress; the next plan proposes them as carried over.` : 'Every task in it is finished.';
      return { state: { ...state, pendingPlan: null }, replies: [say(`Closing ${sprint.name}. ${where} The report follows.`)], actions: [closeSprintAction(sprint.id)] };
    },
  },
  {
    name: 'assign',
    usage: 'assign T-3 to NAME',
    help: 'give a task of the running sprint to someone (or to someone else)',
    pattern: /^assign\s+(T-\d+)\s+to\s+@?(.+)$/i,
    run(state, m, { view }) {
      const id = m[1]!.toUpperCase();
      const task = runningSprint(view) ? openTasks(view).find((t) => t.id === id) : undefined;
      if (!task) return { state, replies: [say(`${id} is not an open task of the running sprint.`)] };
      const wanted = m[2]!.trim();
      const person = view.roster.find((p) => p.name.toLowerCase() === wanted.toLowerCase() && p.role !== 'orchestrator');
      if (!person) return { state, replies: [say(`Nobody called "${wanted}" has joined.`)] };
      const action = task.status === 'pending' || task.status === 'failed' ? (task.status === 'failed' ? 'reassign' : 'assign') : 'reassign';
      if (task.assignee === person.name && task.status !== 'failed') return { state, replies: [say(`${id} is already ${person.name}'s.`)] };
      return {
        state,
        replies: [say(`${id} "${task.title}" goes to ${person.name}${task.assignee ? ` (from ${task.assignee})` : ''}, as the product owner chose.`)],
        actions: [{ type: 'task_update', taskId: id, action, assignee: person.name, note: 'chosen by the product owner' }],
      };
    },
  },
  {
    name: 'add',
    usage: 'add "WORK"',
    help: 'bring a bug or a small request into the running sprint (too big: an objective for the next plan)',
    pattern: /^add\s+(.+)$/i,
    run: (state, m, ctx) => bringIn(state, m[1]!, 'the product owner', true, ctx),
  },
  {
    name: 'yes',
    usage: 'yes [T-n]',
    help: 'agree: close the running sprint before planning, or take the work someone brought in',
    pattern: new RegExp(`^(?:yes|y|ok|okay|agreed?|go ahead|sure|do it)${ID}[.!]*$`, 'i'),
    run(state, m, ctx, start) {
      const view = ctx.view;
      if (state.pendingPlan !== null && !m[1]) {
        const sprint = runningSprint(view);
        const planned = start({ ...state, pendingPlan: null }, state.pendingPlan, ctx);
        if (!sprint) return planned;
        return { ...planned, replies: [say(`Closing ${sprint.name}: its report follows, and its open tasks are carried over into this plan.`), ...planned.replies], actions: [closeSprintAction(sprint.id), ...(planned.actions ?? [])] };
      }
      const r = requestFor(state, m[1]);
      return typeof r === 'string' ? { state, replies: [say(r)] } : addNow(state, r, view, 'Agreed');
    },
  },
  {
    name: 'no',
    usage: 'no [T-n]',
    help: 'plan alongside the running sprint (it closes at approval), or leave out the work brought in',
    pattern: new RegExp(`^(?:no|n|nope|not now)${ID}[.!]*$`, 'i'),
    run(state, m, ctx, start) {
      if (state.pendingPlan !== null && !m[1]) return start({ ...state, pendingPlan: null }, state.pendingPlan, ctx);
      const r = requestFor(state, m[1]);
      return typeof r === 'string' ? { state, replies: [say(r)] } : { state: without(state, r), replies: [say(`Left out: ${r.id} "${r.title}" is not added.`)] };
    },
  },
  {
    name: 'later',
    usage: 'later [T-n]',
    help: 'keep the work brought in as an objective for the next plan',
    pattern: new RegExp(`^(?:later|next sprint)${ID}[.!]*$`, 'i'),
    run(state, m) {
      const r = requestFor(state, m[1]);
      if (typeof r === 'string') return { state, replies: [say(r)] };
      return { state: { ...without(state, r), nextObjectives: [...state.nextObjectives, r.title] }, replies: [say(`"${r.title}" waits for the next plan; \`plan sprint\` starts with it.`)] };
    },
  },
];

/** A line from the product owner while no planning is under way: a command of the table, work in plain words, or nothing. */
export function handleSprintCommand(state: PlanningState, text: string, ctx: PlanContext, start: StartPlanning): SessionResult {
  const line = text.replace(/^\//, '');
  for (const command of SPRINT_COMMANDS) {
    const match = command.pattern.exec(line);
    if (!match) continue;
    // a bare yes or no said to the room while the lead asked nothing is someone else's business
    const answers = command.name === 'yes' || command.name === 'no' || command.name === 'later';
    if (answers && !match[1] && state.pendingPlan === null && state.requests.length === 0) return { state, replies: [] };
    return command.run(state, match, ctx, start);
  }
  const work = requestedWork(line);
  if (work) return bringIn(state, work, 'the product owner', true, ctx);
  return { state, replies: [] };
}

/** "close sprint · add "WORK" · …", for help texts. */
export const sprintUsage = (): string => SPRINT_COMMANDS.map((c) => c.usage).join(' · ');
