/**
 * The benchmark suite: `npm run bench` (build, then `node dist/bench/run.js`).
 * Prints tables and writes the numbers as JSON to bench/results/. Loopback only; bounded counts.
 * `npm run bench -- --quick` (or HUDDLE_BENCH_QUICK=1) runs short runs and one round, in under a minute.
 * HUDDLE_BENCH_ONLY=relays (or appends, postgres, sustained, idle, startup, planning) runs one section
 * (postgres: the same durable appends on SQLite, one hub on PostgreSQL and three hubs on one PostgreSQL,
 * skipped with a line saying why where PostgreSQL is not installed);
 * HUDDLE_BENCH_FANOUTS=10,50 measures only those fan-outs; HUDDLE_BENCH_ROUNDS and HUDDLE_BENCH_SECONDS
 * override the rounds and the length of a run; HUDDLE_BENCH_RELAYS=huddle,ws-batched,ws-framed picks the
 * relays (ws-framed: the floor that frames once, as Huddle does); HUDDLE_BENCH_PROFILE=DIR writes CPU
 * profiles of the hub.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadShape } from './fanout.js';
import { benchAppends, describeAppends, type AppendsResult } from './appends.js';
import { benchIdleMemory, SETTLE_MS } from './idle-memory.js';
import { machineInfo, pinClients, sampleLoad } from './machine.js';
import { benchPlanning } from './planning.js';
import { benchPostgresAppends, type PostgresAppendsResult } from './postgres-appends.js';
import { benchRelays, type Load, type RelayBench } from './relay-bench.js';
import { DEFAULT_RELAYS, RELAYS, repoRoot, type RelayLaunch, type RelayName } from './relays.js';
import type { BenchResult } from './result.js';
import { benchStartup } from './startup.js';
import { benchSustained } from './sustained.js';
import type { SustainedResult } from './sustained-load.js';
import type { Spread } from './stats.js';
import { benchWebPage } from './web-page.js';

const QUICK = process.argv.includes('--quick') || process.env.HUDDLE_BENCH_QUICK === '1';
const ONLY = process.env.HUDDLE_BENCH_ONLY;
const env = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);
const chosenFanouts = process.env.HUDDLE_BENCH_FANOUTS?.split(',').map(Number);
const loadsOf = (shape: LoadShape, fanouts: number[]): Load[] => fanouts.filter((f) => !chosenFanouts || chosenFanouts.includes(f)).map((fanout) => ({ shape, fanout }));
/** the goals are read at fan-out 50, every client sending */
const HEADLINE = { shape: 'all-send' as const, fanout: 50 };
const LOADS = QUICK ? [...loadsOf('one-sender', [50]), ...loadsOf('all-send', [50])] : [...loadsOf('one-sender', [10, 50, 200]), ...loadsOf('all-send', [10, 50])];
const SECONDS = env('HUDDLE_BENCH_SECONDS') ?? (QUICK ? 1 : 5);
const ROUNDS = env('HUDDLE_BENCH_ROUNDS') ?? (QUICK ? 1 : 5);
// The quick mode leaves out the unbatched ws relay: the ratios it writes are against ws-batched and Socket.IO.
const chosenRelays = (process.env.HUDDLE_BENCH_RELAYS?.split(',') ?? (QUICK ? DEFAULT_RELAYS.filter((r) => r !== 'ws') : DEFAULT_RELAYS)) as RelayName[];
for (const name of chosenRelays) if (!(name in RELAYS)) throw new Error(`HUDDLE_BENCH_RELAYS: no relay "${name}"; known: ${Object.keys(RELAYS).join(', ')}`);
const RELAY_NAMES: RelayName[] = ['huddle', ...chosenRelays.filter((name) => name !== 'huddle')];

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const runStarted = performance.now();
/** A section's heading, with how far into the run it starts, so a slow section shows itself. */
const section = (name: string): void => log(`— ${name} (${((performance.now() - runStarted) / 1000).toFixed(1)} s into the run)`);

/** `left`: how many leading columns are text (padded right); the rest are numbers (padded left) */
function table(header: string[], rows: (string | number)[][], left = 3): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

