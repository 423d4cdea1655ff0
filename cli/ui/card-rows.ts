/**
 * A lead's card as rows inside a box `width` columns wide: a title, a table or a list, progress bars
 * where there is progress. Narrow boxes get compact forms (the breakdown puts each task on two rows).
 */
import type { Card, CardOf } from '../../collaboration-server/cards.js';
import { round1 } from '../../collaboration-server/units.js';
import { pct } from '../plain/card-text.js';
import { progressSpans } from './progress-spans.js';
import { frame, rowWidth, span, tableRows, truncateRow, wrapSpans, type Row, type Span, type Style } from './rows.js';

const h = (n: number) => `${round1(n)}h`;
const cell = (text: string, style?: Style): Row => [span(text, style)];

/** Below this inner width the breakdown shows each task on two rows, without a header. */
export const WIDE_BREAKDOWN = 80;

export function cardRows(card: Card, width: number): Row[] {
  const inner = Math.max(8, width - 4);
  const { title, color, body } = cardContent(card, inner);
  return frame([...wrapSpans([span(title, { bold: true, color })], inner, 2), ...body], width, { color });
}

const para = (text: string, inner: number, style: Style = {}, hang = 2): Row[] => wrapSpans([span(text, style)], inner, hang);
const spansPara = (spans: Span[], inner: number, hang = 2): Row[] => wrapSpans(spans, inner, hang);

function cardContent(card: Card, inner: number): { title: string; color: string; body: Row[] } {
  switch (card.kind) {
    case 'capacity':
      return {
        title: `Capacity — ${h(card.totalHours)} over ${card.days} day(s)`,
        color: 'cyan',
        body: [
          ...tableRows(
            card.agents.map((a) => [cell(a.name), cell(a.role), cell(`${h(a.loadHours)} / ${h(a.capacityHours)}`), progressSpans(a.bookedPercent)]),
            inner,
            { flex: 0 },
          ),
          truncateRow([span('Booked overall '), ...progressSpans(card.bookedPercent, 20)], inner),
        ],
      };
    case 'objectives':
      return {
        title: `Objectives — ${card.totalPoints} points, ${h(card.totalHours)} of ${h(card.capacityHours)}`,
        color: card.fits ? 'cyan' : 'yellow',
        body: [
          ...tableRows(
            [['#', 'priority', 'points', 'hours', 'objective'].map((t) => cell(t)), ...card.objectives.map((o) => [String(o.index), o.priority, String(o.points), h(o.hours), o.text].map((t) => cell(t)))],
            inner,
            { header: true },
          ),
          ...para(`${card.fits ? 'Fits the capacity.' : 'Does not fit the capacity.'} ${card.balance}`, inner, { color: card.fits ? 'green' : 'yellow' }),
        ],
      };
    case 'breakdown':
      return {
        title: `Task breakdown (${card.strategy}) — ${card.tasks.length} tasks, ${h(card.totalHours)} of ${h(card.capacityHours)}`,
        color: card.fits ? 'cyan' : 'yellow',
        body: [
          ...(inner >= WIDE_BREAKDOWN ? breakdownTable(card, inner) : breakdownCompact(card, inner)),
          ...para(
            `${card.stages} stage(s), critical path ${h(card.criticalPathHours)}${card.overloads.length ? ` · overloaded: ${card.overloads.map((o) => `${o.name} ${h(o.hours)}/${h(o.capacityHours)}`).join(', ')}` : ''}`,
            inner,
            { dimColor: true },
          ),
          ...(card.cuts.length ? para(`Suggested cuts: ${card.cuts.join('; ')}`, inner, { color: 'yellow' }) : []),
        ],
      };
    case 'progress_check':
      return {
        title: `Progress check ${card.taskId} — ${card.title}`,
        color: 'yellow',
        body: [
          truncateRow([...progressSpans(card.percent, 20), span(` silent for ${Math.round(card.silentForMinutes)} min`, { dimColor: true })], inner),
          ...card.questions.flatMap((q) => para(`? ${q}`, inner)),
        ],
      };
    case 'guidance':
      return {
        title: `Guidance ${card.taskId} — ${card.topic}`,
        color: 'green',
        body: [
          ...para(`Blocker: ${card.blocker}`, inner),
          ...card.steps.flatMap((s, i) => para(`${i + 1}. ${s}`, inner, {}, 3)),
          ...(card.offerSplit ? para('The lead can split this task if that helps.', inner, { dimColor: true }) : []),
        ],
      };
    case 'reassignment':
      return {
        title: `Reassigned ${card.taskId} — ${card.title}`,
        color: 'magenta',
        body: [...spansPara([span(`${card.from ?? 'nobody'} → `), span(card.to, { bold: true })], inner), ...para(card.rationale, inner, { dimColor: true })],
      };
    case 'escalation':
      return {
        title: `Escalation ${card.escalationId}${card.taskId ? ` (${card.taskId})` : ''} — ${card.title}`,
        color: 'red',
        body: [
          ...(card.blocker ? para(`Blocker: ${card.blocker}`, inner) : []),
          ...(card.impact ? para(`Impact: ${card.impact}`, inner) : []),
          ...card.options.flatMap((o) => para(`${o.key}) ${o.label}`, inner, {}, 3)),
        ],
      };
    case 'sprint_report':
      return {
        title: `Sprint report — ${card.name}`,
        color: 'green',
        body: [
          truncateRow([span(`${card.tasksDone}/${card.tasksTotal} tasks done `), ...progressSpans(card.completionPercent, 20)], inner),
          ...para(`velocity ${card.velocityPointsPerDay.toFixed(1)} pt/day, ${card.velocityHoursPerDay.toFixed(1)} h/day · ${card.blockers.count} blocker(s)`, inner, { dimColor: true }),
          ...tableRows(
            [
              ['name', 'done', 'estimated', 'actual', 'accuracy'].map((t) => cell(t)),
              ...card.agents.map((a) => [a.name, String(a.tasksDone), h(a.estimatedHours), h(a.actualHours), a.accuracyPercent === null ? '-' : pct(a.accuracyPercent)].map((t) => cell(t))),
            ],
            inner,
            { header: true, flex: 0 },
          ),
        ],
      };
    case 'alert':
      return {
        title: `${card.level.toUpperCase()}: ${card.title}${card.taskId ? ` (${card.taskId})` : ''}`,
        color: card.level === 'critical' ? 'red' : card.level === 'warning' ? 'yellow' : 'cyan',
        body: para(card.detail, inner),
      };
  }
}

