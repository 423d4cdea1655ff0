/**
 * No noise: one alert per condition per window, and a cap on how much the lead says per minute.
 * Plain data in and out, so the memory can be saved through `state_put` and restored after a restart.
 */
import { MINUTE } from '../../collaboration-server/units.js';

/** When each condition (for example `stale:T-3`, `sla:T-4`, `overload:Ada`) was last said. */
export type AlertLog = Record<string, number>;

/** True when `key` was not said within the last `windowMs`. */
export function isDue(log: AlertLog, key: string, now: number, windowMs: number): boolean {
  const last = log[key];
  return last === undefined || now - last >= windowMs;
}

/** Records that `key` was said at `now`. */
export function markSaid(log: AlertLog, key: string, now: number): void {
  log[key] = now;
}

/** Forgets every condition whose key starts with `prefix` (for example when a task is finished). */
export function forget(log: AlertLog, prefix: string): void {
  for (const key of Object.keys(log)) if (key.startsWith(prefix)) delete log[key];
}

/** A sliding one-minute budget: the times of recent optional messages. */
export function withinBudget(sentAt: number[], now: number, perMinute: number): boolean {
  const recent = sentAt.filter((t) => now - t < MINUTE);
  sentAt.splice(0, sentAt.length, ...recent);
  return recent.length < perMinute;
}
