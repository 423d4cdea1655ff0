/**
 * A sprint proposal: objectives → tasks → graph → assignments → feasibility, computed from the
 * planning choices and the team as it is now. Deterministic, so it is recomputed after every change.
 */
import type { TaskDraft } from '../../collaboration-server/protocol.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { assignTasks, type Assignment, type Strategy } from './assignment.js';
import { applyEdits, type PlannedTask } from './breakdown.js';
import { teamCapacity, type Capacity } from './capacity.js';
import { analyseGraph, type GraphAnalysis } from './dependency-graph.js';
import { checkFeasibility, type Feasibility } from './feasibility.js';
import type { TeamHistory } from './history.js';
import { pointsFor, type Objective, type ObjectiveAnalysis } from './objectives.js';
import type { LeadView } from '../lead-view.js';
import { dueTimes } from './schedule.js';

export interface PlanChoices {
  objectives: readonly string[];
  strategy: Strategy;
  pins: Readonly<Record<string, string>>;
  drops: readonly string[];
  estimates: Readonly<Record<string, number>>;
  startsAt: number;
  days: number;
  history?: TeamHistory;
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
}

type TeamInput = Pick<LeadView, 'roster' | 'roles' | 'tasks'>;

/** The judgement (objectives, tasks) is the advisor's; capacity, assignment and schedule are the engine's. */
export function buildProposal(choices: PlanChoices, team: TeamInput, advisor: Advisor = offlineAdvisor): Proposal {
  const capacity = teamCapacity(team, choices.startsAt, choices.days);
  const { objectives, unreadable } = advisor.analyseObjectives(choices.objectives, choices.history);
  const tasks = applyEdits(advisor.breakDown(objectives), { drops: choices.drops, estimates: choices.estimates });
  const graph = analyseGraph(tasks);
  const assignments = assignTasks(tasks, capacity.members, { strategy: choices.strategy, history: choices.history, pins: choices.pins });
  const feasibility = checkFeasibility(tasks, assignments, capacity.members);
  const due = dueTimes(tasks, graph, assignments, capacity);
  return { capacity, objectives, unreadable, tasks, graph, assignments, feasibility, due };
}

/** The tasks as the hub takes them in `sprint_create`: keys, and dependencies named by key. */
export function taskDrafts(p: Proposal): TaskDraft[] {
  return p.tasks.map((t) => ({
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
