/** Fetches what the metrics and the report need from the hub: the sprint, its tasks, its task events and the decisions taken. */
import type { HuddleClient } from '../collaboration-server/client.js';
import type { Sprint, Task } from '../collaboration-server/protocol.js';
import { buildReport, type SprintReport } from '../orchestrator/sprint-report.js';
import { describeSprints } from './describe-event.js';

/** The report of a sprint (the active one, else the latest, when no id is given), or null when there is none yet. */
export async function fetchMetrics(client: Pick<HuddleClient, 'request'>, sprintId?: string, now = Date.now()): Promise<SprintReport | null> {
  const scope = sprintId ? { sprintId } : {};
  const [tasks, events, escalations] = await Promise.all([
    client.request({ type: 'tasks', ...scope }),
    client.request({ type: 'task_events', ...scope }),
    client.request({ type: 'escalations', status: 'all' }),
  ]);
  if (!tasks.sprint) return null;
  // both queries name the same sprint unless one started in between: then the events are for another
  const sameSprint = events.sprint?.id === tasks.sprint.id;
  return buildReport({ sprint: tasks.sprint, tasks: tasks.tasks, events: sameSprint ? events.events : [], escalations: escalations.escalations, decisions: escalations.decisions }, now);
}

/**
 * Every sprint with its tasks as at its close, one sprint at a time: asked all at once, a hundred
 * sprints would be more frames than the hub's burst allows, and it would close the connection.
 */
export async function* sprintRecords(hub: Pick<HuddleClient, 'request'>): AsyncGenerator<{ sprint: Sprint; tasks: Task[] }> {
  const { sprints } = await hub.request({ type: 'sprints' });
  for (const sprint of sprints) yield { sprint, tasks: (await hub.request({ type: 'tasks', sprintId: sprint.id })).tasks };
}

/** Every sprint with its outcome (each sprint's tasks as at its close). */
export async function sprintLines(hub: Pick<HuddleClient, 'request'>): Promise<string[]> {
  const records = [];
  for await (const record of sprintRecords(hub)) records.push(record);
  return records.length ? describeSprints(records) : ['No sprint yet. The product owner starts one by typing: plan sprint'];
}
