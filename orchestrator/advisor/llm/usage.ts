/**
 * What the model cost this sprint, as the lead keeps it in the hub (state key `llm`) and
 * `huddle status` shows it. The budget counts from the first question of a sprint (its planning
 * included) and starts again when the next sprint begins.
 */
import { z } from 'zod';
import { LEAD_LLM_STATE_KEY } from '../../../collaboration-server/lead-llm-metrics.js';

/** The hub's /metrics reads the counts of this document (collaboration-server/lead-llm-metrics.ts). */
export const LLM_STATE_KEY = LEAD_LLM_STATE_KEY;

export const LlmUsageSchema = z.object({
  model: z.string(),
  /** the sprint the tokens count towards; null while the first one is being planned */
  sprintId: z.string().nullable(),
  tokens: z.number().nonnegative(),
  budget: z.number().nonnegative(),
  /** questions sent, answers the lead used, and answers it replaced with the offline one */
  asks: z.number().int().nonnegative(),
  answers: z.number().int().nonnegative(),
  fallbacks: z.number().int().nonnegative(),
  /** of the fallbacks, questions not sent at all (the budget spent, the minute's cap reached); absent in what older leads saved */
  refused: z.number().int().nonnegative().default(0),
});
export type LlmUsage = z.infer<typeof LlmUsageSchema>;

export const freshUsage = (model: string, budget: number, sprintId: string | null = null): LlmUsage => ({ model, sprintId, tokens: 0, budget, asks: 0, answers: 0, fallbacks: 0, refused: 0 });

/** The usage counted towards the sprint now running: a new sprint starts a new count. */
export function forSprint(usage: LlmUsage, sprintId: string | null): LlmUsage {
  if (sprintId === null || usage.sprintId === sprintId) return usage;
  if (usage.sprintId === null) return { ...usage, sprintId };
  return freshUsage(usage.model, usage.budget, sprintId);
}

const n = (x: number) => Math.round(x).toLocaleString('en');

/** One line for `huddle status`. */
export function usageLine(u: LlmUsage): string {
  const used = u.budget > 0 ? `${n(u.tokens)} of ${n(u.budget)} tokens this sprint (${Math.round((100 * u.tokens) / u.budget)}%)` : `${n(u.tokens)} tokens this sprint`;
  const fell = u.fallbacks === 1 ? '1 offline fallback' : `${u.fallbacks} offline fallbacks`;
  return `Model: ${u.model} · ${used} · ${u.asks} questions, ${u.answers} answers used, ${fell}`;
}
