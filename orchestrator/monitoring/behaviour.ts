/**
 * The monitor: the lead's eyes once a sprint runs. It wires the progress monitor, blocker detection and
 * the resolution ladder, failures, escalations and decisions, deadlines and load, and the completion
 * report into one Behaviour. Its memory goes to the hub (`state_put`, key `monitor`) whenever it
 * changes, and comes back in `restore` when the lead restarts.
 */
import type { HubEvent, MessageEvent, Task, TaskEvent } from '../../collaboration-server/protocol.js';
import { forget } from './alert-throttle.js';
import { asksToSplit, detectChatBlocker, isFromBot, linkToActiveTask } from './blocker-detector.js';
import { SPLIT_PREFIX, ladderTick, onBlockerReport, onTaskMoved, type LadderContext } from './blocker-resolver.js';
import { announceEscalation, applyDecision } from './escalation.js';
import { onTaskFailed } from './failures.js';
import type { Behaviour, LeadAction, LeadView } from '../lead-view.js';
import { computeMetrics } from '../metrics.js';
import { say, updateTask } from './actions.js';
import { MEMORY_KEY, emptyMemory, restoreMemory, type MonitorMemory } from './memory.js';
import { DEFAULT_MONITOR_OPTIONS, type MonitorOptions } from './options.js';
import { pickFromTeam, type Picker } from './picker.js';
import { progressChecks, trackPresence, zombieChecks } from './progress-checks.js';
import { overloadChecks, slaChecks } from './sla.js';
import { reportCard, reportText } from '../sprint-report.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { quote } from './quote.js';

export interface MonitorBehaviour extends Behaviour {
  /** the current memory, for tests */
  memory(): MonitorMemory;
}

export function createMonitorBehaviour(options: Partial<MonitorOptions> = {}, pick: Picker = pickFromTeam): MonitorBehaviour {
  const opts: MonitorOptions = { ...DEFAULT_MONITOR_OPTIONS, ...options };
  let memory = emptyMemory();
  const ctx = (view: LeadView): LadderContext => ({ view, memory, options: opts, pick });

  function onTaskEvent(event: TaskEvent, view: LeadView): LeadAction[] {
    const { task, change } = event;
    switch (change.action) {
      case 'block':
        return onBlockerReport(task, change.note ?? 'no reason given', ctx(view));
      case 'unblock':
      case 'start':
      case 'progress':
        onTaskMoved(task.id, event.ts, memory);
        return [];
      case 'fail':
        return onTaskFailed(task, change.note, task.assignee, ctx(view));
      case 'reassign':
      case 'assign':
        delete memory.atRiskSince[task.id];
        return [];
      case 'done':
      case 'cancel':
        delete memory.ladder[task.id];
        delete memory.atRiskSince[task.id];
        forget(memory.alerts, `stale:${task.id}`);
        return completionReport(view);
      default:
        return [];
    }
  }

  /** The sprint's last task is finished: post the report once. */
  function completionReport(view: LeadView): LeadAction[] {
    const sprint = view.sprint;
    if (!sprint || memory.reported.includes(sprint.id)) return [];
    const tasks = view.tasks.filter((t) => t.sprintId === sprint.id);
    if (tasks.length === 0 || !tasks.every((t) => isFinished(t.status)) || !tasks.some((t) => t.status === 'done')) return [];
    memory.reported.push(sprint.id);
    const metrics = computeMetrics(sprint, tasks, view.taskEvents ?? [], view.now);
    return [say(reportText(metrics, true), reportCard(metrics))];
  }

  /** Tasks the ladder split arrive pending: hand them to the owners it chose. */
  function assignSplitTasks(tasks: readonly Task[]): LeadAction[] {
    return tasks
      .filter((t) => t.status === 'pending' && t.assignee && t.rationale.startsWith(SPLIT_PREFIX))
      .map((t) => updateTask(t.id, 'assign', { assignee: t.assignee!, note: t.rationale }));
  }

  function decide(event: HubEvent, view: LeadView): LeadAction[] {
    switch (event.type) {
      case 'message':
        return onChat(event, view);
      case 'task':
        return onTaskEvent(event, view);
      case 'sprint':
        return assignSplitTasks(event.tasks);
      case 'presence':
        if (event.change === 'left') memory.offlineSince[event.participant.name] ??= event.ts;
        else delete memory.offlineSince[event.participant.name];
        return [];
      case 'escalation': {
        const e = event.escalation;
        if (e.status !== 'open' || memory.announced.includes(e.id)) return [];
        memory.announced.push(e.id);
        return [announceEscalation(e)];
      }
      case 'decision': {
        const { decision, escalation } = event;
        if (memory.applied.includes(decision.id)) return [];
        memory.applied.push(decision.id);
        if (escalation.taskId && memory.ladder[escalation.taskId]) {
          memory.ladder[escalation.taskId] = { ...memory.ladder[escalation.taskId]!, rung: 0, resolvedAt: event.ts };
        }
        return applyDecision(event, view, pick);
      }
    }
  }

  /** Chat that reads as a blocker is recorded on the sender's task; so is a yes to the offer to split. */
  function onChat(event: MessageEvent, view: LeadView): LeadAction[] {
    if (isFromBot(event, view.self)) return [];
    const found = detectChatBlocker(event, view.tasks, view.self);
    if (found) {
      // Already with the product owner: more of the same would only add noise.
      if (found.task.status === 'blocked' && memory.ladder[found.task.id]?.rung === 3) return [];
      return [updateTask(found.task.id, 'block', { note: `${event.from.name} said: ${quote(found.reason)}` })];
    }
    if (!asksToSplit(event.text)) return [];
    const task = linkToActiveTask(event.from.name, event.text, view.tasks);
    const offered = task && ((memory.ladder[task.id]?.rung ?? 0) >= 1 || memory.alerts[`stale:${task.id}`] !== undefined);
    return task && offered ? [updateTask(task.id, 'block', { note: `${event.from.name} asks to split it: ${quote(event.text.trim())}` })] : [];
  }

  /** Runs `fn` and adds a `state_put` when the memory changed. */
  function remembering(fn: () => LeadAction[]): LeadAction[] {
    const before = JSON.stringify(memory);
    const actions = fn();
    return JSON.stringify(memory) === before ? actions : [...actions, { type: 'state_put', key: MEMORY_KEY, value: memory }];
  }

  return {
    name: MEMORY_KEY,
    memory: () => memory,
    restore(saved) {
      memory = restoreMemory(saved);
    },
    onEvent: (event, view) => remembering(() => decide(event, view)),
    onTick: (view) =>
      remembering(() => {
        trackPresence(view, memory);
        return [
          ...progressChecks(view, memory, opts),
          ...zombieChecks(view, memory, opts, pick),
          ...ladderTick(ctx(view)),
          ...slaChecks(view, memory, opts),
          ...overloadChecks(view, memory, opts),
          ...completionReport(view),
        ];
      }),
  };
}
