/** Units of time in milliseconds, rounding, and UTC dates as the hub, the lead and the terminals write them. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `x` rounded to `digits` decimals. */
export const roundTo = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
/** One decimal, as hours are shown: 7.25 → 7.3. */
export const round1 = (x: number): number => roundTo(x, 1);
/** Two decimals, as metrics are kept. */
export const round2 = (x: number): number => roundTo(x, 2);

/** `1 point`, `3 points`: a count with its noun, singular for one. */
export const countOf = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** "2026-01-05" (UTC). */
export const utcDate = (t: number): string => new Date(t).toISOString().slice(0, 10);
/** "2026-01-05 14:00" (UTC). */
export const utcDateTime = (t: number): string => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
/** "14:00" (UTC). */
export const utcTime = (t: number): string => new Date(t).toISOString().slice(11, 16);
