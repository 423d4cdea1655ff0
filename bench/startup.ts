/**
 * Start-up times of the real binary: `huddle up` until the hub prints its listening line (and until
 * the lead is in the room), and `huddle agent --plain` until its first line on screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { huddleBin } from './relays.js';
import type { BenchResult } from './result.js';
import { spawnUntil, stop } from './spawn.js';
import { median, round } from './stats.js';

export async function benchStartup(runs = 5): Promise<BenchResult[]> {
  const hubReady: number[] = [];
  const leadReady: number[] = [];
  const agentReady: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'huddle-startup-'));
    const env = { ...process.env, HUDDLE_DATA: dataDir };
    const up = await spawnUntil(process.execPath, [huddleBin, 'up', '--port', '0', '--data', dataDir], /huddle hub listening on/, { env });
    try {
      hubReady.push(up.ms);
      const lead = await new Promise<number>((resolve, reject) => {
        const start = performance.now() - up.ms;
        let out = up.output;
        if (/is in the room/.test(out)) return resolve(up.ms);
        const timer = setTimeout(() => reject(new Error('the lead did not join within 30 s')), 30_000);
        up.child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (/is in the room/.test(out)) {
            clearTimeout(timer);
            resolve(performance.now() - start);
          }
        });
      });
      leadReady.push(lead);
      const agent = await spawnUntil(process.execPath, [huddleBin, 'agent', '--plain', '--role', 'qa', '--name', `Bench ${i}`], /\S/, { env });
      agentReady.push(agent.ms);
      await stop(agent.child);
    } finally {
      await stop(up.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const note = `median of ${runs} cold starts of the built binary`;
  return [
    { name: 'huddle up → hub listening', value: round(median(hubReady), 0), unit: 'ms', note },
    { name: 'huddle up → lead in the room', value: round(median(leadReady), 0), unit: 'ms', note },
    { name: 'huddle agent --plain → first line', value: round(median(agentReady), 0), unit: 'ms', note },
  ];
}
