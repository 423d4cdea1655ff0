/** Runs the real built `huddle` binary in separate processes (build first: npm test does). */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const HUDDLE_BIN = fileURLToPath(new URL('../../bin/huddle.js', import.meta.url));

export interface Spawned {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** resolves with the first stdout line matching, already printed or yet to come */
  line(pattern: RegExp): Promise<string>;
  write(line: string): void;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnHuddle(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Spawned {
  const proc = spawn(process.execPath, [HUDDLE_BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const collect = (into: string[], check: boolean) => {
    let partial = '';
    return (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        into.push(line);
        if (!check) continue;
        for (const w of [...waiters]) {
          if (w.pattern.test(line)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(line);
          }
        }
      }
    };
  };
  proc.stdout!.on('data', collect(stdout, true));
  proc.stderr!.on('data', collect(stderr, false));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    stdout,
    stderr,
    exited,
    line(pattern) {
      const seen = stdout.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`huddle ${args.join(' ')} exited (${code}) before printing ${pattern}\nstdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`)));
      });
    },
    write(line) {
      proc.stdin!.write(line + '\n');
    },
    kill(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

export function runHuddle(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [HUDDLE_BIN, ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: 20_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}

/** Starts `huddle server` (or `up`) on a free port and waits for its ready line. */
export async function startHubProcess(dataDir: string, command: 'server' | 'up' = 'server', extra: string[] = []): Promise<Spawned & { url: string }> {
  const hub = spawnHuddle([command, '--port', '0', '--data', dataDir, ...extra]);
  const ready = await hub.line(/^huddle hub listening on ws:\/\//);
  return Object.assign(hub, { url: ready.replace('huddle hub listening on ', '').trim() });
}
