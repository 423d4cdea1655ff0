/**
 * The "any script" recipe of docs/agents.md, through the real binary: `huddle agent --exec ./do-task.sh`
 * against `huddle server`, with the test acting as the lead. Needs `npm run build` first (npm test does).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { readTokens } from '../collaboration-server/data-dir.js';
import type { HubEvent } from '../collaboration-server/protocol.js';
import { recorder } from './helpers/hub.js';
import { runHuddle, spawnHuddle, startHubProcess, type Spawned } from './helpers/cli.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function room() {
  const dir = mkdtempSync(join(tmpdir(), 'huddle-exec-cli-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  // the data folder is not above the workdir: the command's own huddle calls find the agent's credential through HUDDLE_DATA
  const data = join(dir, 'hub', '.huddle');
  const hub = await startHubProcess(data);
  cleanup.push(() => hub.kill('SIGKILL'));
  const lead = new HuddleClient({ url: hub.url, token: readTokens(data)!.admin, name: 'Lead', role: 'orchestrator' });
  await lead.connect();
  cleanup.push(() => lead.close());
  const seen = recorder(lead);
  const taskIs = (id: string, status: string) => (e: HubEvent) => e.type === 'task' && e.task.id === id && e.task.status === status;
  const plan = async (titles: string[]) => {
    const ack = await lead.send({
      type: 'sprint_create',
      sprint: { name: 'Sprint 1', goal: 'Quality', startsAt: Date.now(), endsAt: Date.now() + 86_400_000, objectives: [] },
      tasks: titles.map((title) => ({ title, role: 'qa', estimateHours: 1, acceptance: ['Every page has a test'] })),
    });
    return ack.result!.taskIds as string[];
  };
  const agent = (script: string, extra: string[] = []): Spawned => {
    const proc = spawnHuddle(['agent', '--exec', script, '--role', 'qa', '--name', 'QA Bot', '--data', data, '--workdir', dir, '--note-every', '100ms', ...extra]);
    cleanup.push(() => proc.kill('SIGKILL'));
    return proc;
  };
  const joined = () => seen.until((e) => e.type === 'presence' && e.participant.name === 'QA Bot' && e.change !== 'left');
  return { dir, data, lead, seen, taskIs, plan, agent, joined };
}

function writeScript(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return `./${name}`;
}

describe('huddle agent --exec (the real binary)', { timeout: 60_000 }, () => {
  it('runs the any-script recipe: the task is done, the script spoke in the room, `huddle task log` prints its output', async () => {
    const r = await room();
    const script = writeScript(
      r.dir,
      'do-task.sh',
      `set -e
echo "working on $HUDDLE_TASK_ID: $HUDDLE_TASK_TITLE"
printf '%s\\n' "$HUDDLE_TASK_ACCEPTANCE" > "notes-$HUDDLE_TASK_ID.md"
"$HUDDLE_BIN" say "notes for $HUDDLE_TASK_ID are written"
"$HUDDLE_BIN" task progress "$HUDDLE_TASK_ID" 60 "notes written, checking them"
echo "wrote notes-$HUDDLE_TASK_ID.md"`,
    );
    const [id] = await r.plan(['Write the test notes']);
    const agent = r.agent(script);
    await r.joined();
    await r.lead.send({ type: 'task_update', taskId: id!, action: 'assign', assignee: 'QA Bot' });

    const done = (await r.seen.until((e) => r.taskIs(id!, 'done')(e) || r.taskIs(id!, 'failed')(e))) as Extract<HubEvent, { type: 'task' }>;
    expect(done.task.status, done.change.note ?? '').toBe('done');
    expect(done.change.note).toContain(`wrote notes-${id}.md`);
    expect(readFileSync(join(r.dir, `notes-${id}.md`), 'utf8')).toBe('- Every page has a test\n');
    const said = await r.seen.until((e) => e.type === 'message' && e.text === `notes for ${id} are written`);
    expect(said).toMatchObject({ from: { name: 'QA Bot', role: 'qa' } });
    // The script's own `huddle task` call acts as the agent, which holds the task.
    const progress = await r.seen.until((e) => e.type === 'task' && e.change.note === 'notes written, checking them');
    expect(progress).toMatchObject({ change: { by: 'QA Bot', action: 'progress', percent: 60 } });

    const log = await runHuddle(['task', 'log', id!, '--data', r.data, '--name', 'Reader', '--role', 'qa']);
    expect(log.code).toBe(0);
    expect(log.stdout).toContain(`working on ${id}: Write the test notes`);
    expect(log.stdout).toContain(`wrote notes-${id}.md`);

    expect(await agent.kill('SIGTERM')).toBe(0);
  });

  it('on SIGTERM mid-run, stops the command, fails its task with a note and exits 0', async () => {
    const r = await room();
    const script = writeScript(r.dir, 'wait.sh', 'echo "started"\nwhile true; do sleep 0.05; done');
    const [id] = await r.plan(['Wait forever']);
    const agent = r.agent(script);
    await r.joined();
    await r.lead.send({ type: 'task_update', taskId: id!, action: 'assign', assignee: 'QA Bot' });
    await r.seen.until((e) => e.type === 'task' && e.task.id === id && e.change.action === 'progress' && e.change.note === 'started');

    expect(await agent.kill('SIGTERM')).toBe(0);
    const failed = (await r.seen.until(r.taskIs(id!, 'failed'))) as Extract<HubEvent, { type: 'task' }>;
    expect(failed.change.note).toMatch(/The agent was stopped while running it/);
  });

  it('refuses a --workdir that does not exist, with what to do', async () => {
    const r = await room();
    const agent = r.agent('true', ['--workdir', join(r.dir, 'nowhere')]);
    expect(await agent.exited).not.toBe(0);
    expect(agent.stderr.join('\n')).toMatch(/--workdir .*nowhere is not a folder/);
  });
});
