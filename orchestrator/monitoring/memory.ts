/**
 * What the monitor remembers between events: alerts already said, the ladder rung of each blocked
 * task, failure counts, what it announced, applied and reported, the questions waiting for an answer, and what is held while the advisor thinks. Plain JSON, saved with `state_put`
 * (key `monitor`) and given back in `restore` when the lead restarts. What happened to the tasks is
 * not kept here: the hub's task events are the record (LeadView.taskEvents).
 */
import { z } from 'zod';
import { MessageEventSchema } from '../../collaboration-server/protocol.js';

export const LadderSchema = z.object({
  /** 0 nothing yet, 1 guidance given, 2 reassigned or split, 3 escalated */
  rung: z.number().int().min(0).max(3),
  blocker: z.string(),
  reports: z.number().int(),
  /** when the current rung was reached */
  since: z.number(),
  /** when the task last moved again (unblocked, progress); null while it is stuck */
  resolvedAt: z.number().nullable(),
});
export type Ladder = z.infer<typeof LadderSchema>;

/** A question the lead asked about a line it was unsure of: a yes records `note` as a blocker on `taskId`. */
export const AskSchema = z.object({ taskId: z.string(), note: z.string(), at: z.number() });
export type Ask = z.infer<typeof AskSchema>;

const MemorySchema = z.object({
  version: z.literal(1),
  alerts: z.record(z.string(), z.number()),
  said: z.array(z.number()),
  offlineSince: z.record(z.string(), z.number()),
  atRiskSince: z.record(z.string(), z.number()),
  ladder: z.record(z.string(), LadderSchema),
  failures: z.record(z.string(), z.object({ count: z.number().int(), agents: z.array(z.string()) })),
  announced: z.array(z.string()),
  applied: z.array(z.string()),
  reported: z.array(z.string()),
  /** participant name → the question waiting for their yes or no (saved before this existed: none) */
  asks: z.record(z.string(), AskSchema).default({}),
  /** chat lines and blocker reports held while the advisor thinks about them (advisor.ts `thinking`) */
  held: z.array(z.union([z.object({ kind: z.literal('chat'), event: MessageEventSchema }), z.object({ kind: z.literal('block'), taskId: z.string(), reason: z.string() })])).default([]),
});
export type MonitorMemory = z.infer<typeof MemorySchema>;

export const MEMORY_KEY = 'monitor';

export function emptyMemory(): MonitorMemory {
  return { version: 1, alerts: {}, said: [], offlineSince: {}, atRiskSince: {}, ladder: {}, failures: {}, announced: [], applied: [], reported: [], asks: {}, held: [] };
}

/** The saved memory, or an empty one when nothing (or something unreadable) was saved. */
export function restoreMemory(saved: unknown): MonitorMemory {
  const parsed = MemorySchema.safeParse(saved);
  return parsed.success ? parsed.data : emptyMemory();
}
