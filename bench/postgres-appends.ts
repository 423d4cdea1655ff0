/**
 * Durable appends on PostgreSQL beside SQLite: the same load (appends.ts) against one hub on SQLite,
 * one hub on PostgreSQL and three hubs sharing one PostgreSQL database, the clients spread over the
 * three. PostgreSQL is a throw-away cluster (test/helpers/postgres.ts, as the tests use) with fsync
 * on, as a server runs it. Where PostgreSQL is not installed the section says so and is skipped.
 */
import { postgresSkip, startPostgres } from '../test/helpers/postgres.js';
import { benchAppendsOn, type AppendsOptions, type AppendsResult } from './appends.js';
import { startHuddleRelay, type HuddleRelay, type RelayLaunch } from './relays.js';

export type StoreSetup = 'sqlite' | 'postgres, 1 hub' | 'postgres, 3 hubs';

export type PostgresAppendsResult = { skipped: string } | { postgresVersion: string; runs: { setup: StoreSetup; result: AppendsResult }[] };

async function hubsOn(launch: RelayLaunch, count: number, store?: string): Promise<HuddleRelay[]> {
  const hubs: HuddleRelay[] = [];
  try {
    // the first creates the schema and the tokens the others adopt; the others start together
    hubs.push(await startHuddleRelay(launch, store));
    const others = await Promise.allSettled(Array.from({ length: count - 1 }, () => startHuddleRelay(launch, store)));
    for (const o of others) if (o.status === 'fulfilled') hubs.push(o.value);
    const failed = others.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return hubs;
  } catch (err) {
    await Promise.all(hubs.map((h) => h.close()));
    throw err;
  }
}

export async function benchPostgresAppends(launch: RelayLaunch, o: AppendsOptions, log: (line: string) => void): Promise<PostgresAppendsResult> {
  if (postgresSkip) return { skipped: postgresSkip };
  const began = performance.now();
  const cluster = await startPostgres({ fsync: true });
  log(`  PostgreSQL ${cluster.version} started in ${Math.round(performance.now() - began)} ms`);
  try {
    const setups: [StoreSetup, () => Promise<HuddleRelay[]>, (() => number[]) | undefined][] = [
      ['sqlite', () => hubsOn(launch, 1), undefined],
      ['postgres, 1 hub', async () => hubsOn(launch, 1, await cluster.newDatabase()), () => cluster.pids()],
      ['postgres, 3 hubs', async () => hubsOn(launch, 3, await cluster.newDatabase()), () => cluster.pids()],
    ];
    const runs: { setup: StoreSetup; result: AppendsResult }[] = [];
    for (const [setup, start, storePids] of setups) {
      log(`  ${setup} (${Math.round(performance.now() - began)} ms into the section)`);
      const hubs = await start();
      try {
        runs.push({ setup, result: await benchAppendsOn(hubs, o, storePids) });
      } finally {
        await Promise.all(hubs.map((h) => h.close()));
      }
    }
    return { postgresVersion: cluster.version, runs };
  } finally {
    cluster.stop();
  }
}
