/**
 * The shapes a model's answers must have, one zod schema per use. A shape is only the first gate:
 * checks.ts then holds each answer against the team and the plan, as the offline engine would.
 */
import { z } from 'zod';
import type { TaskKind } from '../../planning/domains.js';
import type { BusinessReason } from '../../monitoring/blocker-kind.js';
import type { Effect } from '../../monitoring/escalation-options.js';

// Records, so that a value added to one of these unions is a compile error here until the model may use it too.
const KIND: Record<TaskKind, true> = { design: true, implement: true, review: true, test: true, document: true, deploy: true };
const REASON: Record<BusinessReason, true> = { budget: true, infrastructure: true, legal: true, 'third party': true, scope: true, priorities: true, requirements: true };
const EFFECT: Record<Effect, true> = { drop: true, defer: true, note: true, reassign: true, 'priority:high': true, 'priority:low': true };
const keysOf = <K extends string>(r: Record<K, true>) => Object.keys(r) as [K, ...K[]];
export const TASK_KINDS = keysOf(KIND);
export const BUSINESS_REASONS = keysOf(REASON);
export const EFFECTS = keysOf(EFFECT);

const line = (max: number) => z.string().trim().min(1).max(max);

export const PlanAnswerSchema = z.object({
  objectives: z
    .array(
      z.object({
        text: line(500),
        priority: z.enum(['high', 'medium', 'low']),
        /** why this priority and this size, in a few words */
        why: z.string().max(300).default(''),
        domains: z.array(z.string().max(40)).max(6).default([]),
      }),
    )
    .max(20),
  unreadable: z.array(z.object({ text: z.string().max(500), why: line(300) })).max(20).default([]),
  tasks: z
    .array(
      z.object({
        key: line(64),
        /** the number of its objective, from 1 */
        objective: z.number().int(),
        title: line(200),
        kind: z.enum(TASK_KINDS),
        role: line(40),
        hours: z.number(),
        dependsOn: z.array(z.string().max(64)).max(50).default([]),
        acceptance: z.array(line(500)).min(1).max(8),
      }),
    )
    .max(80),
});
export type PlanAnswer = z.infer<typeof PlanAnswerSchema>;

export const ChatAnswerSchema = z.object({
  reading: z.enum(['blocker', 'unsure', 'none']),
  confidence: z.number().min(0).max(1),
  kind: z.enum(['technical', 'business']).nullable(),
  category: z.string().max(40).nullable().default(null),
  /** the words of the line that decided it */
  heard: z.string().max(200).nullable().default(null),
  /** what would unblock it, in a few words */
  needed: z.string().max(300).nullable().default(null),
});
export type ChatAnswer = z.infer<typeof ChatAnswerSchema>;

export const BlockerAnswerSchema = z.object({
  kind: z.enum(['technical', 'business']),
  reason: z.enum(BUSINESS_REASONS).nullable().default(null),
  guidance: z.object({ topic: line(80), steps: z.array(line(300)).min(1).max(6) }),
  options: z.array(z.object({ label: line(200), effect: z.enum(EFFECTS), hours: z.number(), sprint: z.string().max(120).default('') })).min(2).max(4),
});
export type BlockerAnswer = z.infer<typeof BlockerAnswerSchema>;

export const QuietAnswerSchema = z.object({
  progressing: z.boolean(),
  looping: z.boolean(),
  reason: z.string().max(300).default(''),
  questions: z.array(line(200)).min(1).max(3),
});
export type QuietAnswer = z.infer<typeof QuietAnswerSchema>;
