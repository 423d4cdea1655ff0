/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: it throws on any line
 * Prometheus would refuse or that breaks the format's rules (a sample before its TYPE, a repeated
 * series, a histogram whose buckets are not cumulative or lack +Inf), and returns the samples.
 */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** the value of one series (0 when absent): `value('x_total', { type: 'say' })` */
  value(name: string, labels?: Record<string, string>): number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  if (text === 'NaN') return NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value "${text}" in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`bad labels in: ${line}`);
    const name = text.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`bad label name "${name}" in: ${line}`);
    if (name in labels) throw new Error(`label ${name} repeated in: ${line}`);
    if (text[eq + 1] !== '"') throw new Error(`label value not quoted in: ${line}`);
    let value = '';
    let j = eq + 2;
    for (;;) {
      const c = text[j];
      if (c === undefined) throw new Error(`unterminated label value in: ${line}`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[j + 1];
        if (next === 'n') value += '\n';
        else if (next === '\\' || next === '"') value += next;
        else throw new Error(`bad escape in: ${line}`);
        j += 2;
      } else {
        value += c;
        j += 1;
      }
    }
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i += 1;
    else if (i !== text.length) throw new Error(`bad labels in: ${line}`);
  }
  return labels;
}

/** the metric family a sample name belongs to, given the declared types */
function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const suffix = /_(bucket|sum|count)$/.exec(name);
  const base = suffix ? name.slice(0, -suffix[0].length) : undefined;
  return base && ['histogram', 'summary'].includes(types.get(base) ?? '') ? base : undefined;
}

function checkHistograms(samples: Sample[], types: Map<string, string>): void {
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const groups = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${family}_bucket`)) {
      const { le, ...rest } = s.labels;
      if (le === undefined) throw new Error(`${family}_bucket without le`);
      const key = JSON.stringify(rest);
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    if (groups.size === 0) throw new Error(`histogram ${family} has no buckets`);
    for (const [key, buckets] of groups) {
      const les = buckets.map((b) => parseValue(b.labels.le!, family));
      if (les.at(-1) !== Infinity) throw new Error(`histogram ${family} lacks the +Inf bucket`);
      for (let i = 1; i < buckets.length; i++) {
        if (!(les[i]! > les[i - 1]!)) throw new Error(`histogram ${family}: buckets out of order`);
        if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`histogram ${family}: buckets not cumulative`);
      }
      const count = samples.find((s) => s.name === `${family}_count` && JSON.stringify(s.labels) === key);
      if (!count || count.value !== buckets.at(-1)!.value) throw new Error(`histogram ${family}: _count differs from the +Inf bucket`);
      if (!samples.some((s) => s.name === `${family}_sum` && JSON.stringify(s.labels) === key)) throw new Error(`histogram ${family} lacks _sum`);
    }
  }
}

export function parsePrometheusText(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const samples: Sample[] = [];
  const seen = new Set<string>();
  const finished = new Set<string>();
  let current: string | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const m = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
      if (!m) {
        if (/^# (HELP|TYPE)/.test(line)) throw new Error(`bad comment: ${line}`);
        continue;
      }
      const [, kind, name, rest = ''] = m;
      if (!NAME.test(name!)) throw new Error(`bad metric name in: ${line}`);
      if (kind === 'TYPE') {
        if (!TYPES.has(rest)) throw new Error(`unknown type in: ${line}`);
        if (types.has(name!) || seen.has(name!)) throw new Error(`TYPE of ${name} given twice or after its samples`);
        types.set(name!, rest);
      } else {
        if (helped.has(name!)) throw new Error(`HELP of ${name} given twice`);
        helped.add(name!);
      }
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/.exec(line);
    if (!m) throw new Error(`bad sample line: ${line}`);
    const [, name, labelText = '', valueText] = m;
    const family = familyOf(name!, types) ?? name!;
    if (family !== current) {
      if (finished.has(family)) throw new Error(`samples of ${family} are not together`);
      if (current) finished.add(current);
      current = family;
    }
    const labels = parseLabels(labelText, line);
    const series = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (seen.has(series)) throw new Error(`series repeated: ${line}`);
    seen.add(series);
    seen.add(family);
    samples.push({ name: name!, labels, value: parseValue(valueText!, line) });
  }
  checkHistograms(samples, types);
  const value = (name: string, labels: Record<string, string> = {}): number => {
    const want = JSON.stringify(Object.entries(labels).sort());
    return samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want)?.value ?? 0;
  };
  return { types, samples, value };
}
