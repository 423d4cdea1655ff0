/**
 * One task run by an automated agent: accept and start it, run the command with the task in its
 * environment, stream its output to the hub (rate-limited notes, the full log as the task's `log`
 * artifact), report stalls as blockers, pass messages on, and report how it ended.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HuddleClient, CommandInput } from '../collaboration-server/client.js';
import type { Clock } from '../collaboration-server/clock.js';
import { toHuddleError } from '../collaboration-server/errors.js';
import type { Task } from '../collaboration-server/protocol.js';
import { isActive } from '../collaboration-server/task-lifecycle.js';
import { ChildCommand, type CommandExit } from './child-command.js';
import { RunOutput, trimTo } from './run-output.js';
import { StallDetector, describeMs, type Stall } from './stall-detector.js';
import { taskEnv, taskPrompt } from './task-prompt.js';
import { answerers, answerLine, messageLine, senderLabel, type MessageSender } from './command-input.js';
import { commitLeftovers, prepareWorktree } from './worktree.js';
import { mcpServerToml, mcpServersJson } from './mcp-config.js';

export interface RunSettings {
  command: string;
  workdir: string;
  worktree: boolean;
  timeoutMs: number | null;
  stallAfterMs: number;
  questionSettleMs?: number;
  killGraceMs: number;
  keepStdinOpen: boolean;
  /** names, besides the product owner, whose direct messages answer the command's questions (see command-input.ts) */
  answerFrom?: readonly string[];
  /** at most one progress note per this many milliseconds */
  noteEveryMs: number;
  /** how often the log is appended to the hub and stalls are checked */
  tickMs: number;
  clock: Clock;
  /** the path of bin/huddle.js, for the command's own `huddle` calls, when known */
  huddleBin: string | null;
  /** the data folder that keeps the agent's credential, so the command's own `huddle` calls prove who they are */
  dataDir?: string;
  log(line: string): void;
}

export type RunEnd = 'done' | 'failed' | 'stopped';

/** The stop reason when the agent itself is stopping: the task is then failed, not left in progress. */
export const AGENT_STOPPING = 'agent stopped';

export class TaskRun {
  readonly finished: Promise<RunEnd>;
  private child: ChildCommand | undefined;
  private readonly output: RunOutput;
  private readonly stall: StallDetector;
  private lastStall: Stall | null = null;
  private blockedByMe = false;
  private pendingStop: string | null = null;
  private sending: Promise<unknown> = Promise.resolve();
  /** an owner-only folder for this run: its inbox file and its MCP set-up */
  private runDir = '';
  private inboxFile = '';
  private cwd: string;

  constructor(
    private readonly client: HuddleClient,
    private task: Task,
    private readonly settings: RunSettings,
  ) {
    this.cwd = settings.workdir;
    this.output = new RunOutput(settings.clock, { noteEveryMs: settings.noteEveryMs });
    this.stall = new StallDetector(settings.clock, { stallAfterMs: settings.stallAfterMs, questionSettleMs: settings.questionSettleMs });
    this.finished = this.run()
      .catch((err) => {
        settings.log(`${task.id}: ${toHuddleError(err).message}`);
        return 'failed' as const;
      })
      .finally(() => {
        if (this.runDir) rmSync(this.runDir, { recursive: true, force: true });
      });
  }

  get id(): string {
    return this.task.id;
  }

  /** The hub's newer view of the task (an unblock by the lead, a note). */
  onTask(task: Task): void {
    this.task = task;
    if (task.status !== 'blocked' && this.blockedByMe) {
      this.blockedByMe = false;
      this.stall.answered(); // unblocked by someone else: a new quiet spell is reported afresh
    }
  }

  /**
   * Stops the command. Nothing is reported when the task was cancelled or is someone else's now; when the
   * agent is stopping (`AGENT_STOPPING`), the task is failed so that it is not left in progress.
   */
  stop(reason: string): void {
    this.pendingStop ??= reason;
    this.child?.stop(reason, this.settings.killGraceMs);
  }

  /**
   * A message, guidance or the product owner's decision for this task, passed on to the command: always
   * appended to its inbox file as one line with its sender, and written to its stdin the same way while
   * that is open. While it waits at a question, only an answer (`canAnswer`: see command-input.ts) goes to
   * its stdin, bare, and is noted on the task (the lead wants to know the blocker was answered); the rest
   * goes to the log, so the room is not flooded with notes.
   */
  deliver(from: MessageSender, text: string, canAnswer: boolean): void {
    const atQuestion = this.lastStall?.kind === 'question' && this.blockedByMe;
    const answering = canAnswer && atQuestion;
    const framed = messageLine(from, text);
    if (this.inboxFile) appendFileSync(this.inboxFile, `${new Date(this.settings.clock.now()).toISOString()} ${framed}\n`);
    // A command waiting at a question would read anything on its stdin as the answer: only an answer goes there.
    const line = answering ? answerLine(text) : atQuestion ? null : framed;
    const written = line !== null && (this.child?.write(`${line}\n`) ?? false);
    if (written) this.stall.answered();
    const where = written ? 'written to stdin' : atQuestion ? 'left in $HUDDLE_INBOX: not an answer to its question' : 'left in $HUDDLE_INBOX: stdin is closed';
    this.output.mark(`${senderLabel(from)} said: ${text.trim()} (${where})`);
    if (answering) {
      const note = written ? 'on its stdin, as the answer to its question' : 'in its inbox file only: its stdin is closed, so it cannot be answered (run with --stdin open)';
      this.report({ type: 'task_update', taskId: this.task.id, action: 'note', note: `Passed ${from.name}'s answer to the command ${note}.` });
    }
  }

