/**
 * The product owner's prompt for an open escalation, as rows in a double box: options to pick with
 * arrows + Enter, or a typed answer. It gives up detail to stay within `maxRows` (the blocker and the
 * impact get one row each, then none); the options always show.
 */
import type { Escalation } from '../../collaboration-server/protocol.js';
import { frame, span, truncateRow, wrapSpans, type Row, type Style } from './rows.js';

export interface PromptProps {
  escalation: Escalation;
  selected: number;
  focused: boolean;
  /** how many more escalations are open */
  more: number;
}

export function escalationRows({ escalation: e, selected, focused, more }: PromptProps, width: number, maxRows: number): Row[] {
  const inner = Math.max(1, width - 4);
  const write = e.options.length;
  const picked = (i: number): Style => (focused && selected === i ? { color: 'cyan', bold: true } : {});
  const mark = (i: number) => (focused && selected === i ? '❯ ' : '  ');
  const lines = (spans: Parameters<typeof wrapSpans>[0], most: number, hang = 2): Row[] => {
    const rows = wrapSpans(spans, inner, hang);
    return rows.length > most ? [...rows.slice(0, most - 1), truncateRow([...(rows[most - 1] ?? []), span('…')], inner)] : rows;
  };
  const build = (detail: number): Row[] => [
    ...lines([span(`Decision needed ${e.id}${e.taskId ? ` (${e.taskId})` : ''}: ${e.title}`, { bold: true, color: 'red' }), ...(more ? [span(` (+${more} more open)`, { dimColor: true })] : [])], Math.max(1, detail)),
    ...(detail && e.blocker ? lines([span(`Blocker: ${e.blocker}`)], detail) : []),
    ...(detail && e.impact ? lines([span(`Impact: ${e.impact}`)], detail) : []),
    ...e.options.flatMap((o, i) => lines([span(`${mark(i)}${o.key}) ${o.label}`, picked(i))], Math.max(1, detail), 5)),
    [span(`${mark(write)}or type your own answer below and press Enter`, focused && selected === write ? picked(write) : { dimColor: true })],
    [span(focused ? '↑/↓ choose · Enter answer · Esc later (Ctrl+E comes back)' : 'Ctrl+E to answer', { dimColor: true })],
  ];
  const content = [build(3), build(2), build(1), build(0)].find((rows) => rows.length + 2 <= maxRows) ?? build(0);
  return frame(content.slice(0, Math.max(1, maxRows - 2)), width, { color: focused ? 'red' : 'gray', border: 'double' });
}
