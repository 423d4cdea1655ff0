/**
 * Fan-out through a relay: one sender, N receivers on loopback. Each payload carries its send time;
 * every receiver records the delay. Two modes: as fast as the relay goes (a window of messages in
 * flight, so the relay is saturated but not flooded) and paced at a fixed rate.
 */
import { cpuMsOf } from './cpu-time.js';
import type { BenchPeer, RelayUnderTest } from './relays.js';
import { percentile, sortedCopy } from './stats.js';

export interface FanoutResult {
  relay: string;
  receivers: number;
  messages: number;
  /** payloads delivered to receivers per second */
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** the relay process's CPU time per delivery, in microseconds: its cost, whoever limits the pace */
  relayCpuUsPerDelivery: number;
  /** this process's CPU time over the wall time: near 1 means the clients, not the relay, set the pace */
  clientCpuShare: number;
}

export interface FanoutOptions {
  receivers: number;
  messages: number;
  /** saturate: at most this many messages in flight; paced: ignored */
  window?: number;
  /** paced mode: messages per second */
  rate?: number;
}

let run = 0;

export async function measureFanout(relay: RelayUnderTest, options: FanoutOptions): Promise<FanoutResult> {
  const { receivers: n, messages } = options;
  const label = `r${++run}`;
  const latencies = new Float64Array(n * messages);
  let delivered = 0;
  let warm = 0;
  let onDelivery = () => {};

  const receive = (payload: string) => {
    const at = performance.now();
    const { k, t } = JSON.parse(payload) as { k: number; t: number };
    if (k < 0) {
      warm++;
    } else {
      latencies[delivered++] = at - t;
    }
    onDelivery();
  };
  const peers: BenchPeer[] = [];
  try {
    for (let i = 0; i < n; i += 25) {
      const batch = Array.from({ length: Math.min(25, n - i) }, (_, j) => relay.connect(`${label}-${i + j}`, receive));
      peers.push(...(await Promise.all(batch)));
    }
    const sender = await relay.connect(`${label}-sender`, () => {});
    peers.push(sender);
    const payload = (k: number) => JSON.stringify({ k, t: performance.now(), pad: 'x'.repeat(64) });

    // warm up: connections, JIT, the hub's prepared statements
    await new Promise<void>((resolve) => {
      onDelivery = () => warm === 20 * n && resolve();
      for (let k = 1; k <= 20; k++) sender.send(payload(-k));
    });

    const started = performance.now();
    const relayCpuBefore = cpuMsOf(relay.pid);
    const clientCpuBefore = process.cpuUsage();
    await new Promise<void>((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`${relay.name}: ${delivered} of ${n * messages} deliveries after 120 s`)), 120_000);
      const finish = () => {
        clearTimeout(guard);
        resolve();
      };
      let sent = 0;
      const done = () => delivered === n * messages && finish();
      if (options.rate) {
        const perMs = options.rate / 1000;
        const timer = setInterval(() => {
          const due = Math.min(messages, Math.floor((performance.now() - started) * perMs));
          while (sent < due) sender.send(payload(sent++));
          if (sent === messages) clearInterval(timer);
        }, 2);
        onDelivery = done;
      } else {
        const window = options.window ?? 20;
        const pump = () => {
          while (sent < messages && sent < window + Math.floor(delivered / n)) sender.send(payload(sent++));
        };
        onDelivery = () => {
          pump();
          done();
        };
        pump();
      }
    });
    const seconds = (performance.now() - started) / 1000;
    const relayCpuMs = cpuMsOf(relay.pid) - relayCpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const sorted = sortedCopy(latencies);
    return {
      relay: relay.name,
      receivers: n,
      messages,
      deliveriesPerSecond: (n * messages) / seconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      relayCpuUsPerDelivery: (relayCpuMs * 1000) / (n * messages),
      clientCpuShare: (clientCpu.user + clientCpu.system) / 1e6 / seconds,
    };
  } finally {
    for (const p of peers) p.close();
  }
}