  private async run(): Promise<RunEnd> {
    const { settings } = this;
    const id = this.task.id;
    if (this.task.status === 'assigned') await this.client.send({ type: 'task_update', taskId: id, action: 'accept' });
    await this.client.send({ type: 'task_update', taskId: id, action: 'start', note: `Running \`${trimTo(settings.command, 200)}\`.` });

    let branch: string | null = null;
    try {
      if (settings.worktree) ({ path: this.cwd, branch } = await prepareWorktree(settings.workdir, id, this.task.title));
    } catch (err) {
      await this.client.send({ type: 'task_update', taskId: id, action: 'fail', note: `Could not prepare its worktree: ${toHuddleError(err).message}` });
      return 'failed';
    }
    if (this.pendingStop) return this.stoppedBeforeStart(branch);

    const context = await this.client.request({ type: 'tasks', sprintId: this.task.sprintId });
    this.runDir = mkdtempSync(join(tmpdir(), 'huddle-run-'));
    this.inboxFile = join(this.runDir, `${id}.txt`);
    writeFileSync(this.inboxFile, '');
    const agent = { name: this.client.options.name, role: this.client.options.role };
    const hub = { url: this.client.options.url, token: this.client.options.token, bin: settings.huddleBin, data: settings.dataDir };
    const cwd = this.cwd;
    const input = { stdinOpen: settings.keepStdinOpen, answerFrom: settings.answerFrom ?? [] };
    const ctx = { task: this.task, sprint: context.sprint, sprintTasks: context.tasks, agent, workdir: cwd, branch, inboxFile: this.inboxFile, input };
    const prompt = taskPrompt(ctx);
    const env = taskEnv(ctx, prompt, { ...hub, mcp: this.writeMcpSetup({ ...agent, ...hub }) });

    const startedAt = settings.clock.now();
    this.output.mark(`${id} started in ${cwd}${branch ? ` on ${branch}` : ''}: ${settings.command}`);
    this.child = new ChildCommand(
      { command: settings.command, cwd, env: { ...process.env, ...env }, input: prompt, keepStdinOpen: settings.keepStdinOpen, killGraceMs: settings.killGraceMs },
      (stream, text) => this.onOutput(stream, text),
    );
    settings.log(`${id}: started (pid ${this.child.pid ?? '?'})`);
    const ticker = setInterval(() => this.tick(), settings.tickMs);
    const deadline = settings.timeoutMs === null ? undefined : setTimeout(() => this.child?.stop('timeout', settings.killGraceMs), settings.timeoutMs);
    if (this.pendingStop) this.child.stop(this.pendingStop, settings.killGraceMs);
    let exit: CommandExit;
    try {
      exit = await this.child.exited;
    } finally {
      clearInterval(ticker);
      clearTimeout(deadline);
    }
    const took = describeMs(settings.clock.now() - startedAt);
    this.output.mark(`${id} ended after ${took}: ${exit.stoppedFor ? `stopped (${exit.stoppedFor})` : `exit ${exit.code ?? exit.signal}`}`);
    this.flushLog();
    await this.sending;
    return this.reportEnd(exit, took, branch);
  }

  private async reportEnd(exit: CommandExit, took: string, branch: string | null): Promise<RunEnd> {
    const id = this.task.id;
    const onBranch = branch ? ` Its work is on branch ${branch}.` : '';
    if (exit.stoppedFor === 'timeout') {
      await this.client.send({ type: 'task_update', taskId: id, action: 'fail', note: `Timed out after ${took}; the command was stopped.${onBranch}\n${this.tail(true)}` });
      return 'failed';
    }
    if (exit.stoppedFor) {
      this.settings.log(`${id}: stopped (${exit.stoppedFor})`);
      if (exit.stoppedFor === AGENT_STOPPING) {
        await this.client.send({ type: 'task_update', taskId: id, action: 'fail', note: `The agent was stopped while running it; nothing finished it.${onBranch}` });
        return 'failed';
      }
      return 'stopped';
    }
    const settled = await this.settledByCommand(exit, took, onBranch, branch);
    if (settled) return settled;
    if (exit.code === 0) {
      const committed = branch ? await this.commitLeftovers() : '';
      await this.client.send({ type: 'task_update', taskId: id, action: 'done', note: `Finished in ${took}.${onBranch}${committed}\n${this.tail(false)}` });
      return 'done';
    }
    const how = exit.code === null ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
    await this.client.send({ type: 'task_update', taskId: id, action: 'fail', note: `The command ${how} after ${took}.${onBranch}\n${this.tail(true)}` });
    return 'failed';
  }

