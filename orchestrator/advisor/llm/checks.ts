/**
 * Checked, not trusted: a model's answer, already in its schema's shape, held against the team and
 * the rules the offline engine plans by (the dependency graph is the engine's own). Each problem is a
 * phrase that follows "the model's plan …", for the room and for the repair round.
 */
import { HuddleError } from '../../../collaboration-server/errors.js';
import type { RoleSpec } from '../../../agents/roles.js';
import { analyseGraph } from '../../planning/dependency-graph.js';
import type { BlockerAnswer, ChatAnswer, PlanAnswer, QuietAnswer } from './answers.js';

export interface TeamContext {
  roles: readonly RoleSpec[];
  /** the team's hours this sprint (0 when nobody who takes tasks is in the room) */
  capacityHours: number;
}

export const TASK_HOURS = { min: 0.5, max: 80 } as const;
/** A plan past this many times the team's capacity is not a plan for this team. */
export const CAPACITY_FACTOR = 3;

export function checkPlan(plan: PlanAnswer, team: TeamContext): string[] {
  const errors: string[] = [];
  const roles = new Set(team.roles.filter((r) => r.takesTasks).map((r) => r.role));
  if (plan.objectives.length === 0 && plan.unreadable.length === 0) errors.push('had no objective in it');
  const keys = new Set<string>();
  for (const t of plan.tasks) {
    if (keys.has(t.key)) errors.push(`used the key ${t.key} twice`);
    keys.add(t.key);
  }
  plan.objectives.forEach((_, i) => {
    if (!plan.tasks.some((t) => t.objective === i + 1)) errors.push(`gave objective ${i + 1} no task`);
  });
  for (const t of plan.tasks) {
    if (t.objective < 1 || t.objective > plan.objectives.length) errors.push(`put ${t.key} under objective ${t.objective}, which is not in the plan`);
    if (!roles.has(t.role)) errors.push(`named a role this team does not have (${t.role}; the team has ${[...roles].join(', ')})`);
    if (!Number.isFinite(t.hours) || t.hours < TASK_HOURS.min || t.hours > TASK_HOURS.max) errors.push(`gave ${t.key} an absurd estimate (${t.hours}h; a task takes ${TASK_HOURS.min}-${TASK_HOURS.max}h)`);
    for (const d of t.dependsOn) {
      if (d === t.key) errors.push(`made ${t.key} depend on itself`);
      else if (!keys.has(d)) errors.push(`made ${t.key} depend on ${d}, which is not in the plan`);
    }
  }
  if (errors.length) return errors;
  try {
    analyseGraph(plan.tasks.map((t) => ({ key: t.key, hours: t.hours, dependsOn: t.dependsOn })));
  } catch (err) {
    if (!(err instanceof HuddleError)) throw err;
    errors.push(err.message.split('. ')[0]!.replace(/^The plan /, ''));
  }
  const total = plan.tasks.reduce((sum, t) => sum + t.hours, 0);
  if (team.capacityHours > 0 && total > CAPACITY_FACTOR * team.capacityHours) {
    errors.push(`needs ${total}h, more than ${CAPACITY_FACTOR} times the ${Math.round(team.capacityHours)}h the team has this sprint`);
  }
  return errors;
}

const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function checkChat(answer: ChatAnswer, line: string): string[] {
  const errors: string[] = [];
  if (answer.reading === 'none' && answer.kind !== null) errors.push('gave a kind to a line it reads as nothing');
  if (answer.reading !== 'none' && answer.kind === null) errors.push(`called the line ${answer.reading === 'blocker' ? 'a blocker' : 'unsure'} without saying whether it is technical or business`);
  if (answer.heard && !normal(line).includes(normal(answer.heard))) errors.push(`quoted words the line does not hold ("${answer.heard.slice(0, 60)}")`);
  return errors;
}

export function checkBlocker(answer: BlockerAnswer, taskHours: number): string[] {
  const errors: string[] = [];
  if (answer.kind === 'business' && answer.reason === null) errors.push('called it a business blocker without saying which decision it needs');
  if (answer.kind === 'technical' && answer.reason !== null) errors.push('gave a business reason to a technical blocker');
  const labels = new Set(answer.options.map((o) => normal(o.label)));
  if (labels.size < answer.options.length) errors.push('offered the same option twice');
  const bound = Math.max(200, 10 * taskHours);
  for (const o of answer.options) {
    if (!Number.isFinite(o.hours) || Math.abs(o.hours) > bound) errors.push(`costed "${o.label.slice(0, 60)}" at an absurd ${o.hours}h`);
  }
  if (answer.options.every((o) => o.effect === 'drop' || o.effect === 'defer')) errors.push('offered no option that carries the work on');
  return errors;
}

export function checkQuiet(answer: QuietAnswer): string[] {
  const asked = new Set(answer.questions.map(normal));
  return asked.size < answer.questions.length ? ['asked the same question twice'] : [];
}
