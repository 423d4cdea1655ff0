/**
 * The CLI's manners as real processes on a real hub, through a real shell: a closed pipe ends a
 * command quietly and successfully; read-only commands need no role and work with the member token;
 * one-shot commands leave no roster entries; names match as people type them; errors name the
 * `huddle` command; `huddle tasks` shows the planned assignee; --json everywhere. Needs `npm run build`.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { assertBuilt, cleanEnv, HUDDLE_BIN, runHuddle } from './helpers/cli.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

const ZOE = 'Zoë 🚀 前端';
let hub: TestHub;
let owner: HuddleClient;

/** `huddle ARGS` from a neutral folder, with the member token unless `token` says otherwise, and no name or role. */
const huddle = (args: string[], env: NodeJS.ProcessEnv = {}) => runHuddle(args, { cwd: tmpdir(), env: { HUDDLE_URL: hub.url, HUDDLE_DATA: hub.dataDir, HUDDLE_TOKEN: hub.running.tokens.member, ...env } });

/** `huddle ARGS | READER` through bash with pipefail, so the status is huddle's own. */
function piped(args: string[], reader: string, input = '/dev/null'): Promise<{ code: number; stdout: string; stderr: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const line = `set -o pipefail; ${[process.execPath, HUDDLE_BIN, ...args].map(quote).join(' ')} < ${input} | ${reader}`;
  return new Promise((resolve) => {
    execFile('bash', ['-c', line], { cwd: tmpdir(), env: cleanEnv({ HUDDLE_URL: hub.url, HUDDLE_DATA: hub.dataDir }), timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const roster = async () => (await owner.request({ type: 'participants' })).participants.map((p) => p.name).sort();

beforeAll(async () => {
  assertBuilt();
  hub = await startTestHub();
  owner = await hub.client('Owner', 'human');
  const lead = await hub.client('Lead', 'orchestrator');
  await hub.client(ZOE, 'frontend-dev');
  await hub.client('Quinn', 'qa');
  // more than a pipe holds (64 KiB): the writer is still writing when `head` has had enough
  const long = 'a long line of chat to fill the pipe '.repeat(12);
  for (let i = 0; i < 220; i++) await owner.send({ type: 'chat', text: `${i} ${long}` });
  const now = Date.now();
  const { result } = await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 864e5 },
    tasks: [
      ...Array.from({ length: 400 }, (_, i) => ({ title: `Screen ${i} ${'of the settings page '.repeat(8)}`, role: 'frontend-dev', estimateHours: 18.5 })),
      { title: 'Planned for Zoë', role: 'frontend-dev', estimateHours: 3, plannedAssignee: ZOE },
    ],
  });
  const ids = result!.taskIds as string[];
  for (const id of ids.slice(0, 400)) await lead.send({ type: 'task_update', taskId: id, action: 'assign', assignee: ZOE });
}, 120_000);
afterAll(async () => hub?.close());

describe('a closed pipe ends the command quietly, with status 0', () => {
  it.each([
    [['history', '--limit', '1000'], 'head -1', 1],
    [['tasks', '--mine', '--name', 'zoe'], 'head -3', 3],
    [['agent', '--plain', '--role', 'qa', '--name', 'Piper'], 'head -3', 3],
    // a reader gone before anything is written
    [['who'], 'head -c 0', 0],
  ] as const)('huddle %s | %s', async (args, reader, lines) => {
    const run = await piped([...args], reader);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(lines);
  });
});

describe('read-only commands', () => {
  // each read is a process of its own: one test each, so a busy machine's slow starts do not add up in one
  const reads = ['history --limit 3', 'who', 'tasks', 'status', 'escalations', 'task log T-1'];
  let before: string[];
  beforeAll(async () => {
    before = await roster();
  });

  it.each(reads)('huddle %s needs no role and works with the member token', async (line) => {
    const run = await huddle(line.split(' '));
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it.each(reads.slice(0, 2))('huddle %s works with the admin token alike', async (line) => {
    const run = await huddle(line.split(' '), { HUDDLE_TOKEN: hub.running.tokens.admin });
    expect([run.code, run.stderr]).toEqual([0, '']);
  });

  it('work under a name that never joined, too, and none of them leaves a roster entry', async () => {
    expect((await huddle(['history', '--name', 'Drive-by', '--role', 'qa'])).code).toBe(0);
    expect((await huddle(['tasks', '--name', 'Someone'])).code).toBe(0);
    expect(await roster()).toEqual(before);
    expect(before.some((n) => n.endsWith('-cli'))).toBe(false);
  });

  it('write nothing under a name that never joined, and say what to do', async () => {
    const stranger = await huddle(['say', 'hello', '--name', 'Drive-by', '--role', 'qa']);
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toMatch(/has not joined this room[\s\S]*huddle agent --name "Drive-by" --role qa/);
    const nobody = await huddle(['say', 'hello']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/Say who you are: --name/);
  });
});

describe('names and the commands around them', () => {
  it('take a name as people type it, and the role it joined with', async () => {
    const heard = recorder(await hub.client('Listener', 'qa'));
    // Quinn joined from this data folder: its credential is there, and the role comes from the roster
    const said = await huddle(['say', '--to', 'zoe', 'your screens are ready', '--name', 'quinn']);
    expect([said.code, said.stderr]).toEqual([0, '']);
    const ambiguous = await huddle(['say', '--to', 'l', 'hi', '--name', 'Quinn']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"l" could be (Lead or Listener|Listener or Lead): type more of the name/);
    const history = await huddle(['history', '--json', '--limit', '5', '--name', 'Quinn']);
    expect(history.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).at(-1)).toMatchObject({ text: 'your screens are ready', from: { name: 'Quinn' }, to: { kind: 'participant', name: ZOE } });
    expect(heard.messages()).not.toContain('your screens are ready');
  });

  it('show the planned assignee and align the columns; errors name the huddle command', async () => {
    const tasks = await huddle(['tasks']);
    expect(tasks.stdout).toMatch(/T-401 +pending +0% +3h +Planned for Zoë → Zoë 🚀 前端 \(planned\)/);
    const starts = tasks.stdout.split('\n').filter((l) => /^T-/.test(l)).map((l) => l.search(/(Screen|Planned)/));
    expect(new Set(starts).size).toBe(1);
    const wrong = await huddle(['answer', 'E-1', 'A', '--name', 'Quinn']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^huddle: huddle answer is for the Product Owner/);
  });

  it('give JSON wherever --json is asked for, errors included', async () => {
    expect(JSON.parse((await huddle(['token', '--json'])).stdout)).toMatchObject({ admin: expect.any(String), member: expect.any(String) });
    expect(JSON.parse((await huddle(['task', 'log', 'T-1', '--json'])).stdout)).toMatchObject({ kind: 'artifact', taskId: 'T-1' });
    const missing = await huddle(['task', 'done', 'T-999', '--json', '--name', 'Quinn']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stderr)).toMatchObject({ type: 'error', code: 'NOT_FOUND', message: expect.stringMatching(/No task T-999\. `huddle tasks`/) });
  });
});