const show = (s: Spread, digits = 2) => `${s.min.toFixed(digits)} / ${s.median.toFixed(digits)} / ${s.max.toFixed(digits)}`;

function relayTables(bench: RelayBench): string {
  const rows = bench.summaries.map((s) => [
    s.shape,
    s.fanout,
    s.relay,
    show(s.relayCpuUsPerDelivery),
    s.deliveriesPerSecond.median.toLocaleString('en'),
    s.p50Ms.median.toFixed(2),
    s.p99Ms.median.toFixed(2),
    `${Math.round(s.relayCpuShare.median * 100)} % / ${Math.round(s.clientCpuShare.median * 100)} %`,
  ]);
  const ratios = bench.ratios.map((r) => [r.shape, r.fanout, `huddle / ${r.over}`, show(r.huddleCpuRatio)]);
  return [
    table(['load', 'fan-out', 'relay', 'CPU µs/delivery min/med/max', 'deliveries/s', 'p50 ms', 'p99 ms', 'relay / clients CPU'], rows),
    '',
    table(['load', 'fan-out', 'ratio of CPU per delivery', 'min/med/max'], ratios),
  ].join('\n');
}

function resultTable(results: BenchResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const valueWidth = Math.max(...results.map((r) => String(r.value).length));
  return results.map((r) => `${r.name.padEnd(width)}  ${String(r.value).padStart(valueWidth)} ${r.unit.padEnd(12)}${r.note ? `  ${r.note}` : ''}`.trimEnd()).join('\n');
}

const pinning = pinClients();
const launch: RelayLaunch = { prefix: pinning.relayPrefix, profileDir: process.env.HUDDLE_BENCH_PROFILE };
const wholeRun = sampleLoad();
const startedAt = new Date();
log(`${QUICK ? 'quick: ' : ''}${ROUNDS} round(s) of ${SECONDS} s runs; ${pinning.relayCore === null ? `not pinned (${pinning.note})` : `relays on core ${pinning.relayCore}, clients on core ${pinning.clientCore}`}`);

const output: string[] = [];
let relays: RelayBench | undefined;
let appends: AppendsResult | undefined;
let postgres: PostgresAppendsResult | undefined;
let sustained: SustainedResult | undefined;
const results: BenchResult[] = [];
const wanted = (name: string) => !ONLY || name.startsWith(ONLY);

if (wanted('relays')) {
  section('relays');
  relays = await benchRelays({
    loads: LOADS,
    paced: { rate: 1000, fanout: 10 },
    seconds: SECONDS,
    warmupSeconds: QUICK ? 0.3 : 1,
    rounds: ROUNDS,
    window: { oneSender: 20, allSend: 2 },
    relays: RELAY_NAMES,
    launch,
    log,
  });
  output.push(relayTables(relays));
}
if (wanted('appends')) {
  section('durable appends');
  appends = await benchAppends(launch, { clients: 50, window: 20, seconds: SECONDS, warmupSeconds: QUICK ? 0.3 : 1, rounds: ROUNDS });
  log(describeAppends(appends));
  const row = (name: string, s: Spread, digits = 2) => [name, show(s, digits)];
  output.push(
    table(
      ['durable appends, 50 clients, 20 in flight each', 'min / median / max'],
      [row('appends per second', appends.appendsPerSecond, 0), row('hub CPU µs per append', appends.hubCpuUsPerAppend), row('ack p50 ms', appends.ackP50Ms), row('ack p99 ms', appends.ackP99Ms)],
      1,
    ),
  );
}
if (wanted('postgres')) {
  section('durable appends on PostgreSQL beside SQLite');
  postgres = await benchPostgresAppends(launch, { clients: 50, window: 2, seconds: SECONDS, warmupSeconds: QUICK ? 0.3 : 1, rounds: ROUNDS }, log);
  if ('skipped' in postgres) {
    log(`  skipped: ${postgres.skipped}`);
    output.push(`durable appends on PostgreSQL: skipped (${postgres.skipped})`);
  } else {
    for (const run of postgres.runs) log(`  ${run.setup}: ${describeAppends(run.result)}`);
    output.push(
      table(
        [`durable appends, 50 clients, 2 in flight each (PostgreSQL ${postgres.postgresVersion}, fsync on)`, 'appends/s min/med/max', 'ack p50 ms', 'ack p99 ms', 'hub CPU µs', 'PostgreSQL CPU µs', 'frames/commit', 'commit ms'],
        postgres.runs.map(({ setup, result: r }) => [
          setup,
          show(r.appendsPerSecond, 0),
          r.ackP50Ms.median.toFixed(2),
          r.ackP99Ms.median.toFixed(2),
          r.hubCpuUsPerAppend.median.toFixed(0),
          r.storeCpuUsPerAppend ? r.storeCpuUsPerAppend.median.toFixed(0) : '-',
          r.commits.framesPerCommit.toFixed(1),
          r.commits.commitMs.toFixed(2),
        ]),
        1,
      ),
    );
  }
}
if (wanted('sustained')) {
  section('sustained load');
  sustained = await benchSustained(launch, { connections: 500, rate: 1, seconds: QUICK ? 2 : 10, warmupSeconds: QUICK ? 0.5 : 2 });
  output.push(table(['sustained load', 'value'], Object.entries(sustained).map(([k, v]) => [k, v]), 1));
}
const others: [string, () => Promise<BenchResult[]>][] = [
  ['idle memory', () => benchIdleMemory(QUICK ? 200 : 1000, QUICK ? 1000 : SETTLE_MS)],
  ['startup', () => benchStartup(QUICK ? 2 : 5)],
  ['planning', benchPlanning],
  ['web', () => benchWebPage(1000, QUICK ? 1 : 5)],
];
for (const [name, run] of others) {
  if (!wanted(name)) continue;
  section(name);
  results.push(...(await run()));
}
if (results.length) output.push(resultTable(results));

