/**
 * What a sprint's report tells beyond its numbers: the decisions the product owner took (E-n → D-n)
 * and what each changed, and what the sprint taught for the next estimates, domain by domain, with the
 * tasks that show it. Pure: the sprint's tasks, events, escalations and decisions in, sentences out.
 */
import type { Decision, Escalation, Sprint, Task, TaskEvent } from '../collaboration-server/protocol.js';
import { round1 } from '../collaboration-server/units.js';
import { actualHours, domainFactor, emptyHistory, isTimed, recordDone, type TeamHistory } from './planning/history.js';
import { workedHours } from '../collaboration-server/metrics.js';

export interface DecisionStory {
  escalationId: string;
  decisionId: string;
  taskId: string | null;
  question: string;
  by: string;
  choice: string;
  /** what the decision did to the work, in words */
  changed: string;
}

export interface Lesson {
  domain: string;
  tasks: number;
  estimatedHours: number;
  actualHours: number;
  /** what the next plan multiplies this domain's estimates by, from this sprint alone (history.ts) */
  factor: number | null;
  examples: { taskId: string; title: string; estimatedHours: number; actualHours: number }[];
  /** the sentence the report prints */
  next: string;
}

const STATUS = (t: Task) => t.status.replace('_', ' ');

/** Escalations about this sprint's tasks (or raised while it ran) and the decisions on them. */
export function decisionsOf(sprint: Sprint, tasks: readonly Task[], events: readonly TaskEvent[], escalations: readonly Escalation[], decisions: readonly Decision[]): DecisionStory[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const until = sprint.closedAt ?? Number.MAX_SAFE_INTEGER;
  const mine = escalations.filter((e) => (e.taskId ? byId.has(e.taskId) : e.createdAt >= sprint.createdAt && e.createdAt <= until));
  return mine.flatMap((e) => {
    const d = decisions.find((x) => x.escalationId === e.id);
    if (!d) return [];
    const task = e.taskId ? byId.get(e.taskId) : undefined;
    const effect = e.options.find((o) => o.key === d.option)?.effect ?? 'note';
    return [{ escalationId: e.id, decisionId: d.id, taskId: e.taskId, question: e.title, by: d.by, choice: d.text, changed: changedBy(effect, d, task, events) }];
  });
}

function changedBy(effect: string, d: Decision, task: Task | undefined, events: readonly TaskEvent[]): string {
  if (!task) return 'noted (no task attached)';
  const after = events.filter((e) => e.task.id === task.id && e.ts >= d.createdAt);
  const then = `; ${task.id} is now ${STATUS(task)}`;
  switch (effect) {
    case 'drop':
      return `${task.id} "${task.title}" was dropped from the sprint`;
    case 'defer':
      return `${task.id} "${task.title}" was deferred to a later sprint`;
    case 'priority:high':
    case 'priority:low':
      return `${task.id} became ${effect.slice(9)} priority${then}`;
    case 'reassign': {
      const moved = after.find((e) => e.change.action === 'reassign');
      return moved ? `${task.id} moved from ${moved.change.previousAssignee ?? 'nobody'} to ${moved.change.assignee}${then}` : `nobody else could take ${task.id}: noted on it${then}`;
    }
    default:
      return `noted on ${task.id}${after.some((e) => e.change.action === 'unblock') ? ', which was unblocked' : ''}${then}`;
  }
}

/**
 * The hours a finished task took, as the team's history records them (planning/behaviour.ts): worked
 * on (held in progress or blocked) per its events, else from start to done; at most three times its estimate.
 */
export function hoursTaken(task: Task, worked: ReadonlyMap<string, number>): number {
  const hours = worked.get(task.id);
  return hours === undefined ? actualHours(task) : Math.min(hours, task.estimateHours * 3);
}

/** Per domain: how the done tasks' hours compared with their estimates, and what that does to the next plan. */
export function lessonsOf(tasks: readonly Task[], events: readonly TaskEvent[], until: number): Lesson[] {
  const done = tasks.filter((t) => t.status === 'done');
  const worked = workedHours(events, until);
  const taken = (t: Task) => hoursTaken(t, worked);
  let history: TeamHistory = emptyHistory();
  for (const t of done) history = recordDone(history, t.domain, t.assignee ?? 'nobody', t.estimateHours, taken(t));
  const untimed = [...new Set(done.map((t) => t.domain))]
    .filter((domain) => !history.domains[domain])
    .map((domain): Lesson => {
      const mine = done.filter((t) => t.domain === domain);
      return {
        domain, tasks: 0, estimatedHours: 0, actualHours: 0, factor: null, examples: [],
        next: `${domain}: ${mine.map((t) => t.id).join(', ')} ${mine.length === 1 ? 'was' : 'were'} marked done with no working time recorded, which says nothing about the estimates: they stay as they were.`,
      };
    });
  return Object.entries(history.domains)
    .map(([domain, tally]) => {
      const factor = domainFactor(history, domain);
      const mine = done.filter((t) => t.domain === domain);
      const examples = mine.map((t) => ({ taskId: t.id, title: t.title, estimatedHours: t.estimateHours, actualHours: round1(taken(t)) }));
      const widest = [...examples].sort((a, b) => Math.abs(b.actualHours - b.estimatedHours) - Math.abs(a.actualHours - a.estimatedHours))[0]!;
      const took = `${tally.count} task(s) took ${round1(tally.actual)}h against ${round1(tally.estimated)}h estimated`;
      const next =
        factor === null || Math.abs(factor - 1) < 0.05
          ? `${domain}: ${took}: the estimates held, so the next plan keeps them.`
          : `${domain}: ${took} (×${factor.toFixed(2)}${factor === 0.5 || factor === 2 ? ', the most the lead moves an estimate at once' : ''}): the next plan scales ${domain} estimates by ${factor.toFixed(2)}, so a task estimated ${widest.estimatedHours}h like ${widest.taskId} "${widest.title}" (which took ${widest.actualHours}h) is planned at ${round1(widest.estimatedHours * factor)}h. The lead folds this into the team's history with the earlier sprints.`;
      return { domain, tasks: tally.count, estimatedHours: round1(tally.estimated), actualHours: round1(tally.actual), factor, examples, next };
    })
    .concat(untimed)
    .sort((a, b) => a.domain.localeCompare(b.domain));
}
