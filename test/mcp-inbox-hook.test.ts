/**
 * The hook that wakes an agent between turns, `huddle inbox --unread --quiet` (the built binary): it
 * prints only what the agent has not seen, nothing when there is nothing, and shares its cursor
 * (per participant, in the data folder) with the agent's huddle_inbox, so neither repeats the other.
 */
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { startMcpAgent } from './helpers/mcp.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const hook = (hub: TestHub, ...flags: string[]) =>
  runHuddle(['inbox', '--unread', '--quiet', '--name', 'Codex', '--role', 'backend-dev', '--data', hub.dataDir, ...flags], { cwd: tmpdir() });

// Each test starts several huddle processes one after another: on a loaded machine that outlasts the default 20 s.
describe('huddle inbox --unread --quiet: the hook', { timeout: 60_000 }, () => {
  it('prints only what was not seen, nothing when nothing is new, and shares its cursor with huddle_inbox', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const po = await hub.client('Product Owner', 'human');
    const agent = await startMcpAgent({ name: 'Codex', role: 'backend-dev', dataDir: hub.dataDir, cwd: tempDir('huddle-hook-cwd-', cleanup) }, cleanup);
    await vi.waitFor(() => expect(agent.log()).toMatch(/joined/));

    await po.send({ type: 'chat', text: 'Codex, the API keys are in the vault now', to: { kind: 'participant', name: 'Codex' } });
    await po.send({ type: 'chat', text: 'a word for the QA people only', to: { kind: 'role', role: 'qa' } });
    const first = await hook(hub);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Huddle: 1 new item\(s\) for Codex \(backend-dev\):\n\d\d:\d\d Product Owner \(human\) → you: Codex, the API keys are in the vault now\n$/);

    // Seen by the hook: neither the hook nor huddle_inbox shows it again.
    expect(await hook(hub)).toMatchObject({ code: 0, stdout: '' });
    expect((await agent.call('huddle_inbox')).text).toBe('Nothing new.');

    // Seen through huddle_inbox: the hook stays quiet about it.
    await po.send({ type: 'chat', text: 'standup in five minutes' });
    await vi.waitFor(async () => expect((await agent.call('huddle_inbox', { waitSeconds: 5 })).text).toMatch(/standup in five minutes/));
    expect(await hook(hub)).toMatchObject({ code: 0, stdout: '' });

    // A Stop hook gets a JSON decision that makes the agent carry on with the news; --peek leaves it unread.
    await po.send({ type: 'chat', text: 'please look at the failing build', to: { kind: 'participant', name: 'Codex' } });
    const peeked = await hook(hub, '--peek');
    expect(peeked.stdout).toMatch(/please look at the failing build/);
    const stop = await hook(hub, '--hook', 'stop', '{"type":"agent-turn-complete"}');
    expect(stop.code).toBe(0);
    expect(JSON.parse(stop.stdout)).toMatchObject({ decision: 'block', reason: expect.stringMatching(/please look at the failing build/) });
    expect(await hook(hub, '--hook', 'stop')).toMatchObject({ code: 0, stdout: '' });

    // Without --quiet it says so; without a name it says what to do.
    expect((await runHuddle(['inbox', '--unread', '--name', 'Codex', '--role', 'backend-dev', '--data', hub.dataDir], { cwd: tmpdir() })).stdout).toBe('Nothing new for Codex.\n');
    const nameless = await runHuddle(['inbox', '--unread', '--data', hub.dataDir], { cwd: tmpdir() });
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toMatch(/--name/);
  });

  it('starts a participant new to the data folder with the latest 20 items, and one that comes back where it stopped', async () => {
    const hub = await startTestHub();
    cleanup(() => hub.close());
    const po = await hub.client('Product Owner', 'human');
    for (let i = 1; i <= 30; i++) await po.send({ type: 'chat', text: `update ${i}` });
    const cwd = tempDir('huddle-hook-cwd-', cleanup);
    const first = await startMcpAgent({ name: 'Newcomer', role: 'qa', dataDir: hub.dataDir, cwd }, cleanup);
    const texts = async (agent: typeof first) => ((await agent.call('huddle_inbox', { waitSeconds: 5 })).data.items as { text: string }[]).map((i) => i.text);
    expect(await texts(first)).toEqual(Array.from({ length: 20 }, (_, i) => `update ${i + 11}`));
    await first.close();
    await po.send({ type: 'chat', text: 'said while no server ran' });
    const again = await startMcpAgent({ name: 'Newcomer', role: 'qa', dataDir: hub.dataDir, cwd }, cleanup);
    await vi.waitFor(async () => expect(await texts(again)).toEqual(['said while no server ran']), { timeout: 15_000 });
  });
});