const ratioAt = (over: string) => relays?.ratios.find((r) => r.shape === HEADLINE.shape && r.fanout === HEADLINE.fanout && r.over === over)?.huddleCpuRatio;
const pacedP99 = Object.fromEntries((relays?.summaries ?? []).filter((s) => s.shape === 'paced').map((s) => [s.relay, s.p99Ms.median]));
const load = wholeRun();
const report = {
  date: startedAt.toISOString(),
  quick: QUICK,
  machine: machineInfo(),
  pinning: { relayCore: pinning.relayCore, clientCore: pinning.clientCore, ...(pinning.note ? { note: pinning.note } : {}) },
  /** over the whole benchmark; each run in `relays.runs` has its own */
  load: { loadAverage1AtEnd: load.loadAverage1, stealPercent: load.stealPercent },
  settings: { rounds: ROUNDS, seconds: SECONDS, headline: HEADLINE },
  /** Huddle's server CPU per delivery over the floor's, at fan-out 50 with every client sending: median of the rounds' ratios */
  huddle_vs_ws_batched: ratioAt('ws-batched')?.median ?? null,
  huddle_vs_socket_io: ratioAt('socket.io')?.median ?? null,
  huddle_vs_ws: ratioAt('ws')?.median ?? null,
  /** only when HUDDLE_BENCH_RELAYS asks for ws-framed */
  huddle_vs_ws_framed: ratioAt('ws-framed')?.median ?? null,
  /** each relay's p99 at 1,000 messages/s to 10 receivers, median of the rounds, in ms */
  paced_p99_ms: pacedP99,
  relays,
  appends,
  /** the same appends on SQLite, one hub on PostgreSQL, three hubs on one PostgreSQL; or why skipped */
  postgres,
  sustained,
  results,
};
process.stdout.write(`\n${output.join('\n\n')}\n`);
process.stdout.write(
  `\nload average ${load.loadAverage1} at the end, CPU steal ${load.stealPercent ?? '?'} % over the run; ` +
    `huddle / ws-batched ${report.huddle_vs_ws_batched ?? '-'}, huddle / socket.io ${report.huddle_vs_socket_io ?? '-'} (CPU per delivery, ${HEADLINE.shape}, fan-out ${HEADLINE.fanout})\n`,
);
const dir = join(repoRoot, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}${QUICK ? '-quick' : ''}.json`);
writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
process.stdout.write(`written to ${file}\n`);
