/** Percentiles over latency samples. */
import { roundTo } from '../collaboration-server/units.js';

export function percentile(sorted: Float64Array | number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: number[]): number => percentile([...values].sort((a, b) => a - b), 50);

export const round = (value: number, digits = 2): number => roundTo(value, digits);

/** min, median and max over the rounds of a measurement */
export interface Spread {
  min: number;
  median: number;
  max: number;
}

export function spread(values: number[], digits = 2): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: round(sorted[0] ?? NaN, digits), median: round(median(sorted), digits), max: round(sorted.at(-1) ?? NaN, digits) };
}

/**
 * Latencies in 10 µs buckets up to 10 s (beyond that, the last bucket): fixed memory however long a
 * run lasts, and percentiles to 10 µs.
 */
export class LatencyHistogram {
  private static readonly BUCKET_MS = 0.01;
  private readonly counts = new Uint32Array(1_000_001);
  count = 0;
  maxMs = 0;

  record(ms: number): void {
    const i = Math.min(this.counts.length - 1, Math.max(0, Math.floor(ms / LatencyHistogram.BUCKET_MS)));
    this.counts[i]!++;
    this.count++;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** the upper edge of the bucket that holds the p-th percentile */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min((i + 1) * LatencyHistogram.BUCKET_MS, this.maxMs);
    }
    return this.maxMs;
  }
}
