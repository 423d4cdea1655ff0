/**
 * One shell command run for a task: its output as events, input written to its stdin while it is
 * open, and a stop that sends SIGTERM to its whole process group, then SIGKILL after a grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Stream } from './run-output.js';

export interface CommandSpec {
  command: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** written to stdin when the command starts */
  input: string;
  /** keep stdin open after `input`, so later guidance and answers can be written to it */
  keepStdinOpen: boolean;
  killGraceMs: number;
}

export interface CommandExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** why the runner stopped it, when it did */
  stoppedFor: string | null;
}

export class ChildCommand {
  readonly exited: Promise<CommandExit>;
  private readonly child: ChildProcess;
  private stoppedFor: string | null = null;
  private killTimer: NodeJS.Timeout | undefined;
  private done = false;

  constructor(
    spec: CommandSpec,
    onOutput: (stream: Stream, text: string) => void,
  ) {
    // A process group of its own (detached) so a stop reaches what the shell started, not only the shell.
    this.child = spawn(spec.command, { shell: true, cwd: spec.cwd, env: spec.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.setEncoding('utf8').on('data', (text: string) => onOutput('stdout', text));
    this.child.stderr!.setEncoding('utf8').on('data', (text: string) => onOutput('stderr', text));
    // A child that exits without reading its stdin makes writes fail with EPIPE: that is not our failure.
    this.child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.once('error', (err) => {
        onOutput('stderr', `could not start the command: ${err.message}\n`);
        this.finish(resolve, { code: 127, signal: null });
      });
      this.child.once('close', (code, signal) => this.finish(resolve, { code, signal }));
    });
    if (spec.input) this.child.stdin!.write(spec.input);
    if (!spec.keepStdinOpen) this.child.stdin!.end();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get stdinOpen(): boolean {
    return !this.done && this.child.stdin!.writable;
  }

  /** Writes to stdin; false when stdin is closed and the text could not be given. */
  write(text: string): boolean {
    if (!this.stdinOpen) return false;
    this.child.stdin!.write(text);
    return true;
  }

  /** SIGTERM to the process group, SIGKILL after the grace period if it is still there. */
  stop(reason: string, graceMs: number): void {
    if (this.done || this.stoppedFor) return;
    this.stoppedFor = reason;
    this.signal('SIGTERM');
    this.killTimer = setTimeout(() => this.signal('SIGKILL'), graceMs);
  }

  private signal(sig: NodeJS.Signals): void {
    if (this.done || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, sig);
    } catch {
      this.child.kill(sig);
    }
  }

  private finish(resolve: (exit: CommandExit) => void, exit: Omit<CommandExit, 'stoppedFor'>): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.killTimer);
    resolve({ ...exit, stoppedFor: this.stoppedFor });
  }
}
