import { Text } from './SafeText.js';

/**
 * `[██████░░░░]  60%` — percent from 0 to 100. Past 100 (an overbooked team) the bar is full, red,
 * and says `over`, with the true percent beside it.
 */
export function ProgressBar({ percent, width = 10 }: { percent: number; width?: number }) {
  const p = Math.max(0, Math.round(percent));
  const over = p > 100;
  const filled = Math.round((Math.min(100, p) / 100) * width);
  return (
    <Text>
      <Text color={over ? 'red' : p >= 100 ? 'green' : 'cyan'}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      <Text color={over ? 'red' : undefined}> {String(p).padStart(3)}%{over ? ' over' : ''}</Text>
    </Text>
  );
}
