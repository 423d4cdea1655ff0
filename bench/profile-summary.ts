/**
 * Where a CPU profile's time goes: `node dist/bench/profile-summary.js FILE.cpuprofile... [--top N]`.
 * Reads profiles written by `node --cpu-prof` (HUDDLE_BENCH_PROFILE=DIR writes the hub's: one per
 * thread, the main thread's first, then the checkpoint worker's) and
 * prints the busy time by self time per function, and by the code it belongs to (SQLite, ws, sockets,
 * zod, the hub, GC), with the idle time left out.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the system a function belongs to, from its file (or the native name). */
function areaOf(name: string, url: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)') return 'V8 / native, unattributed';
  if (name.startsWith('RegExp:')) return 'regular expressions';
  if (url.includes('better-sqlite3') || /^(run|get|all|exec|prepare|pluck)$/.test(name) && !url) return 'SQLite';
  if (url.includes('/ws/lib/')) return 'ws (framing, receiver)';
  if (url.includes('/zod/')) return 'zod';
  if (/node:(net|stream|internal\/streams|internal\/stream_base_commons)/.test(url) || name === 'writev' || name === 'writeBuffer' || name === 'writeUtf8String') return 'socket writes (node streams, writev)';
  if (url.includes('/collaboration-server/store/')) return 'hub store code';
  if (url.includes('/collaboration-server/')) return 'hub code';
  if (url.includes('nanoid')) return 'nanoid';
  if (!url) return `native: ${name}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return url.split('/node_modules/')[1]?.split('/')[0] ?? url.split('/').slice(-2).join('/');
}

export function summarize(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const perFunction = new Map<string, number>();
  const perArea = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    const name = functionName || '(anonymous)';
    const key = `${name}  ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    perFunction.set(key, (perFunction.get(key) ?? 0) + us);
    const area = areaOf(name, url);
    perArea.set(area, (perArea.get(area) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const lines = [`busy ${(busy / 1e6).toFixed(2)} s`, '', 'by area:'];
  let other = 0;
  for (const [area, us] of [...perArea].sort((a, b) => b[1] - a[1])) {
    if (us / busy >= 0.005) lines.push(`${pct(us)}  ${area}`);
    else other += us;
  }
  if (other) lines.push(`${pct(other)}  (areas under 0.5 % each)`);
  lines.push('', `top ${top} functions by self time:`);
  for (const [key, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${pct(us)}  ${key}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--top');
  const top = at >= 0 ? Number(args.splice(at, 2)[1]) : 30;
  if (args.length === 0) {
    process.stderr.write('usage: profile-summary.js FILE.cpuprofile... [--top N]\n');
    process.exit(2);
  }
  for (const file of args) process.stdout.write(`${file}\n${summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, top)}\n\n`);
}
