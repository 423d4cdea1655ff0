import { Box } from 'ink';
import { Text } from './SafeText.js';
import type { Escalation } from '../../../collaboration-server/protocol.js';

/** The product owner's prompt for an open escalation: options to pick with arrows + Enter, or a typed answer. */
export function EscalationPrompt({ escalation, selected, focused, more }: { escalation: Escalation; selected: number; focused: boolean; more: number }) {
  const write = escalation.options.length;
  return (
    <Box flexDirection="column" borderStyle="double" borderColor={focused ? 'red' : 'gray'} paddingX={1}>
      <Text bold color="red">
        Decision needed {escalation.id}
        {escalation.taskId ? ` (${escalation.taskId})` : ''}: {escalation.title}
        {more ? <Text dimColor> (+{more} more open)</Text> : null}
      </Text>
      {escalation.blocker ? <Text>Blocker: {escalation.blocker}</Text> : null}
      {escalation.impact ? <Text>Impact: {escalation.impact}</Text> : null}
      {escalation.options.map((o, i) => (
        <Text key={o.key} color={focused && selected === i ? 'cyan' : undefined} bold={focused && selected === i}>
          {focused && selected === i ? '❯ ' : '  '}
          {o.key}) {o.label}
        </Text>
      ))}
      <Text color={focused && selected === write ? 'cyan' : undefined} dimColor={!(focused && selected === write)}>
        {focused && selected === write ? '❯ ' : '  '}or type your own answer below and press Enter
      </Text>
      <Text dimColor>{focused ? '↑/↓ choose · Enter answer · Esc later (Ctrl+E comes back)' : 'Ctrl+E to answer'}</Text>
    </Box>
  );
}
