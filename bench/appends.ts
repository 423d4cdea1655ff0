/**
 * Durable appends: 50 clients each keep `window` chat frames in flight, each a direct message to the
 * sender itself, so the hub's work per frame is the commit, the ack and one echo rather than a fan-out.
 * Every ack is a frame committed to SQLite; acks per second is the durable append rate.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { cpuMsOf } from './cpu-time.js';
import { sampleLoad, type LoadSample } from './machine.js';
import { startHuddleRelay, type RelayLaunch } from './relays.js';
import { LatencyHistogram, round, spread, type Spread } from './stats.js';

export interface AppendsOptions {
  clients: number;
  window: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
}

export interface AppendsResult {
  clients: number;
  appendsPerSecond: Spread;
  hubCpuUsPerAppend: Spread;
  ackP50Ms: Spread;
  ackP99Ms: Spread;
  load: LoadSample[];
}

interface Client {
  ws: WebSocket;
  name: string;
  sent: number;
}

export async function benchAppends(launch: RelayLaunch, o: AppendsOptions): Promise<AppendsResult> {
  const hub = await startHuddleRelay(launch);
  const clients: Client[] = [];
  const sentAt = new Map<string, number>();
  let acks = 0;
  let latency = new LatencyHistogram();
  let sending = true;
  const send = (c: Client) => {
    const id = `${c.name}-${c.sent++}`;
    sentAt.set(id, performance.now());
    c.ws.send(`{"type":"chat","id":"${id}","to":{"kind":"participant","name":"${c.name}"},"text":"append ${c.sent}"}`);
  };
  try {
    for (let i = 0; i < o.clients; i++) {
      const name = `append-${i}`;
      const ws = new WebSocket(hub.url, { headers: { authorization: `Bearer ${hub.token}` }, perMessageDeflate: false });
      const client: Client = { ws, name, sent: 0 };
      await new Promise<void>((resolve, reject) => {
        ws.on('error', reject);
        ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', id: 'hello', protocol: PROTOCOL_VERSION, name, role: 'qa' })));
        ws.on('message', (data) => {
          const text = String(data);
          if (text.startsWith('{"type":"welcome"')) return resolve();
          if (!text.startsWith('{"type":"ack"')) return;
          const { id } = JSON.parse(text) as { id: string };
          latency.record(performance.now() - sentAt.get(id)!);
          sentAt.delete(id);
          acks++;
          if (sending) send(client);
        });
      });
      clients.push(client);
    }
    for (const c of clients) for (let k = 0; k < o.window; k++) send(c);
    const rates: number[] = [];
    const cpu: number[] = [];
    const p50: number[] = [];
    const p99: number[] = [];
    const load: LoadSample[] = [];
    for (let r = 0; r < o.rounds; r++) {
      await new Promise((resolve) => setTimeout(resolve, o.warmupSeconds * 1000));
      const endLoad = sampleLoad();
      const cpuBefore = cpuMsOf(hub.pid);
      const acksBefore = acks;
      latency = new LatencyHistogram();
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, o.seconds * 1000));
      const seconds = (performance.now() - started) / 1000;
      const appended = acks - acksBefore;
      rates.push(appended / seconds);
      cpu.push(((cpuMsOf(hub.pid) - cpuBefore) * 1000) / appended);
      p50.push(latency.percentile(50));
      p99.push(latency.percentile(99));
      load.push(endLoad());
    }
    sending = false;
    return { clients: o.clients, appendsPerSecond: spread(rates, 0), hubCpuUsPerAppend: spread(cpu), ackP50Ms: spread(p50), ackP99Ms: spread(p99), load };
  } finally {
    sending = false;
    for (const c of clients) c.ws.terminate();
    await hub.close();
  }
}

export const describeAppends = (r: AppendsResult): string =>
  `${r.clients} clients: ${round(r.appendsPerSecond.median, 0)} appends/s (${r.appendsPerSecond.min}-${r.appendsPerSecond.max}), ` +
  `${r.hubCpuUsPerAppend.median} µs hub CPU each, ack p50 ${r.ackP50Ms.median} ms, p99 ${r.ackP99Ms.median} ms`;
