/**
 * The relay comparison: Huddle, bare ws and Socket.IO at fan-out 10, 50 and 200, and paced at
 * 1,000 messages/s. The three relays run side by side and are measured in turn, round after round,
 * and each number is the median over the rounds: on a shared machine the load changes from minute to
 * minute, and interleaving keeps the ratios honest.
 */
import { measureFanout, type FanoutResult } from './fanout.js';
import { RELAYS, type RelayUnderTest } from './relays.js';
import type { BenchResult } from './result.js';
import { median, round } from './stats.js';

export interface RelayBenchOptions {
  fanouts: number[];
  /** deliveries per saturated run: messages = deliveries / receivers */
  deliveries: number;
  rounds: number;
  paced: { rate: number; seconds: number; receivers: number };
  log(line: string): void;
}

type Key = `${string} ${number}`;

export async function benchRelays(o: RelayBenchOptions): Promise<BenchResult[]> {
  const relays: RelayUnderTest[] = [];
  const saturated = new Map<Key, FanoutResult[]>();
  const paced = new Map<string, FanoutResult[]>();
  const add = <K>(map: Map<K, FanoutResult[]>, key: K, r: FanoutResult) => map.set(key, [...(map.get(key) ?? []), r]);
  try {
    for (const start of RELAYS) relays.push(await start());
    for (let round = 1; round <= o.rounds; round++) {
      for (const receivers of o.fanouts) {
        for (const relay of relays) {
          const r = await measureFanout(relay, { receivers, messages: Math.round(o.deliveries / receivers), window: 20 });
          o.log(
            `round ${round}: ${relay.name} fan-out ${receivers}: ${Math.round(r.deliveriesPerSecond)}/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ` +
              `relay CPU ${r.relayCpuUsPerDelivery.toFixed(2)} µs/delivery, clients ${(r.clientCpuShare * 100).toFixed(0)} % of a core`,
          );
          add(saturated, `${relay.name} ${receivers}`, r);
        }
      }
      for (const relay of relays) {
        const p = await measureFanout(relay, { receivers: o.paced.receivers, messages: o.paced.rate * o.paced.seconds, rate: o.paced.rate });
        o.log(`round ${round}: ${relay.name} paced ${o.paced.rate}/s to ${o.paced.receivers}: p50 ${p.p50Ms.toFixed(2)} ms, p99 ${p.p99Ms.toFixed(2)} ms`);
        add(paced, relay.name, p);
      }
    }
  } finally {
    for (const relay of relays) await relay.close();
  }

  type Measure = 'deliveriesPerSecond' | 'p50Ms' | 'p99Ms' | 'relayCpuUsPerDelivery' | 'clientCpuShare';
  const med = (runs: FanoutResult[], key: Measure) => median(runs.map((r) => r[key]));
  const results: BenchResult[] = [];
  const names = relays.map((r) => r.name);
  for (const receivers of o.fanouts) {
    for (const name of names) {
      const runs = saturated.get(`${name} ${receivers}`)!;
      const note = `${runs[0]!.messages} messages × ${receivers} receivers, 20 in flight; median of ${o.rounds}`;
      results.push({ name: `${name} fan-out ${receivers}: throughput`, value: Math.round(med(runs, 'deliveriesPerSecond')), unit: 'deliveries/s', note });
      results.push({ name: `${name} fan-out ${receivers}: p50 latency`, value: round(med(runs, 'p50Ms')), unit: 'ms' });
      results.push({ name: `${name} fan-out ${receivers}: p99 latency`, value: round(med(runs, 'p99Ms')), unit: 'ms' });
      results.push({ name: `${name} fan-out ${receivers}: relay CPU per delivery`, value: round(med(runs, 'relayCpuUsPerDelivery')), unit: 'µs', note: "the relay process's user + system time" });
      results.push({ name: `${name} fan-out ${receivers}: clients' CPU`, value: round(med(runs, 'clientCpuShare') * 100, 0), unit: '% of a core', note: 'the benchmark process; near 100 %: the clients set the pace' });
    }
  }
  for (const receivers of o.fanouts) {
    const of = (name: string) => med(saturated.get(`${name} ${receivers}`)!, 'deliveriesPerSecond');
    const goal = (text: string) => (receivers === 50 ? { note: text } : {});
    results.push({ name: `fan-out ${receivers}: Huddle / ws throughput`, value: round(of('huddle') / of('ws')), unit: '×', ...goal('goal ≥ 0.7') });
    results.push({ name: `fan-out ${receivers}: Huddle / Socket.IO throughput`, value: round(of('huddle') / of('socket.io')), unit: '×', ...goal('goal ≥ 1.5') });
    const cpu = (name: string) => med(saturated.get(`${name} ${receivers}`)!, 'relayCpuUsPerDelivery');
    const cheaper = 'deliveries per CPU second, Huddle over the other';
    results.push({ name: `fan-out ${receivers}: Huddle / ws deliveries per CPU second`, value: round(cpu('ws') / cpu('huddle')), unit: '×', note: cheaper });
    results.push({ name: `fan-out ${receivers}: Huddle / Socket.IO deliveries per CPU second`, value: round(cpu('socket.io') / cpu('huddle')), unit: '×', note: cheaper });
  }
  for (const name of names) {
    const runs = paced.get(name)!;
    const note = `${o.paced.rate} messages/s for ${o.paced.seconds} s to ${o.paced.receivers} receivers; median of ${o.rounds}${name === 'huddle' ? '; goal p99 < 10 ms' : ''}`;
    results.push({ name: `${name} paced ${o.paced.rate}/s: p50 latency`, value: round(med(runs, 'p50Ms')), unit: 'ms', note });
    results.push({ name: `${name} paced ${o.paced.rate}/s: p99 latency`, value: round(med(runs, 'p99Ms')), unit: 'ms' });
  }
  return results;
}
