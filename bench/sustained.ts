/**
 * Sustained load: 500 connections to a Huddle hub, each sending one message a second to the room,
 * from a load generator in its own process (bench/sustained-load.ts) pinned away from the hub.
 * Reports the ack delay: how long a client waits to know its message is committed.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { startHuddleRelay, type RelayLaunch } from './relays.js';
import type { SustainedOptions, SustainedResult } from './sustained-load.js';
import { spawnUntil, stop } from './spawn.js';

const here = dirname(fileURLToPath(import.meta.url));

export async function benchSustained(launch: RelayLaunch, o: Omit<SustainedOptions, 'url' | 'token' | 'hubPid'>): Promise<SustainedResult> {
  const hub = await startHuddleRelay(launch);
  try {
    const options: SustainedOptions = { ...o, url: hub.url, token: hub.token, hubPid: hub.pid };
    const timeoutMs = (o.seconds + o.warmupSeconds + 120) * 1000;
    const generator = await spawnUntil(process.execPath, [join(here, 'sustained-load.js'), JSON.stringify(options)], /^\{"result"/, {}, timeoutMs);
    await stop(generator.child);
    return (JSON.parse(generator.line) as { result: SustainedResult }).result;
  } finally {
    await hub.close();
  }
}
