/** End to end: two real `huddle agent --plain` processes chat through a real hub. Needs `npm run build`. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub } from './helpers/hub.js';

/** how long to wait for something a person would see: generous, as CI machines can be busy */
const PATIENT = { timeout: 10_000, interval: 50 };

const BIN = join(import.meta.dirname, '..', 'bin', 'huddle.js');
let hub: TestHub;
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill();
  await hub?.close();
});

function terminal(name: string, role: string, extra: string[] = []) {
  const token = role === 'human' ? hub.running.tokens.admin : hub.running.tokens.member;
  const child = spawn(process.execPath, [BIN, 'agent', '--plain', '--role', role, '--name', name, '--url', hub.url, '--token', token, '--data', hub.dataDir, ...extra], {
    cwd: tmpdir(),
    env: { ...process.env, NO_COLOR: '1' },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited, type: (line: string) => child.stdin.write(line + '\n') };
}

beforeAll(() => {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
});

describe('huddle agent --plain (built binary)', { timeout: 60_000 }, () => {
  it('lets two terminals chat and exits cleanly on end of input', async () => {
    hub = await startTestHub();
    const alice = terminal('Alice', 'backend-dev');
    const bob = terminal('Bob', 'qa');
    await vi.waitFor(() => expect(alice.out()).toContain('~ joined as Alice (backend-dev)'), { timeout: 10_000 });
    await vi.waitFor(() => expect(bob.out()).toContain('~ joined as Bob (qa)'), { timeout: 10_000 });
    alice.type('hi Bob, the login API is ready for testing');
    await vi.waitFor(() => expect(bob.out()).toMatch(/\d\d:\d\d \[backend-dev\] Alice: hi Bob, the login API is ready for testing/), PATIENT);
    bob.type('/dm Alice on it');
    await vi.waitFor(() => expect(alice.out()).toMatch(/>> \d\d:\d\d \[qa\] Bob → Alice: on it/), PATIENT);
    bob.type('/who');
    await vi.waitFor(() => expect(bob.out()).toMatch(/== Participants\n( +online +\w[\w-]* +\w+\n){2}/), PATIENT);
    expect(bob.out()).not.toContain('\u001B['); // NO_COLOR
    alice.child.stdin.end();
    bob.child.stdin.end();
    expect(await alice.exited).toBe(0);
    expect(await bob.exited).toBe(0);
  });

  it('refuses an unknown role with the known ones', async () => {
    hub = await startTestHub();
    const wizard = terminal('Merlin', 'wizard');
    expect(await wizard.exited).toBe(2);
    expect(wizard.err()).toMatch(/Unknown role "wizard". Known roles: human, orchestrator, cto, backend-dev/);
  });

  it('refuses an --away-after that is not a duration', async () => {
    hub = await startTestHub();
    const alice = terminal('Alice', 'qa', ['--away-after', 'soon']);
    expect(await alice.exited).toBe(2);
    expect(alice.err()).toBe('huddle: "soon" is not a duration: try 30m, 2h or 45s.\n');
  });
});
