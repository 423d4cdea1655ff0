import { Box, Text } from 'ink';
import type { Participant, Task } from '../../../collaboration-server/protocol.js';
import { ProgressBar } from './ProgressBar.js';
import { roleColor, STATUS_COLORS } from './theme.js';

const DOT: Record<Participant['status'], { dot: string; color: string }> = {
  online: { dot: '●', color: 'green' },
  away: { dot: '◐', color: 'yellow' },
  offline: { dot: '○', color: 'gray' },
};

export interface RosterEntry {
  participant: Participant;
  loadHours: number;
}

/** The roster (status, role, open hours) and my tasks with their status. */
export function SidePanel({ roster, tasks, width = 38 }: { roster: RosterEntry[]; tasks: Task[]; width?: number }) {
  return (
    <Box flexDirection="column" width={width} borderStyle="single" borderColor="gray" paddingX={1}>
      <Text bold>Team</Text>
      {roster.map(({ participant: p, loadHours }) => (
        <Box key={p.id}>
          <Text color={DOT[p.status].color}>{DOT[p.status].dot} </Text>
          <Box flexGrow={1}>
            <Text wrap="truncate-end" dimColor={p.status === 'offline'}>
              {p.name}
            </Text>
          </Box>
          <Text color={roleColor(p.role)}> {p.role}</Text>
          {loadHours > 0 ? <Text dimColor> {Math.round(loadHours)}h</Text> : null}
        </Box>
      ))}
      <Text> </Text>
      <Text bold>My tasks</Text>
      {tasks.length === 0 ? <Text dimColor>none yet</Text> : null}
      {tasks.map((t) => (
        <Box key={t.id} flexDirection="column">
          <Box>
            <Text bold>{t.id} </Text>
            <Text color={STATUS_COLORS[t.status]}>{t.status.replace('_', ' ')}</Text>
            <Text> </Text>
            <ProgressBar percent={t.status === 'done' ? 100 : t.percent} width={6} />
          </Box>
          <Text wrap="truncate-end" dimColor>
            {'  '}
            {t.title}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
