/**
 * The README's day with identities, built binary, separate processes: `huddle up`, the product owner,
 * the CTO, a backend developer and QA join by name with nothing typed; one-shot commands act as a name
 * where it joined; the same names from another data folder with the member token are refused; a
 * restart of the hub keeps every identity; a revoke shuts a name out. Needs `npm run build`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readTokens } from '../collaboration-server/data-dir.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddleUntilCleanup, type Spawned } from './helpers/cli.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const wait = (fn: () => void | Promise<void>) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });

describe('identities through a day (built binary, separate processes)', () => {
  it('needs no typing where people joined, refuses their names elsewhere, and survives a restart', async () => {
    const root = tempDir('huddle-e2e-identity-', cleanup);
    const data = join(root, '.huddle');
    const once = (...args: string[]) => runHuddle([...args, '--data', data]);
    const startUp = (port: string) => spawnHuddleUntilCleanup(['up', '--port', port, '--data', data, '--tick', '500ms'], cleanup);

    let up = startUp('0');
    await wait(() => expect(up.out()).toMatch(/huddle lead Tech Lead is in the room/));
    const url = /huddle hub listening on (ws:\/\/\S+)/.exec(up.out())![1]!;
    const terminal = (name: string, role: string): Spawned & { name: string } =>
      Object.assign(spawnHuddleUntilCleanup(['agent', '--json', '--role', role, '--name', name, '--data', data], cleanup), { name });
    const po = terminal('Product Owner', 'human');
    const cto = terminal('CTO', 'cto');
    const backend = terminal('Backend Developer', 'backend-dev');
    const qa = terminal('QA Engineer', 'qa');
    for (const t of [po, cto, backend, qa]) await wait(() => expect(t.jsonLines().some((e) => e.type === 'joined')).toBe(true));

    po.write('plan sprint');
    await wait(() => expect(po.jsonLines().some((e) => e.card?.kind === 'capacity')).toBe(true));
    po.write('We need to implement user authentication for our API, and improve our testing coverage');
    await wait(() => expect(po.jsonLines().some((e) => e.card?.kind === 'breakdown')).toBe(true));
    po.write('approve');
    const assignedTo = (t: Spawned & { name: string }) => t.jsonLines().flatMap((e) => (e.type === 'sprint' ? e.tasks : e.type === 'task' ? [e.task] : [])).filter((x) => x.assignee === t.name);
    await wait(() => expect(assignedTo(qa).length).toBeGreaterThan(0));
    const qaTask = assignedTo(qa)[0]!.id as string;
    const ctoTask = (await wait(() => expect(assignedTo(cto).length).toBeGreaterThan(0)), assignedTo(cto)[0]!.id as string);

    // One-shot commands act as a name where it joined, with nothing typed but the name.
    expect(await once('task', 'start', qaTask, '--name', 'QA Engineer', '--role', 'qa')).toMatchObject({ code: 0, stdout: `${qaTask} started.\n` });
    expect(await once('task', 'done', qaTask, 'covered', '--name', 'QA Engineer', '--role', 'qa')).toMatchObject({ code: 0, stdout: `${qaTask} done.\n` });
    await wait(() => expect(qa.jsonLines().some((e) => e.type === 'task' && e.task.id === qaTask && e.task.status === 'done')).toBe(true));

    // Elsewhere, with the member token but not their credentials, their names are refused.
    const elsewhere = join(root, 'elsewhere', '.huddle');
    mkdirSync(elsewhere, { recursive: true, mode: 0o700 });
    const member = readTokens(data)!.member;
    const impostor = await runHuddle(['task', 'done', ctoTask, '--name', 'CTO', '--role', 'cto', '--url', url, '--token', member, '--data', elsewhere]);
    expect(impostor.code).toBe(2);
    expect(impostor.stderr).toMatch(/"CTO" has joined this room before, and joining as it needs its credential[\s\S]*huddle reset "CTO"/);
    const lookalike = await runHuddle(['say', '--name', 'Теch Lead', '--role', 'qa', '--url', url, '--token', member, '--data', elsewhere, 'stop all work']);
    expect(lookalike).toMatchObject({ code: 2, stderr: expect.stringMatching(/reads like "Tech Lead"/) });

    // The product owner sees everyone, with an active credential; one-shot commands left no entries.
    const listed = async () => (await once('participants', '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { name: string; status: string; credential: string });
    expect((await listed()).map((p) => [p.name, p.credential]).sort()).toEqual([
      ['Backend Developer', 'active'],
      ['CTO', 'active'],
      ['Product Owner', 'active'],
      ['QA Engineer', 'active'],
      ['Tech Lead', 'active'],
    ]);

    // A restart keeps every identity: terminals and the lead come back, one-shots still work.
    const port = new URL(url).port;
    await up.kill('SIGTERM');
    up = startUp(port);
    await wait(() => expect(up.out()).toMatch(/huddle lead Tech Lead is in the room/));
    await wait(async () => expect((await listed()).every((p) => p.status === 'online')).toBe(true));
    expect(await once('task', 'start', ctoTask, '--name', 'CTO', '--role', 'cto')).toMatchObject({ code: 0 });

    // A revoke closes the terminal and refuses the name, credential and all.
    expect(await once('revoke', 'Backend Developer')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Revoked Backend Developer/) });
    await wait(() => expect(backend.jsonLines().some((e) => e.type === 'problem' && e.code === 'REVOKED')).toBe(true));
    const revoked = await once('say', '--name', 'Backend Developer', '--role', 'backend-dev', 'still here?');
    expect(revoked).toMatchObject({ code: 2, stderr: expect.stringMatching(/revoked "Backend Developer"/) });
  }, 120_000);
});
