/**
 * A sprint proposal: objectives → tasks → graph → assignments → feasibility, computed from the
 * planning choices and the team as it is now. Deterministic, so it is recomputed after every change.
 */
import type { TaskDraft } from '../../collaboration-server/protocol.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { Advisor, JudgementInput } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { assignTasks, type Assignment, type Strategy } from './assignment.js';
import { applyEdits, type PlannedTask } from './breakdown.js';
import { bookedLoad, carryable, carriedTasks, type CarriedTask } from './carry.js';
import { teamCapacity, type Capacity } from './capacity.js';
import { analyseGraph, type GraphAnalysis } from './dependency-graph.js';
import { checkFeasibility, type Feasibility } from './feasibility.js';
import type { TeamHistory } from './history.js';
import { pointsFor, type Objective, type ObjectiveAnalysis } from './objectives.js';
import type { LeadView } from '../lead-view.js';
import { dueTimes } from './schedule.js';
import { nextFreeTaskNumber, withIds } from './task-ids.js';

export interface PlanChoices {
  objectives: readonly string[];
  strategy: Strategy;
  pins: Readonly<Record<string, string>>;
  drops: readonly string[];
  estimates: Readonly<Record<string, number>>;
  startsAt: number;
  days: number;
  history?: TeamHistory;
  /** the plan's first new task is T-firstTaskNumber (task-ids.ts); 0: the next free number */
  firstTaskNumber?: number;
  /** backlog tasks taken in with `carry T-n` */
  carryIn?: readonly string[];
}

export interface Proposal {
  capacity: Capacity;
  objectives: Objective[];
  /** what the lead could not read as an objective, to name back to the product owner */
  unreadable: ObjectiveAnalysis['unreadable'];
  tasks: PlannedTask[];
  graph: GraphAnalysis;
  assignments: Map<string, Assignment>;
  feasibility: Feasibility;
  /** key → when the task is due: when its stage should be finished (schedule.ts) */
  due: Map<string, number>;
  /** unfinished work carried over, with its id and progress; its hours left are booked in `capacity` */
  carried: CarriedTask[];
}

type TeamInput = Pick<LeadView, 'roster' | 'roles' | 'tasks'> & Partial<Pick<LeadView, 'sprint' | 'backlog'>>;

/**
 * The team for a new plan: the sprint it follows closes when it is approved, so nobody keeps work from
 * it but the carried-over tasks, booked on whoever takes them.
 */
export function planCapacity(choices: PlanChoices, team: TeamInput): { capacity: Capacity; carried: CarriedTask[] } {
  const free = teamCapacity({ ...team, tasks: [] }, choices.startsAt, choices.days);
  const carried = carriedTasks(choices, team, free.members);
  const known = carryable(team);
  const capacity = teamCapacity({ ...team, tasks: bookedLoad(carried, (id) => known.find((t) => t.id === id)) }, choices.startsAt, choices.days);
  return { capacity, carried };
}

/**
 * What the advisor is asked for a plan, as `thinking` takes it: the objectives, the team's history, and
 * the hours the sprint being planned has (its days, not a default sprint's); no hours when the plan cannot be built.
 */
export function planQuestion(choices: PlanChoices, team: TeamInput): Extract<JudgementInput, { call: 'analyseObjectives' }> {
  let hours: number | undefined;
  try {
    hours = planCapacity(choices, team).capacity.totalHours;
  } catch (err) {
    if (!(err instanceof HuddleError)) throw err;
  }
  return { call: 'analyseObjectives', input: [choices.objectives, choices.history, hours] };
}

/** The judgement (objectives, tasks) is the advisor's; capacity, assignment and schedule are the engine's. */
export function buildProposal(choices: PlanChoices, team: TeamInput, advisor: Advisor = offlineAdvisor): Proposal {
  const { capacity, carried } = planCapacity(choices, team);
  const { objectives, unreadable } = advisor.analyseObjectives(choices.objectives, choices.history, capacity.totalHours);
  const first = choices.firstTaskNumber || nextFreeTaskNumber(team);
  const tasks = applyEdits(withIds(advisor.breakDown(objectives), first), { drops: choices.drops, estimates: choices.estimates });
  const graph = analyseGraph(tasks);
  const assignments = assignTasks(tasks, capacity.members, { strategy: choices.strategy, history: choices.history, pins: choices.pins, graph });
  const feasibility = checkFeasibility(tasks, assignments, capacity.members);
  const due = dueTimes(tasks, graph, assignments, capacity);
  return { capacity, objectives, unreadable, tasks, graph, assignments, feasibility, due, carried };
}

/** Carried work is due when the plan's first stage is (it was under way already), or at the sprint's end. */
export const carriedDue = (p: Proposal): number => Math.min(p.capacity.endsAt, ...p.due.values());

/** Every id in the plan, new and carried over: what `assign`, `drop` and `estimate` may name. */
export const planIds = (p: Proposal): string[] => [...p.carried.map((c) => c.id), ...p.tasks.map((t) => t.key)];

/** The tasks as the hub takes them in `sprint_create`: keys, and dependencies named by key. */
export function taskDrafts(p: Proposal): TaskDraft[] {
  return p.tasks.map((t) => ({
    // the key is the id the proposal showed: the hub gives exactly it, or refuses the sprint
    id: t.key,
    key: t.key,
    title: t.title,
    description: `${t.kind} task for "${t.objective}"`,
    objective: t.objective,
    domain: t.domain,
    role: t.role,
    estimateHours: t.hours,
    points: pointsFor(t.hours),
    priority: t.priority,
    acceptance: t.acceptance,
    dependsOn: t.dependsOn,
    // The assignee is given with `assign` once the dependencies are done; the plan keeps who it will be.
    assignee: null,
    plannedAssignee: p.assignments.get(t.key)?.name ?? null,
    rationale: p.assignments.get(t.key)?.rationale ?? '',
    due: p.due.get(t.key) ?? null,
  }));
}
