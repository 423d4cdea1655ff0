/** The AI SDK's mock model, answering from a script: a text, an error to throw, or a hang until aborted. */
import type { LanguageModelV3CallOptions, LanguageModelV3GenerateResult } from '@ai-sdk/provider';
import { APICallError } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';

export type Scripted = string | Error | 'hang';

export const result = (text: string, tokens = { input: 100, output: 50 }): LanguageModelV3GenerateResult => ({
  content: [{ type: 'text', text }],
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: { inputTokens: { total: tokens.input, noCache: tokens.input, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: tokens.output, text: tokens.output, reasoning: 0 } },
  warnings: [],
});

/** An HTTP failure as the providers report it. */
export const httpError = (status: number, headers: Record<string, string> = {}) =>
  new APICallError({ message: `HTTP ${status}`, url: 'http://127.0.0.1/v1/chat/completions', requestBodyValues: {}, statusCode: status, responseHeaders: headers, isRetryable: status === 429 || status >= 500 });

const hang = (options: LanguageModelV3CallOptions) =>
  new Promise<never>((_, reject) => options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal!.reason as Error), { once: true }));

/** Each call takes the next scripted answer (the last one repeats); `answer` picks by the prompt instead. */
export function scriptedModel(script: Scripted[] | ((prompt: string, call: number) => Scripted)) {
  let calls = 0;
  return new MockLanguageModelV3({
    doGenerate: async (options) => {
      const prompt = JSON.stringify(options.prompt);
      const next = typeof script === 'function' ? script(prompt, calls) : script[Math.min(calls, script.length - 1)]!;
      calls++;
      if (next === 'hang') return hang(options);
      if (next instanceof Error) throw next;
      return result(next);
    },
  });
}

/** The use a prompt was written for (prompts.ts names it in the system prompt). */
export const useOf = (prompt: string) => /use: (\w+)/.exec(prompt)?.[1];
