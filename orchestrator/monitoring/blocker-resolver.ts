/**
 * The resolution ladder for a blocked task, one rung per step, each a chat message with a typed card:
 * 1. technical guidance from the knowledge base, offering to split;
 * 2. if the blocker persists (a second report, or no progress within a period): reassign to the best
 *    other agent, or split the task when size is the problem (the agent says it is too big, or a big
 *    task has nobody else to go to);
 * 3. escalate to the product owner when it needs a business decision or nobody else can help.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { escalationFor } from './escalation.js';
import type { EscalationCause } from './escalation-options.js';
import type { LeadAction, LeadView } from '../lead-view.js';
import { say, updateTask } from './actions.js';
import type { Ladder, MonitorMemory } from './memory.js';
import type { MonitorOptions } from './options.js';
import type { Picker } from './picker.js';
import { quote } from './quote.js';

export interface LadderContext {
  view: LeadView;
  memory: MonitorMemory;
  options: MonitorOptions;
  pick: Picker;
  /** whose judgement the ladder follows (guidance, business or technical, options); offline if not given */
  advisor?: Advisor;
}

export const advisorOf = (ctx: LadderContext): Advisor => ctx.advisor ?? offlineAdvisor;

/** Tasks split by the ladder say so in their rationale, so the lead assigns them when they arrive. */
export const SPLIT_PREFIX = 'Split from';

/** A blocker was reported on `task` (explicit /blocked, or chat the lead recorded): climb the ladder. */
export function onBlockerReport(task: Task, reason: string, ctx: LadderContext): LeadAction[] {
  const { memory, view, options } = ctx;
  let ladder = memory.ladder[task.id];
  const movedOnLongAgo = ladder?.resolvedAt != null && view.now - ladder.resolvedAt >= options.blockerPersistMs;
  if (!ladder || movedOnLongAgo) ladder = { rung: 0, blocker: reason, reports: 0, since: view.now, resolvedAt: null };
  ladder = { ...ladder, blocker: reason, reports: ladder.reports + 1, resolvedAt: null };
  memory.ladder[task.id] = ladder;

  const kind = advisorOf(ctx).classifyBlocker(reason);
  if (kind.kind === 'business' && ladder.rung < 3) return escalate(task, ladder, ctx, kind);
  if (ladder.rung === 0) return guide(task, ladder, ctx);
  if (ladder.rung === 1) return handOver(task, ladder, ctx);
  if (ladder.rung === 2) return escalate(task, ladder, ctx, { kind: 'no-reassignment' });
  return [];
}

/** The task moved again (unblocked, progress, start): the ladder waits before starting over. */
export function onTaskMoved(taskId: string, at: number, memory: MonitorMemory): void {
  const ladder = memory.ladder[taskId];
  if (ladder) ladder.resolvedAt = at;
}

/** Timers: a task still blocked a period after its last rung climbs one more. */
export function ladderTick(ctx: LadderContext): LeadAction[] {
  const { view, memory, options } = ctx;
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    const ladder = memory.ladder[task.id];
    if (task.status !== 'blocked' || !ladder || ladder.rung === 0 || ladder.rung === 3) continue;
    if (view.now - ladder.since < options.blockerPersistMs) continue;
    actions.push(...(ladder.rung === 1 ? handOver(task, ladder, ctx) : escalate(task, ladder, ctx, { kind: 'no-reassignment' })));
  }
  return actions;
}

function climb(ladder: Ladder, rung: number, ctx: LadderContext, taskId: string): void {
  ctx.memory.ladder[taskId] = { ...ladder, rung, since: ctx.view.now };
}

function guide(task: Task, ladder: Ladder, ctx: LadderContext): LeadAction[] {
  climb(ladder, 1, ctx, task.id);
  const g = advisorOf(ctx).guidance(task, ladder.blocker);
  const who = task.assignee ?? 'team';
  const steps = g.steps.map((s, i) => `${i + 1}. ${s}`).join(' ');
  return [
    say(`${who}, about ${task.id} "${task.title}" (${g.topic}): ${steps} If it is still too big, say so and I will split it.`, {
      kind: 'guidance',
      taskId: task.id,
      title: task.title,
      topic: g.topic,
      blocker: ladder.blocker,
      steps: g.steps,
      offerSplit: true,
    }),
  ];
}

const ASKS_FOR_SPLIT = /\b(split|too big|too large|too much)\b/i;

function handOver(task: Task, ladder: Ladder, ctx: LadderContext): LeadAction[] {
  const { view, options, pick } = ctx;
  const stuck = task.assignee;
  const other = pick(task, view, stuck ? [stuck] : []);
  // Size is the problem when the agent says so, or when a big task has nobody else to go to.
  const wantsSplit = ASKS_FOR_SPLIT.test(ladder.blocker) || (!other && task.estimateHours >= options.splitAboveHours);
  if (wantsSplit && view.sprint) return split(task, ladder, ctx, other?.name ?? stuck);
  if (!other) return escalate(task, ladder, ctx, { kind: 'no-reassignment' });
  climb(ladder, 2, ctx, task.id);
  const rationale = `${stuck ?? 'The assignee'} is still blocked after guidance (${quote(ladder.blocker)}); ${other.name}: ${other.rationale}`;
  return [
    updateTask(task.id, 'reassign', { assignee: other.name, note: rationale }),
    say(`${task.id} "${task.title}" moves from ${stuck ?? 'nobody'} to ${other.name}. ${rationale}. Thanks ${stuck ?? ''}, please hand over your notes.`, {
      kind: 'reassignment',
      taskId: task.id,
      title: task.title,
      from: stuck,
      to: other.name,
      rationale,
    }),
  ];
}

function split(task: Task, ladder: Ladder, ctx: LadderContext, secondOwner: string | null): LeadAction[] {
  climb(ladder, 2, ctx, task.id);
  const half = Math.max(0.5, Math.round(task.estimateHours) / 2);
  const part = (n: 1 | 2, title: string, assignee: string | null) => ({
    title: `${task.title} — ${title}`,
    description: task.description,
    objective: task.objective,
    domain: task.domain,
    role: task.role,
    estimateHours: half,
    points: Math.round(task.points / 2),
    priority: task.priority,
    acceptance: n === 1 ? ['The smallest slice works end to end'] : task.acceptance,
    dependsOn: task.dependsOn,
    assignee,
    rationale: `${SPLIT_PREFIX} ${task.id} after ${quote(ladder.blocker)}`,
    due: task.due,
  });
  return [
    { type: 'tasks_add', sprintId: task.sprintId, tasks: [part(1, 'smallest working slice', task.assignee), part(2, 'the rest', secondOwner)] },
    updateTask(task.id, 'cancel', { note: `split into two smaller tasks after ${quote(ladder.blocker)}` }),
    say(`${task.id} "${task.title}" is still blocked, so I split it into two smaller tasks of ${half}h: the smallest working slice for ${task.assignee ?? 'its owner'} and the rest for ${secondOwner ?? 'whoever is free'}.`),
  ];
}

function escalate(task: Task, ladder: Ladder, ctx: LadderContext, cause: EscalationCause): LeadAction[] {
  climb(ladder, 3, ctx, task.id);
  const options = advisorOf(ctx).escalationOptions({ task, blocker: ladder.blocker, cause, view: ctx.view });
  return [escalationFor(task, ladder.blocker, cause, options)];
}
