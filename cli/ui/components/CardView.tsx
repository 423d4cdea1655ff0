/** A lead's card as a bordered box: a title, a table or a list, progress bars where there is progress. */
import type { ReactNode } from 'react';
import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { Card } from '../../../collaboration-server/cards.js';
import { pct, table } from '../../plain/card-text.js';
import { ProgressBar } from './ProgressBar.js';
import { round1 } from '../../../collaboration-server/units.js';
import { daysWords } from '../../../orchestrator/figures.js';

const h = (n: number) => `${round1(n)}h`;

function Frame({ title, color = 'cyan', children }: { title: string; color?: string; children: ReactNode }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color} paddingX={1} marginLeft={6}>
      <Text bold color={color}>
        {title}
      </Text>
      {children}
    </Box>
  );
}

/** A table whose last column (a title, most often) wraps within its own column, keeping the others whole. */
const Rows = ({ rows, header = true }: { rows: string[][]; header?: boolean }) => (
  <>
    {table(rows).map((line, i) => {
      const last = rows[i]?.at(-1) ?? '';
      const style = { bold: header && i === 0, dimColor: header && i === 0 };
      return (
        <Box key={i}>
          <Box flexShrink={0} width={line.length - last.length}>
            <Text {...style}>{line.slice(0, line.length - last.length)}</Text>
          </Box>
          <Box flexShrink={1}>
            <Text {...style}>{last}</Text>
          </Box>
        </Box>
      );
    })}
  </>
);

export function CardView({ card }: { card: Card }) {
  switch (card.kind) {
    case 'capacity':
      return (
        <Frame title={`Capacity — ${h(card.totalHours)} available over ${card.workdays === undefined ? `${card.days} calendar day(s)` : daysWords(card.days, card.workdays)}`}>
          {card.agents.map((a) => (
            <Box key={a.name}>
              <Text>{`${a.name.padEnd(22).slice(0, 22)} ${a.role.padEnd(13)} ${h(a.loadHours).padStart(6)} / ${h(a.capacityHours).padEnd(6)} `}</Text>
              <ProgressBar percent={a.bookedPercent} />
            </Box>
          ))}
          <Box>
            <Text>Booked overall </Text>
            <ProgressBar percent={card.bookedPercent} width={20} />
          </Box>
        </Frame>
      );
    case 'objectives':
      return (
        <Frame title={`Objectives — ${card.totalPoints} points, ${h(card.totalHours)} of ${h(card.capacityHours)}`} color={card.fits ? 'cyan' : 'yellow'}>
          <Rows rows={[['#', 'priority', 'points', 'hours', 'objective'], ...card.objectives.map((o) => [String(o.index), o.priority, String(o.points), h(o.hours), o.text])]} />
          <Text color={card.fits ? 'green' : 'yellow'}>{card.fits ? 'Fits the capacity.' : 'Does not fit the capacity.'} {card.balance}</Text>
        </Frame>
      );
    case 'breakdown':
      return (
        <Frame title={`Task breakdown (${card.strategy}) — ${card.tasks.length} tasks, ${h(card.totalHours)} of ${h(card.capacityHours)}`} color={card.fits ? 'cyan' : 'yellow'}>
          <Rows
            rows={[
              ['key', 'stage', 'hours', 'assignee', 'title'],
              ...card.tasks.map((t) => [t.key, String(t.stage), h(t.hours), `${t.assignee ?? `(${t.role})`}${t.overCapacity ? ' !' : ''}`, t.title]),
            ]}
          />
          <Text dimColor>
            {card.stages} stage(s), critical path {h(card.criticalPathHours)}
            {card.overloads.length ? ` · overloaded: ${card.overloads.map((o) => `${o.name} ${h(o.hours)}/${h(o.capacityHours)}`).join(', ')}` : ''}
          </Text>
          {card.cuts.length ? <Text color="yellow">Suggested cuts: {card.cuts.join('; ')}</Text> : null}
        </Frame>
      );
    case 'progress_check':
      return (
        <Frame title={`Progress check ${card.taskId} — ${card.title}`} color="yellow">
          <Box>
            <ProgressBar percent={card.percent} width={20} />
            <Text dimColor> silent for {Math.round(card.silentForMinutes)} min</Text>
          </Box>
          {card.questions.map((q, i) => (
            <Text key={i}>? {q}</Text>
          ))}
        </Frame>
      );
    case 'guidance':
      return (
        <Frame title={`Guidance ${card.taskId} — ${card.topic}`} color="green">
          <Text>Blocker: {card.blocker}</Text>
          {card.steps.map((s, i) => (
            <Text key={i}>
              {i + 1}. {s}
            </Text>
          ))}
          {card.offerSplit ? <Text dimColor>The lead can split this task if that helps.</Text> : null}
        </Frame>
      );
    case 'reassignment':
      return (
        <Frame title={`Reassigned ${card.taskId} — ${card.title}`} color="magenta">
          <Text>
            {card.from ?? 'nobody'} → <Text bold>{card.to}</Text>
          </Text>
          <Text dimColor>{card.rationale}</Text>
        </Frame>
      );
    case 'escalation':
      return (
        <Frame title={`Escalation ${card.escalationId}${card.taskId ? ` (${card.taskId})` : ''} — ${card.title}`} color="red">
          {card.blocker ? <Text>Blocker: {card.blocker}</Text> : null}
          {card.impact ? <Text>Impact: {card.impact}</Text> : null}
          {card.options.map((o) => (
            <Text key={o.key}>
              {o.key}) {o.label}
            </Text>
          ))}
        </Frame>
      );
    case 'sprint_report':
      return (
        <Frame title={`Sprint report — ${card.name}`} color="green">
          <Box>
            <Text>{`${card.tasksDone}/${card.tasksTotal} tasks done `}</Text>
            <ProgressBar percent={card.completionPercent} width={20} />
          </Box>
          <Text dimColor>
            velocity {card.velocityPointsPerDay.toFixed(1)} pt/day, {card.velocityHoursPerDay.toFixed(1)} h/day · {card.blockers.count} blocker(s)
          </Text>
          <Rows
            rows={[
              ['name', 'done', 'estimated', 'actual', 'accuracy'],
              ...card.agents.map((a) => [a.name, String(a.tasksDone), h(a.estimatedHours), h(a.actualHours), a.accuracyPercent === null ? '-' : pct(a.accuracyPercent)]),
            ]}
          />
        </Frame>
      );
    case 'alert':
      return (
        <Frame title={`${card.level.toUpperCase()}: ${card.title}${card.taskId ? ` (${card.taskId})` : ''}`} color={card.level === 'critical' ? 'red' : card.level === 'warning' ? 'yellow' : 'cyan'}>
          <Text>{card.detail}</Text>
        </Frame>
      );
  }
}
