/**
 * The dependency graph: tasks in columns by how deep they sit in the chain (a task stands one column
 * right of the deepest task it waits for), an arrow from each task to every task that waits for it,
 * coloured by status. Hand-written SVG; each box links to its task's page.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { html, PageLink, type SafeHtml } from '../html.js';
import type { PageState } from '../page-state.js';
import { STATUS_LABELS } from './format.js';

const BOX_W = 190;
const BOX_H = 46;
const GAP_X = 70;
const GAP_Y = 14;
const PAD = 16;

/** Each task's column: 0 without dependencies in the sprint, else one more than its deepest dependency. */
export function depthOf(tasks: readonly Task[]): Map<string, number> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (t: Task): number => {
    const known = depth.get(t.id);
    if (known !== undefined) return known;
    if (visiting.has(t.id)) return 0; // a cycle the hub let through: cut it here
    visiting.add(t.id);
    const deps = t.dependsOn.map((id) => byId.get(id)).filter((d): d is Task => !!d);
    const d = deps.length ? 1 + Math.max(...deps.map(visit)) : 0;
    visiting.delete(t.id);
    depth.set(t.id, d);
    return d;
  };
  tasks.forEach(visit);
  return depth;
}

const short = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function graphView(state: PageState): SafeHtml {
  const tasks = state.tasks.filter((t) => t.status !== 'cancelled');
  if (tasks.length === 0) return html`<p class="empty">No tasks to draw yet.</p>`;
  const depth = depthOf(tasks);
  const columns: Task[][] = [];
  for (const t of tasks) (columns[depth.get(t.id)!] ??= []).push(t);
  const at = new Map<string, { x: number; y: number }>();
  columns.forEach((column, c) => column.forEach((t, r) => at.set(t.id, { x: PAD + c * (BOX_W + GAP_X), y: PAD + r * (BOX_H + GAP_Y) })));
  const width = PAD * 2 + columns.length * BOX_W + (columns.length - 1) * GAP_X;
  const height = PAD * 2 + Math.max(...columns.map((c) => c.length)) * (BOX_H + GAP_Y) - GAP_Y;
  const edges = tasks.flatMap((t) =>
    t.dependsOn.flatMap((id) => {
      const from = at.get(id);
      const to = at.get(t.id)!;
      if (!from) return [];
      const x1 = from.x + BOX_W;
      const y1 = from.y + BOX_H / 2;
      const x2 = to.x - 4;
      const y2 = to.y + BOX_H / 2;
      const mid = (x1 + x2) / 2;
      return [html`<path class="edge" data-from="${id}" data-to="${t.id}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" marker-end="url(#arrow)"></path>`];
    }),
  );
  const boxes = tasks.map((t) => {
    const { x, y } = at.get(t.id)!;
    return html`<a href="${PageLink.to('task', t.id)}" class="node node-${t.status}" data-task="${t.id}"><title>${t.id} ${t.title} (${STATUS_LABELS[t.status]}${t.assignee ? `, ${t.assignee}` : ''})</title>
<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="6"></rect>
<text x="${x + 8}" y="${y + 18}" class="node-id">${t.id} · ${STATUS_LABELS[t.status]}</text>
<text x="${x + 8}" y="${y + 36}" class="node-title">${short(t.title, 28)}</text></a>`;
  });
  return html`<p class="hint">Each arrow points from a task to one that waits for it. ${tasks.length} tasks in ${columns.length} step(s).</p>
<div class="graph-scroll"><svg class="graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Dependency graph">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"></path></marker></defs>
${edges}${boxes}</svg></div>`;
}