type BreakdownTask = CardOf<'breakdown'>['tasks'][number];
const assigneeOf = (t: BreakdownTask) => `${t.assignee ?? `(${t.role})`}${t.overCapacity ? ' !' : ''}`;
const after = (t: BreakdownTask) => (t.dependsOn.length ? t.dependsOn.join(', ') : '-');

/** One row per task with its stage and what it waits for, and under it why its assignee was chosen. */
function breakdownTable(card: CardOf<'breakdown'>, inner: number): Row[] {
  return tableRows(
    [
      ['key', 'stage', 'hours', 'after', 'assignee', 'title'].map((t) => cell(t)),
      ...card.tasks.map((t) => [cell(t.key), cell(String(t.stage)), cell(h(t.hours)), cell(after(t)), cell(assigneeOf(t), t.overCapacity ? { color: 'yellow' } : {}), cell(t.title)]),
    ],
    inner,
    {
      header: true,
      after: (r, starts) => {
        const t = card.tasks[r - 1];
        if (!t?.rationale) return [];
        const at = starts[4] ?? 0;
        return [truncateRow([span(' '.repeat(at)), span(`why: ${t.rationale}`, { dimColor: true })], inner)];
      },
    },
  );
}

/** Each task on two rows: key, hours and title; then who takes it, after what, and why. */
function breakdownCompact(card: CardOf<'breakdown'>, inner: number): Row[] {
  const keyWidth = Math.max(...card.tasks.map((t) => rowWidth(cell(t.key))));
  const hoursWidth = Math.max(...card.tasks.map((t) => h(t.hours).length));
  return card.tasks.flatMap((t) => {
    const lead = `${t.key.padEnd(keyWidth)}  ${h(t.hours).padStart(hoursWidth)}  `;
    const who = [span(assigneeOf(t), t.overCapacity ? { color: 'yellow' } : {})];
    const why = [t.dependsOn.length ? `after ${t.dependsOn.join(', ')}` : '', t.rationale].filter(Boolean).join(' · ');
    return [
      truncateRow([span(lead), span(t.title)], inner),
      truncateRow([span(' '.repeat(keyWidth + 2) + '→ '), ...who, span(why ? ` · ${why}` : '', { dimColor: true })], inner),
    ];
  });
}
