/**
 * The LLM advisor's place among the lead's behaviours, first in line: it shows the advisor the room
 * before the others judge, says each fallback in the room in one line (before the plan it explains),
 * and keeps the advisor's state in the hub (`state_put`, key `llm`) so a restarted lead carries on
 * and `huddle status` can show the sprint's usage.
 */
import type { Behaviour, LeadAction, LeadView } from '../../lead-view.js';
import type { LlmAdvisor } from './llm-advisor.js';
import { LLM_STATE_KEY } from './usage.js';

export function createLlmBehaviour(advisor: LlmAdvisor): Behaviour {
  let saved = -1;

  function step(view: LeadView): LeadAction[] {
    advisor.observe(view);
    const actions: LeadAction[] = advisor.takeNotices().map((n) => ({ type: 'chat', text: n.text }));
    if (advisor.stateVersion !== saved) {
      saved = advisor.stateVersion;
      actions.push({ type: 'state_put', key: LLM_STATE_KEY, value: advisor.snapshot() });
    }
    return actions;
  }

  return {
    name: LLM_STATE_KEY,
    restore: (value) => {
      advisor.restore(value);
      saved = advisor.stateVersion;
    },
    onEvent: (_event, view) => step(view),
    onTick: step,
  };
}
