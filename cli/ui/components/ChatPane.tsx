import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { ChatLine } from '../state.js';
import { ChatLineView } from './ChatLineView.js';

/** The newest lines at the bottom; `scroll` lines up from the bottom when paging back. */
export function ChatPane({ lines, scroll, window = 60 }: { lines: ChatLine[]; scroll: number; window?: number }) {
  const end = lines.length - scroll;
  const shown = lines.slice(Math.max(0, end - window), end);
  return (
    <Box flexDirection="column" flexGrow={1} justifyContent="flex-end" overflow="hidden">
      {shown.map((line) => (
        // lines keep their height; the pane clips the oldest at the top instead of squeezing them
        <Box key={line.id} flexShrink={0}>
          <ChatLineView line={line} />
        </Box>
      ))}
      {scroll ? (
        <Box flexShrink={0}>
          <Text inverse>{` ↑ ${scroll} newer line(s) below — PageDown to return `}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
