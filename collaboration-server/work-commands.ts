/** Commands on sprints, tasks and escalations. Each runs inside the transaction that commits it. */
import { nanoid } from 'nanoid';
import { HuddleError } from './errors.js';
import type { CommandOutcome, Delivery, HandlerContext } from './handler-context.js';
import {
  TaskDraftSchema,
  type CommandFrame,
  type Escalation,
  type Sprint,
  type Task,
  type TaskAction,
  type TaskChange,
} from './protocol.js';
import { isFinished, nextStatus } from './task-lifecycle.js';

type FrameOf<T extends CommandFrame['type']> = Extract<CommandFrame, { type: T }>;
type Draft = ReturnType<typeof TaskDraftSchema.parse>;

export function requireAdmin(ctx: HandlerContext, what: string): void {
  if (!ctx.admin) throw new HuddleError('FORBIDDEN', `Only the technical lead or the product owner may ${what}.`);
}

export function findTask(ctx: HandlerContext, taskId: string): Task {
  const task = ctx.store.work.task(taskId);
  if (!task) throw new HuddleError('NOT_FOUND', `No task ${taskId}. \`huddle tasks\` lists the sprint's tasks.`);
  return task;
}

const all = { kind: 'all' } as const;

/** Inserts drafts, turning the dependency keys they name into the new task ids. */
function insertTasks(ctx: HandlerContext, sprintId: string, drafts: Draft[]): Task[] {
  const { store, now } = ctx;
  const idByKey = new Map<string, string>();
  const ids = drafts.map((d) => {
    const id = store.work.newTaskId(sprintId);
    if (d.key) idByKey.set(d.key, id);
    return id;
  });
  return drafts.map((d, i) => {
    const dependsOn = d.dependsOn.map((dep) => {
      const id = idByKey.get(dep) ?? (store.work.task(dep)?.sprintId === sprintId ? dep : undefined);
      if (!id) throw new HuddleError('BAD_FRAME', `Task "${d.title}" depends on "${dep}", which is not in this sprint.`);
      return id;
    });
    const task: Task = {
      id: ids[i]!,
      sprintId,
      title: d.title,
      description: d.description,
      objective: d.objective,
      domain: d.domain,
      role: d.role,
      estimateHours: d.estimateHours,
      points: d.points,
      priority: d.priority,
      acceptance: d.acceptance,
      dependsOn,
      assignee: d.assignee,
      ...(d.plannedAssignee ? { plannedAssignee: d.plannedAssignee } : {}),
      rationale: d.rationale,
      status: 'pending',
      percent: 0,
      due: d.due,
      atRisk: false,
      startedAt: null,
      completedAt: null,
      createdAt: now,
      updatedAt: now,
      notes: [],
    };
    store.work.saveTask(task);
    return task;
  });
}

export function createSprint(ctx: HandlerContext, frame: FrameOf<'sprint_create'>): CommandOutcome {
  requireAdmin(ctx, 'start a sprint');
  const { store, now, actor } = ctx;
  if (frame.sprint.endsAt <= frame.sprint.startsAt) throw new HuddleError('BAD_FRAME', 'A sprint must end after it starts.');
  const previous = store.work.currentSprint();
  if (previous?.status === 'active') store.work.setSprint(previous.id, 'completed');
  const sprint: Sprint = { id: `S-${nanoid(6)}`, ...frame.sprint, status: 'active', createdAt: now };
  store.work.createSprint(sprint);
  const tasks = insertTasks(ctx, sprint.id, frame.tasks);
  const stored = store.events.append({ type: 'sprint', by: actor.name, sprint, tasks }, now, actor.id, all, sprint.id);
  return {
    deliveries: [{ stored, fromId: actor.id, to: all }],
    result: { sprintId: sprint.id, taskIds: tasks.map((t) => t.id) },
  };
}

export function addTasks(ctx: HandlerContext, frame: FrameOf<'tasks_add'>): CommandOutcome {
  requireAdmin(ctx, 'add tasks');
  const { store, now, actor } = ctx;
  const sprint = store.work.sprint(frame.sprintId);
  if (!sprint) throw new HuddleError('NOT_FOUND', `No sprint ${frame.sprintId}.`);
  const tasks = insertTasks(ctx, sprint.id, frame.tasks);
  const stored = store.events.append({ type: 'sprint', by: actor.name, sprint, tasks }, now, actor.id, all, sprint.id);
  return { deliveries: [{ stored, fromId: actor.id, to: all }], result: { sprintId: sprint.id, taskIds: tasks.map((t) => t.id) } };
}

/** Actions that end a task's open blockers whatever its status: it changed hands, or it is over. */
const CLOSES_BLOCKERS: ReadonlySet<TaskAction> = new Set(['assign', 'reassign', 'done', 'fail', 'cancel']);

