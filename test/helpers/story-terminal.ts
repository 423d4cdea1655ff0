/** What a story test reads from a `huddle agent --json` terminal: the lead's cards and the tasks it saw. */
import type { Spawned } from './cli.js';

export type Terminal = Spawned & { name: string };

export const fromLead = (t: Terminal, kind: string) => t.jsonLines().filter((e) => e.type === 'message' && e.from?.role === 'orchestrator' && e.card?.kind === kind);

/** The latest state of each task, as a terminal saw it. */
export const tasksSeen = (t: Terminal) => {
  const tasks = new Map<string, Record<string, any>>();
  for (const e of t.jsonLines()) {
    if (e.type === 'sprint') for (const task of e.tasks) tasks.set(task.id, task);
    if (e.type === 'task') tasks.set(e.task.id, e.task);
  }
  return [...tasks.values()];
};

export const mine = (t: Terminal, status: string) => tasksSeen(t).filter((x) => x.assignee === t.name && x.status === status);
