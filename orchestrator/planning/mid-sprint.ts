/**
 * Work that arrives while a sprint runs: a bug or a small request, said by the product owner (at once)
 * or by anyone through the lead (the product owner agrees first). The lead sizes it as one task, picks
 * an owner, and says what it displaces against the owner's capacity left in the sprint; a request too
 * big for one task becomes an objective for the next plan. Pure: the text and the view in, a sizing out.
 */
import type { Task, TaskDraft } from '../../collaboration-server/protocol.js';
import { isActive, isFinished } from '../../collaboration-server/task-lifecycle.js';
import { round1 } from '../../collaboration-server/units.js';
import { pickAssignee } from './assignment.js';
import { teamOf, workdaysBetween } from './capacity.js';
import { pointsFor, priorityRank } from './objectives.js';
import type { MidSprintRequest, PlanContext, PlanningState, TeamView } from './state.js';
import type { LeadAction } from '../lead-view.js';
import { nextFreeTaskNumber, taskNumber } from './task-ids.js';

/** One working day: more than this is not one task to slip into a running sprint. */
export const MAX_TASK_HOURS = 8;

/** Words that make it one small piece of work: a fix, a tweak. */
const SMALL = /\b(bug|fix(es|ed)?|broken|crash(es|ing)?|error|fails?|failing|regression|loops?|typo|wrong|tweak|rename|minor|quick|small|doesn'?t work|not working)\b/i;
const HIGH = /\b(urgent|critical|asap|blocker|production|prod|outage|security|data loss|customers? can'?t)\b/i;
const LOW = /\b(minor|cosmetic|typo|nice to have|when (?:you|there) (?:have|is) time)\b/i;

/** Plain words that bring work in: "bug: …", "there's a bug: …", "please fix …", "new task: …". */
const PLAIN = /^(?:(?:there(?:'s| is) a (?:bug|problem)|bug|hotfix|request|new task)\s*[:\-–,]?\s+|(?:please|can you|could you|can we|we need to|we must)\s+(?=fix\b))(.+)$/i;

/** The work a line brings in, or null when it is not such a line. */
export function requestedWork(text: string): string | null {
  const m = PLAIN.exec(text.trim());
  return m ? m[1]!.trim() : null;
}

export type Sizing = { kind: 'task'; request: MidSprintRequest } | { kind: 'objective'; text: string; hours: number; why: string };

const cleanTitle = (text: string): string => {
  const bare = text.trim().replace(/^["'“‘]+|["'”’]+$/g, '').replace(/[.!]+$/, '').trim();
  const titled = SMALL.test(bare) && !/^fix\b/i.test(bare) ? `Fix: ${bare}` : bare;
  return (titled.charAt(0).toUpperCase() + titled.slice(1)).slice(0, 200);
};

const halfHours = (h: number) => Math.max(1, Math.min(MAX_TASK_HOURS, Math.round(h * 2) / 2));

/** Open hours each person holds now, plus the planned work not yet handed to them. */
function bookedHours(state: PlanningState, view: TeamView, name: string): number {
  const plannedFor = state.active?.assignees ?? {};
  return view.tasks.reduce((s, t) => {
    if (isFinished(t.status)) return s;
    if (t.assignee === name && isActive(t.status)) return s + t.estimateHours * (1 - t.percent / 100);
    if (t.status === 'pending' && !t.assignee && plannedFor[t.id] === name) return s + t.estimateHours;
    return s;
  }, 0);
}

/** What taking `hours` more does to `owner`: fits, or which of their not-started tasks no longer fit. */
function displacement(state: PlanningState, view: TeamView, owner: string, hours: number, capacity: number, workdays: number): string {
  const booked = round1(bookedHours(state, view, owner));
  const free = round1(capacity - booked);
  const left = `${capacity}h left in the sprint (${workdays} working day${workdays === 1 ? '' : 's'})`;
  if (hours <= free) return `it fits: ${owner} has ${booked}h booked of ${left}, so ${round1(free - hours)}h stay free`;
  const plannedFor = state.active?.assignees ?? {};
  const notStarted = view.tasks
    .filter((t) => (t.assignee === owner && t.status === 'assigned') || (t.status === 'pending' && !t.assignee && plannedFor[t.id] === owner))
    .sort((a, b) => priorityRank(b.priority) - priorityRank(a.priority) || (b.due ?? Infinity) - (a.due ?? Infinity) || taskNumber(b.id) - taskNumber(a.id));
  const out: Task[] = [];
  let excess = hours - Math.max(0, free);
  for (const t of notStarted) {
    if (excess <= 0) break;
    out.push(t);
    excess -= t.estimateHours;
  }
  const over = `${owner} would have ${round1(booked + hours)}h for ${left}`;
  if (!out.length) return `it does not fit: ${over}, and nothing of theirs is still unstarted to make room`;
  return `${over}: it displaces ${out.map((t) => `${t.id} "${t.title}" (${t.estimateHours}h, ${t.priority})`).join(', ')}, which would no longer fit before the sprint ends; what is unfinished at the close goes to the backlog`;
}

/** Sizes one piece of work for the running sprint, with the id it would get and an owner. */
export function sizeRequest(text: string, by: string, state: PlanningState, { view, advisor }: PlanContext): Sizing {
  const title = cleanTitle(text);
  const { objectives } = advisor.analyseObjectives([title], state.history);
  const tasks = advisor.breakDown(objectives);
  const total = round1(tasks.reduce((s, t) => s + t.hours, 0));
  const small = SMALL.test(title);
  if (!tasks.length) return { kind: 'objective', text: title, hours: 0, why: 'I could not size it' };
  if (objectives.length > 1) return { kind: 'objective', text: title, hours: total, why: `it holds ${objectives.length} pieces of work` };
  if (!small && total > MAX_TASK_HOURS) {
    return { kind: 'objective', text: title, hours: total, why: `it is about ${total}h of work (${tasks.map((t) => t.kind).join(', ')}), more than one task of ${MAX_TASK_HOURS}h` };
  }
  const core = tasks.find((t) => t.kind === 'implement') ?? [...tasks].sort((a, b) => b.hours - a.hours)[0]!;
  // a fix is about half of building the thing; a small request is what its breakdown adds up to
  const hours = small ? halfHours(core.hours / 2) : halfHours(total);
  const priority = HIGH.test(text) ? 'high' : LOW.test(text) ? 'low' : 'medium';
  const id = `T-${nextFreeTaskNumber(view, state.requests.map((r) => r.id))}`;
  const sprint = view.sprint;
  const workdays = sprint ? Math.max(1, workdaysBetween(view.now, sprint.endsAt)) : 1;
  const team = teamOf(view.roster, view.roles, view.tasks, workdays).filter((m) => m.name !== view.self);
  const probe: Task = {
    id, sprintId: sprint?.id ?? '', title, description: '', objective: title, domain: core.domain, role: core.role, estimateHours: hours, points: pointsFor(hours), priority,
    acceptance: [], dependsOn: [], assignee: null, rationale: '', status: 'pending', percent: 0, due: null, atRisk: false, startedAt: null, completedAt: null, createdAt: view.now, updatedAt: view.now, notes: [],
  };
  const pick = pickAssignee(probe, team);
  const member = pick ? team.find((m) => m.name === pick.name) : undefined;
  const fit = member ? displacement(state, view, member.name, hours, member.capacityHours, workdays) : `nobody with the ${core.role} role is online to take it`;
  // the reasons only: the load against capacity is said by `fit`
  const reasons = pick?.rationale.replace(/^OVER CAPACITY [\d./h]+: /, '').replace(/; cut or reassign something$/, '').replace(/; [\d.]+\/[\d.]+h$/, '');
  const why = pick ? `${pick.name} (${reasons})` : 'nobody can take it now';
  const draft: TaskDraft = {
    id,
    key: id,
    title,
    description: `Brought into ${sprint?.name ?? 'the sprint'} by ${by}: "${text.trim().slice(0, 3000)}"`,
    objective: title,
    domain: core.domain,
    role: core.role,
    estimateHours: hours,
    points: pointsFor(hours),
    priority,
    acceptance: small ? ['The reported problem no longer happens', 'A test covers it'] : core.acceptance,
    dependsOn: [],
    assignee: null,
    rationale: `brought in mid-sprint by ${by}; ${why}`.slice(0, 500),
    due: null,
  };
  const summary = `${id} "${title}": ${small ? 'a fix' : 'a small piece of work'}, ${hours}h (${core.role}${priority === 'medium' ? '' : `, ${priority} priority`}); ${pick ? `proposed owner ${why}` : why}; ${fit}.`;
  return { kind: 'task', request: { id, by, title, draft, owner: pick?.name ?? null, summary } };
}

/** The frames that bring the work into the sprint: the task, and its owner's assignment. */
export function addToSprint(request: MidSprintRequest, sprintId: string): LeadAction[] {
  const actions: LeadAction[] = [{ type: 'tasks_add', sprintId, tasks: [request.draft] }];
  if (request.owner) {
    actions.push({ type: 'task_update', taskId: request.id, action: 'assign', assignee: request.owner, note: request.draft.rationale ?? '' });
    actions.push({
      type: 'chat',
      to: { kind: 'participant', name: request.owner },
      text: `${request.owner}, a task is yours: ${request.id} ${request.title} (${request.draft.estimateHours}h) — done when: ${(request.draft.acceptance ?? []).join('; ') || 'it works'}. Accept when you start.`,
    });
  }
  return actions;
}
