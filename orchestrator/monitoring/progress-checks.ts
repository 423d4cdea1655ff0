/**
 * Watching work in progress: a task silent past its threshold gets one friendly progress check;
 * an assignee offline past a grace period makes the task at risk, and a second period later it is
 * reassigned. Pure: tasks, roster and memory in, frames out.
 */
import { isHeld } from '../../collaboration-server/task-lifecycle.js';
import type { Task } from '../../collaboration-server/protocol.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { isDue, markSaid, withinBudget } from './alert-throttle.js';
import type { LeadAction, LeadView } from '../lead-view.js';
import { alert, minutes, say, sayTo, updateTask } from './actions.js';
import type { MonitorMemory } from './memory.js';
import { staleThresholdMs, type MonitorOptions } from './options.js';
import type { Picker } from './picker.js';

/** One progress check per silent task in progress, not repeated within its window. */
export function progressChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions, advisor: Advisor = offlineAdvisor): LeadAction[] {
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    // An assignee who is offline is the zombie check's business, not a chat message's.
    if (task.status !== 'in_progress' || !task.assignee || memory.offlineSince[task.assignee] !== undefined) continue;
    const threshold = staleThresholdMs(task.estimateHours, options);
    const silent = view.now - task.updatedAt;
    const key = `stale:${task.id}`;
    if (silent < threshold || !isDue(memory.alerts, key, view.now, threshold)) continue;
    if (!withinBudget(memory.said, view.now, options.messagesPerMinute)) break;
    const mins = minutes(silent);
    // An advisor still thinking about what to ask: the check waits for it, a tick or a few.
    if (advisor.thinking?.({ call: 'judgeQuietTask', input: [{ task, silentMinutes: mins }] })) continue;
    markSaid(memory.alerts, key, view.now);
    const judged = advisor.judgeQuietTask({ task, silentMinutes: mins });
    if (!judged.check) continue;
    memory.said.push(view.now);
    actions.push(
      sayTo(
        task.assignee,
        `Hi ${task.assignee}, how is ${task.id} "${task.title}" going? No update for ${mins} min (${task.percent}% so far). ` +
          `Are you blocked, do you need information, or should we split it? A quick /progress or /blocked helps.`,
        { kind: 'progress_check', taskId: task.id, title: task.title, silentForMinutes: mins, percent: task.percent, questions: judged.questions },
      ),
    );
  }
  return actions;
}

/** Notes when people went offline; forgets those who came back. */
export function trackPresence(view: LeadView, memory: MonitorMemory): void {
  for (const p of view.roster) {
    if (p.status === 'offline') memory.offlineSince[p.name] ??= view.now;
    else delete memory.offlineSince[p.name];
  }
}

/** Zombie work: at risk after the grace period, reassigned after the second one. */
export function zombieChecks(view: LeadView, memory: MonitorMemory, options: MonitorOptions, pick: Picker): LeadAction[] {
  trackPresence(view, memory);
  const actions: LeadAction[] = [];
  for (const task of view.tasks) {
    const owner = task.assignee;
    if (!owner || !isHeld(task.status)) {
      delete memory.atRiskSince[task.id];
      continue;
    }
    const since = memory.offlineSince[owner];
    if (since === undefined) {
      delete memory.atRiskSince[task.id];
      continue;
    }
    const offlineFor = view.now - since;
    if (offlineFor < options.offlineGraceMs) continue;
    const atRiskAt = memory.atRiskSince[task.id];
    if (atRiskAt === undefined) {
      memory.atRiskSince[task.id] = view.now;
      if (!task.atRisk) actions.push(updateTask(task.id, 'at_risk', { note: `${owner} has been offline for ${minutes(offlineFor)} min` }));
      actions.push(
        alert('warning', `${task.id} is at risk`, `${owner} has been offline for ${minutes(offlineFor)} min while holding "${task.title}". I will hand it over in ${minutes(options.reassignAfterMs)} min if they do not come back.`, task.id),
      );
      continue;
    }
    if (view.now - atRiskAt < options.reassignAfterMs) continue;
    const next = pick(task, view, [owner]);
    if (next) {
      delete memory.atRiskSince[task.id];
      const rationale = `${owner} has been offline for ${minutes(offlineFor)} min; ${next.name}: ${next.rationale}`;
      actions.push(updateTask(task.id, 'reassign', { assignee: next.name, note: rationale }));
      actions.push(
        say(`${task.id} "${task.title}" moves from ${owner} to ${next.name}: ${rationale}.`, {
          kind: 'reassignment',
          taskId: task.id,
          title: task.title,
          from: owner,
          to: next.name,
          rationale,
        }),
      );
    } else if (isDue(memory.alerts, `zombie:${task.id}`, view.now, options.alertWindowMs)) {
      markSaid(memory.alerts, `zombie:${task.id}`, view.now);
      actions.push(alert('critical', `${task.id} has nobody to take it`, `${owner} is offline and nobody else present can take "${task.title}".`, task.id));
    }
  }
  return actions;
}
