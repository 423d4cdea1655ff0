/**
 * One task in full, as rows in a box: status and progress, estimate, priority and due date, who has
 * it and why, what it waits for and what waits for it, the description, when it is done, the notes.
 * Built from the Task and the sprint's other tasks; shown over the chat until Esc.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { utcDateTime } from '../../collaboration-server/units.js';
import { taskDetails } from '../mcp/task-details.js';
import { progressSpans } from './progress-spans.js';
import { frame, span, truncateRow, wrapSpans, type Row } from './rows.js';
import { STATUS_COLORS } from './components/theme.js';

export function taskDetailRows(task: Task, all: readonly Task[], width: number): Row[] {
  const inner = Math.max(8, width - 4);
  const d = taskDetails(task, all);
  const para = (text: string, hang = 2, dim = false): Row[] => wrapSpans([span(text, dim ? { dimColor: true } : {})], inner, hang);
  const heading = (text: string): Row[] => [[], [span(text, { bold: true })]];
  const linked = (list: typeof d.dependsOn) => list.flatMap((t) => para(`  ${t.id} ${t.status.replace('_', ' ')} — ${t.title}${t.assignee ? ` → ${t.assignee}` : ''}`, 4));
  const content: Row[] = [
    ...wrapSpans([span(`${d.id} ${d.title}`, { bold: true, color: 'cyan' })], inner, 2),
    truncateRow([span(d.status.replace('_', ' '), { color: STATUS_COLORS[d.status] ?? 'gray' }), span(' '), ...progressSpans(d.percent, 10), span(` · ${d.estimateHours}h · ${d.priority} priority${task.due ? ` · due ${utcDateTime(task.due)} UTC` : ''}`)], inner),
    ...para(d.assignee ? `Assignee: ${d.assignee}${task.rationale ? ` — ${task.rationale}` : ''}` : `Nobody has it yet (role ${task.role})${task.rationale ? ` — ${task.rationale}` : ''}`),
    ...(d.dependsOn.length ? [...heading('Waits for'), ...linked(d.dependsOn)] : []),
    ...(d.neededBy.length ? [...heading('Needed by'), ...linked(d.neededBy)] : []),
    ...(d.description ? [...heading('Description'), ...para(d.description)] : []),
    ...(d.acceptance.length ? [...heading('Done when'), ...d.acceptance.flatMap((a) => para(`• ${a}`, 2))] : []),
    ...(d.notes.length ? [...heading('Notes'), ...d.notes.flatMap((n) => para(`• ${n}`, 2))] : []),
    [],
    [span('Esc closes', { dimColor: true })],
  ];
  return frame(content, width, { color: 'cyan' });
}
