/**
 * Load through a relay: `fanout + 1` clients on loopback, each message delivered to `fanout` of them.
 * Three shapes: one client sends as fast as a window of messages in flight allows (`one-sender`);
 * every client does so (`all-send`); one client sends at a fixed rate (`paced`). Each payload carries
 * its sender and send time; every receiver records the delay. A run warms up, then measures a steady
 * window of wall time: deliveries, latency and the relay's CPU time in that window only.
 */
import { cpuMsOf } from './cpu-time.js';
import { sampleLoad, type LoadSample } from './machine.js';
import type { BenchPeer, RelayUnderTest } from './relays.js';
import { LatencyHistogram, round } from './stats.js';

export type LoadShape = 'one-sender' | 'all-send' | 'paced';

export interface LoadOptions {
  shape: LoadShape;
  /** receivers of each message */
  fanout: number;
  /** the measured window, after the warm-up */
  seconds: number;
  warmupSeconds: number;
  /** one-sender and all-send: most messages of one sender in flight (sent, not yet at every receiver) */
  window: number;
  /** paced: messages per second */
  rate: number;
}

export interface RunResult {
  relay: string;
  shape: LoadShape;
  fanout: number;
  senders: number;
  seconds: number;
  deliveries: number;
  deliveriesPerSecond: number;
  /** the relay process's user + system time per delivery, in µs: what it costs, whoever sets the pace */
  relayCpuUsPerDelivery: number;
  /** the relay's CPU time over the wall time: near 1, the relay sets the pace */
  relayCpuShare: number;
  /** this process's (the clients') CPU time over the wall time: near 1, the clients set the pace */
  clientCpuShare: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  load: LoadSample;
}

const PAD = 'x'.repeat(64);
let run = 0;

async function connectAll(relay: RelayUnderTest, count: number, onPayload: (payload: string) => void): Promise<BenchPeer[]> {
  const label = `r${++run}`;
  const peers: BenchPeer[] = [];
  try {
    for (let i = 0; i < count; i += 25) {
      peers.push(...(await Promise.all(Array.from({ length: Math.min(25, count - i) }, (_, j) => relay.connect(`${label}-${i + j}`, onPayload)))));
    }
  } catch (err) {
    for (const p of peers) p.close();
    throw err;
  }
  return peers;
}

export async function measureLoad(relay: RelayUnderTest, o: LoadOptions): Promise<RunResult> {
  const n = o.fanout + 1;
  const senders = o.shape === 'all-send' ? n : 1;
  const sent = new Array<number>(senders).fill(0);
  const delivered = new Array<number>(senders).fill(0);
  const latency = new LatencyHistogram();
  let total = 0;
  let measuring = false;
  let sending = true;
  let pump: (s: number) => void = () => {};
  let onProgress = () => {};

  const peers = await connectAll(relay, n, (payload) => {
    const at = performance.now();
    const { s, t } = JSON.parse(payload) as { s: number; t: number };
    delivered[s]!++;
    total++;
    if (measuring) latency.record(at - t);
    pump(s);
    onProgress();
  });
  const send = (s: number) => peers[s]!.send(JSON.stringify({ s, k: sent[s]!++, t: performance.now(), pad: PAD }));
  let timer: NodeJS.Timeout | undefined;
  try {
    if (o.shape === 'paced') {
      const started = performance.now();
      const perMs = o.rate / 1000;
      timer = setInterval(() => {
        const due = Math.floor((performance.now() - started) * perMs);
        while (sending && sent[0]! < due) send(0);
      }, 2);
    } else {
      pump = (s) => {
        while (sending && sent[s]! - Math.floor(delivered[s]! / o.fanout) < o.window) send(s);
      };
      for (let s = 0; s < senders; s++) pump(s);
    }
    await new Promise((resolve) => setTimeout(resolve, o.warmupSeconds * 1000));

    const endLoad = sampleLoad();
    const relayCpuBefore = cpuMsOf(relay.pid);
    const clientCpuBefore = process.cpuUsage();
    const totalBefore = total;
    const started = performance.now();
    measuring = true;
    await new Promise((resolve) => setTimeout(resolve, o.seconds * 1000));
    measuring = false;
    const seconds = (performance.now() - started) / 1000;
    const deliveries = total - totalBefore;
    const relayCpuMs = cpuMsOf(relay.pid) - relayCpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const load = endLoad();

    // stop sending, and let what is in flight arrive before the clients go
    sending = false;
    clearInterval(timer);
    const expected = () => sent.reduce((a, b) => a + b, 0) * o.fanout;
    await new Promise<void>((resolve, reject) => {
      let last = total;
      const stalled = setInterval(() => {
        if (total === last) {
          clearInterval(stalled);
          reject(new Error(`${relay.name} ${o.shape} fan-out ${o.fanout}: no delivery for 30 s (${total} of ${expected()})`));
        }
        last = total;
      }, 30_000);
      onProgress = () => {
        if (total < expected()) return;
        clearInterval(stalled);
        resolve();
      };
      onProgress();
    });
    return {
      relay: relay.name,
      shape: o.shape,
      fanout: o.fanout,
      senders,
      seconds: round(seconds, 2),
      deliveries,
      deliveriesPerSecond: Math.round(deliveries / seconds),
      relayCpuUsPerDelivery: round((relayCpuMs * 1000) / deliveries, 3),
      relayCpuShare: round(relayCpuMs / 1000 / seconds, 3),
      clientCpuShare: round((clientCpu.user + clientCpu.system) / 1e6 / seconds, 3),
      p50Ms: round(latency.percentile(50), 3),
      p99Ms: round(latency.percentile(99), 3),
      maxMs: round(latency.maxMs, 3),
      load,
    };
  } finally {
    sending = false;
    clearInterval(timer);
    for (const p of peers) p.close();
  }
}
