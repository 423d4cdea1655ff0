/** Spawning a process and waiting for the stdout line that says it is ready. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

export interface Started {
  child: ChildProcess;
  /** the matching line */
  line: string;
  /** milliseconds from spawn to that line */
  ms: number;
  /** everything printed on stdout up to then */
  output: string;
}

export function spawnUntil(command: string, args: string[], ready: RegExp, options: SpawnOptions = {}, timeoutMs = 30_000): Promise<Started> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`no line matching ${ready} within ${timeoutMs} ms`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')}: ${e.message}\nstdout: ${out.slice(-500)}\nstderr: ${err.slice(-500)}`));
    };
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({ child, line, ms: performance.now() - started, output: out });
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`exited early (${code ?? signal})`)));
  });
}

/** Kills a child and waits for it to be gone. */
export async function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  const gone = once(child, 'exit');
  child.kill(signal);
  await gone;
}
