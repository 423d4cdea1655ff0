/**
 * The monitor: the lead's eyes once a sprint runs. It wires the progress monitor, blocker detection and
 * the resolution ladder, failures, escalations and decisions, deadlines and load, and the completion
 * report into one Behaviour. Its memory goes to the hub (`state_put`, key `monitor`) whenever it
 * changes, and comes back in `restore` when the lead restarts.
 */
import type { HubEvent, MessageEvent, Task, TaskEvent } from '../../collaboration-server/protocol.js';
import { isActive } from '../../collaboration-server/task-lifecycle.js';
import { forget, isDue, markSaid } from './alert-throttle.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { asksToSplit, isFromBot, linkToActiveTask } from './blocker-detector.js';
import { SPLIT_PREFIX, ladderTick, onBlockerReport, onTaskMoved, type LadderContext } from './blocker-resolver.js';
import { announceEscalation, applyDecision } from './escalation.js';
import { onTaskFailed } from './failures.js';
import type { Behaviour, LeadAction, LeadView } from '../lead-view.js';
import { computeMetrics } from '../../collaboration-server/metrics.js';
import { say, sayTo, updateTask } from './actions.js';
import { askAboutLine, askWhichTask, yesOrNo } from './chat-questions.js';
import type { ChatReading } from './chat-reading.js';
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

export function createMonitorBehaviour(options: Partial<MonitorOptions> = {}, pick: Picker = pickFromTeam, advisor: Advisor = offlineAdvisor): MonitorBehaviour {
  const opts: MonitorOptions = { ...DEFAULT_MONITOR_OPTIONS, ...options };
  let memory = emptyMemory();
  const ctx = (view: LeadView): LadderContext => ({ view, memory, options: opts, pick, advisor });

  function onTaskEvent(event: TaskEvent, view: LeadView): LeadAction[] {
    const { task, change } = event;
    switch (change.action) {
      case 'block': {
        const reason = change.note ?? 'no reason given';
        if (!advisor.thinking?.({ call: 'guidance', input: [task, reason] })) return onBlockerReport(task, reason, ctx(view));
        memory.held.push({ kind: 'block', taskId: task.id, reason });
        return [];
      }
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

  /**
   * Chat the advisor reads as a blocker is recorded on the sender's task; one it is unsure of gets one
   * short question, and a yes records it (a no, or no answer within askExpiresMs, lets it go). A
   * blocker from someone with no task in progress gets a question about which task. A yes to the
   * offer to split asks for the split.
   */
  function onChat(event: MessageEvent, view: LeadView): LeadAction[] {
    if (isFromBot(event, view.self)) return [];
    const name = event.from.name;
    const answered = answerToAsk(name, event.text, view);
    if (answered) return answered;
    if (advisor.thinking?.({ call: 'readChat', input: [event.text] })) {
      memory.held.push({ kind: 'chat', event });
      return [];
    }
    const reading = advisor.readChat(event.text);
    if (reading.reading !== 'none' && event.from.role !== 'human') return onTrouble(event, reading, view);
    if (!asksToSplit(event.text)) return [];
    const task = linkToActiveTask(name, event.text, view.tasks);
    const offered = task && ((memory.ladder[task.id]?.rung ?? 0) >= 1 || memory.alerts[`stale:${task.id}`] !== undefined);
    return task && offered ? [updateTask(task.id, 'block', { note: `${name} asks to split it: ${quote(event.text.trim())}` })] : [];
  }

  /** A yes or no to the question waiting for this person; null when the line answers nothing. */
  function answerToAsk(name: string, text: string, view: LeadView): LeadAction[] | null {
    const ask = memory.asks[name];
    const answer = ask ? yesOrNo(text) : null;
    if (!ask || !answer) return null;
    delete memory.asks[name];
    const task = view.tasks.find((t) => t.id === ask.taskId);
    if (answer === 'no' || view.now - ask.at > opts.askExpiresMs || !task || !isActive(task.status)) return [];
    return [updateTask(task.id, 'block', { note: ask.note })];
  }

  function onTrouble(event: MessageEvent, reading: ChatReading, view: LeadView): LeadAction[] {
    const name = event.from.name;
    const note = `${name} said: ${quote(event.text.trim().slice(0, 1000))}`;
    const other = reading.about === 'other' ? otherPerson(event.text, view) : null;
    const task = other ? linkToActiveTask(other, event.text, view.tasks) : linkToActiveTask(name, event.text, view.tasks);
    if (!task) {
      if (reading.reading !== 'blocker' || other || !view.sprint || !isDue(memory.alerts, `which:${name}`, view.now, opts.alertWindowMs)) return [];
      markSaid(memory.alerts, `which:${name}`, view.now);
      return [sayTo(name, askWhichTask(name, view.tasks.filter((t) => t.assignee === name)))];
    }
    // Already with the product owner: more of the same would only add noise.
    if (task.status === 'blocked' && memory.ladder[task.id]?.rung === 3) return [];
    if (reading.reading === 'blocker' && !other) return [updateTask(task.id, 'block', { note })];
    // Unsure, or about someone else: ask once, and only about a task not already blocked.
    const key = `ask:${task.id}`;
    if (task.status === 'blocked' || !isDue(memory.alerts, key, view.now, opts.alertWindowMs)) return [];
    markSaid(memory.alerts, key, view.now);
    memory.asks[name] = { taskId: task.id, note, at: view.now };
    return [sayTo(name, askAboutLine(reading, event.text, task, other ?? undefined))];
  }

  /** The participant a line is about, when it opens with their name ("Marta is stuck on..."). */
  function otherPerson(text: string, view: LeadView): string | null {
    const t = text.trim().toLowerCase();
    const named = view.roster.find((p) => p.name !== view.self && t.startsWith(p.name.toLowerCase()));
    return named?.name ?? null;
  }

  /** Questions nobody answered in time are let go. */
  function expireAsks(now: number): void {
    for (const [name, ask] of Object.entries(memory.asks)) if (now - ask.at > opts.askExpiresMs) delete memory.asks[name];
  }

  /** What was held for the advisor and is ready now: handled as if it had just arrived. */
  function released(view: LeadView): LeadAction[] {
    const blocked = (h: { taskId: string }) => view.tasks.find((t) => t.id === h.taskId && t.status === 'blocked');
    const ready = memory.held.filter((h) => {
      if (h.kind === 'chat') return !advisor.thinking?.({ call: 'readChat', input: [h.event.text] });
      const task = blocked(h);
      return !task || !advisor.thinking?.({ call: 'guidance', input: [task, h.reason] });
    });
    if (ready.length === 0) return [];
    memory.held = memory.held.filter((h) => !ready.includes(h));
    return ready.flatMap((h) => {
      if (h.kind === 'chat') return onChat(h.event, view);
      const task = blocked(h);
      return task ? onBlockerReport(task, h.reason, ctx(view)) : [];
    });
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
        // What was held for the advisor goes first, as if it had just arrived.
        const ready = released(view);
        trackPresence(view, memory);
        expireAsks(view.now);
        return [
          ...ready,
          ...progressChecks(view, memory, opts, advisor),
          ...zombieChecks(view, memory, opts, pick),
          ...ladderTick(ctx(view)),
          ...slaChecks(view, memory, opts),
          ...overloadChecks(view, memory, opts),
          ...completionReport(view),
        ];
      }),
  };
}
