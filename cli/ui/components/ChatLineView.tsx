import type { ReactNode } from 'react';
import { Box } from 'ink';
import { Text } from './SafeText.js';
import { utcTime } from '../../../collaboration-server/units.js';
import type { ChatLine } from '../state.js';
import { CardView } from './CardView.js';
import { roleColor } from './theme.js';

/**
 * One line of the chat pane: time, a coloured role badge, the name, the text (one paragraph, so long
 * text wraps under the whole line); a lead's card below it.
 */
export function ChatLineView({ line }: { line: ChatLine }) {
  // the time is its own column, so wrapped text hangs under the speaker, not under the time
  const row = (body: ReactNode) => (
    <Box>
      <Box flexShrink={0}>
        <Text dimColor>{utcTime(line.ts)} </Text>
      </Box>
      <Box flexShrink={1}>{body}</Box>
    </Box>
  );
  if (line.kind !== 'message') {
    const color = line.kind === 'error' ? 'red' : line.forMe ? 'yellow' : line.kind === 'local' ? 'white' : 'gray';
    return row(
      <Text color={color} bold={line.forMe}>
        {line.kind === 'error' ? '✗ ' : line.kind === 'local' ? '' : '• '}
        {line.text}
      </Text>,
    );
  }
  const from = line.from!;
  return (
    <Box flexDirection="column">
      {row(
        <Text>
          {line.forMe ? <Text color="yellow">▶ </Text> : null}
          <Text backgroundColor={roleColor(from.role)} color="black">
            {` ${from.role} `}
          </Text>
          <Text bold color={roleColor(from.role)}> {from.name}</Text>
          {line.to ? <Text dimColor> → {line.to}</Text> : null}
          {': '}
          <Text bold={line.forMe} color={line.forMe ? 'yellow' : undefined}>
            {line.card ? (line.text.split('\n')[0] ?? '') : line.text}
          </Text>
        </Text>,
      )}
      {line.card ? <CardView card={line.card} /> : null}
      {line.next ? (
        <Box marginLeft={6}>
          <Text bold={line.forMe}>{line.next}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
