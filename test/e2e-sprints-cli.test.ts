/**
 * `huddle sprints` as a real process on a real hub with more sprints than the hub's burst of frames:
 * every sprint listed, and a reader that closes early (`| head -1`) ends it quietly with status 0.
 * Needs `npm run build`.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, cleanEnv, HUDDLE_BIN } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
/** the hub lists the latest hundred; each with a long goal, so `--json` is more than a pipe holds (64 KiB) */
const SPRINTS = 110;

/** `huddle ARGS | READER` through bash with pipefail, so the status is huddle's own; as the local user of the data folder (the product owner). */
function piped(args: string[], reader: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const line = `set -o pipefail; ${[process.execPath, HUDDLE_BIN, ...args].map(quote).join(' ')} < /dev/null | ${reader}`;
  return new Promise((resolve) => {
    execFile('bash', ['-c', line], { cwd: tmpdir(), env: cleanEnv({ HUDDLE_URL: hub.url, HUDDLE_DATA: hub.dataDir }), timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  assertBuilt();
  // the lead's own connection may go fast here; the command under test keeps the hub's usual limits
  hub = await startTestHub();
  const day = 86_400_000;
  const start = Date.UTC(2026, 0, 5);
  // two frames a sprint: a fresh connection for every forty sprints stays within the hub's burst
  for (let from = 0; from < SPRINTS; from += 40) {
    const lead = await hub.client('Lead', 'orchestrator');
    for (let i = from; i < Math.min(SPRINTS, from + 40); i++) {
      const startsAt = start + i * 14 * day;
      const { result } = await lead.send({ type: 'sprint_create', sprint: { name: `Sprint ${i + 1}`, goal: 'a goal worth reading '.repeat(90), startsAt, endsAt: startsAt + 14 * day }, tasks: [{ title: 'Do it', role: 'qa', estimateHours: 2 }] });
      if (i < SPRINTS - 1) await lead.send({ type: 'sprint_close', sprintId: result!.sprintId as string });
    }
    lead.close();
  }
}, 60_000);
afterAll(async () => hub?.close());

describe('huddle sprints', () => {
  it('lists the latest hundred sprints, each asked for in turn (all at once they would pass the hub burst)', async () => {
    const run = await piped(['sprints'], 'cat');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(100);
  });

  it.each([
    [['sprints', '--json'], 'head -1'],
    [['sprints'], 'head -1'],
    [['sprints', '--json'], 'head -c 0'],
  ] as const)('huddle %s | %s ends quietly with status 0', async (args, reader) => {
    const run = await piped([...args], reader);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    if (reader === 'head -1') expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
