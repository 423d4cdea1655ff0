/** End to end: two real `huddle agent --plain` processes chat through a real hub. Needs `npm run build`. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach } from './helpers/cleanup.js';
import { assertBuilt, spawnHuddleUntilCleanup } from './helpers/cli.js';
import { startTestHub } from './helpers/hub.js';

/** how long to wait for something a person would see: generous, as CI machines can be busy */
const PATIENT = { timeout: 10_000, interval: 50 };

const cleanup = cleanupAfterEach();

beforeAll(assertBuilt);

/** A real hub for this test, closed after the terminals are stopped. */
async function hubForTest() {
  const hub = await startTestHub();
  cleanup(() => hub.close());
  const terminal = (name: string, role: string, extra: string[] = []) => {
    const token = role === 'human' ? hub.running.tokens.admin : hub.running.tokens.member;
    return spawnHuddleUntilCleanup(['agent', '--plain', '--role', role, '--name', name, '--url', hub.url, '--token', token, '--data', hub.dataDir, ...extra], cleanup);
  };
  return { terminal };
}

describe('huddle agent --plain (built binary)', { timeout: 60_000 }, () => {
  it('lets two terminals chat and exits cleanly on end of input', async () => {
    const { terminal } = await hubForTest();
    const alice = terminal('Alice', 'backend-dev');
    const bob = terminal('Bob', 'qa');
    await vi.waitFor(() => expect(alice.out()).toContain('~ joined as Alice (backend-dev)'), { timeout: 10_000 });
    await vi.waitFor(() => expect(bob.out()).toContain('~ joined as Bob (qa)'), { timeout: 10_000 });
    alice.write('hi Bob, the login API is ready for testing');
    await vi.waitFor(() => expect(bob.out()).toMatch(/\d\d:\d\d \[backend-dev\] Alice: hi Bob, the login API is ready for testing/), PATIENT);
    bob.write('/dm Alice on it');
    await vi.waitFor(() => expect(alice.out()).toMatch(/>> \d\d:\d\d \[qa\] Bob → Alice: on it/), PATIENT);
    bob.write('/who');
    await vi.waitFor(() => expect(bob.out()).toMatch(/== Participants\n( +online +\w[\w-]* +\w+\n){2}/), PATIENT);
    expect(bob.out()).not.toContain('\u001B['); // NO_COLOR
    alice.endInput();
    bob.endInput();
    expect(await alice.exited).toBe(0);
    expect(await bob.exited).toBe(0);
  });

  it('refuses an unknown role with the known ones', async () => {
    const { terminal } = await hubForTest();
    const wizard = terminal('Merlin', 'wizard');
    expect(await wizard.exited).toBe(2);
    expect(wizard.err()).toMatch(/Unknown role "wizard". Known roles: human, orchestrator, cto, backend-dev/);
  });

  it('refuses an --away-after that is not a duration', async () => {
    const { terminal } = await hubForTest();
    const alice = terminal('Alice', 'qa', ['--away-after', 'soon']);
    expect(await alice.exited).toBe(2);
    expect(alice.err()).toBe('huddle: "soon" is not a duration: try 30m, 2h or 45s.\n');
  });
});
