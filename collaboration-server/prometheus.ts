/**
 * A small Prometheus registry: counters, gauges and histograms with labels, written out in the text
 * exposition format (version 0.0.4). Enough for the hub's /metrics without a dependency.
 */
export type Labels = Record<string, string>;

interface Metric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram';
  samples(): string[];
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return pairs.length ? `{${pairs.join(',')}}` : '';
}

const keyOf = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

function numberText(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return Number.isNaN(n) ? 'NaN' : String(n);
}

abstract class Labelled<V> implements Metric {
  abstract readonly type: Metric['type'];
  protected readonly series = new Map<string, { labels: Labels; value: V }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  protected entry(labels: Labels, initial: () => V): { labels: Labels; value: V } {
    const key = keyOf(labels);
    let entry = this.series.get(key);
    if (!entry) this.series.set(key, (entry = { labels, value: initial() }));
    return entry;
  }

  abstract samples(): string[];
}

export class Counter extends Labelled<number> {
  readonly type = 'counter';
  inc(labels: Labels = {}, by = 1): void {
    this.entry(labels, () => 0).value += by;
  }
  get(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.value ?? 0;
  }
  samples(): string[] {
    if (this.series.size === 0) return [`${this.name} 0`];
    return [...this.series.values()].map(({ labels, value }) => `${this.name}${labelText(labels)} ${numberText(value)}`);
  }
}

/** A gauge read when scraped, so it can never drift from what it reports. */
export class Gauge implements Metric {
  readonly type = 'gauge';
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => number,
  ) {}
  samples(): string[] {
    return [`${this.name} ${numberText(this.read())}`];
  }
}

/** A counter whose series are read when scraped, from a count kept elsewhere (the lead's, in the store). */
export class ReadCounter implements Metric {
  readonly type = 'counter';
  constructor(
    readonly name: string,
    readonly help: string,
    private readonly read: () => { labels: Labels; value: number }[],
  ) {}
  samples(): string[] {
    return this.read().map(({ labels, value }) => `${this.name}${labelText(labels)} ${numberText(value)}`);
  }
}

interface HistogramValue {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Labelled<HistogramValue> {
  readonly type = 'histogram';
  constructor(
    name: string,
    help: string,
    private readonly buckets: readonly number[],
  ) {
    super(name, help);
  }
  observe(value: number, labels: Labels = {}): void {
    const entry = this.entry(labels, () => ({ counts: this.buckets.map(() => 0), sum: 0, count: 0 })).value;
    this.buckets.forEach((le, i) => {
      if (value <= le) entry.counts[i]! += 1;
    });
    entry.sum += value;
    entry.count += 1;
  }
  samples(): string[] {
    const series = this.series.size ? [...this.series.values()] : [{ labels: {}, value: { counts: this.buckets.map(() => 0), sum: 0, count: 0 } }];
    return series.flatMap(({ labels, value }) => [
      ...this.buckets.map((le, i) => `${this.name}_bucket${labelText({ ...labels, le: numberText(le) })} ${value.counts[i]}`),
      `${this.name}_bucket${labelText({ ...labels, le: '+Inf' })} ${value.count}`,
      `${this.name}_sum${labelText(labels)} ${numberText(value.sum)}`,
      `${this.name}_count${labelText(labels)} ${value.count}`,
    ]);
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];

  add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  /** The text exposition format: HELP, TYPE, then the samples of each metric. */
  render(): string {
    return this.metrics.map((m) => [`# HELP ${m.name} ${escapeHelp(m.help)}`, `# TYPE ${m.name} ${m.type}`, ...m.samples()].join('\n')).join('\n') + '\n';
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
