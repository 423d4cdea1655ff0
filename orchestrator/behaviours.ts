/** The lead's jobs, in the order they see each event. Add a behaviour with one line here. */
import type { Behaviour } from './lead-view.js';
import { createPlanningBehaviour } from './planning/behaviour.js';
import { createMonitorBehaviour } from './monitoring/behaviour.js';
import { createQuestionBehaviour } from './monitoring/questions.js';
import type { MonitorOptions } from './monitoring/options.js';
import { createSprintClosingBehaviour } from './sprint-closing.js';
import { createStatusBehaviour } from './status-answers.js';

export function createBehaviours(monitor: Partial<MonitorOptions> = {}): Behaviour[] {
  return [
    createPlanningBehaviour(),
    createMonitorBehaviour(monitor),
    createQuestionBehaviour(),
    createStatusBehaviour(),
    createSprintClosingBehaviour(),
  ];
}