export function applyTaskUpdate(ctx: HandlerContext, frame: FrameOf<'task_update'>): CommandOutcome {
  const { store, now, actor } = ctx;
  const before = findTask(ctx, frame.taskId);
  const to = nextStatus(before, frame.action, actor, frame.assignee);
  const task: Task = { ...before, status: to, updatedAt: now, notes: [...before.notes] };
  const note = frame.note?.trim() || null;
  if (note) task.notes.push(`${actor.name}: ${note}`);

  switch (frame.action) {
    case 'assign':
    case 'reassign':
      task.assignee = frame.assignee!;
      task.atRisk = false;
      task.percent = frame.action === 'reassign' ? 0 : task.percent;
      task.startedAt = frame.action === 'reassign' ? null : task.startedAt;
      break;
    case 'start':
      task.startedAt ??= now;
      break;
    case 'progress':
      task.startedAt ??= now;
      if (frame.percent !== undefined) task.percent = Math.max(0, Math.min(99, Math.round(frame.percent)));
      break;
    case 'block':
      store.work.openBlockerFor(task.id, actor.name, note ?? 'no reason given', now);
      break;
    case 'done':
      task.percent = 100;
      task.completedAt = now;
      task.atRisk = false;
      break;
    case 'at_risk':
      task.atRisk = true;
      break;
    case 'update':
      Object.assign(task, Object.fromEntries(Object.entries(frame.fields ?? {}).filter(([, v]) => v !== undefined)));
      break;
    case 'unblock':
    case 'fail':
    case 'cancel':
    case 'accept':
    case 'note':
      break;
  }
  if ((before.status === 'blocked' && to !== 'blocked') || CLOSES_BLOCKERS.has(frame.action)) store.work.resolveBlockersOf(task.id, now);
  store.work.saveTask(task);

  const change: TaskChange = {
    taskId: task.id,
    action: frame.action,
    by: actor.name,
    from: before.status,
    to,
    note,
    percent: frame.action === 'progress' || frame.action === 'done' ? task.percent : null,
    assignee: task.assignee,
    previousAssignee: before.assignee !== task.assignee ? before.assignee : null,
  };
  const stored = store.events.append({ type: 'task', task, change }, now, actor.id, all, task.sprintId);
  const deliveries: Delivery[] = [{ stored, fromId: actor.id, to: all }];
  if (isFinished(task.status) && store.work.unfinishedTasks(task.sprintId) === 0) {
    store.work.setSprint(task.sprintId, 'completed');
  }
  return { deliveries, result: { status: task.status } };
}

export function createEscalation(ctx: HandlerContext, frame: FrameOf<'escalate'>): CommandOutcome {
  requireAdmin(ctx, 'escalate');
  const { store, now, actor } = ctx;
  if (frame.taskId) findTask(ctx, frame.taskId);
  const keys = new Set(frame.options.map((o) => o.key.toUpperCase()));
  if (keys.size !== frame.options.length) throw new HuddleError('BAD_FRAME', 'Each escalation option needs its own key.');
  const escalation: Escalation = {
    id: `E-${store.work.count('escalations') + 1}`,
    taskId: frame.taskId,
    title: frame.title,
    blocker: frame.blocker,
    impact: frame.impact,
    reason: frame.reason,
    options: frame.options.map((o) => ({ ...o, key: o.key.toUpperCase() })),
    status: 'open',
    createdAt: now,
  };
  store.work.createEscalation(escalation);
  const stored = store.events.append({ type: 'escalation', escalation }, now, actor.id, all);
  return { deliveries: [{ stored, fromId: actor.id, to: all }], result: { escalationId: escalation.id } };
}

export function answerEscalation(ctx: HandlerContext, frame: FrameOf<'escalation_answer'>): CommandOutcome {
  const { store, now, actor } = ctx;
  if (actor.role !== 'human') throw new HuddleError('FORBIDDEN', 'Only the product owner may answer an escalation.');
  const escalation = store.work.escalation(frame.escalationId.toUpperCase());
  if (!escalation) throw new HuddleError('NOT_FOUND', `No escalation ${frame.escalationId}. \`huddle escalations\` lists the open ones.`);
  if (escalation.status !== 'open') throw new HuddleError('CONFLICT', `${escalation.id} was already answered.`);
  const key = frame.option?.toUpperCase() ?? null;
  const option = key ? escalation.options.find((o) => o.key === key) : undefined;
  if (key && !option) {
    throw new HuddleError('NOT_FOUND', `${escalation.id} has no option ${key}; pick one of ${escalation.options.map((o) => o.key).join(', ')}.`);
  }
  if (!option && !frame.text?.trim()) throw new HuddleError('BAD_FRAME', 'Answer with an option key, a text, or both.');
  const answered: Escalation = { ...escalation, status: 'answered' };
  const decision = {
    id: `D-${store.work.count('decisions') + 1}`,
    escalationId: escalation.id,
    option: option?.key ?? null,
    text: [option?.label, frame.text?.trim()].filter(Boolean).join(' — '),
    by: actor.name,
    createdAt: now,
  };
  store.work.decide(answered, decision);
  const stored = store.events.append({ type: 'decision', decision, escalation: answered }, now, actor.id, all);
  return { deliveries: [{ stored, fromId: actor.id, to: all }], result: { decisionId: decision.id } };
}
