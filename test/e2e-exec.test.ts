/**
 * End to end, every process the real binary: `huddle up` (hub and lead), a product owner in plain mode
 * and two `--exec` agents. The product owner plans and approves a sprint; the agents then finish the
 * tasks. Needs `npm run build` first (npm test does).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../collaboration-server/protocol.js';
import { runHuddle, spawnHuddle, startHubProcess, type Spawned } from './helpers/cli.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function started(proc: Spawned): Spawned {
  cleanup.push(() => proc.kill('SIGKILL'));
  return proc;
}

/** `huddle up`, two exec agents running `script` (Dev, backend-dev, and QA, qa) and the product owner. */
async function room(script: string, agentFlags: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'huddle-e2e-exec-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const data = join(dir, '.huddle');
  writeFileSync(join(dir, 'work.sh'), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, 'work.sh'), 0o755);

  started(await startHubProcess(data, 'up', ['--tick', '1s']));
  const agents: Spawned[] = [];
  for (const [role, name] of [['backend-dev', 'Dev'], ['qa', 'QA']] as const) {
    agents.push(started(spawnHuddle(['agent', '--exec', './work.sh', '--role', role, '--name', name, '--data', data, '--workdir', dir, '--note-every', '100ms', ...agentFlags])));
  }
  await vi.waitFor(
    async () => {
      const who = await runHuddle(['who', '--data', data, '--json']);
      const online = who.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; status: string });
      const names = online.filter((p) => p.status === 'online').map((p) => p.name);
      expect(names, agents.map((a) => a.stderr.join('\n')).join('\n')).toEqual(expect.arrayContaining(['Dev', 'QA']));
    },
    { timeout: 40_000, interval: 200 },
  );
  const po = started(spawnHuddle(['agent', '--plain', '--role', 'human', '--name', 'PO', '--data', data]));
  await po.line(/joined as PO/);

  /** The product owner plans and approves a sprint; resolves with its task ids. */
  const planSprint = async (objective: string) => {
    po.write('plan sprint');
    await po.line(/What should this sprint achieve\?/);
    po.write(objective);
    await po.line(/Reply with: approve/);
    po.write('approve');
    const sprint = await po.line(/# sprint .* task\(s\)/);
    return sprint.match(/T-\d+/g) ?? [];
  };
  const tasks = async () => {
    const listed = await runHuddle(['tasks', '--data', data, '--json', '--name', 'Observer', '--role', 'human']);
    return listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Task);
  };
  const log = async (id: string) => (await runHuddle(['task', 'log', id, '--data', data, '--name', 'Observer', '--role', 'human'])).stdout;
  return { dir, po, planSprint, tasks, log };
}

describe('huddle up + a product owner + two exec agents', () => {
  it('plans and approves a sprint, then the agents complete every task unattended', { timeout: 90_000 }, async () => {
    const r = await room(`echo "$HUDDLE_NAME working on $HUDDLE_TASK_ID: $HUDDLE_TASK_TITLE"
printf '%s\\n' "$HUDDLE_TASK_PROMPT" > "prompt-$HUDDLE_TASK_ID.txt"
echo "finished $HUDDLE_TASK_ID"`);
    const ids = await r.planSprint('implement login with email and password');
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) await r.po.line(new RegExp(`# ${id} done `));

    const tasks = await r.tasks();
    expect(tasks.map((t) => t.status)).toEqual(ids.map(() => 'done'));
    expect(new Set(tasks.map((t) => t.assignee))).toEqual(new Set(['Dev', 'QA']));
    for (const task of tasks) {
      expect(readFileSync(join(r.dir, `prompt-${task.id}.txt`), 'utf8')).toContain(`Task ${task.id}: ${task.title}`);
      expect(await r.log(task.id)).toContain(`${task.assignee} working on ${task.id}: ${task.title}`);
    }
    // the stages were respected: a task only ran once what it depends on was done
    for (const task of tasks) {
      for (const dep of task.dependsOn) expect(tasks.find((t) => t.id === dep)!.completedAt!).toBeLessThanOrEqual(task.startedAt!);
    }
  });

  it('a command stopped at a y/n question is reported blocked; the product owner answers it from the terminal', { timeout: 90_000 }, async () => {
    const r = await room(
      `case "$HUDDLE_TASK_TITLE" in
  Implement*)
    printf "Overwrite the user table? [y/N] "
    while IFS= read -r answer; do case "$answer" in y|n) break;; esac; done
    echo "answer: $answer"
    [ "$answer" = y ] || exit 1;;
esac
echo "finished $HUDDLE_TASK_ID"`,
      ['--stdin', 'open'],
    );
    const ids = await r.planSprint('implement login with email and password');
    const blocked = await r.po.line(/# T-\d+ block .*Implement/);
    const id = /T-\d+/.exec(blocked)![0];
    const assignee = (await r.tasks()).find((t) => t.id === id)!.assignee!;
    r.po.write(`/dm ${assignee} y`);
    for (const other of ids) await r.po.line(new RegExp(`# ${other} done `));
    expect(await r.log(id)).toContain('answer: y');
    expect((await r.tasks()).every((t) => t.status === 'done')).toBe(true);
  });
});
