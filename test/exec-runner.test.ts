import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOST_RUN_NOTE } from '../agents/exec-runner.js';
import { execWorld, isAlive, type ExecWorld } from './exec-fixture.js';

let world: ExecWorld;
afterEach(async () => world?.close());

const progressNotes = (w: ExecWorld, taskId: string) =>
  w.seen.events.flatMap((e) => (e.type === 'task' && e.task.id === taskId && e.change.action === 'progress' ? [e.change.note ?? ''] : []));

describe('exec runner: a task runs as a real child process', () => {
  it('accepts, starts, runs with the task in env and stdin, streams progress, stores the log and finishes done', async () => {
    world = await execWorld();
    const script = world.script(
      'ok.sh',
      `echo "task=$HUDDLE_TASK_ID title=$HUDDLE_TASK_TITLE name=$HUDDLE_NAME role=$HUDDLE_ROLE"
echo "acceptance: $HUDDLE_TASK_ACCEPTANCE"
cat > "$HUDDLE_TASK_ID.stdin"
echo "a warning on stderr" >&2
while [ ! -f go ]; do sleep 0.02; done
echo "summary: login page built"`,
    );
    const [id] = await world.plan(['Build the login page'], { acceptance: ['A wrong password shows an error'], description: 'Use the existing form kit.' });
    await world.agent('Bot', { command: script });
    await world.assign(id!, 'Bot');

    await world.until(id!, 'accepted', 'accept');
    await world.until(id!, 'in_progress', 'start');
    // the command waits for a go file until its output has reached the room as a progress note
    await vi.waitFor(() => expect(progressNotes(world, id!)).toContain('a warning on stderr'));
    writeFileSync(join(world.dir, 'go'), '');
    const done = await world.until(id!, 'done');
    expect(done.lastNote).toContain('summary: login page built');

    const stdin = readFileSync(join(world.dir, `${id}.stdin`), 'utf8');
    expect(stdin).toContain(`Task ${id}: Build the login page`);
    expect(stdin).toContain('- A wrong password shows an error');
    expect(stdin).toContain('Use the existing form kit.');
    expect(stdin).toContain('Sprint: Sprint 1 — Ship the login page');

    const log = await world.lead.request({ type: 'artifact_get', taskId: id!, kind: 'log' });
    expect(log.content).toContain(`task=${id} title=Build the login page name=Bot role=backend-dev`);
    expect(log.content).toContain('acceptance: - A wrong password shows an error');
    expect(log.content).toContain('a warning on stderr');
    expect(log.content).toMatch(/ended after .*exit 0/);
  });

  it('reports a non-zero exit as failed with the tail of stderr', async () => {
    world = await execWorld();
    const script = world.script('fail.sh', 'echo "starting"\necho "error: database is down" >&2\nexit 3');
    const [id] = await world.plan(['Migrate the database']);
    await world.agent('Bot', { command: script });
    await world.assign(id!, 'Bot');
    const failed = await world.until(id!, 'failed');
    expect(failed.lastNote).toContain('exited with status 3');
    expect(failed.lastNote).toContain('error: database is down');
  });

  it('fails a task whose command runs past --timeout, and stops the command', async () => {
    world = await execWorld();
    const script = world.script('slow.sh', 'echo $$ > slow.pid\necho "thinking"\nsleep 30');
    const [id] = await world.plan(['Think hard']);
    const { runner } = await world.agent('Bot', { command: script, timeoutMs: 300 });
    await world.assign(id!, 'Bot');
    const failed = await world.until(id!, 'failed');
    expect(failed.lastNote).toMatch(/^Timed out after/);
    const pid = Number(readFileSync(join(world.dir, 'slow.pid'), 'utf8'));
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false));
    await vi.waitFor(() => expect(runner.busy).toBe(0));
  });

  it('stops the command when the lead cancels the task mid-run, and reports nothing after', async () => {
    world = await execWorld();
    const script = world.script('long.sh', 'echo $$ > long.pid\necho "working"\nsleep 30\necho "never"');
    const [id] = await world.plan(['Long job']);
    const { runner } = await world.agent('Bot', { command: script });
    await world.assign(id!, 'Bot');
    await vi.waitFor(() => expect(progressNotes(world, id!)).toContain('working'));
    await world.lead.send({ type: 'task_update', taskId: id!, action: 'cancel', note: 'Out of scope' });
    const pid = Number(readFileSync(join(world.dir, 'long.pid'), 'utf8'));
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false));
    await vi.waitFor(() => expect(runner.busy).toBe(0));
    const { tasks } = await world.lead.request({ type: 'tasks' });
    expect(tasks.find((t) => t.id === id)?.status).toBe('cancelled');
    expect(world.logs.join('\n')).toContain(`${id}: stopped (cancelled by Lead)`);
  });

  it('kills a command that ignores SIGTERM once the grace period is over', async () => {
    world = await execWorld();
    const script = world.script('stubborn.sh', "trap '' TERM\necho $$ > stubborn.pid\necho 'not stopping'\nwhile true; do sleep 0.05; done");
    const [id] = await world.plan(['Stubborn job']);
    const { runner } = await world.agent('Bot', { command: script, killGraceMs: 300 });
    await world.assign(id!, 'Bot');
    await vi.waitFor(() => expect(progressNotes(world, id!)).toContain('not stopping'));
    await world.lead.send({ type: 'task_update', taskId: id!, action: 'cancel' });
    const pid = Number(readFileSync(join(world.dir, 'stubborn.pid'), 'utf8'));
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 3000 });
    await vi.waitFor(() => expect(runner.busy).toBe(0));
  });

  it('stops the command when the task is reassigned to someone else, then runs the next task', async () => {
    world = await execWorld();
    const script = world.script('work.sh', 'echo "working on $HUDDLE_TASK_ID"\n[ "$HUDDLE_TASK_ID" = "T-1" ] && sleep 30\nexit 0');
    const [first, second] = await world.plan(['First', 'Second']);
    await world.hub.client('Dana', 'backend-dev');
    const { runner } = await world.agent('Bot', { command: script });
    await world.assign(first!, 'Bot');
    await world.assign(second!, 'Bot');
    await vi.waitFor(() => expect(progressNotes(world, first!)).toContain(`working on ${first}`));
    expect(runner.queued).toEqual([second]); // one at a time by default
    await world.lead.send({ type: 'task_update', taskId: first!, action: 'reassign', assignee: 'Dana' });
    await world.until(second!, 'done');
    const { tasks } = await world.lead.request({ type: 'tasks' });
    expect(tasks.find((t) => t.id === first)).toMatchObject({ status: 'assigned', assignee: 'Dana' });
  });

  it('keeps running through a hub restart and reports the task done once it is back', async () => {
    world = await execWorld();
    const script = world.script('through.sh', 'echo "before"\nwhile [ ! -f go ]; do sleep 0.02; done\necho "after the restart"');
    const [id] = await world.plan(['Survive a restart']);
    await world.agent('Bot', { command: script });
    await world.assign(id!, 'Bot');
    await vi.waitFor(() => expect(progressNotes(world, id!)).toContain('before'));
    await world.hub.restart();
    writeFileSync(join(world.dir, 'go'), '');
    const done = await world.until(id!, 'done');
    expect(done.lastNote).toContain('after the restart');
    const log = await world.lead.request({ type: 'artifact_get', taskId: id!, kind: 'log' });
    expect(log.content).toMatch(/before\n[\s\S]*after the restart\n/);
  });

  it('after a restart, fails the task it held in progress with an honest note and picks up a waiting one', async () => {
    world = await execWorld();
    const [held, waiting] = await world.plan(['Held before the crash', 'Assigned while away']);
    const before = await world.hub.client('Bot', 'backend-dev');
    await world.assign(held!, 'Bot');
    await before.send({ type: 'task_update', taskId: held!, action: 'accept' });
    await before.send({ type: 'task_update', taskId: held!, action: 'start' });
    before.close();
    await world.assign(waiting!, 'Bot');

    await world.agent('Bot', { command: world.script('ok.sh', 'echo fine') });
    const failed = await world.until(held!, 'failed');
    expect(failed.lastNote).toBe(LOST_RUN_NOTE);
    await world.until(waiting!, 'done');
  });
});
