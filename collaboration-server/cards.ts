/**
 * Typed cards: the structured part of a technical lead's message, rendered richly by the ink UI.
 * Every card travels next to a plain-text body that says the same thing, so any terminal can read it.
 *
 * Units: every share is a percent, in a field named `...Percent` (or `percent`): 0 to 100, with
 * one decimal at most, and above 100 where it can overflow (an overbooked team). No card carries a
 * 0..1 ratio, so a renderer never has to guess which one it holds.
 */
import { z } from 'zod';
import { PrioritySchema } from './priority.js';

const str = z.string().max(4000);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(20_000);
/** A share in percent: 100 is all of it; more than 100 only where the field says it can be. */
const percent = z.number().min(0);
const percentUpTo100 = percent.max(100);

export const CapacityCardSchema = z.object({
  kind: z.literal('capacity'),
  startsAt: z.number(),
  endsAt: z.number(),
  /** calendar days */
  days: z.number(),
  /** working days (Monday to Friday) within them */
  workdays: z.number().optional(),
  agents: list(
    z.object({
      name: str,
      role: str,
      hoursPerDay: z.number(),
      /** the hours the person gives this sprint */
      capacityHours: z.number(),
      availableHours: z.number(),
      loadHours: z.number(),
      /** loadHours as a percent of capacityHours; above 100 when overbooked */
      bookedPercent: percent,
    }),
  ),
  totalHours: z.number(),
  /** hours already booked as a percent of the team's sprint hours; above 100 when overbooked */
  bookedPercent: percent,
});

export const ObjectivesCardSchema = z.object({
  kind: z.literal('objectives'),
  objectives: list(
    z.object({
      index: z.number(),
      text: str,
      priority: PrioritySchema,
      priorityCue: str,
      points: z.number(),
      hours: z.number(),
      domains: z.array(str),
      generic: z.boolean(),
    }),
  ),
  totalPoints: z.number(),
  totalHours: z.number(),
  capacityHours: z.number(),
  balance: str,
  fits: z.boolean(),
});

export const BreakdownCardSchema = z.object({
  kind: z.literal('breakdown'),
  strategy: str,
  tasks: list(
    z.object({
      key: str,
      title: str,
      objective: str,
      role: str,
      hours: z.number(),
      stage: z.number(),
      acceptance: z.array(str),
      dependsOn: z.array(str),
      assignee: str.nullable(),
      rationale: str,
      overCapacity: z.boolean(),
      /** set for work carried over from an earlier sprint: its progress so far (`hours` is what is left) */
      carriedPercent: percentUpTo100.optional(),
    }),
  ),
  /** hours left of the carried-over work, booked before the new work (not in totalHours) */
  carriedHours: z.number().optional(),
  stages: z.number(),
  criticalPathHours: z.number(),
  totalHours: z.number(),
  capacityHours: z.number(),
  fits: z.boolean(),
  overloads: z.array(z.object({ name: str, hours: z.number(), capacityHours: z.number() })),
  cuts: z.array(str),
});

export const ProgressCheckCardSchema = z.object({
  kind: z.literal('progress_check'),
  taskId: str,
  title: str,
  silentForMinutes: z.number(),
  percent: percentUpTo100,
  questions: z.array(str),
});

export const GuidanceCardSchema = z.object({
  kind: z.literal('guidance'),
  taskId: str,
  title: str,
  topic: str,
  blocker: str,
  steps: z.array(str),
  offerSplit: z.boolean(),
});

export const ReassignmentCardSchema = z.object({
  kind: z.literal('reassignment'),
  taskId: str,
  title: str,
  from: str.nullable(),
  to: str,
  rationale: str,
});

export const EscalationCardSchema = z.object({
  kind: z.literal('escalation'),
  escalationId: str,
  taskId: str.nullable(),
  title: str,
  blocker: str,
  impact: str,
  reason: str,
  options: z.array(z.object({ key: str, label: str })),
});

export const SprintReportCardSchema = z.object({
  kind: z.literal('sprint_report'),
  sprintId: str,
  name: str,
  /** active (a report so far), completed or closed */
  status: str.optional(),
  /** completion counts tasks: done of those not cancelled */
  tasksDone: z.number(),
  tasksTotal: z.number(),
  completionPercent: percentUpTo100,
  pointsDone: z.number().optional(),
  pointsTotal: z.number().optional(),
  velocityPointsPerDay: z.number(),
  velocityHoursPerDay: z.number(),
  blockers: z.object({ count: z.number(), meanHoursToUnblock: z.number().nullable() }),
  agents: list(
    z.object({
      name: str,
      tasksDone: z.number(),
      estimatedHours: z.number(),
      actualHours: z.number(),
      accuracyPercent: percentUpTo100.nullable(),
    }),
  ),
  /** tasks unfinished at the close: to the backlog and the next plan */
  unfinished: z.array(str).optional(),
  decisions: z.array(z.object({ escalationId: str, decisionId: str, changed: str })).optional(),
});

export const AlertCardSchema = z.object({
  kind: z.literal('alert'),
  level: z.enum(['info', 'warning', 'critical']),
  title: str,
  detail: str,
  taskId: str.nullable(),
});

export const CardSchema = z.discriminatedUnion('kind', [
  CapacityCardSchema,
  ObjectivesCardSchema,
  BreakdownCardSchema,
  ProgressCheckCardSchema,
  GuidanceCardSchema,
  ReassignmentCardSchema,
  EscalationCardSchema,
  SprintReportCardSchema,
  AlertCardSchema,
]);
export type Card = z.infer<typeof CardSchema>;
export type CardKind = Card['kind'];
export type CardOf<K extends CardKind> = Extract<Card, { kind: K }>;
