/**
 * One bounded question to the model: a place in the concurrency limit, a time limit over everything
 * (queue, retries, the repair round), retries with backoff on 429 and 5xx only, tokens counted against
 * the sprint's budget; then the answer parsed, validated and checked, with one repair round that gives
 * the model its errors. It never throws: the outcome is an answer or the problem, in a few words.
 */
import { APICallError, generateText, JSONParseError, TypeValidationError, type LanguageModel, type ModelMessage } from 'ai';
import { CommandFailed } from './command-model.js';
import type { LlmLimits } from './config.js';
import type { Limiter } from './limiter.js';
import type { Parsed } from './parse-answer.js';
import { repairText, type Prompt } from './prompts.js';

export interface AskContext {
  model: LanguageModel;
  limits: LlmLimits;
  limiter: Limiter;
  budget: { left(): number; spend(tokens: number): void };
  /** takes secrets out of any text that may be logged or shown */
  redact(text: string): string;
  /** waits between retries (rejects when the signal aborts); tests may pass a quicker one */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type Outcome<T> = { ok: true; value: T; repaired: boolean } | { ok: false; problem: string };

const MAX_OUTPUT_TOKENS: Record<Prompt['use'], number> = { plan: 6000, chat: 400, blocker: 1500, quiet: 500 };
/** The longest wait a `retry-after` may ask for. */
const MAX_RETRY_WAIT_MS = 10_000;
const BACKOFF_MS = 500;

export function sleepFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', stop, { once: true });
  });
}

const seconds = (ms: number) => (ms < 1000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000)));

/** Out of budget: said where the question would have been asked. */
class BudgetSpent extends Error {}

export async function askModel<T>(ctx: AskContext, prompt: Prompt, read: (text: string) => Parsed<T>, check: (value: T) => string[]): Promise<Outcome<T>> {
  const limitMs = ctx.limits.timeoutMs[prompt.use];
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('time limit'));
  }, limitMs);
  try {
    return await ctx.limiter.run(() => converse(ctx, prompt, read, check, controller.signal), controller.signal);
  } catch (err) {
    return { ok: false, problem: timedOut ? `did not come within ${seconds(limitMs)} s` : ctx.redact(describe(err, ctx.limits.budgetTokens)) };
  } finally {
    clearTimeout(timer);
  }
}

async function converse<T>(ctx: AskContext, prompt: Prompt, read: (text: string) => Parsed<T>, check: (value: T) => string[], signal: AbortSignal): Promise<Outcome<T>> {
  const messages: ModelMessage[] = [{ role: 'user', content: prompt.user }];
  let problem = '';
  for (const round of [0, 1]) {
    const text = await generate(ctx, prompt, messages, signal);
    const parsed = read(text);
    const errors = parsed.ok ? check(parsed.value) : parsed.errors;
    if (parsed.ok && errors.length === 0) return { ok: true, value: parsed.value, repaired: round === 1 };
    problem = parsed.ok ? errors[0]! : parsed.problem;
    messages.push({ role: 'assistant', content: text.slice(0, 20_000) }, { role: 'user', content: repairText(errors) });
  }
  return { ok: false, problem };
}

/** One completion, retried after a 429 or a 5xx (as long as the time limit allows). */
async function generate(ctx: AskContext, prompt: Prompt, messages: ModelMessage[], signal: AbortSignal): Promise<string> {
  const sleep = ctx.sleep ?? sleepFor;
  for (let attempt = 0; ; attempt++) {
    if (ctx.budget.left() <= 0) throw new BudgetSpent();
    try {
      const result = await generateText({
        model: ctx.model,
        system: prompt.system,
        messages,
        maxOutputTokens: MAX_OUTPUT_TOKENS[prompt.use],
        temperature: 0,
        maxRetries: 0,
        abortSignal: signal,
      });
      const u = result.usage;
      ctx.budget.spend(u.totalTokens ?? (u.inputTokens ?? 0) + (u.outputTokens ?? 0));
      return result.text;
    } catch (err) {
      if (!retryable(err) || attempt >= ctx.limits.retries) throw err;
      await sleep(retryWait(err, attempt), signal);
    }
  }
}

const retryable = (err: unknown): err is APICallError => APICallError.isInstance(err) && err.statusCode !== undefined && (err.statusCode === 429 || err.statusCode >= 500);

/** The provider's `retry-after` if it gave one (bounded), else an exponential backoff. */
function retryWait(err: APICallError, attempt: number): number {
  const headers = err.responseHeaders ?? {};
  const ms = Number(headers['retry-after-ms']);
  const secs = Number(headers['retry-after']);
  const asked = Number.isFinite(ms) && headers['retry-after-ms'] !== undefined ? ms : Number.isFinite(secs) && headers['retry-after'] !== undefined ? secs * 1000 : null;
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, asked ?? BACKOFF_MS * 2 ** attempt));
}

const NOT_THE_API = 'came back in a form the provider’s API does not have';

/** What went wrong, as the end of "the model's plan …". */
function describe(err: unknown, budget: number): string {
  if (err instanceof BudgetSpent) return `was not asked: this sprint's budget of ${budget.toLocaleString('en')} tokens is spent`;
  if (err instanceof CommandFailed) return `failed: ${err.message}`;
  if (APICallError.isInstance(err)) {
    const status = err.statusCode;
    if (status === 429) return 'was refused: the provider says too many requests (429)';
    if (status === 401 || status === 403) return `was refused (${status}): check the API key`;
    if (status !== undefined && status >= 500) return `failed: the provider answered ${status}`;
    if (status !== undefined && status < 300) return NOT_THE_API;
    if (status !== undefined) return `was refused (${status})`;
    const code = (err.cause as { code?: string } | undefined)?.code;
    return `could not reach the provider${code ? ` (${code})` : ''}`;
  }
  if (JSONParseError.isInstance(err) || TypeValidationError.isInstance(err)) return NOT_THE_API;
  const message = (err as Error)?.message?.split('\n')[0]?.slice(0, 120) ?? String(err);
  return `failed: ${message}`;
}
