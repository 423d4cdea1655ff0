/**
 * The benchmark suite: `npm run bench` (build, then `node dist/bench/run.js`).
 * Prints a table and writes the numbers as JSON to bench/results/. Loopback only; bounded counts.
 * HUDDLE_BENCH_QUICK=1 runs smaller counts, for a smoke check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureFanout, type FanoutResult } from './fanout.js';
import { benchIdleMemory } from './idle-memory.js';
import { RELAYS, repoRoot } from './relays.js';
import type { BenchResult } from './result.js';
import { benchStartup } from './startup.js';
import { round } from './stats.js';

const QUICK = process.env.HUDDLE_BENCH_QUICK === '1';
const FANOUTS = [10, 50, 200];
/** deliveries per fan-out run: messages = this / receivers */
const DELIVERIES = QUICK ? 10_000 : 100_000;
/** paced to 10 receivers: 10,000 deliveries/s stays well inside what the one benchmark process can read */
const PACED = { rate: 1000, seconds: QUICK ? 1 : 3, receivers: 10 };
/** HUDDLE_BENCH_ONLY=relays (or idle, startup, planning) runs one section */
const ONLY = process.env.HUDDLE_BENCH_ONLY;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function benchRelays(): Promise<BenchResult[]> {
  const saturated: FanoutResult[] = [];
  const paced: FanoutResult[] = [];
  for (const start of RELAYS) {
    const relay = await start();
    try {
      for (const receivers of FANOUTS) {
        const r = await measureFanout(relay, { receivers, messages: Math.round(DELIVERIES / receivers), window: 20 });
        log(`${relay.name} fan-out ${receivers}: ${Math.round(r.deliveriesPerSecond)}/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms`);
        saturated.push(r);
      }
      const p = await measureFanout(relay, { receivers: PACED.receivers, messages: PACED.rate * PACED.seconds, rate: PACED.rate });
      log(`${relay.name} paced ${PACED.rate}/s to ${PACED.receivers}: p50 ${p.p50Ms.toFixed(2)} ms, p99 ${p.p99Ms.toFixed(2)} ms`);
      paced.push(p);
    } finally {
      await relay.close();
    }
  }
  const results: BenchResult[] = [];
  for (const r of saturated) {
    const note = `${r.messages} messages × ${r.receivers} receivers, 20 in flight`;
    results.push({ name: `${r.relay} fan-out ${r.receivers}: throughput`, value: Math.round(r.deliveriesPerSecond), unit: 'deliveries/s', note });
    results.push({ name: `${r.relay} fan-out ${r.receivers}: p50 latency`, value: round(r.p50Ms), unit: 'ms' });
    results.push({ name: `${r.relay} fan-out ${r.receivers}: p99 latency`, value: round(r.p99Ms), unit: 'ms' });
  }
  for (const receivers of FANOUTS) {
    const of = (name: string) => saturated.find((r) => r.relay === name && r.receivers === receivers)!.deliveriesPerSecond;
    results.push({ name: `fan-out ${receivers}: Huddle / ws throughput`, value: round(of('huddle') / of('ws')), unit: '×', note: receivers === 50 ? 'goal ≥ 0.7' : undefined });
    results.push({ name: `fan-out ${receivers}: Huddle / Socket.IO throughput`, value: round(of('huddle') / of('socket.io')), unit: '×', note: receivers === 50 ? 'goal ≥ 1.5' : undefined });
  }
  for (const p of paced) {
    const note = `${PACED.rate} messages/s for ${PACED.seconds} s to ${p.receivers} receivers${p.relay === 'huddle' ? '; goal p99 < 10 ms' : ''}`;
    results.push({ name: `${p.relay} paced ${PACED.rate}/s: p50 latency`, value: round(p.p50Ms), unit: 'ms', note });
    results.push({ name: `${p.relay} paced ${PACED.rate}/s: p99 latency`, value: round(p.p99Ms), unit: 'ms' });
  }
  return results;
}

/** The planning engineer's bench/planning.ts, when it exists. */
async function benchPlanningIfPresent(): Promise<BenchResult[]> {
  let module: { benchPlanning?: () => Promise<BenchResult[]> };
  try {
    module = (await import(new URL('./planning.js', import.meta.url).href)) as typeof module;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      log('bench/planning.ts is not there yet: no planning numbers');
      return [];
    }
    throw err;
  }
  return module.benchPlanning ? module.benchPlanning() : [];
}

function table(results: BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const valueWidth = Math.max(...results.map((r) => String(r.value).length));
  return results
    .map((r) => `${r.name.padEnd(width)}  ${String(r.value).padStart(valueWidth)} ${r.unit.padEnd(12)}${r.note ? `  ${r.note}` : ''}`)
    .join('\n');
}

const sections: [string, () => Promise<BenchResult[]>][] = [
  ['relays', benchRelays],
  ['idle memory', () => benchIdleMemory(QUICK ? 200 : 1000)],
  ['startup', () => benchStartup(QUICK ? 2 : 5)],
  ['planning', benchPlanningIfPresent],
];
const results: BenchResult[] = [];
for (const [name, run] of sections) {
  if (ONLY && !name.startsWith(ONLY)) continue;
  log(`— ${name}`);
  results.push(...(await run()));
}
process.stdout.write(`\n${table(results)}\n`);
const dir = join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform };
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), quick: QUICK, machine, results }, null, 2) + '\n');
process.stdout.write(`\nwritten to ${file}\n`);
