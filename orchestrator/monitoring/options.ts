/** The monitor's thresholds, with defaults; `huddle orchestrator` / `huddle up` expose them as flags. */

export interface MonitorOptions {
  /** silence before a progress check, for a task of REFERENCE_HOURS; scaled by each task's estimate */
  staleAfterMs: number;
  /** a task assigned this long and not accepted: its assignee is nudged; a ready task nobody can take is flagged */
  acceptGraceMs: number;
  /** an assignee offline this long while holding work: the task is marked at risk */
  offlineGraceMs: number;
  /** at risk this long (assignee still offline): the task is reassigned */
  reassignAfterMs: number;
  /** blocked with no progress this long after guidance: the ladder climbs a rung */
  blockerPersistMs: number;
  /** the same alert (SLA, overload, at risk) is said at most once per window */
  alertWindowMs: number;
  /** optional messages (progress checks, alerts) the lead says per minute at most */
  messagesPerMinute: number;
  /** failures of one task before the lead stops retrying and escalates */
  maxFailures: number;
  /** a stuck task this big or bigger is split rather than handed over */
  splitAboveHours: number;
  /** a question about a line the lead was unsure of waits this long for a yes or no, then is let go */
  askExpiresMs: number;
}

import { MINUTE } from '../../collaboration-server/units.js';

export const DEFAULT_MONITOR_OPTIONS: Readonly<MonitorOptions> = {
  staleAfterMs: 30 * MINUTE,
  acceptGraceMs: 15 * MINUTE,
  offlineGraceMs: 10 * MINUTE,
  reassignAfterMs: 20 * MINUTE,
  blockerPersistMs: 60 * MINUTE,
  alertWindowMs: 60 * MINUTE,
  messagesPerMinute: 12,
  maxFailures: 3,
  splitAboveHours: 12,
  askExpiresMs: 30 * MINUTE,
};

/** The estimate a task's silence threshold equals staleAfterMs for. */
export const REFERENCE_HOURS = 4;

/** A task's silence threshold: staleAfterMs × estimate / 4h, kept between ½× and 4×. */
export function staleThresholdMs(estimateHours: number, options: Pick<MonitorOptions, 'staleAfterMs'>): number {
  const factor = Math.min(4, Math.max(0.5, estimateHours / REFERENCE_HOURS));
  return Math.round(options.staleAfterMs * factor);
}
