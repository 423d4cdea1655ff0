/** Memory the hub spends per idle connection: 1,000 joined clients, the hub's RSS and heap before and after. */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import type { MemoryReading } from './idle-hub.js';
import type { BenchResult } from './result.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function benchIdleMemory(connections = 1000): Promise<BenchResult[]> {
  const child = fork(join(here, 'idle-hub.js'), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const [{ url, token }] = (await once(child, 'message')) as [{ url: string; token: string }];
  const measure = async (): Promise<MemoryReading> => {
    child.send('measure');
    return ((await once(child, 'message')) as [MemoryReading])[0];
  };
  const sockets: WebSocket[] = [];
  try {
    const before = await measure();
    for (let i = 0; i < connections; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, connections - i) }, async (_, j) => {
          const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
          sockets.push(ws);
          ws.on('error', () => {});
          await once(ws, 'open');
          const welcomed = new Promise<void>((resolve) => ws.on('message', (d) => String(d).startsWith('{"type":"welcome"') && resolve()));
          ws.send(JSON.stringify({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name: `idle-${i + j}`, role: 'qa' }));
          await welcomed;
        }),
      );
    }
    // let the presence announcements drain before reading
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await measure();
    if (after.online !== connections) throw new Error(`only ${after.online} of ${connections} connections joined`);
    const per = (key: 'rss' | 'heapUsed' | 'external') => (after[key] - before[key]) / connections / 1024;
    return [
      { name: `memory per idle connection (RSS, ${connections} joined)`, value: Number(per('rss').toFixed(1)), unit: 'KB', note: 'hub process RSS delta / connections, after a full GC' },
      { name: `memory per idle connection (JS heap)`, value: Number(per('heapUsed').toFixed(1)), unit: 'KB' },
      { name: `memory per idle connection (buffers)`, value: Number(per('external').toFixed(1)), unit: 'KB' },
    ];
  } finally {
    for (const ws of sockets) ws.terminate();
    child.send('stop');
    await once(child, 'exit');
  }
}
