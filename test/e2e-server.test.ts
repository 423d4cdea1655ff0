import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runHuddle, spawnHuddle, startHubProcess, type Spawned } from './helpers/cli.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'huddle-e2e-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, '.huddle');
}

/** Joins once and leaves (a plain terminal whose input ends at once): the name is then a participant, its credential in `data`. */
const joinOnce = (data: string, name: string, role: string) => runHuddle(['agent', '--plain', '--data', data, '--name', name, '--role', role], { input: '' });

describe('the huddle binary', () => {
  it('keeps an acknowledged message through a SIGKILL of the hub', async () => {
    const data = tempData();
    const first = await startHubProcess(data);
    cleanup.push(() => first.kill('SIGKILL'));
    expect(first.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(first.url).not.toMatch(/:0$/);

    expect((await joinOnce(data, 'Alice', 'backend-dev')).code).toBe(0);
    const said = await runHuddle(['say', '--data', data, '--name', 'Alice', '--role', 'backend-dev', '--json', 'the schema is ready']);
    expect(said.stderr).toBe('');
    expect(said.code).toBe(0);
    const ack = JSON.parse(said.stdout) as { type: string; seq: number };
    expect(ack).toMatchObject({ type: 'ack', duplicate: false });

    await first.kill('SIGKILL');
    const second: Spawned = await startHubProcess(data);
    cleanup.push(() => second.kill('SIGKILL'));

    const history = await runHuddle(['history', '--data', data, '--json']);
    expect(history.code).toBe(0);
    const events = history.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; text?: string; seq: number });
    expect(events).toContainEqual(expect.objectContaining({ type: 'message', text: 'the schema is ready', seq: ack.seq }));
  });

  it('prints both tokens, labelled, and keeps them between runs', async () => {
    const data = tempData();
    const a = await runHuddle(['token', '--data', data]);
    const b = await runHuddle(['token', '--data', data]);
    expect(a.stdout).toMatch(/^admin \S{20,}\nmember \S{20,}\n$/);
    expect(b.stdout).toBe(a.stdout);
  });

  it('explains what to do when no hub is running', async () => {
    const data = tempData();
    const result = await runHuddle(['say', '--data', data, '--name', 'A', '--role', 'qa', 'hello']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/huddle up/);
  });

  it.each([['token'], ['server', '--port', '0']])('says that a failure of `huddle %s` on this machine is not the hub failing', async (...command) => {
    const notAFolder = tempData();
    mkdirSync(join(notAFolder, '..'), { recursive: true });
    writeFileSync(notAFolder, 'a file where the data folder should be\n');
    const result = await runHuddle([...command, '--data', notAFolder]);
    expect(result.code).toBe(1);
    // the data folder's own check names the problem on this machine (the generic LOCAL wording is tested in hub-errors)
    expect(result.stderr).toMatch(/^huddle: .* is not a folder: move it aside, or pick another data folder with --data/);
    expect(result.stderr).toContain(notAFolder);
    expect(result.stderr).not.toMatch(/hub failed/i);
  });

  it('refuses an unknown role with the known ones', async () => {
    const data = tempData();
    const hub = await startHubProcess(data);
    cleanup.push(() => hub.kill('SIGKILL'));
    const result = await runHuddle(['say', '--data', data, '--name', 'A', '--role', 'wizard', 'hello']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown role "wizard". Known roles: human, orchestrator, cto/);
  });

  it('refuses a second hub on the same data folder with a clear error', async () => {
    const data = tempData();
    const hub = await startHubProcess(data);
    cleanup.push(() => hub.kill('SIGKILL'));
    const second = spawnHuddle(['server', '--port', '0', '--data', data]);
    expect(await second.exited).not.toBe(0);
    expect(second.stderr.join('\n')).toMatch(/Another hub \(pid \d+\) already serves/);
  });

  it('lists who is there as JSON lines', async () => {
    const data = tempData();
    const hub = await startHubProcess(data);
    cleanup.push(() => hub.kill('SIGKILL'));
    await joinOnce(data, 'Alice', 'qa');
    const who = await runHuddle(['who', '--data', data, '--json']);
    const names = who.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { name: string }).name);
    expect(names).toContain('Alice');
  });
});
