import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { Row } from '../rows.js';

/**
 * Rows laid out beforehand (rows.ts), one terminal row each: ink only draws them. `truncate` is a
 * guard; the layout already made every row fit `width`.
 */
export function RowsView({ rows, width }: { rows: Row[]; width: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {rows.map((row, i) => (
        <Box key={i} height={1} width={width}>
          <Text wrap="truncate">
            {row.length ? row.map(({ text, ...style }, j) => (
              <Text key={j} {...style}>
                {text}
              </Text>
            )) : ' '}
          </Text>
        </Box>
      ))}
    </Box>
  );
}
