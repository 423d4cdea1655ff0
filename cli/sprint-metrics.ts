/** Fetches what the metrics need from the hub: the sprint, its tasks and its task events. */
import type { HuddleClient } from '../collaboration-server/client.js';
import { computeMetrics, type SprintMetrics } from '../collaboration-server/metrics.js';

/** The metrics of a sprint (the active one when no id is given), or null when there is none yet. */
export async function fetchMetrics(client: HuddleClient, sprintId?: string, now = Date.now()): Promise<SprintMetrics | null> {
  const scope = sprintId ? { sprintId } : {};
  const [tasks, events] = await Promise.all([client.request({ type: 'tasks', ...scope }), client.request({ type: 'task_events', ...scope })]);
  if (!tasks.sprint) return null;
  return computeMetrics(tasks.sprint, tasks.tasks, events.events, now);
}