  /** The Huddle MCP server for a coding CLI the command starts, as this agent (see mcp-config.ts); none without huddle's bin. */
  private writeMcpSetup(launch: { name: string; role: string; url: string; token: string; bin: string | null; data?: string | undefined }) {
    if (!launch.bin) return undefined;
    const full = { ...launch, bin: launch.bin, node: process.execPath };
    const configFile = join(this.runDir, 'mcp.json');
    writeFileSync(configFile, mcpServersJson(full), { mode: 0o600 });
    return { configFile, toml: mcpServerToml(full) };
  }

  /**
   * A command may finish its task itself (a coding CLI through huddle_task_update, a script through
   * `huddle task done`): the hub commits that before the command hears back, so the task's state read
   * after it exited says so. Then the end is only noted, with the summary, rather than refused.
   */
  private async settledByCommand(exit: CommandExit, took: string, onBranch: string, branch: string | null): Promise<RunEnd | null> {
    const id = this.task.id;
    const { tasks } = await this.client.request({ type: 'tasks', sprintId: this.task.sprintId });
    const status = tasks.find((t) => t.id === id)?.status;
    if (!status || isActive(status)) return null;
    const committed = branch ? await this.commitLeftovers() : '';
    const how = exit.code === 0 ? 'exited 0' : exit.code === null ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
    await this.client.send({ type: 'task_update', taskId: id, action: 'note', note: `The command marked it ${status} itself, then ${how} after ${took}.${onBranch}${committed}\n${this.tail(exit.code !== 0)}` });
    return status === 'done' ? 'done' : 'failed';
  }

  /** With --worktree: commits what the command left uncommitted; says so, or why it could not. */
  private async commitLeftovers(): Promise<string> {
    try {
      const hash = await commitLeftovers(this.cwd, `${this.task.id}: ${this.task.title}`, this.client.options.name);
      return hash ? ` It left changes uncommitted; they are committed there as ${hash}.` : '';
    } catch (err) {
      return ` It left uncommitted changes in ${this.cwd} (${toHuddleError(err).message}).`;
    }
  }

  /** Stopped while preparing: the task is someone else's or cancelled, or the agent is stopping. */
  private async stoppedBeforeStart(branch: string | null): Promise<RunEnd> {
    return this.reportEnd({ code: null, signal: null, stoppedFor: this.pendingStop }, '0ms', branch);
  }

  private tail(errors: boolean): string {
    const lines = errors && this.output.lastErrorLines(1).length ? this.output.lastErrorLines(8) : this.output.lastLines(8);
    return trimTo(lines.join('\n'), 3000);
  }

  private onOutput(stream: 'stdout' | 'stderr', raw: string): void {
    // the stall detector reads what the room reads: a question wrapped in colour codes is still a question
    const text = this.output.push(stream, raw);
    this.stall.observe(text);
    if (this.blockedByMe && text.trim()) {
      this.blockedByMe = false;
      this.report({ type: 'task_update', taskId: this.task.id, action: 'unblock', note: 'The command is printing again.' });
    }
  }

  private tick(): void {
    this.flushLog();
    // finished by the command itself (through MCP, or `huddle task done`): only its log goes on
    if (!isActive(this.task.status)) return;
    const stall = this.stall.check();
    if (stall) {
      this.lastStall = stall;
      this.blockedByMe = true;
      const lines = stall.lastLines.length ? `\nLast lines:\n${trimTo(stall.lastLines.join('\n'), 2500)}` : '\nIt has printed nothing yet.';
      const next = stall.kind === 'question' ? ` ${capitalised(answerers({ answerFrom: this.settings.answerFrom ?? [] }))} can answer it with a message to me; I write it to its stdin.` : '';
      this.report({ type: 'task_update', taskId: this.task.id, action: 'block', note: `The command needs help. ${stall.reason}${next}${lines}` });
      return;
    }
    const note = this.blockedByMe ? null : this.output.takeNote();
    if (note) this.report({ type: 'task_update', taskId: this.task.id, action: 'progress', note });
  }

  private flushLog(): void {
    while (this.output.hasLog) this.report({ type: 'artifact_put', taskId: this.task.id, kind: 'log', content: this.output.takeLog() });
  }

  /**
   * Sends in order, after what was sent before; a refusal (the task moved on) is logged, not thrown,
   * unless the command finished the task itself meanwhile: a note sent just before that is moot.
   */
  private report(frame: CommandInput): void {
    this.sending = this.sending.then(() =>
      this.client.send(frame).catch((err) => {
        const e = toHuddleError(err);
        if (isMootRefusal(e.code, this.task.status)) return;
        this.settings.log(`${this.task.id}: ${frame.type} ${'action' in frame ? frame.action : ''} refused: ${e.message}`);
      }),
    );
  }
}

/**
 * Whether a refused report only says the command finished the task first: its state moved on, or
 * finishing the sprint's last task closed the sprint.
 */
export const isMootRefusal = (code: string, status: Task['status']): boolean =>
  (code === 'INVALID_TRANSITION' || code === 'SPRINT_CLOSED') && !isActive(status);

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
