/**
 * Which model the lead may think with, and its bounds: `--llm PROVIDER:MODEL` (or HUDDLE_LLM), a base
 * URL for a server of one's own, the key from the provider's usual variable. No configuration, no
 * model: the offline engine alone, and nothing is sent anywhere.
 */
import { inspect } from 'node:util';
import { HuddleError } from '../../../collaboration-server/errors.js';

/** The uses the lead asks a model about, each with its own time limit. */
export const USES = ['plan', 'chat', 'blocker', 'quiet'] as const;
export type Use = (typeof USES)[number];

export type Provider = 'anthropic' | 'openai' | 'openai-compatible' | 'command';
/** What `--llm` accepts before the colon: `ollama` is openai-compatible at Ollama's default address. */
export const PROVIDER_NAMES = ['anthropic', 'openai', 'openai-compatible', 'ollama', 'command'] as const;
export const OLLAMA_BASE_URL = 'http://127.0.0.1:11434/v1';

/** Chat lines the model reads: those the offline reader is unsure of, or every line. */
export type ChatLines = 'unsure' | 'all';

export interface LlmLimits {
  /** how long each use may take, queue, retries and the repair round included */
  timeoutMs: Record<Use, number>;
  /** questions in flight at once; the rest wait their turn (inside their time limit) */
  concurrency: number;
  /** tokens (in and out) the lead may spend in one sprint; then offline answers until the next */
  budgetTokens: number;
  /** the loop guard: questions asked in any minute at most */
  asksPerMinute: number;
  /** retries after a 429 or a 5xx, with backoff */
  retries: number;
}

export const DEFAULT_LIMITS: Readonly<LlmLimits> = {
  timeoutMs: { plan: 90_000, chat: 20_000, blocker: 30_000, quiet: 30_000 },
  concurrency: 2,
  budgetTokens: 300_000,
  asksPerMinute: 30,
  retries: 2,
};

/** A key or token: shown as [secret] wherever it is printed, logged or serialised. */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
  [inspect.custom](): string {
    return '[secret]';
  }
}

export interface LlmConfig {
  provider: Provider;
  /** the model id, or for `command` the command line */
  model: string;
  /** how the room names it: `openai-compatible:test`, `ollama:llama3.2`, `command:claude` (never the whole command line) */
  label: string;
  baseUrl?: string;
  apiKey?: Secret;
  chat: ChatLines;
  limits: LlmLimits;
}

export interface LlmSettings {
  /** PROVIDER:MODEL */
  spec?: string;
  baseUrl?: string;
  chat?: string;
  budgetTokens?: string;
  timeoutMs?: number;
}

const KEY_VARIABLE: Partial<Record<Provider, string>> = { anthropic: 'ANTHROPIC_API_KEY', openai: 'OPENAI_API_KEY' };

const bad = (message: string) => new HuddleError('BAD_FRAME', message);
const EXAMPLE = 'for example --llm anthropic:claude-sonnet-4-5, --llm ollama:llama3.2 or --llm "command:claude -p"';

/**
 * The configuration from flags (or, where a flag is not given, the environment), or null when no model
 * is named. A mistake is an error that says what to type instead.
 */
export function parseLlmConfig(settings: LlmSettings, env: NodeJS.ProcessEnv = process.env): LlmConfig | null {
  const spec = (settings.spec ?? env.HUDDLE_LLM ?? '').trim();
  if (!spec) return null;
  const colon = spec.indexOf(':');
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim().toLowerCase();
  const model = colon < 0 ? '' : spec.slice(colon + 1).trim();
  if (!(PROVIDER_NAMES as readonly string[]).includes(name)) throw bad(`"${name}" is not a provider Huddle knows; pick one of ${PROVIDER_NAMES.join(', ')} (${EXAMPLE}).`);
  if (!model) throw bad(`--llm takes PROVIDER:MODEL, not "${spec}" (${EXAMPLE}).`);
  const provider: Provider = name === 'ollama' ? 'openai-compatible' : (name as Provider);

  const baseUrl = (settings.baseUrl ?? env.HUDDLE_LLM_BASE_URL)?.trim() || (name === 'ollama' ? OLLAMA_BASE_URL : undefined);
  if (baseUrl !== undefined && provider === 'command') throw bad('--llm-base-url is for a server; a command provider runs on this machine.');
  if (baseUrl !== undefined) checkUrl(baseUrl);
  if (provider === 'openai-compatible' && !baseUrl) throw bad('openai-compatible needs the server’s address: --llm-base-url URL (or HUDDLE_LLM_BASE_URL), e.g. http://127.0.0.1:1234/v1 for LM Studio.');

  const keyVariable = KEY_VARIABLE[provider];
  const key = env.HUDDLE_LLM_API_KEY?.trim() || (keyVariable ? env[keyVariable]?.trim() : undefined);
  if (keyVariable && !key) throw bad(`${provider} needs an API key: set ${keyVariable} (or HUDDLE_LLM_API_KEY).`);

  const chat = (settings.chat ?? env.HUDDLE_LLM_CHAT ?? 'unsure').trim();
  if (chat !== 'unsure' && chat !== 'all') throw bad(`--llm-chat takes "unsure" (the lines the offline reader is unsure of) or "all", not "${chat}".`);

  const limits: LlmLimits = { ...DEFAULT_LIMITS, timeoutMs: { ...DEFAULT_LIMITS.timeoutMs } };
  const budget = settings.budgetTokens ?? env.HUDDLE_LLM_BUDGET;
  if (budget !== undefined) {
    const n = Number(budget.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 0) throw bad(`--llm-budget takes a whole number of tokens per sprint, not "${budget}".`);
    limits.budgetTokens = n;
  }
  if (settings.timeoutMs !== undefined) {
    if (!(settings.timeoutMs > 0)) throw bad('--llm-timeout must be longer than zero.');
    for (const use of USES) limits.timeoutMs[use] = settings.timeoutMs;
  }

  const label = provider === 'command' ? `command:${model.split(/\s+/)[0]!.split('/').pop()}` : `${name}:${model}`;
  return { provider, model, label, ...(baseUrl ? { baseUrl } : {}), ...(key ? { apiKey: new Secret(key) } : {}), chat, limits };
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad(`--llm-base-url takes a URL such as http://127.0.0.1:11434/v1, not "${url}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw bad(`--llm-base-url must be http or https, not "${parsed.protocol}".`);
  if (parsed.username || parsed.password) throw bad('--llm-base-url must not carry a user or password: put the key in HUDDLE_LLM_API_KEY.');
}
