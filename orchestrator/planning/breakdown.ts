/**
 * Task breakdown: each objective's work (work.ts) becomes concrete tasks, titled from the objective's
 * verb and object (phrasing.ts), with plan-local keys (T-1, T-2...) that stay stable while objectives
 * are added, tasks dropped or re-estimated.
 */
import type { Priority } from '../../collaboration-server/protocol.js';
import { KIND_TAGS, type TaskKind } from './domains.js';
import type { Objective } from './objectives.js';
import { titleFor } from './titles.js';

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
  /** skills the task calls for: its domains and its kind's tags */
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
    const keysOf = new Map<TaskKind, string[]>();
    const head = o.primary.id === 'testing' ? 'testing' : o.primary.id === 'docs' ? 'docs' : 'other';
    for (const w of o.work) {
      const key = `T-${next++}`;
      keysOf.set(w.kind, [...(keysOf.get(w.kind) ?? []), key]);
      tasks.push({
        key,
        title: cap(titleFor(o.phrase, { kind: w.kind, role: w.role, lead: w.lead, head })).slice(0, 200),
        objective: o.text,
        objectiveIndex: o.index,
        domain: o.primary.id,
        kind: w.kind,
        role: w.role,
        hours: w.hours,
        priority: o.priority,
        acceptance: w.acceptance,
        dependsOn: w.after ? [...(keysOf.get(w.after) ?? [])] : [],
        tags: [...o.domains, ...KIND_TAGS[w.kind]],
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
