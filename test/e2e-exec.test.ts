/**
 * End to end, every process the real binary: `huddle up` (hub and lead), a product owner in plain mode
 * and two `--exec` agents. The product owner plans and approves a sprint; the agents then finish every
 * task with nobody touching anything. Needs `npm run build` first (npm test does).
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

describe('huddle up + a product owner + two exec agents', () => {
  it('plans and approves a sprint, then the agents complete every task unattended', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huddle-e2e-exec-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const data = join(dir, '.huddle');
    writeFileSync(
      join(dir, 'work.sh'),
      `#!/bin/sh
echo "$HUDDLE_NAME working on $HUDDLE_TASK_ID: $HUDDLE_TASK_TITLE"
printf '%s\\n' "$HUDDLE_TASK_PROMPT" > "prompt-$HUDDLE_TASK_ID.txt"
echo "finished $HUDDLE_TASK_ID"
`,
    );
    chmodSync(join(dir, 'work.sh'), 0o755);

    started(await startHubProcess(data, 'up', ['--tick', '1s']));
    const agentArgs = (role: string, name: string) => ['agent', '--exec', './work.sh', '--role', role, '--name', name, '--data', data, '--workdir', dir, '--note-every', '100ms'];
    started(spawnHuddle(agentArgs('backend-dev', 'Backend Bot')));
    started(spawnHuddle(agentArgs('qa', 'QA Bot')));
    await vi.waitFor(
      async () => {
        const who = await runHuddle(['who', '--data', data, '--json']);
        const online = who.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; status: string });
        expect(online.filter((p) => p.status === 'online').map((p) => p.name)).toEqual(expect.arrayContaining(['Backend Bot', 'QA Bot']));
      },
      { timeout: 15_000, interval: 200 },
    );

    const po = started(spawnHuddle(['agent', '--plain', '--role', 'human', '--name', 'PO', '--data', data]));
    await po.line(/joined as PO/);
    po.write('plan sprint');
    await po.line(/What should this sprint achieve\?/);
    po.write('implement login with email and password');
    await po.line(/Reply with: approve/);
    po.write('approve');

    const sprint = await po.line(/# sprint .* task\(s\)/);
    const ids = sprint.match(/T-\d+/g) ?? [];
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) await po.line(new RegExp(`# ${id} done `));

    const listed = await runHuddle(['tasks', '--data', data, '--json', '--name', 'Observer', '--role', 'human']);
    const tasks = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Task);
    expect(tasks.map((t) => t.status)).toEqual(ids.map(() => 'done'));
    expect(new Set(tasks.map((t) => t.assignee))).toEqual(new Set(['Backend Bot', 'QA Bot']));
    for (const task of tasks) {
      expect(readFileSync(join(dir, `prompt-${task.id}.txt`), 'utf8')).toContain(`Task ${task.id}: ${task.title}`);
      const log = await runHuddle(['task', 'log', task.id, '--data', data, '--name', 'Observer', '--role', 'human']);
      expect(log.stdout).toContain(`${task.assignee} · ${task.id} working on ${task.id}: ${task.title}`);
    }
    // the stages were respected: a task only ran once what it depends on was done
    for (const task of tasks) {
      for (const dep of task.dependsOn) expect(tasks.find((t) => t.id === dep)!.completedAt!).toBeLessThanOrEqual(task.startedAt!);
    }
  });
});
