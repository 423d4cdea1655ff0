/**
 * The technical lead's model calls on the hub's /metrics. The lead runs in its own process; with
 * `--llm` it already keeps its sprint's usage in the hub (`state_put`, key `llm`: questions asked,
 * answers used, offline fallbacks, refusals, tokens; orchestrator/advisor/llm/usage.ts writes it
 * after every change). The hub reads that document at each scrape, so every node of a room reports
 * the same counts, a restarted lead carries on from them, and nothing else has to reach the hub.
 * The counts start again with each sprint, which Prometheus reads as a counter reset.
 */
import { z } from 'zod';
import { ReadCounter, type Labels, type Registry } from './prometheus.js';

/** the lead's state key (orchestrator/advisor/llm/usage.ts LLM_STATE_KEY) */
export const LEAD_LLM_STATE_KEY = 'llm';

/** What the hub reads of the lead's document: the counts, nothing of the plans beside them. */
const SavedUsageSchema = z.object({
  usage: z.object({
    model: z.string(),
    asks: z.number().nonnegative(),
    answers: z.number().nonnegative(),
    fallbacks: z.number().nonnegative(),
    refused: z.number().nonnegative().default(0),
    tokens: z.number().nonnegative(),
  }),
});
type Counts = z.infer<typeof SavedUsageSchema>['usage'];

const COUNTERS: [name: string, help: string, count: keyof Omit<Counts, 'model'>][] = [
  ['huddle_llm_calls_total', "questions the technical lead sent to its model this sprint (with --llm)", 'asks'],
  ['huddle_llm_answers_total', "the model's answers the lead used (parsed, validated and checked by the offline engine)", 'answers'],
  ['huddle_llm_fallbacks_total', 'questions the lead answered with the offline engine instead: the model failed, timed out, gave an answer the checks refused, or was not asked', 'fallbacks'],
  ['huddle_llm_refusals_total', "questions not sent at all: the sprint's token budget was spent or the minute's cap reached (counted in the fallbacks too)", 'refused'],
  ['huddle_llm_tokens_total', "tokens the model's calls used this sprint", 'tokens'],
];

/** Registers the counters; `saved` reads the lead's document from the store (and may throw when the store fails). */
export function registerLeadLlmMetrics(registry: Registry, saved: () => unknown): void {
  // One read of the store per scrape: the five counters share it until the scrape is written.
  let cached: Counts | null | 'failed' | undefined;
  const counts = (): Counts | null | 'failed' => {
    if (cached !== undefined) return cached;
    try {
      const parsed = SavedUsageSchema.safeParse(saved());
      cached = parsed.success ? parsed.data.usage : null;
    } catch {
      cached = 'failed'; // /healthz says so; the scrape goes on without these series rather than with a false 0
    }
    queueMicrotask(() => (cached = undefined));
    return cached;
  };
  for (const [name, help, key] of COUNTERS) {
    registry.add(
      new ReadCounter(name, help, () => {
        const c = counts();
        if (c === 'failed') return [];
        // no model behind the lead (no --llm, or nothing asked yet): zero, with no model to name
        const labels: Labels = c ? { model: c.model } : {};
        return [{ labels, value: c ? c[key] : 0 }];
      }),
    );
  }
}
