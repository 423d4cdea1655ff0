import type { Span } from './rows.js';

/**
 * `██████░░░░  60%` — percent from 0 to 100. Past 100 (an overbooked team) the bar is full, red,
 * and says `over`, with the true percent beside it.
 */
export function progressSpans(percent: number, width = 10): Span[] {
  const p = Math.max(0, Math.round(percent));
  const over = p > 100;
  const filled = Math.round((Math.min(100, p) / 100) * width);
  return [
    { text: '█'.repeat(filled), color: over ? 'red' : p >= 100 ? 'green' : 'cyan' },
    { text: '░'.repeat(width - filled), dimColor: true },
    { text: ` ${String(p).padStart(3)}%${over ? ' over' : ''}`, ...(over ? { color: 'red' } : {}) },
  ];
}
