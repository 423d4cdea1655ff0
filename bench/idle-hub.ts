/**
 * A hub in a child process that reports its own memory on request (over IPC, after a full GC):
 * `node --expose-gc dist/bench/idle-hub.js`. Used to measure the cost of an idle connection.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '../collaboration-server/server.js';

export interface MemoryReading {
  rss: number;
  heapUsed: number;
  /** what V8 reserved for the heap: grows with garbage made while clients join, seldom shrinks */
  heapTotal: number;
  external: number;
  online: number;
}

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-idle-'));
const running = await startHub({ port: 0, dataDir, limits: { heartbeatMs: 600_000 } });

function reading(): MemoryReading {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external + m.arrayBuffers, online: running.hub.online().length };
}

process.on('message', (message: string) => {
  if (message === 'measure') process.send!(reading());
  if (message === 'stop') {
    void running.close().then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
process.send!({ url: running.url, token: running.tokens.member });
