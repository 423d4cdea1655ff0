/**
 * The LLM advisor, loaded only when a model is configured. The AI SDK and its providers take most of
 * a second to import on a busy machine, and every `huddle` process (a one-shot command, an agent's
 * inbox hook) would pay it if the command modules imported them: so they come in here, on `--llm`.
 */
import type { RoleSpec } from '../../../agents/roles.js';
import type { LlmConfig } from './config.js';
import type { LlmAdvisor } from './llm-advisor.js';

export async function loadLlmAdvisor(config: LlmConfig, roles: readonly RoleSpec[], log: (line: string) => void): Promise<LlmAdvisor> {
  const { createLlmAdvisor } = await import('./create.js');
  return createLlmAdvisor(config, roles, log);
}
