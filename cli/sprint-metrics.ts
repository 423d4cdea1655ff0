/** Fetches what the metrics and the report need from the hub: the sprint, its tasks, its task events and the decisions taken. */
import type { HuddleClient } from '../collaboration-server/client.js';
import { buildReport, type SprintReport } from '../orchestrator/sprint-report.js';

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
