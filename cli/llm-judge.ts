/**
 * The lead's judgement with a model, for the commands that run it without a hub (`huddle plan`,
 * `huddle explain`). There is no lead runtime to tick when an answer lands, so the judgement is run
 * twice: once to ask (the advisor answers offline at once and asks the model), and again once every
 * question is answered or has fallen back, when the advisor answers from what it has. The fallbacks'
 * reasons and the advisor's log go to stderr, so stdout stays what the offline command would print.
 */
import type { RoleSpec } from '../agents/roles.js';
import type { Advisor } from '../orchestrator/advisor/advisor.js';
import type { LlmConfig } from '../orchestrator/advisor/llm/config.js';
import { loadLlmAdvisor } from '../orchestrator/advisor/llm/load.js';
import type { LlmAdvisor, TeamView } from '../orchestrator/advisor/llm/llm-advisor.js';
import { logLine } from './output.js';

export interface ModelJudge {
  /** `judge` with the model's checked answers (or the offline ones, said on stderr) */
  run<T>(judge: (advisor: Advisor) => T): Promise<T>;
}

export async function modelJudge(config: LlmConfig, roles: readonly RoleSpec[], team: TeamView): Promise<ModelJudge> {
  const advisor: LlmAdvisor = await loadLlmAdvisor(config, roles, (line) => logLine('huddle: ', line));
  advisor.observe(team);
  return {
    async run(judge) {
      judge(advisor);
      await advisor.settled();
      // The log already said each fallback: taking the notices lets the second run answer at once.
      advisor.takeNotices();
      return judge(advisor);
    },
  };
}
