/**
 * A sprint's life in the hub. Closing it keeps its tasks as they are as its record and sends its
 * unfinished tasks to the backlog (pending, progress and notes kept); a new sprint may carry backlog
 * tasks in with their ids. What is over is read-only: a closed sprint's tasks, and backlog tasks apart
 * from the grooming the lead and the product owner do (estimate, note, cancel). Each runs inside the
 * transaction that commits the frame.
 */
import { HuddleError } from './errors.js';
import type { CommandOutcome, Delivery, HandlerContext } from './handler-context.js';
import type { CommandFrame, Sprint, Task, TaskAction, TaskChange } from './protocol.js';
import { isFinished } from './task-lifecycle.js';

const all = { kind: 'all' } as const;

/** What may still be done to a backlog task, and by the lead or the product owner only. */
const BACKLOG_ACTIONS: ReadonlySet<TaskAction> = new Set(['update', 'note', 'cancel']);

function taskEvent(ctx: HandlerContext, task: Task, change: Omit<TaskChange, 'taskId' | 'by'>): Delivery {
  const stored = ctx.store.events.append({ type: 'task', task, change: { taskId: task.id, by: ctx.actor.name, ...change } }, ctx.now, ctx.actor.id, all, task.sprintId);
  return { stored, fromId: ctx.actor.id, to: all };
}

const statusWords = (t: Task) => `${t.status.replace('_', ' ')}, ${Math.round(t.percent)}% done${t.assignee ? `, with ${t.assignee}` : ''}`;

/**
 * Closes an active sprint: `completed` when every task is finished, else `closed`, its unfinished
 * tasks moved to the backlog. Its tasks as they were at the close stay its record.
 */
export function closeSprint(ctx: HandlerContext, sprint: Sprint): { deliveries: Delivery[]; backlog: Task[] } {
  const { store, now, actor } = ctx;
  const tasks = store.work.tasks(sprint.id);
  const open = tasks.filter((t) => !isFinished(t.status));
  const closed: Sprint = { ...sprint, status: open.length ? 'closed' : 'completed', closedAt: now };
  store.work.closeSprint(sprint.id, closed.status as 'completed' | 'closed', now, tasks);
  const deliveries: Delivery[] = [];
  const backlog = open.map((before) => {
    const note = `${actor.name}: ${sprint.name} closed with it ${statusWords(before)}: it goes to the backlog, progress kept`;
    const task: Task = { ...before, status: 'pending', atRisk: false, updatedAt: now, notes: [...before.notes, note] };
    store.work.resolveBlockersOf(task.id, now);
    store.work.saveTask(task);
    deliveries.push(taskEvent(ctx, task, { action: 'backlog', from: before.status, to: 'pending', note, percent: null, assignee: task.assignee, previousAssignee: null }));
    return task;
  });
  // the event carries the record (the tasks as they were at the close), as `tasks` answers from now on;
  // the `backlog` task events before it carry where the unfinished ones went
  const stored = store.events.append({ type: 'sprint', by: actor.name, sprint: closed, tasks }, now, actor.id, all, sprint.id);
  deliveries.push({ stored, fromId: actor.id, to: all });
  return { deliveries, backlog };
}

/** `sprint_close`: the product owner or the lead ends the active sprint. */
export function sprintClose(ctx: HandlerContext, frame: Extract<CommandFrame, { type: 'sprint_close' }>): CommandOutcome {
  if (!ctx.admin) throw new HuddleError('FORBIDDEN', 'Only the technical lead or the product owner may close a sprint.');
  const sprint = ctx.store.work.sprint(frame.sprintId);
  if (!sprint) throw new HuddleError('NOT_FOUND', `No sprint ${frame.sprintId}. \`huddle sprints\` lists them.`);
  if (sprint.status !== 'active') throw new HuddleError('CONFLICT', `${sprint.name} is already ${sprint.status}.`);
  const { deliveries, backlog } = closeSprint(ctx, sprint);
  return { deliveries, result: { sprintId: sprint.id, status: backlog.length ? 'closed' : 'completed', backlog: backlog.map((t) => t.id) } };
}

/** Takes backlog tasks into `sprint` with their ids, progress and notes; refused as a whole if one is not in the backlog. */
export function carryInto(ctx: HandlerContext, sprint: Sprint, carry: readonly { taskId: string; due: number | null }[], from: string): { tasks: Task[]; events: Delivery[] } {
  const { store, now, actor } = ctx;
  const seen = new Set<string>();
  const carriedIds = new Set(carry.map((c) => c.taskId));
  const moved = carry.map(({ taskId, due }) => {
    if (seen.has(taskId)) throw new HuddleError('BAD_FRAME', `${taskId} is carried twice.`);
    seen.add(taskId);
    const before = store.work.task(taskId);
    if (!before) throw new HuddleError('NOT_FOUND', `No task ${taskId} to carry over.`);
    const home = store.work.sprint(before.sprintId);
    if (isFinished(before.status) || home?.status === 'active') {
      throw new HuddleError('CONFLICT', `${taskId} is not in the backlog (it is ${before.status.replace('_', ' ')} in ${home?.name ?? before.sprintId}): the plan is out of date.`);
    }
    const note = `${actor.name}: carried over from ${home?.name ?? from} into ${sprint.name} at ${Math.round(before.percent)}%`;
    // what it waited for is finished, or stays behind: it waits only for what comes along
    const dependsOn = before.dependsOn.filter((d) => carriedIds.has(d));
    return { before, task: { ...before, sprintId: sprint.id, dependsOn, due, updatedAt: now, notes: [...before.notes, note] } as Task, note };
  });
  for (const { task } of moved) store.work.moveTask(task);
  return {
    tasks: moved.map((m) => m.task),
    events: moved.map(({ before, task, note }) => taskEvent(ctx, task, { action: 'carry', from: before.status, to: task.status, note, percent: null, assignee: task.assignee, previousAssignee: null })),
  };
}

/**
 * The read-only rule: a closed or completed sprint's tasks do not move (status, progress, owner,
 * estimate); a finished one may still get words after the fact, a note or its log (an `--exec` run
 * writes both just after it marks the task done, which may be what completed the sprint); a backlog
 * task changes only by grooming.
 */
export function requireWritable(ctx: HandlerContext, task: Task, action: TaskAction | 'artifact'): void {
  const sprint = ctx.store.work.sprint(task.sprintId);
  if (!sprint || sprint.status === 'active') return;
  if (isFinished(task.status)) {
    if (action === 'note' || action === 'artifact') return;
    throw new HuddleError('SPRINT_CLOSED', `${sprint.name} is ${sprint.status}: its tasks are read-only (${task.id} is ${task.status}).`);
  }
  if (ctx.admin && action !== 'artifact' && BACKLOG_ACTIONS.has(action)) return;
  throw new HuddleError(
    'SPRINT_CLOSED',
    `${task.id} is in the backlog: ${sprint.name} closed before it was finished. It moves again when a plan takes it (it is proposed as carried over, or \`carry ${task.id}\` while planning); until then only the lead or the product owner may change its estimate, note or cancel it.`,
  );
}
