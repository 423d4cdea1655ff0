/**
 * The side panel as rows in a box `width` × `height`: the team (status, name, role, open hours) and
 * my tasks (or the whole sprint's). What does not fit is counted ("… 3 more"), never drawn past the box.
 */
import type { Participant, Task } from '../../collaboration-server/protocol.js';
import { heldBy } from '../describe-event.js';
import { textWidth, truncateWidth } from '../text-width.js';
import { progressSpans } from './progress-spans.js';
import { frame, padRow, rowWidth, span, truncateRow, type Row } from './rows.js';
import { PRESENCE, roleColor, STATUS_COLORS } from './components/theme.js';

export interface RosterEntry {
  participant: Participant;
  loadHours: number;
}

export interface PanelContent {
  roster: RosterEntry[];
  tasks: Task[];
  title: string;
  /** show who has each task (the product owner's and the lead's view of the whole sprint) */
  showAssignee: boolean;
}

/** The narrowest the role beside a name gets (with its space) before the name is cut instead. */
const ROLE_MIN = 8;

function memberRow({ participant: p, loadHours }: RosterEntry, inner: number): Row {
  const presence = PRESENCE[p.status];
  const room = inner - 2;
  const hours = loadHours > 0 ? ` ${Math.round(loadHours)}h` : '';
  const nameWidth = Math.max(0, Math.min(textWidth(p.name), room - Math.min(textWidth(` ${p.role}`), ROLE_MIN) - textWidth(hours)));
  const left = room - nameWidth;
  const shownHours = textWidth(hours) < left - 1 ? hours : '';
  const role = truncateWidth(` ${p.role}`, left - textWidth(shownHours));
  const name = span(p.name, { dimColor: p.status === 'offline' });
  return [
    span(`${presence.dot} `, { color: presence.color }),
    ...padRow([{ ...name, text: truncateWidth(name.text, nameWidth) }], room - textWidth(role) - textWidth(shownHours)),
    span(role, { color: roleColor(p.role) }),
    span(shownHours, { dimColor: true }),
  ];
}

function taskRows(t: Task, inner: number, showAssignee: boolean): Row[] {
  const head = [span(`${t.id} `, { bold: true }), span(t.status.replace('_', ' '), { color: STATUS_COLORS[t.status] ?? 'gray' }), span(' ')];
  // the bar gives way before the percent does
  const bar = Math.max(0, Math.min(6, inner - rowWidth(head) - 5));
  return [
    truncateRow([...head, ...progressSpans(t.status === 'done' ? 100 : t.percent, bar)], inner),
    truncateRow([span(`  ${t.title}${showAssignee && heldBy(t) ? ` → ${heldBy(t)}` : ''}`, { dimColor: true })], inner),
  ];
}

const more = (n: number): Row => [span(`… ${n} more`, { dimColor: true })];

/** Takes at most `budget` rows of `rows` (each item a group of rows), saying how many items were left out. */
function fit(items: Row[][], budget: number): Row[] {
  const all = items.flat();
  if (all.length <= budget) return all;
  const out: Row[] = [];
  let shown = 0;
  for (const item of items) {
    if (out.length + item.length > budget - 1) break;
    out.push(...item);
    shown++;
  }
  return budget > 0 ? [...out, more(items.length - shown)] : [];
}

export function panelRows({ roster, tasks, title, showAssignee }: PanelContent, width: number, height: number): Row[] {
  const inner = Math.max(1, width - 4);
  const budget = Math.max(0, height - 2);
  const members = roster.map((r) => [memberRow(r, inner)]);
  const taskItems = tasks.length ? tasks.map((t) => taskRows(t, inner, showAssignee)) : [[[span('none yet', { dimColor: true })]]];
  const taskNeed = 1 + taskItems.flat().length;
  // the team first, but the tasks keep at least a third of the box
  const teamBudget = Math.max(Math.min(2, budget), Math.min(1 + members.length, budget - Math.min(taskNeed, Math.ceil(budget / 3)) - 1));
  const team = [[span('Team', { bold: true })], ...fit(members, teamBudget - 1)];
  const taskBudget = budget - team.length - 1;
  const own = taskBudget >= 2 ? [[], [span(title, { bold: true })], ...fit(taskItems, taskBudget - 1)] : [];
  const content = [...team, ...own];
  return frame([...content, ...Array.from({ length: Math.max(0, budget - content.length) }, () => [])], width, { color: 'gray', border: 'single' });
}
