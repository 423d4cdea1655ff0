import { Box } from 'ink';
import { Text } from './SafeText.js';

/** The line being typed, with a block cursor; Tab's candidates below it. */
export function InputLine({ value, completions, placeholder }: { value: string; completions: string[]; placeholder: string }) {
  return (
    <Box flexDirection="column">
      {completions.length > 1 ? <Text dimColor>{completions.join('  ')}</Text> : null}
      <Box borderStyle="round" borderColor="gray" paddingX={1}>
        <Text color="cyan">› </Text>
        {value ? <Text>{value}</Text> : <Text dimColor>{placeholder}</Text>}
        <Text inverse> </Text>
      </Box>
    </Box>
  );
}
