import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { ConnectionState } from '../../../collaboration-server/client.js';
import { ProgressBar } from './ProgressBar.js';
import { PRESENCE } from './theme.js';

export const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface StatusBarProps {
  connection: ConnectionState;
  queued: number;
  spinnerFrame: number;
  me: { name: string; role: string };
  /** the room sees me away (no key for a while) */
  away?: boolean;
  /** completion as figures.ts counts it: tasks done of those not cancelled */
  sprint: { name: string; done: number; total: number; percent: number; closed?: boolean } | null;
}

function Connection({ connection, queued, spinnerFrame, away }: Pick<StatusBarProps, 'connection' | 'queued' | 'spinnerFrame' | 'away'>) {
  const waiting = queued ? ` · ${queued} message${queued === 1 ? '' : 's'} queued` : '';
  const shown = away ? { ...PRESENCE.away, text: 'away' } : { ...PRESENCE.online, text: 'online' };
  if (connection === 'online') return <Text color={shown.color}>{`${shown.dot} ${shown.text}`}{queued ? ` · sending ${queued}` : ''}</Text>;
  if (connection === 'closed') return <Text color={PRESENCE.offline.color}>{PRESENCE.offline.dot} closed</Text>;
  return (
    <Text color="yellow">
      {SPINNER[spinnerFrame % SPINNER.length]} {connection === 'reconnecting' ? 'reconnecting…' : 'connecting…'}
      {waiting}
    </Text>
  );
}

export function StatusBar({ connection, queued, spinnerFrame, me, away, sprint }: StatusBarProps) {
  return (
    <Box>
      <Box flexShrink={0}>
        <Connection connection={connection} queued={queued} spinnerFrame={spinnerFrame} away={away} />
        <Text dimColor> │ </Text>
      </Box>
      <Box flexShrink={2}>
        <Text wrap="truncate-end">
          {me.name} ({me.role})
        </Text>
      </Box>
      <Text dimColor> │ </Text>
      <Box flexShrink={0}>
        {sprint ? (
          <Text>
            {sprint.name}
            {sprint.closed ? ' (closed)' : ''} {sprint.done}/{sprint.total} done <ProgressBar percent={sprint.percent} />
          </Text>
        ) : (
          <Text dimColor>no active sprint</Text>
        )}
      </Box>
      <Box flexShrink={3}>
        <Text dimColor wrap="truncate-end">
          {' │ /help · PgUp/PgDn · Ctrl+C'}
        </Text>
      </Box>
    </Box>
  );
}
