import { Box, Text } from 'ink';
import { clockTime } from '../../describe-event.js';
import type { ChatLine } from '../state.js';
import { CardView } from './CardView.js';
import { roleColor } from './theme.js';

/** One line of the chat pane: time, a coloured role badge, the name, the text; a card below it. */
export function ChatLineView({ line }: { line: ChatLine }) {
  const time = <Text dimColor>{clockTime(line.ts)} </Text>;
  if (line.kind !== 'message') {
    const color = line.kind === 'error' ? 'red' : line.forMe ? 'yellow' : line.kind === 'local' ? 'white' : 'gray';
    return (
      <Box>
        {time}
        <Text color={color} bold={line.forMe}>
          {line.kind === 'error' ? '✗ ' : line.kind === 'local' ? '' : '• '}
          {line.text}
        </Text>
      </Box>
    );
  }
  const from = line.from!;
  return (
    <Box flexDirection="column">
      <Box>
        {time}
        <Text color={line.forMe ? 'yellow' : undefined}>{line.forMe ? '▶ ' : ''}</Text>
        <Text backgroundColor={roleColor(from.role)} color="black">
          {` ${from.role} `}
        </Text>
        <Text bold color={roleColor(from.role)}>
          {' '}
          {from.name}
        </Text>
        {line.to ? <Text dimColor> → {line.to}</Text> : null}
        <Text>: </Text>
        <Box flexShrink={1}>
          <Text bold={line.forMe} color={line.forMe ? 'yellow' : undefined} wrap="wrap">
            {line.card ? (line.text.split('\n')[0] ?? '') : line.text}
          </Text>
        </Box>
      </Box>
      {line.card ? <CardView card={line.card} /> : null}
    </Box>
  );
}
