/**
 * A git worktree per task, on its own branch (`huddle/T-12-add-login`), under
 * `<repo>/.huddle-worktrees/`, so agents working in parallel never touch the same files.
 * Running a task again reuses its branch and worktree: the earlier attempt's work is kept.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';
import { HuddleError } from '../collaboration-server/errors.js';

const run = promisify(execFile);
export const WORKTREES_DIR = '.huddle-worktrees';

export interface Worktree {
  path: string;
  branch: string;
}

export function slugify(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'task';
}

export function branchFor(taskId: string, title: string): string {
  return `huddle/${taskId}-${slugify(title)}`;
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd });
    return stdout.trim();
  } catch (err) {
    const detail = (err as { stderr?: string }).stderr?.trim() || (err as Error).message;
    throw new HuddleError('CONFLICT', `git ${args[0]} failed in ${cwd}: ${detail}`, { cause: err });
  }
}

/** Creates (or reuses) the worktree for a task in the repository that holds `workdir`. */
export async function prepareWorktree(workdir: string, taskId: string, title: string): Promise<Worktree> {
  let root: string;
  try {
    root = await git(workdir, ['rev-parse', '--show-toplevel']);
  } catch (err) {
    throw new HuddleError('BAD_FRAME', `--worktree needs a git repository, and ${workdir} is not in one. Run \`git init\` there (with one commit) or drop --worktree.`, { cause: err });
  }
  const branch = branchFor(taskId, title);
  const path = join(root, WORKTREES_DIR, branch.slice('huddle/'.length));
  if (existsSync(path)) return { path, branch };
  await ignoreWorktreesDir(root);
  const branchExists = await git(root, ['branch', '--list', branch]).then((out) => out.length > 0);
  await git(root, branchExists ? ['worktree', 'add', path, branch] : ['worktree', 'add', '-b', branch, path]);
  return { path, branch };
}

/** Keeps the worktrees folder out of `git status` in the main checkout (via .git/info/exclude). */
async function ignoreWorktreesDir(root: string): Promise<void> {
  const common = await git(root, ['rev-parse', '--git-common-dir']);
  const infoDir = join(isAbsolute(common) ? common : join(root, common), 'info');
  const exclude = join(infoDir, 'exclude');
  const line = `/${WORKTREES_DIR}/`;
  const current = existsSync(exclude) ? readFileSync(exclude, 'utf8') : '';
  if (current.split('\n').includes(line)) return;
  mkdirSync(infoDir, { recursive: true });
  appendFileSync(exclude, `${current && !current.endsWith('\n') ? '\n' : ''}${line}\n`);
}

/**
 * Commits what a finished command left uncommitted in its worktree, so the branch holds all its work.
 * Returns the short hash, or null when nothing was left. Without a git identity, it commits as the agent.
 */
export async function commitLeftovers(path: string, message: string, agentName: string): Promise<string | null> {
  if (!(await git(path, ['status', '--porcelain']))) return null;
  const hasIdentity = await git(path, ['config', 'user.email']).then(Boolean, () => false);
  const identity = hasIdentity ? [] : ['-c', `user.name=${agentName}`, '-c', 'user.email=huddle-agent@localhost'];
  await git(path, ['add', '--all']);
  await git(path, [...identity, 'commit', '--quiet', '--no-verify', '-m', message]);
  return git(path, ['rev-parse', '--short', 'HEAD']);
}
