/** One sprint in a line of figures: what the velocity chart draws and `GET /api/sprints` lists. Pure. */
import type { SprintMetrics } from './metrics.js';
import type { Sprint } from './protocol.js';

export interface SprintSummary {
  sprint: Sprint;
  /** not counting cancelled tasks */
  tasksTotal: number;
  tasksDone: number;
  pointsTotal: number;
  pointsDone: number;
  hoursTotal: number;
  hoursDone: number;
  completionRate: number;
  velocityPointsPerDay: number;
  velocityHoursPerDay: number;
}

export const summarizeSprint = (sprint: Sprint, m: SprintMetrics): SprintSummary => ({
  sprint,
  tasksTotal: m.tasksTotal - m.tasksCancelled,
  tasksDone: m.tasksDone,
  pointsTotal: m.pointsTotal,
  pointsDone: m.pointsDone,
  hoursTotal: m.hoursTotal,
  hoursDone: m.hoursDone,
  completionRate: m.completionRate,
  velocityPointsPerDay: m.velocityPointsPerDay,
  velocityHoursPerDay: m.velocityHoursPerDay,
});
