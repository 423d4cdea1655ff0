/** Runs the real built `huddle` binary in separate processes (build first: npm test does). */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const HUDDLE_BIN = fileURLToPath(new URL('../../bin/huddle.js', import.meta.url));

/** Fails fast with what to do when dist/ was not built (use in beforeAll). */
export function assertBuilt(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
}

/** This process's environment without HUDDLE_* variables (a developer's own HUDDLE_URL must not leak into a test), and without colour. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HUDDLE_'))), NO_COLOR: '1', ...extra };
}

export interface Spawned {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** everything printed to stdout so far, as printed */
  out(): string;
  /** everything printed to stderr so far, as printed */
  err(): string;
  /** the stdout lines that parse as JSON (an agent started with --json prints one event per line) */
  jsonLines(): Record<string, any>[];
  /** resolves with the first stdout line matching, already printed or yet to come */
  line(pattern: RegExp): Promise<string>;
  write(line: string): void;
  /** closes stdin: end of input */
  endInput(): void;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export function spawnHuddle(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Spawned {
  const proc = spawn(process.execPath, [HUDDLE_BIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const text = { out: '', err: '' };
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const collect = (stream: 'out' | 'err', into: string[], check: boolean) => {
    let partial = '';
    return (chunk: Buffer) => {
      text[stream] += chunk.toString('utf8');
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
  proc.stdout!.on('data', collect('out', stdout, true));
  proc.stderr!.on('data', collect('err', stderr, false));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    stdout,
    stderr,
    exited,
    out: () => text.out,
    err: () => text.err,
    jsonLines: () =>
      text.out.split('\n').flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, any>];
        } catch {
          return [];
        }
      }),
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
    endInput() {
      proc.stdin!.end();
    },
    kill(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}

/** spawnHuddle from a neutral folder (no .huddle/ above it to find by accident), killed at cleanup. */
export function spawnHuddleUntilCleanup(args: string[], onCleanup: (fn: () => unknown) => void, options: { env?: NodeJS.ProcessEnv } = {}): Spawned {
  const spawned = spawnHuddle(args, { ...options, cwd: tmpdir() });
  onCleanup(() => spawned.kill());
  return spawned;
}

export function runHuddle(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [HUDDLE_BIN, ...args],
      { cwd: options.cwd, env: cleanEnv(options.env), timeout: 20_000 },
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
