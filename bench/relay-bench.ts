/**
 * The relay comparison: Huddle, the batched bare-ws floor, bare ws and Socket.IO, under each load
 * (one sender or every client sending, at each fan-out, and paced). The relays run side by side and
 * are measured in turn, round after round, the order rotated each round; each figure is given as
 * min / median / max over the rounds. On a shared machine the load changes from minute to minute:
 * interleaving keeps the ratios honest, and a ratio is taken within a round, then over the rounds.
 */
import { measureLoad, type LoadShape, type RunResult } from './fanout.js';
import { RELAYS, type RelayLaunch, type RelayName, type RelayUnderTest } from './relays.js';
import { spread, type Spread } from './stats.js';

export interface Load {
  shape: LoadShape;
  fanout: number;
}

export interface RelayBenchOptions {
  loads: Load[];
  paced: { rate: number; fanout: number };
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  /** messages of one sender in flight: one sender keeps more, so both shapes saturate the relay */
  window: { oneSender: number; allSend: number };
  /** which relays, Huddle first */
  relays: RelayName[];
  launch: RelayLaunch;
  log(line: string): void;
}

export interface RelaySummary {
  relay: RelayName;
  shape: LoadShape;
  fanout: number;
  rounds: number;
  relayCpuUsPerDelivery: Spread;
  deliveriesPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  relayCpuShare: Spread;
  clientCpuShare: Spread;
}

export interface RelayBench {
  runs: RunResult[];
  summaries: RelaySummary[];
  /** Huddle's CPU per delivery over another relay's, taken within each round */
  ratios: { shape: LoadShape; fanout: number; over: RelayName; huddleCpuRatio: Spread }[];
}

const keyOf = (relay: string, shape: LoadShape, fanout: number) => `${relay} ${shape} ${fanout}`;

function describe(r: RunResult): string {
  return (
    `${r.relay} ${r.shape} fan-out ${r.fanout}: ${r.relayCpuUsPerDelivery.toFixed(2)} µs relay CPU/delivery, ${r.deliveriesPerSecond}/s, ` +
    `p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, relay ${Math.round(r.relayCpuShare * 100)} % / clients ${Math.round(r.clientCpuShare * 100)} % of a core, ` +
    `load ${r.load.loadAverage1}, steal ${r.load.stealPercent ?? '?'} %`
  );
}

export async function benchRelays(o: RelayBenchOptions): Promise<RelayBench> {
  const relays: RelayUnderTest[] = [];
  const runs: RunResult[] = [];
  const byRound: Map<string, RunResult>[] = [];
  const loads: Load[] = [...o.loads, { shape: 'paced', fanout: o.paced.fanout }];
  try {
    for (const name of o.relays) relays.push(await RELAYS[name](o.launch));
    for (let round = 0; round < o.rounds; round++) {
      const thisRound = new Map<string, RunResult>();
      byRound.push(thisRound);
      for (const load of loads) {
        for (let i = 0; i < relays.length; i++) {
          const relay = relays[(i + round) % relays.length]!;
          const r = await measureLoad(relay, {
            ...load,
            seconds: o.seconds,
            warmupSeconds: o.warmupSeconds,
            window: load.shape === 'all-send' ? o.window.allSend : o.window.oneSender,
            rate: o.paced.rate,
          });
          o.log(`round ${round + 1}: ${describe(r)}`);
          runs.push(r);
          thisRound.set(keyOf(r.relay, r.shape, r.fanout), r);
        }
      }
    }
  } finally {
    for (const relay of relays) await relay.close();
  }

  const summaries: RelaySummary[] = [];
  const ratios: RelayBench['ratios'] = [];
  for (const { shape, fanout } of loads) {
    for (const relay of relays) {
      const mine = runs.filter((r) => r.relay === relay.name && r.shape === shape && r.fanout === fanout);
      const of = (pick: (r: RunResult) => number, digits = 2) => spread(mine.map(pick), digits);
      summaries.push({
        relay: relay.name,
        shape,
        fanout,
        rounds: mine.length,
        relayCpuUsPerDelivery: of((r) => r.relayCpuUsPerDelivery),
        deliveriesPerSecond: of((r) => r.deliveriesPerSecond, 0),
        p50Ms: of((r) => r.p50Ms),
        p99Ms: of((r) => r.p99Ms),
        relayCpuShare: of((r) => r.relayCpuShare),
        clientCpuShare: of((r) => r.clientCpuShare),
      });
    }
    if (shape === 'paced') continue;
    for (const over of relays.map((r) => r.name).filter((name) => name !== 'huddle')) {
      const perRound = byRound.map((round) => round.get(keyOf('huddle', shape, fanout))!.relayCpuUsPerDelivery / round.get(keyOf(over, shape, fanout))!.relayCpuUsPerDelivery);
      ratios.push({ shape, fanout, over, huddleCpuRatio: spread(perRound) });
    }
  }
  return { runs, summaries, ratios };
}
