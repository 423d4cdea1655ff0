/**
 * The load generator of the sustained-load section, in a process of its own (so it is not the hub's
 * neighbour on one event loop): `node dist/bench/sustained-load.js '{"url":…,"token":…,…}'`.
 * Opens `connections` Huddle clients; each sends `rate` chat messages a second to the room, the
 * sends spread evenly over the second. It records each message's ack delay (sent → acknowledged,
 * which is after the hub's commit) and, on one observer connection, each delivery's delay; it prints
 * one line of JSON `{"result":…}` at the end.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { cpuMsOf } from './cpu-time.js';
import { LatencyHistogram, round } from './stats.js';

export interface SustainedOptions {
  url: string;
  token: string;
  /** the hub's process id, for its CPU time */
  hubPid: number;
  connections: number;
  /** messages a second per connection */
  rate: number;
  seconds: number;
  warmupSeconds: number;
}

export interface SustainedResult {
  connections: number;
  sentPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** on one observer: sent → delivered to it */
  deliveryP99Ms: number;
  /** events that reached the clients over the events the hub should have sent them */
  deliveredShare: number;
  hubCpuShare: number;
  generatorCpuShare: number;
}

function join(o: SustainedOptions, i: number, onFrame: (text: string) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(o.url, { headers: { authorization: `Bearer ${o.token}` }, perMessageDeflate: false });
    ws.on('error', reject);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', id: 'hello', protocol: PROTOCOL_VERSION, name: `load-${i}`, role: 'qa' })));
    ws.on('message', (data) => {
      const text = String(data);
      if (text.startsWith('{"type":"welcome"')) resolve(ws);
      else onFrame(text);
    });
  });
}

async function generate(o: SustainedOptions): Promise<SustainedResult> {
  const sentAt: number[] = [];
  const acks = new LatencyHistogram();
  const deliveries = new LatencyHistogram();
  let measuring = false;
  let events = 0;
  let acked = 0;
  const sockets: WebSocket[] = [];
  for (let i = 0; i < o.connections; i += 25) {
    const batch = Array.from({ length: Math.min(25, o.connections - i) }, (_, j) =>
      join(o, i + j, (text) => {
        if (text.startsWith('{"type":"ack"')) {
          const { id } = JSON.parse(text) as { id: string };
          const at = performance.now();
          acked++;
          if (measuring) acks.record(at - sentAt[Number(id.slice(1))]!);
        } else if (text.startsWith('{"type":"event"')) {
          events++;
          // the observer, client 0, reads every message it is sent
          if (i + j === 0 && measuring && text.includes('"type":"message"')) {
            const { event } = JSON.parse(text) as { event: { text: string } };
            deliveries.record(performance.now() - Number(event.text.split(' ')[1]));
          }
        }
      }),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  // from here on, every event is a message of this load: one per message per connection
  events = 0;
  const perMs = (o.connections * o.rate) / 1000;
  const started = performance.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.floor((performance.now() - started) * perMs);
    while (sent < due) {
      const k = sent++;
      sentAt[k] = performance.now();
      sockets[k % o.connections]!.send(`{"type":"chat","id":"c${k}","text":"load ${sentAt[k]}"}`);
    }
  }, 2);
  await new Promise((resolve) => setTimeout(resolve, o.warmupSeconds * 1000));
  const hubCpuBefore = cpuMsOf(o.hubPid);
  const ownCpuBefore = process.cpuUsage();
  const windowStart = performance.now();
  const sentBefore = sent;
  measuring = true;
  await new Promise((resolve) => setTimeout(resolve, o.seconds * 1000));
  measuring = false;
  const seconds = (performance.now() - windowStart) / 1000;
  const hubCpuMs = cpuMsOf(o.hubPid) - hubCpuBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const sentInWindow = sent - sentBefore;
  clearInterval(timer);
  // wait for the last acks (or give up after 30 s: the result then says how far behind the hub was)
  const deadline = performance.now() + 30_000;
  while (acked < sent && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  const result: SustainedResult = {
    connections: o.connections,
    sentPerSecond: Math.round(sentInWindow / seconds),
    ackP50Ms: round(acks.percentile(50)),
    ackP99Ms: round(acks.percentile(99)),
    ackMaxMs: round(acks.maxMs),
    deliveryP99Ms: round(deliveries.percentile(99)),
    deliveredShare: round(events / (sent * o.connections), 3),
    hubCpuShare: round(hubCpuMs / 1000 / seconds, 2),
    generatorCpuShare: round((ownCpu.user + ownCpu.system) / 1e6 / seconds, 2),
  };
  for (const ws of sockets) ws.terminate();
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await generate(JSON.parse(process.argv[2]!) as SustainedOptions);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
  process.exit(0);
}
