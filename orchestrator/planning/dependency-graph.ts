/**
 * The dependency graph of a plan: stages (what can run together), the critical path, and cycles.
 * Linear in tasks plus dependencies, so it holds for sprints of thousands of tasks.
 */
import { HuddleError } from '../../collaboration-server/errors.js';

export interface GraphNode {
  key: string;
  hours: number;
  dependsOn: readonly string[];
}

export interface GraphAnalysis {
  /** key → stage, from 1: a task's stage is one more than its latest dependency's */
  stageOf: Map<string, number>;
  stages: number;
  /** the longest chain of hours through the graph */
  criticalPathHours: number;
  criticalPath: string[];
  /** keys in an order where every task comes after what it depends on */
  order: string[];
}

export const MAX_STAGES = 10;

/** Analyses the graph; a cycle or an unknown dependency is a HuddleError that names it. */
export function analyseGraph(nodes: readonly GraphNode[], maxStages = MAX_STAGES): GraphAnalysis {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const dependants = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const n of nodes) {
    waiting.set(n.key, n.dependsOn.length);
    for (const d of n.dependsOn) {
      if (!byKey.has(d)) throw new HuddleError('BAD_FRAME', `${n.key} depends on ${d}, which is not in the plan. Drop that dependency or add the task.`);
      const list = dependants.get(d);
      if (list) list.push(n.key);
      else dependants.set(d, [n.key]);
    }
  }
  const stageOf = new Map<string, number>();
  const finish = new Map<string, number>();
  const via = new Map<string, string | null>();
  const order: string[] = [];
  const ready = nodes.filter((n) => n.dependsOn.length === 0).map((n) => n.key);
  for (const k of ready) {
    stageOf.set(k, 1);
    finish.set(k, byKey.get(k)!.hours);
    via.set(k, null);
  }
  while (ready.length) {
    const key = ready.pop()!;
    order.push(key);
    for (const next of dependants.get(key) ?? []) {
      stageOf.set(next, Math.max(stageOf.get(next) ?? 0, stageOf.get(key)! + 1));
      const start = finish.get(key)!;
      if (start + byKey.get(next)!.hours > (finish.get(next) ?? -1)) {
        finish.set(next, start + byKey.get(next)!.hours);
        via.set(next, key);
      }
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (order.length < nodes.length) throw new HuddleError('CONFLICT', `The plan has a dependency cycle: ${findCycle(nodes, waiting).join(' → ')}. Drop one of those dependencies.`);

  let stages = 0;
  for (const s of stageOf.values()) stages = Math.max(stages, s);
  if (stages > maxStages) {
    throw new HuddleError('CONFLICT', `The plan has ${stages} stages of dependent work; at most ${maxStages} fit a sprint. Split the longest objective into smaller ones.`);
  }
  let end: string | null = null;
  for (const [k, f] of finish) if (end === null || f > finish.get(end)!) end = k;
  const criticalPath: string[] = [];
  for (let k = end; k !== null; k = via.get(k) ?? null) criticalPath.unshift(k);
  return { stageOf, stages, criticalPathHours: end === null ? 0 : finish.get(end)!, criticalPath, order };
}

/** A cycle among the tasks Kahn's walk could not order, as keys with the first repeated at the end. */
function findCycle(nodes: readonly GraphNode[], waiting: Map<string, number>): string[] {
  const stuck = new Map(nodes.filter((n) => waiting.get(n.key)! > 0).map((n) => [n.key, n]));
  // Every stuck task has a stuck dependency, so walking dependencies must revisit a task.
  let at = stuck.keys().next().value as string;
  const seenAt = new Map<string, number>();
  const path: string[] = [];
  while (!seenAt.has(at)) {
    seenAt.set(at, path.length);
    path.push(at);
    at = stuck.get(at)!.dependsOn.find((d) => stuck.has(d))!;
  }
  // Walking dependencies gives the cycle backwards; reverse it to read "A → B" as "A before B".
  return [...path.slice(seenAt.get(at)!), at].reverse();
}
