/** A lead's card as a few readable text lines (compact tables), for the plain line mode. */
import type { Card } from '../../collaboration-server/cards.js';
import { round1 } from '../../collaboration-server/units.js';
import { columns } from '../text-width.js';

/** A card's share, which is always a percent (see cards.ts). */
export const pct = (percent: number) => `${Math.round(percent)}%`;
const h = (n: number) => `${round1(n)}h`;


export function cardLines(card: Card): string[] {
  switch (card.kind) {
    case 'capacity':
      return [
        `capacity: ${h(card.totalHours)} over ${card.days} day(s), ${pct(card.bookedPercent)} booked${card.bookedPercent > 100 ? ', overbooked' : ''}`,
        ...columns([
          ['name', 'role', 'h/day', 'capacity', 'available', 'load', 'booked'],
          ...card.agents.map((a) => [a.name, a.role, String(a.hoursPerDay), h(a.capacityHours), h(a.availableHours), h(a.loadHours), pct(a.bookedPercent) + (a.bookedPercent > 100 ? ' over' : '')]),
        ]),
      ];
    case 'objectives':
      return [
        `objectives: ${card.totalPoints} points, ${h(card.totalHours)} of ${h(card.capacityHours)} capacity — ${card.fits ? 'fits' : 'does NOT fit'}; ${card.balance}`,
        ...columns(card.objectives.map((o) => [`${o.index}.`, o.priority, `${o.points}pt`, h(o.hours), o.domains.join(','), o.text])),
      ];
    case 'breakdown':
      return [
        `breakdown (${card.strategy}): ${card.tasks.length} task(s), ${h(card.totalHours)} of ${h(card.capacityHours)}, ${card.stages} stage(s), critical path ${h(card.criticalPathHours)} — ${card.fits ? 'fits' : 'does NOT fit'}`,
        ...columns([
          ['key', 'stage', 'hours', 'role', 'assignee', 'title'],
          ...card.tasks.map((t) => [t.key, String(t.stage), h(t.hours), t.role, (t.assignee ?? '-') + (t.overCapacity ? '!' : ''), t.title + (t.dependsOn.length ? ` (after ${t.dependsOn.join(', ')})` : '')]),
        ]),
        ...card.overloads.map((o) => `overloaded: ${o.name} ${h(o.hours)} of ${h(o.capacityHours)}`),
        ...(card.cuts.length ? [`suggested cuts: ${card.cuts.join('; ')}`] : []),
      ];
    case 'progress_check':
      return [`progress check ${card.taskId} ${card.title}: ${card.percent}%, silent for ${Math.round(card.silentForMinutes)} min`, ...card.questions.map((q) => `  ? ${q}`)];
    case 'guidance':
      return [
        `guidance ${card.taskId} ${card.title} (${card.topic}): ${card.blocker}`,
        ...card.steps.map((s, i) => `  ${i + 1}. ${s}`),
        ...(card.offerSplit ? ['  The lead can split this task if that helps.'] : []),
      ];
    case 'reassignment':
      return [`reassigned ${card.taskId} ${card.title}: ${card.from ?? 'nobody'} → ${card.to} (${card.rationale})`];
    case 'escalation':
      return [
        `escalation ${card.escalationId}${card.taskId ? ` (${card.taskId})` : ''}: ${card.title}`,
        ...(card.blocker ? [`  blocker: ${card.blocker}`] : []),
        ...(card.impact ? [`  impact: ${card.impact}`] : []),
        ...card.options.map((o) => `  ${o.key}) ${o.label}`),
        `  answer with: /answer ${card.escalationId} KEY [text]`,
      ];
    case 'sprint_report':
      return [
        `sprint report ${card.name}: ${card.tasksDone}/${card.tasksTotal} done (${pct(card.completionPercent)}), velocity ${card.velocityPointsPerDay.toFixed(1)} pt/day, ${card.blockers.count} blocker(s)`,
        ...columns([
          ['name', 'done', 'estimated', 'actual', 'accuracy'],
          ...card.agents.map((a) => [a.name, String(a.tasksDone), h(a.estimatedHours), h(a.actualHours), a.accuracyPercent === null ? '-' : pct(a.accuracyPercent)]),
        ]),
      ];
    case 'alert':
      return [`${card.level.toUpperCase()}: ${card.title}${card.taskId ? ` (${card.taskId})` : ''} — ${card.detail}`];
  }
}
