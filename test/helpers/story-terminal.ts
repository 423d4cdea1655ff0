/** What a story test reads from a `huddle agent --json` terminal: the lead's cards and the tasks it saw. */
import { expect, vi } from 'vitest';
import type { Spawned } from './cli.js';

export type Terminal = Spawned & { name: string };

/** What the lead said to this terminal: its cards of one kind, or every line. */
export const fromLead = (t: Terminal, kind?: string) =>
  t.jsonLines().filter((e) => e.type === 'message' && e.from?.role === 'orchestrator' && (kind === undefined || e.card?.kind === kind));

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

/** The seed's team (CTO, Backend Developer, QA Engineer, Product Owner), each in a terminal of its own, once all have joined. */
export async function joinStoryTeam(open: (name: string, role: string) => Terminal) {
  const team = { cto: open('CTO', 'cto'), backend: open('Backend Developer', 'backend-dev'), qa: open('QA Engineer', 'qa'), po: open('Product Owner', 'human') };
  for (const t of Object.values(team)) await vi.waitFor(() => expect(t.jsonLines().some((e) => e.type === 'joined')).toBe(true), { timeout: 20_000, interval: 50 });
  return team;
}
