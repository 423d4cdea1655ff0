/** `huddle server --store postgres://…`: the real binary on a throw-away PostgreSQL cluster. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { assertBuilt, runHuddle, spawnHuddle, type Spawned } from './helpers/cli.js';
import { describeWithPostgres } from './helpers/postgres-suite.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huddle-e2e-pg-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, '.huddle');
}

async function startServer(data: string, store: { flag: string } | { env: string }): Promise<Spawned> {
  const args = ['server', '--port', '0', '--data', data, ...('flag' in store ? ['--store', store.flag] : [])];
  const hub = spawnHuddle(args, 'env' in store ? { env: { HUDDLE_STORE: store.env } } : {});
  cleanup.push(() => hub.kill('SIGKILL'));
  await hub.line(/^huddle hub listening on ws:\/\//);
  return hub;
}

const say = async (data: string, text: string) => {
  const said = await runHuddle(['say', '--data', data, '--name', 'Alice', '--role', 'backend-dev', '--json', text]);
  expect(said.stderr).toBe('');
  return JSON.parse(said.stdout) as { type: string; seq: number; duplicate: boolean };
};

async function history(data: string): Promise<{ type: string; text?: string; seq: number }[]> {
  const result = await runHuddle(['history', '--all', '--data', data, '--json']);
  expect(result.code).toBe(0);
  return result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string; seq: number });
}

describeWithPostgres('huddle server --store postgres://', (cluster) => {
  it('keeps the room in PostgreSQL: acknowledged messages survive a SIGKILL of the hub and a restart of PostgreSQL', async () => {
    const url = await cluster().newDatabase();
    const data = tempData();
    let hub = await startServer(data, { flag: url });
    expect((await runHuddle(['agent', '--plain', '--data', data, '--name', 'Alice', '--role', 'backend-dev'], { input: '' })).code).toBe(0);
    const first = await say(data, 'the schema is ready');
    expect(first).toMatchObject({ type: 'ack', duplicate: false });

    await hub.kill('SIGKILL');
    hub = await startServer(data, { env: url });
    const second = await say(data, 'after the hub restarted');

    cluster().restart();
    const third = await say(data, 'after PostgreSQL restarted');
    expect([second.seq, third.seq]).toEqual([expect.any(Number), expect.any(Number)]);

    const events = await history(data);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const messages = events.filter((e) => e.type === 'message');
    expect(messages.map((e) => [e.text, e.seq])).toEqual([
      ['the schema is ready', first.seq],
      ['after the hub restarted', second.seq],
      ['after PostgreSQL restarted', third.seq],
    ]);
    // SQLite stayed out of it: the data folder holds only the tokens and the hub's address
    expect(existsSync(join(data, 'huddle.db'))).toBe(false);
    await hub.kill('SIGTERM');
  }, 90_000);

  it('says what to do with a --store it cannot use', async () => {
    const data = tempData();
    const wrong = await runHuddle(['server', '--port', '0', '--data', data, '--store', 'mysql://db/huddle']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/takes a PostgreSQL URL, postgres:\/\/USER@HOST:PORT\/DATABASE/);
    const closed = await runHuddle(['server', '--port', '0', '--data', data, '--store', `postgres://huddle:secret-pw@127.0.0.1:1/nowhere`]);
    expect(closed.code).not.toBe(0);
    expect(closed.stderr).toMatch(/Could not open the PostgreSQL store at postgres:\/\/127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED.* Check that PostgreSQL is running/);
    expect(closed.stderr).not.toContain('secret-pw');
  }, 60_000);
}, assertBuilt);
