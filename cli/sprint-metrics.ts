/** Fetches what the metrics and the report need from the hub: the sprint, its tasks, its task events and the decisions taken. */
import type { HuddleClient } from '../collaboration-server/client.js';
import { buildReport, type SprintReport } from '../orchestrator/sprint-report.js';
import { describeSprint } from './describe-event.js';

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

/** Every sprint with its outcome (each sprint's tasks as at its close). */
export async function sprintLines(hub: Pick<HuddleClient, 'request'>): Promise<string[]> {
  const { sprints } = await hub.request({ type: 'sprints' });
  if (!sprints.length) return ['No sprint yet. The product owner starts one by typing: plan sprint'];
  const records = await Promise.all(sprints.map((s) => hub.request({ type: 'tasks', sprintId: s.id })));
  return sprints.map((s, i) => describeSprint(s, records[i]!.tasks));
}
