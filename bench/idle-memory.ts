/**
 * Memory a relay spends per idle connection: 1,000 joined clients, the relay process's RSS and heap
 * (read by the child itself over IPC, after a full GC), right after the joins and again once settled.
 * Measured for the Huddle hub and, as the floor, for the bare `ws` relay, side by side.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import type { MemoryReading } from './idle-hub.js';
import type { BenchResult } from './result.js';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * How long a relay is left alone before a settled reading. A full GC keeps the heap V8 grew while
 * clients joined; V8's memory reducer gives it back about 8 s after a GC once allocation is quiet, and
 * the pages reach the OS a few seconds later (25 s was always enough in trials).
 */
export const SETTLE_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens one connection; for the hub, joins with a hello and waits for the welcome. */
async function open(url: string, token: string, hello: boolean, i: number): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, perMessageDeflate: false });
  ws.on('error', () => {});
  await once(ws, 'open');
  if (!hello) return ws;
  const welcomed = new Promise<void>((resolve) => ws.on('message', (d) => String(d).startsWith('{"type":"welcome"') && resolve()));
  ws.send(JSON.stringify({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: `idle-${i}`, role: 'qa' }));
  await welcomed;
  return ws;
}

async function perConnection(script: string, args: string[], hello: boolean, connections: number, settleMs: number) {
  const child = fork(join(here, script), args, { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [{ url, token }] = (await once(child, 'message')) as [{ url: string; token: string }];
  const measure = async (): Promise<MemoryReading> => {
    child.send('measure');
    return ((await once(child, 'message')) as [MemoryReading])[0];
  };
  const sockets: WebSocket[] = [];
  const joinUpTo = async (count: number): Promise<MemoryReading> => {
    for (let i = sockets.length; i < count; i += 50) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => open(url, token, hello, i + j)))));
    }
    // let the presence announcements drain out of the send buffers before reading
    await sleep(500);
    return measure();
  };
  // measure() runs a full GC, which is what lets the memory reducer start
  const settled = async () => {
    await measure();
    await sleep(settleMs);
    return measure();
  };
  try {
    const before = await settled();
    // Readings at each fifth of the way. The first fifth also pays one-off costs (V8 growing its young
    // generation to full size, SQLite's page cache); the slope over the five readings is what one more
    // connection costs, and is steadier than a difference of two readings.
    const readings: [number, MemoryReading][] = [];
    for (let step = 1; step <= 5; step++) {
      const count = Math.round((connections * step) / 5);
      readings.push([count, await joinUpTo(count)]);
    }
    const after = await settled();
    if (after.online !== connections) throw new Error(`${script}: ${after.online} of ${connections} connections online`);
    type Key = 'rss' | 'heapUsed' | 'heapTotal' | 'external';
    const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
    const slope = (key: Key) => {
      const n = readings.length;
      const mx = readings.reduce((a, [x]) => a + x, 0) / n;
      const my = readings.reduce((a, [, r]) => a + r[key], 0) / n;
      const sxy = readings.reduce((a, [x, r]) => a + (x - mx) * (r[key] - my), 0);
      const sxx = readings.reduce((a, [x]) => a + (x - mx) ** 2, 0);
      return kb(sxy / sxx);
    };
    return {
      rss: slope('rss'),
      heap: slope('heapUsed'),
      reserved: slope('heapTotal'),
      buffers: slope('external'),
      rssSettled: kb((after.rss - before.rss) / connections),
      heapSettled: kb((after.heapUsed - before.heapUsed) / connections),
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    child.send('stop');
    await once(child, 'exit');
  }
}

export async function benchIdleMemory(connections = 1000, settleMs = SETTLE_MS): Promise<BenchResult[]> {
  // side by side, so the two settling waits overlap
  const [hub, ws] = await Promise.all([
    perConnection('idle-hub.js', [], true, connections, settleMs),
    perConnection('relay-server.js', ['ws'], false, connections, settleMs),
  ]);
  const settled = `growth from no connection to ${connections}, each reading after ${settleMs / 1000} s left idle and a full GC`;
  const slope = `slope over ${connections / 5} to ${connections} connections, each reading right after the joins and a full GC`;
  return [
    { name: 'huddle memory per idle connection (RSS, settled)', value: hub.rssSettled, unit: 'KB', note: `${settled}; goal < 10 KB` },
    { name: 'huddle memory per idle connection (JS heap, settled)', value: hub.heapSettled, unit: 'KB' },
    { name: 'huddle memory per idle connection (RSS, just joined)', value: hub.rss, unit: 'KB', note: slope },
    { name: 'huddle memory per idle connection (JS heap, just joined)', value: hub.heap, unit: 'KB' },
    { name: 'huddle memory per idle connection (V8 heap reserved, just joined)', value: hub.reserved, unit: 'KB' },
    { name: 'huddle memory per idle connection (buffers, just joined)', value: hub.buffers, unit: 'KB' },
    { name: 'ws relay memory per idle connection (RSS, settled)', value: ws.rssSettled, unit: 'KB', note: 'the floor: a bare ws server' },
    { name: 'ws relay memory per idle connection (JS heap, settled)', value: ws.heapSettled, unit: 'KB' },
    { name: 'ws relay memory per idle connection (RSS, just joined)', value: ws.rss, unit: 'KB' },
    { name: 'ws relay memory per idle connection (V8 heap reserved, just joined)', value: ws.reserved, unit: 'KB' },
  ];
}
