/**
 * The machine the benchmark runs on: which cores the relays and the clients are pinned to, the load
 * average and the CPU steal (time the hypervisor gave to someone else), so a reader of the results
 * can tell a quiet run from a shared one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { round } from './stats.js';

export interface Pinning {
  /** the command prefix that runs a relay on its own core, e.g. ['taskset', '-c', '0']; empty when not pinned */
  relayPrefix: string[];
  relayCore: number | null;
  clientCore: number | null;
  /** why not pinned, when not */
  note?: string;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Pins this process (the benchmark's clients) to the last core and returns how to start a relay on
 * the first, so the two never compete for one core. Needs taskset and two cores; else nothing is pinned.
 */
export function pinClients(): Pinning {
  const cores = cpus().length;
  if (cores < 2) return { relayPrefix: [], relayCore: null, clientCore: null, note: 'one core: nothing to pin apart' };
  if (process.platform !== 'linux' || !hasTaskset()) return { relayPrefix: [], relayCore: null, clientCore: null, note: 'no taskset here' };
  const clientCore = cores - 1;
  // -a: every thread of this process (libuv's pool, V8's helpers), not only the main one
  execFileSync('taskset', ['-a', '-cp', String(clientCore), String(process.pid)], { stdio: 'ignore' });
  return { relayPrefix: ['taskset', '-c', '0'], relayCore: 0, clientCore };
}

interface CpuTicks {
  total: number;
  steal: number;
}

function cpuTicks(): CpuTicks | undefined {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // guest time is already counted in user time
    const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
    return { total, steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

export interface LoadSample {
  /** the 1-minute load average when the sample ended */
  loadAverage1: number;
  /** share of all CPU time stolen by the hypervisor over the sample, in percent; null where /proc cannot tell */
  stealPercent: number | null;
}

/** Starts a sample of the machine's load; the function it returns ends it. */
export function sampleLoad(): () => LoadSample {
  const before = cpuTicks();
  return () => {
    const after = cpuTicks();
    const stealPercent = before && after && after.total > before.total ? round((100 * (after.steal - before.steal)) / (after.total - before.total), 1) : null;
    return { loadAverage1: round(loadavg()[0]!, 2), stealPercent };
  };
}

export function machineInfo() {
  return { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: round(totalmem() / 2 ** 30, 1), node: process.version, platform: process.platform, loadAverage: loadavg().map((x) => round(x, 2)) };
}
