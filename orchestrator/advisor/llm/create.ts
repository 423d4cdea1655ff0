/** The LLM advisor for a configuration: its model, its limits, the team's roles. */
import type { RoleSpec } from '../../../agents/roles.js';
import type { LlmConfig } from './config.js';
import { LlmAdvisor } from './llm-advisor.js';
import { languageModelFor } from './model.js';

/** A base URL without its query or fragment, which could hold a key. */
const where = (url: string) => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

export function createLlmAdvisor(config: LlmConfig, roles: readonly RoleSpec[], log: (line: string) => void = () => {}): LlmAdvisor {
  const limits = config.limits;
  log(
    `llm: the lead thinks with ${config.label}${config.baseUrl ? ` at ${where(config.baseUrl)}` : ''}; chat: ${config.chat === 'all' ? 'every line' : 'the lines the offline reader is unsure of'}; ` +
      `budget ${limits.budgetTokens.toLocaleString('en')} tokens a sprint; checked by the offline engine`,
  );
  return new LlmAdvisor({ config, model: languageModelFor(config), roles, log });
}
