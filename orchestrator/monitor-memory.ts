/**
 * What the monitor remembers between events: alerts already said, the ladder rung of each blocked
 * task, failure counts, and a compact timeline for the completion report. Plain JSON, saved with
 * `state_put` (key `monitor`) and given back in `restore` when the lead restarts.
 */
import { z } from 'zod';

export const TimelineEntrySchema = z.object({
  ts: z.number(),
  taskId: z.string(),
  action: z.string(),
  from: z.string(),
  to: z.string(),
  assignee: z.string().nullable(),
});
/** One status change of a task, enough to compute hours, blockers and throughput. */
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

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
  sprintId: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
});
export type MonitorMemory = z.infer<typeof MemorySchema>;

export const MEMORY_KEY = 'monitor';
const MAX_TIMELINE = 5000;

export function emptyMemory(): MonitorMemory {
  return { version: 1, alerts: {}, said: [], offlineSince: {}, atRiskSince: {}, ladder: {}, failures: {}, announced: [], applied: [], reported: [], sprintId: null, timeline: [] };
}

/** The saved memory, or an empty one when nothing (or something unreadable) was saved. */
export function restoreMemory(saved: unknown): MonitorMemory {
  const parsed = MemorySchema.safeParse(saved);
  return parsed.success ? parsed.data : emptyMemory();
}

/** Adds a status change to the current sprint's timeline; a new sprint starts a new timeline. */
export function recordChange(memory: MonitorMemory, sprintId: string, entry: TimelineEntry): void {
  if (memory.sprintId !== sprintId) {
    memory.sprintId = sprintId;
    memory.timeline = [];
  }
  memory.timeline.push(entry);
  if (memory.timeline.length > MAX_TIMELINE) memory.timeline.splice(0, memory.timeline.length - MAX_TIMELINE);
}
