import { Text } from './SafeText.js';

/** `[██████░░░░] 60%` — percent from 0 to 100. */
export function ProgressBar({ percent, width = 10 }: { percent: number; width?: number }) {
  const p = Math.max(0, Math.min(100, Math.round(percent)));
  const filled = Math.round((p / 100) * width);
  return (
    <Text>
      <Text color={p >= 100 ? 'green' : 'cyan'}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text> {String(p).padStart(3)}%</Text>
    </Text>
  );
}
