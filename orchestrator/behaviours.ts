/** The lead's jobs, in the order they see each event. Add a behaviour with one line here. */
import type { Behaviour } from './lead-view.js';
import { createPlanningBehaviour } from './planning-behaviour.js';

export function createBehaviours(): Behaviour[] {
  return [
    createPlanningBehaviour(),
  ];
}
