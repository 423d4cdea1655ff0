import { Box, Text } from 'ink';
import type { ChatLine } from '../state.js';
import { ChatLineView } from './ChatLineView.js';

/** The newest lines at the bottom; `scroll` lines up from the bottom when paging back. */
export function ChatPane({ lines, scroll, window = 60 }: { lines: ChatLine[]; scroll: number; window?: number }) {
  const end = lines.length - scroll;
  const shown = lines.slice(Math.max(0, end - window), end);
  return (
    <Box flexDirection="column" flexGrow={1} justifyContent="flex-end" overflow="hidden">
      {shown.map((line) => (
        <ChatLineView key={line.id} line={line} />
      ))}
      {scroll ? <Text inverse>{` ↑ ${scroll} newer line(s) below — PageDown to return `}</Text> : null}
    </Box>
  );
}
