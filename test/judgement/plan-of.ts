/** One objective planned as the lead plans it: what it is said as, the roles its tasks go to, and their titles. */
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

export function planOf(text: string) {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { said: analysis.objectives.map((o) => o.text), roles: new Set(tasks.map((t) => t.role)), titles: tasks.map((t) => t.title) };
}
