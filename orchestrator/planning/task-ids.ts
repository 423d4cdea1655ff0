/**
 * The ids a plan shows are the ids its tasks get. When planning starts the lead takes the hub's next
 * free task number and keeps it for the session: the breakdown's keys T-1, T-2… become T-first,
 * T-first+1…, and every command (`assign T-12 to …`, `drop T-13`) names them. At `approve` the hub
 * creates the tasks under exactly these ids, or refuses the whole sprint when one was taken meanwhile
 * (another plan, a task added mid-sprint); the lead then moves the plan to the next free ids and shows it
 * again for approval (`rebase`). Nothing is ever renumbered silently.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import type { PlannedTask } from './breakdown.js';

export const taskNumber = (id: string): number => Number(id.slice(2));

/** The number after every task id the lead knows of (the sprint's, the backlog's, and `also` the ones it promised). */
export function nextFreeTaskNumber(known: { tasks: readonly Task[]; backlog?: readonly Task[] }, also: readonly string[] = []): number {
  const ids = [...known.tasks.map((t) => t.id), ...(known.backlog ?? []).map((t) => t.id), ...also];
  return Math.max(0, ...ids.map(taskNumber)) + 1;
}

/** The breakdown's keys (T-1, T-2… in the plan) as the ids the tasks will get, from `first` on. */
export function withIds(tasks: readonly PlannedTask[], first: number): PlannedTask[] {
  const shift = (key: string) => `T-${taskNumber(key) + first - 1}`;
  return tasks.map((t) => ({ ...t, key: shift(t.key), dependsOn: t.dependsOn.map(shift) }));
}

/** Moves every id from `from` on by `to - from`, in whatever the product owner said about them. */
export function shiftIds<S extends { pins: Record<string, string>; drops: string[]; estimates: Record<string, number> }>(state: S, from: number, to: number): S {
  const move = (id: string) => (taskNumber(id) >= from ? `T-${taskNumber(id) - from + to}` : id);
  const keys = <V>(r: Record<string, V>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [move(k), v]));
  return { ...state, pins: keys(state.pins), drops: state.drops.map(move), estimates: keys(state.estimates) };
}
