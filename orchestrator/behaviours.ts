/** The lead's jobs, in the order they see each event. Add a behaviour with one line here. */
import type { Advisor } from './advisor/advisor.js';
import { offlineAdvisor } from './advisor/offline.js';
import type { Behaviour } from './lead-view.js';
import { createPlanningBehaviour } from './planning/behaviour.js';
import { createMonitorBehaviour } from './monitoring/behaviour.js';
import { createQuestionBehaviour } from './monitoring/questions.js';
import type { MonitorOptions } from './monitoring/options.js';
import { createSprintClosingBehaviour } from './sprint-closing.js';
import { createStatusBehaviour } from './status-answers.js';

/** Every behaviour judges through the same advisor (the offline engine unless one is given). */
export function createBehaviours(monitor: Partial<MonitorOptions> = {}, advisor: Advisor = offlineAdvisor): Behaviour[] {
  return [
    createPlanningBehaviour(advisor),
    createMonitorBehaviour(monitor, undefined, advisor),
    createQuestionBehaviour(),
    createStatusBehaviour(),
    createSprintClosingBehaviour(),
  ];
}
