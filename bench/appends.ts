/**
 * Durable appends: 50 clients each keep `window` chat frames in flight, each a direct message to the
 * sender itself, so the hub's work per frame is the commit, the ack and one echo rather than a fan-out.
 * Every ack is a frame committed to the store; acks per second is the durable append rate. The same
 * load runs against one hub on SQLite (`benchAppends`) or any set of hubs (`benchAppendsOn`, the
 * PostgreSQL section in postgres-appends.ts), the clients spread over the hubs in turn.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { cpuMsOf } from './cpu-time.js';
import { sampleLoad, type LoadSample } from './machine.js';
import { addTotals, describeCommits, minusTotals, NO_COMMITS, readCommits, summariseCommits, type CommitStats } from './commit-stats.js';
import { startHuddleRelay, type HuddleRelay, type RelayLaunch } from './relays.js';
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
  /** how many hubs the clients were spread over */
  hubs: number;
  appendsPerSecond: Spread;
  /** all the hubs' CPU together */
  hubCpuUsPerAppend: Spread;
  /** the store's server processes' CPU (PostgreSQL's), when the caller says which they are */
  storeCpuUsPerAppend?: Spread;
  ackP50Ms: Spread;
  ackP99Ms: Spread;
  /** the hubs' group commits over the rounds, from their /metrics: where an append's time goes */
  commits: CommitStats;
  load: LoadSample[];
}

interface Client {
  ws: WebSocket;
  name: string;
  sent: number;
}

export async function benchAppends(launch: RelayLaunch, o: AppendsOptions): Promise<AppendsResult> {
  const hub = await startHuddleRelay(launch);
  try {
    return await benchAppendsOn([hub], o);
  } finally {
    await hub.close();
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The load on hubs the caller started and closes; `storePids` lists the store server's processes, if it has any. */
export async function benchAppendsOn(hubs: HuddleRelay[], o: AppendsOptions, storePids?: () => number[]): Promise<AppendsResult> {
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
    // joined together: a join is a commit, and one after the other they take long on PostgreSQL
    const join = async (i: number) => {
      const name = `append-${i}`;
      const hub = hubs[i % hubs.length]!;
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
    };
    await Promise.all(Array.from({ length: o.clients }, (_, i) => join(i)));
    for (const c of clients) for (let k = 0; k < o.window; k++) send(c);
    const rates: number[] = [];
    const cpu: number[] = [];
    const storeCpu: number[] = [];
    const p50: number[] = [];
    const p99: number[] = [];
    const load: LoadSample[] = [];
    let commits = NO_COMMITS;
    for (let r = 0; r < o.rounds; r++) {
      await new Promise((resolve) => setTimeout(resolve, o.warmupSeconds * 1000));
      const endLoad = sampleLoad();
      // the store's processes as they are now, every client connected: each hub's backends included
      const storeProcesses = storePids?.() ?? [];
      const cpuBefore = sum(hubs.map((h) => cpuMsOf(h.pid)));
      const storeCpuBefore = sum(storeProcesses.map(cpuMsOf));
      const commitsBefore = await readCommits(hubs);
      const acksBefore = acks;
      latency = new LatencyHistogram();
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, o.seconds * 1000));
      const seconds = (performance.now() - started) / 1000;
      const appended = acks - acksBefore;
      rates.push(appended / seconds);
      cpu.push(((sum(hubs.map((h) => cpuMsOf(h.pid))) - cpuBefore) * 1000) / appended);
      if (storeProcesses.length) storeCpu.push(((sum(storeProcesses.map(cpuMsOf)) - storeCpuBefore) * 1000) / appended);
      commits = addTotals(commits, minusTotals(await readCommits(hubs), commitsBefore));
      p50.push(latency.percentile(50));
      p99.push(latency.percentile(99));
      load.push(endLoad());
    }
    sending = false;
    return {
      clients: o.clients,
      hubs: hubs.length,
      appendsPerSecond: spread(rates, 0),
      hubCpuUsPerAppend: spread(cpu),
      ...(storeCpu.length ? { storeCpuUsPerAppend: spread(storeCpu) } : {}),
      ackP50Ms: spread(p50),
      ackP99Ms: spread(p99),
      commits: summariseCommits(commits),
      load,
    };
  } finally {
    sending = false;
    for (const c of clients) c.ws.terminate();
  }
}

export const describeAppends = (r: AppendsResult): string =>
  `${r.clients} clients on ${r.hubs} hub(s): ${round(r.appendsPerSecond.median, 0)} appends/s (${r.appendsPerSecond.min}-${r.appendsPerSecond.max}), ` +
  `${r.hubCpuUsPerAppend.median} µs hub CPU each${r.storeCpuUsPerAppend ? ` and ${r.storeCpuUsPerAppend.median} µs of the store's` : ''}, ` +
  `ack p50 ${r.ackP50Ms.median} ms, p99 ${r.ackP99Ms.median} ms; ${describeCommits(r.commits)}`;
