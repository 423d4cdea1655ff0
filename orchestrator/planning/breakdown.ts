/**
 * Task breakdown: each objective becomes concrete tasks from its domain's templates, with plan-local
 * keys (T-1, T-2...) that stay stable while objectives are added, tasks dropped or re-estimated.
 */
import type { Priority } from '../../collaboration-server/protocol.js';
import { KIND_TAGS, type TaskKind } from './domains.js';
import { scaledHours, type Objective } from './objectives.js';

export interface PlannedTask {
  key: string;
  title: string;
  objective: string;
  objectiveIndex: number;
  domain: string;
  kind: TaskKind;
  role: string;
  hours: number;
  priority: Priority;
  acceptance: string[];
  dependsOn: string[];
  /** skills the task calls for: its domain and its kind's tags */
  tags: string[];
}

export interface BreakdownEdits {
  drops?: readonly string[];
  /** key → hours the product owner set */
  estimates?: Readonly<Record<string, number>>;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function breakdownObjectives(objectives: readonly Objective[], edits: BreakdownEdits = {}): PlannedTask[] {
  const tasks: PlannedTask[] = [];
  let next = 1;
  for (const o of objectives) {
    const keyOfKind = new Map<TaskKind, string>();
    for (const t of o.primary.templates) {
      const key = `T-${next++}`;
      keyOfKind.set(t.kind, key);
      tasks.push({
        key,
        title: cap(t.title.replace('{subject}', o.subject)).slice(0, 200),
        objective: o.text,
        objectiveIndex: o.index,
        domain: o.primary.id,
        kind: t.kind,
        role: t.role,
        hours: scaledHours(t.hours, o.factor),
        priority: o.priority,
        acceptance: t.acceptance,
        dependsOn: t.after.flatMap((k) => keyOfKind.get(k) ?? []),
        tags: [o.primary.id, ...o.domains.filter((d) => d !== o.primary.id), ...KIND_TAGS[t.kind]],
      });
    }
  }
  return applyEdits(tasks, edits);
}

/** Drops tasks (and the dependencies on them) and applies the product owner's estimates. */
export function applyEdits(tasks: PlannedTask[], edits: BreakdownEdits): PlannedTask[] {
  const dropped = new Set(edits.drops ?? []);
  return tasks
    .filter((t) => !dropped.has(t.key))
    .map((t) => ({
      ...t,
      hours: edits.estimates?.[t.key] ?? t.hours,
      dependsOn: t.dependsOn.filter((d) => !dropped.has(d)),
    }));
}
