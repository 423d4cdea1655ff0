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
import { updateTask } from './actions.js';
import { requestedWork } from '../planning/mid-sprint.js';
import { isRoomQuestion } from '../room-questions.js';
import { MEMORY_KEY, emptyMemory, restoreMemory, type MonitorMemory } from './memory.js';
import { DEFAULT_MONITOR_OPTIONS, type MonitorOptions } from './options.js';
import { pickFromTeam, type Picker } from './picker.js';
import { progressChecks, trackPresence, zombieChecks } from './progress-checks.js';
import { acceptChecks, unownedChecks } from './ownership.js';
import { overloadChecks, slaChecks } from './sla.js';

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
        return [];
      default:
        return [];
    }
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
    // work brought in ("bug: …", `add …`) and `status`/`report` are for the planning and status behaviours
    if (requestedWork(event.text) || /^\/?add\s/i.test(event.text.trim()) || isRoomQuestion(event.text)) return [];
    const found = detectChatBlocker(event, view.tasks, view.self);
    if (found) {
      // Already with the product owner: more of the same would only add noise.
      if (found.task.status === 'blocked' && memory.ladder[found.task.id]?.rung === 3) return [];
      return [updateTask(found.task.id, 'block', { note: `${event.from.name} said: "${found.reason}"` })];
    }
    if (!asksToSplit(event.text)) return [];
    const task = linkToActiveTask(event.from.name, event.text, view.tasks);
    const offered = task && ((memory.ladder[task.id]?.rung ?? 0) >= 1 || memory.alerts[`stale:${task.id}`] !== undefined);
    return task && offered ? [updateTask(task.id, 'block', { note: `${event.from.name} asks to split it: "${event.text.trim()}"` })] : [];
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
        // a closed sprint's work is over or in the backlog: nothing to watch (sprint-closing.ts reports it)
        if (view.sprint?.status !== 'active') return [];
        return [
          ...progressChecks(view, memory, opts),
          ...zombieChecks(view, memory, opts, pick),
          ...acceptChecks(view, memory, opts),
          ...unownedChecks(view, memory, opts),
          ...ladderTick(ctx(view)),
          ...slaChecks(view, memory, opts),
          ...overloadChecks(view, memory, opts),
        ];
      }),
  };
}
