import { memo } from 'react';
import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { Row } from '../rows.js';

/** One row: its spans as nested Text, in one ink Text (one measure per row). Kept while its row is the same object (chat rows are cached per line). */
const RowView = memo(function RowView({ row }: { row: Row }) {
  return (
    <Text wrap="truncate">
      {row.length
        ? row.map(({ text, ...style }, j) => (
            <Text key={j} {...style}>
              {text}
            </Text>
          ))
        : ' '}
    </Text>
  );
});

/** Rows laid out beforehand (rows.ts), one terminal row each: ink only draws them. `truncate` is a guard; the layout made every row fit `width`. */
export function RowsView({ rows, width }: { rows: Row[]; width: number }) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {rows.map((row, i) => (
        <RowView key={i} row={row} />
      ))}
    </Box>
  );
}
