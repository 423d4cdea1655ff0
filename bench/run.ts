/**
 * The benchmark suite: `npm run bench` (build, then `node dist/bench/run.js`).
 * Prints a table and writes the numbers as JSON to bench/results/. Loopback only; bounded counts.
 * HUDDLE_BENCH_QUICK=1 runs smaller counts, for a smoke check.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchIdleMemory, SETTLE_MS } from './idle-memory.js';
import { benchPlanning } from './planning.js';
import { benchRelays } from './relay-bench.js';
import { repoRoot } from './relays.js';
import type { BenchResult } from './result.js';
import { benchStartup } from './startup.js';
import { round } from './stats.js';
import { benchWebPage } from './web-page.js';

const QUICK = process.env.HUDDLE_BENCH_QUICK === '1';
/** HUDDLE_BENCH_FANOUTS=10,50 measures only those */
const FANOUTS = (process.env.HUDDLE_BENCH_FANOUTS ?? '10,50,200').split(',').map(Number);
/** deliveries per fan-out run: messages = this / receivers */
const DELIVERIES = QUICK ? 10_000 : 100_000;
/** paced to 10 receivers: 10,000 deliveries/s stays well inside what the one benchmark process can read */
const PACED = { rate: 1000, seconds: QUICK ? 1 : 3, receivers: 10 };
const ROUNDS = QUICK ? 1 : 3;
/** HUDDLE_BENCH_ONLY=relays (or idle, startup, planning, web) runs one section */
const ONLY = process.env.HUDDLE_BENCH_ONLY;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function table(results: BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const valueWidth = Math.max(...results.map((r) => String(r.value).length));
  return results
    .map((r) => `${r.name.padEnd(width)}  ${String(r.value).padStart(valueWidth)} ${r.unit.padEnd(12)}${r.note ? `  ${r.note}` : ''}`)
    .join('\n');
}

const sections: [string, () => Promise<BenchResult[]>][] = [
  ['relays', () => benchRelays({ fanouts: FANOUTS, deliveries: DELIVERIES, rounds: ROUNDS, paced: PACED, log })],
  ['idle memory', () => benchIdleMemory(QUICK ? 200 : 1000, QUICK ? 1000 : SETTLE_MS)],
  ['startup', () => benchStartup(QUICK ? 2 : 5)],
  ['planning', benchPlanning],
  ['web', () => benchWebPage(1000, QUICK ? 1 : 5)],
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
