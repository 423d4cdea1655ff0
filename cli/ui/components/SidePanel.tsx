import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { Participant, Task } from '../../../collaboration-server/protocol.js';
import { ProgressBar } from './ProgressBar.js';
import { PRESENCE, roleColor, STATUS_COLORS } from './theme.js';

export interface RosterEntry {
  participant: Participant;
  loadHours: number;
}

/** The roster (status, role, open hours) and my tasks with their status. */
export function SidePanel({ roster, tasks, title = 'My tasks', width = 38 }: { roster: RosterEntry[]; tasks: Task[]; title?: string; width?: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0} borderStyle="single" borderColor="gray" paddingX={1}>
      <Text bold>Team</Text>
      {roster.map(({ participant: p, loadHours }) => (
        <Box key={p.id}>
          <Text color={PRESENCE[p.status].color}>{PRESENCE[p.status].dot} </Text>
          <Box flexGrow={1} flexShrink={1}>
            <Text wrap="truncate-end" dimColor={p.status === 'offline'}>
              {p.name}
            </Text>
          </Box>
          <Box flexShrink={0}>
            <Text color={roleColor(p.role)}> {p.role}</Text>
            {loadHours > 0 ? <Text dimColor> {Math.round(loadHours)}h</Text> : null}
          </Box>
        </Box>
      ))}
      <Text> </Text>
      <Text bold>{title}</Text>
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
            {title === 'My tasks' || !t.assignee ? '' : ` → ${t.assignee}`}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
