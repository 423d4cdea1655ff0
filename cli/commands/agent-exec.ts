/**
 * `huddle agent --exec CMD`: the automated agent. agent.ts adds these flags with withExecFlags() and
 * hands over to runExecAgent() when --exec is set; it runs until the client closes or SIGINT/SIGTERM.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { systemClock } from '../../collaboration-server/clock.js';
import { resolveDataDir } from '../../collaboration-server/data-dir.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import { ExecRunner, type ExecRunnerOptions } from '../../agents/exec-runner.js';
import { logLine, parseDuration } from '../output.js';

export interface ExecFlags {
  exec?: string;
  workdir?: string;
  worktree?: boolean;
  timeout?: string;
  stallAfter?: string;
  concurrency?: string;
  killGrace?: string;
  stdin?: string;
  answerFrom?: string[];
  noteEvery?: string;
  /** --data: where the agent's credential is kept */
  data?: string;
}

export function withExecFlags(cmd: Command): Command {
  return cmd
    .option('--exec <command>', 'run this shell command for each task the lead gives you (an automated agent)')
    .option('--workdir <dir>', 'with --exec: where the command runs (default: the current folder)')
    .option('--worktree', 'with --exec: run each task in its own git worktree and branch (huddle/T-12-slug)')
    .option('--timeout <duration>', 'with --exec: fail a task whose command runs longer than this (default: no limit)')
    .option('--stall-after <duration>', 'with --exec: report the task blocked when the command prints nothing for this long', '10m')
    .option('--concurrency <n>', 'with --exec: tasks run at once', '1')
    .option('--kill-grace <duration>', 'with --exec: after SIGTERM, wait this long before SIGKILL', '5s')
    .addOption(
      new Option('--stdin <mode>', 'with --exec: "close" stdin after the prompt (for claude -p, codex exec, gemini -p, aider) or keep it "open" for messages and answers')
        .choices(['close', 'open'])
        .default('close'),
    )
    .option(
      '--answer-from <name>',
      'with --exec --stdin open: someone besides the product owner whose direct message answers a question the command asks (repeat for more)',
      (name: string, names: string[]) => [...names, name],
      [] as string[],
    )
    .option('--note-every <duration>', 'with --exec: at most one progress note per this long', '30s');
}

/** Runs tasks until the client closes or the process gets SIGINT/SIGTERM; then stops the runs and closes. */
export async function runExecAgent(client: HuddleClient, flags: ExecFlags): Promise<void> {
  const runner = new ExecRunner(client, execOptions(flags));
  await runner.start();
  logLine('huddle: ', `${client.name} is an automated agent running \`${flags.exec}\` for each task it is given. Ctrl-C stops it.`);
  await new Promise<void>((done) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      client.off('state', onState);
      done();
    };
    const onState = (state: string) => state === 'closed' && finish();
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    client.on('state', onState);
  });
  await runner.shutdown();
  client.close();
}

export function execOptions(flags: ExecFlags): ExecRunnerOptions {
  if (!flags.exec?.trim()) throw new HuddleError('BAD_FRAME', 'Say what to run: --exec \'claude -p "$HUDDLE_TASK_PROMPT"\' (see docs/agents.md).');
  const workdir = resolve(flags.workdir ?? process.cwd());
  if (!existsSync(workdir) || !statSync(workdir).isDirectory()) throw new HuddleError('BAD_FRAME', `--workdir ${workdir} is not a folder. Create it or point --workdir at your project.`);
  const concurrency = Number(flags.concurrency ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new HuddleError('BAD_FRAME', `--concurrency takes a whole number above 0, not "${flags.concurrency}".`);
  const stallAfterMs = parseDuration(flags.stallAfter ?? '10m');
  return {
    command: flags.exec,
    workdir,
    worktree: !!flags.worktree,
    timeoutMs: flags.timeout ? parseDuration(flags.timeout) : null,
    stallAfterMs,
    killGraceMs: parseDuration(flags.killGrace ?? '5s'),
    keepStdinOpen: flags.stdin === 'open',
    answerFrom: flags.answerFrom ?? [],
    noteEveryMs: parseDuration(flags.noteEvery ?? '30s'),
    tickMs: Math.max(20, Math.min(1000, stallAfterMs / 4)),
    concurrency,
    clock: systemClock,
    huddleBin: findHuddleBin(),
    dataDir: resolveDataDir(flags.data),
    log: (line) => logLine('huddle: ', line),
  };
}

/** The path of bin/huddle.js (an executable with a node shebang), so a command can call huddle when it is not on PATH. */
function findHuddleBin(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const bin = join(dir, 'bin', 'huddle.js');
    if (existsSync(bin)) return bin;
    dir = dirname(dir);
  }
  return null;
}
