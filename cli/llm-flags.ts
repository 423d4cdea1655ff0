/**
 * The model flags, shared by every command that runs the lead's judgement (`huddle up`,
 * `huddle orchestrator`, `huddle plan`, `huddle explain`). No `--llm` and no HUDDLE_LLM: no model.
 */
import { Option, type Command } from 'commander';
import { parseLlmConfig, PROVIDER_NAMES, type LlmConfig } from '../orchestrator/advisor/llm/config.js';
import { parseDuration } from './output.js';

export interface LlmFlags {
  llm?: string;
  llmBaseUrl?: string;
  llmChat?: string;
  llmBudget?: string;
  llmTimeout?: string;
}

export function withLlmFlags(cmd: Command): Command {
  return cmd
    .addOption(new Option('--llm <provider:model>', `think with a model, checked by the offline engine (${PROVIDER_NAMES.join(', ')}; see docs/llm.md)`).env('HUDDLE_LLM'))
    .addOption(new Option('--llm-base-url <url>', 'the address of an OpenAI-compatible or Anthropic server of your own').env('HUDDLE_LLM_BASE_URL'))
    .addOption(new Option('--llm-chat <lines>', 'chat lines the model reads: unsure (those the offline reader is unsure of) or all').env('HUDDLE_LLM_CHAT'))
    .addOption(new Option('--llm-budget <tokens>', 'tokens the model may use per sprint (default 300000)').env('HUDDLE_LLM_BUDGET'))
    .option('--llm-timeout <duration>', 'the longest the lead waits for one answer (default: 90s for a plan, 20-30s for the rest)');
}

/** The configuration the flags name (keys come from the environment), or null for the offline lead. */
export function llmConfigFromFlags(flags: LlmFlags, env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  return parseLlmConfig(
    {
      ...(flags.llm !== undefined ? { spec: flags.llm } : {}),
      ...(flags.llmBaseUrl !== undefined ? { baseUrl: flags.llmBaseUrl } : {}),
      ...(flags.llmChat !== undefined ? { chat: flags.llmChat } : {}),
      ...(flags.llmBudget !== undefined ? { budgetTokens: flags.llmBudget } : {}),
      ...(flags.llmTimeout !== undefined ? { timeoutMs: parseDuration(flags.llmTimeout) } : {}),
    },
    env,
  );
}
