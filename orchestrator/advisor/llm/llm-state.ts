/**
 * What the LLM advisor keeps in the hub (state key `llm`), so a restarted lead carries on: the
 * sprint's usage, and the outcome of the last plans it was asked for, so a plan approved after a
 * restart is the plan the product owner saw. Readings and advice are not kept: asking again is cheap.
 */
import { z } from 'zod';
import { PlanAnswerSchema } from './answers.js';
import { LlmUsageSchema } from './usage.js';

const SavedPlanSchema = z.object({ key: z.string(), answer: PlanAnswerSchema.optional(), failed: z.string().optional() });
export type SavedPlan = z.infer<typeof SavedPlanSchema>;

export const LlmStateSchema = z.object({ version: z.literal(1), usage: LlmUsageSchema, plans: z.array(SavedPlanSchema).max(100) });
export type LlmState = z.infer<typeof LlmStateSchema>;

/** The saved state, or null when nothing (or something unreadable) was saved. */
export function restoreLlmState(saved: unknown): LlmState | null {
  const parsed = LlmStateSchema.safeParse(saved);
  return parsed.success ? parsed.data : null;
}
