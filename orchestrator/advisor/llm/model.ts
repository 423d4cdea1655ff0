/** The configured model as one AI SDK LanguageModel, whatever the provider. */
import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import { CommandModel } from './command-model.js';
import type { LlmConfig } from './config.js';

export function languageModelFor(config: LlmConfig): LanguageModel {
  const apiKey = config.apiKey?.reveal();
  const baseURL = config.baseUrl;
  switch (config.provider) {
    case 'anthropic':
      return createAnthropic({ apiKey, ...(baseURL ? { baseURL } : {}) })(config.model);
    case 'openai':
      // Chat completions: what every OpenAI-like proxy speaks too.
      return createOpenAI({ apiKey, ...(baseURL ? { baseURL } : {}) }).chat(config.model);
    case 'openai-compatible':
      return createOpenAICompatible({ name: 'openai-compatible', baseURL: baseURL!, ...(apiKey ? { apiKey } : {}) }).chatModel(config.model);
    case 'command':
      return new CommandModel(config.model);
  }
}
