import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchFor, slugify } from '../agents/worktree.js';
import { execWorld, type ExecWorld } from './exec-fixture.js';

let world: ExecWorld;
afterEach(async () => world?.close());

const GIT_ENV = { GIT_AUTHOR_NAME: 'Bot', GIT_AUTHOR_EMAIL: 'bot@example.com', GIT_COMMITTER_NAME: 'Bot', GIT_COMMITTER_EMAIL: 'bot@example.com' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();

/** A git repository under `dir` with app.txt committed on main. */
function repoWithOneCommit(dir: string): string {
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'app.txt'), 'v1\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'first');
  return repo;
}

describe('exec runner: --worktree', () => {
  it('names branches after the task', () => {
    expect(slugify('Add OAuth login (Google & GitHub)!')).toBe('add-oauth-login-google-github');
    expect(branchFor('T-12', 'Über café')).toBe('huddle/T-12-uber-cafe');
    expect(branchFor('T-3', '???')).toBe('huddle/T-3-task');
  });

  it('runs two tasks at once, each in its own worktree and branch, without touching the main checkout', async () => {
    world = await execWorld();
    const repo = repoWithOneCommit(world.dir);

    const barrier = join(world.dir, 'barrier');
    mkdirSync(barrier);
    // Each run marks that it started and waits until the other one has too: they can only finish together.
    const script = world.script(
      'edit.sh',
      `touch "${barrier}/$HUDDLE_TASK_ID"
until [ $(ls "${barrier}" | wc -l) -ge 2 ]; do sleep 0.02; done
echo "$HUDDLE_TASK_ID was here" > app.txt
export ${Object.entries(GIT_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}
git add app.txt && git commit -qm "$HUDDLE_TASK_ID: edit app.txt"
echo "committed on $(git rev-parse --abbrev-ref HEAD) in $(pwd)"`,
    );
    const [a, b] = await world.plan(['Edit the app', 'Edit the app again']);
    await world.agent('Bot', { command: script, workdir: repo, worktree: true, concurrency: 2, stallAfterMs: 60_000 });
    await world.assign(a!, 'Bot');
    await world.assign(b!, 'Bot');

    const doneA = await world.until(a!, 'done');
    const doneB = await world.until(b!, 'done');
    const branchA = branchFor(a!, 'Edit the app');
    const branchB = branchFor(b!, 'Edit the app again');
    expect(doneA.lastNote).toContain(`Its work is on branch ${branchA}.`);
    expect(doneB.lastNote).toContain(`Its work is on branch ${branchB}.`);
    expect(doneA.lastNote).toContain(`committed on ${branchA} in ${join(repo, '.huddle-worktrees', `${a}-edit-the-app`)}`);

    expect(git(repo, 'show', `${branchA}:app.txt`)).toBe(`${a} was here`);
    expect(git(repo, 'show', `${branchB}:app.txt`)).toBe(`${b} was here`);
    expect(readFileSync(join(repo, 'app.txt'), 'utf8')).toBe('v1\n');
    expect(git(repo, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(repo, 'status', '--porcelain')).toBe(''); // the worktrees folder is excluded
    expect(existsSync(join(repo, '.huddle-worktrees', `${b}-edit-the-app-again`, 'app.txt'))).toBe(true);
  });

  it('commits what the command left uncommitted on the task branch when it succeeds', async () => {
    world = await execWorld();
    const repo = repoWithOneCommit(world.dir);
    const script = world.script('no-commit.sh', 'echo "v2 by $HUDDLE_TASK_ID" > app.txt\necho "new" > added.txt\necho "edited, not committed"');
    const [id] = await world.plan(['Leave it dirty']);
    await world.agent('Bot', { command: script, workdir: repo, worktree: true });
    await world.assign(id!, 'Bot');
    const done = await world.until(id!, 'done');
    const branch = branchFor(id!, 'Leave it dirty');
    expect(done.lastNote).toMatch(new RegExp(`on branch ${branch}\\. It left changes uncommitted; they are committed there as [0-9a-f]{7,}\\.`));
    expect(git(repo, 'show', `${branch}:app.txt`)).toBe(`v2 by ${id}`);
    expect(git(repo, 'show', `${branch}:added.txt`)).toBe('new');
    expect(git(repo, 'log', '-1', '--format=%s', branch)).toBe(`${id}: Leave it dirty`);
    expect(readFileSync(join(repo, 'app.txt'), 'utf8')).toBe('v1\n');
  });

  it('fails the task with a next step when --worktree is used outside a git repository', async () => {
    world = await execWorld();
    const [id] = await world.plan(['Anything']);
    await world.agent('Bot', { command: 'true', worktree: true });
    await world.assign(id!, 'Bot');
    const failed = await world.until(id!, 'failed');
    expect(failed.lastNote).toContain('--worktree needs a git repository');
  });
});
