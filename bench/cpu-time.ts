/**
 * CPU time a process has used (user + system), read from /proc on Linux: what a relay spends per
 * delivery, whatever the wall clock says while the benchmark's own clients are the bottleneck.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** Milliseconds of CPU the process has used so far; NaN where /proc cannot tell (not Linux). */
export function cpuMsOf(pid: number): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    // fields after the command name, which is in parentheses and may hold spaces
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return ((utime + stime) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}
