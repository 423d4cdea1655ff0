/**
 * The whole story of issue 5 with separate processes: `huddle up` (hub and lead), a product owner and
 * three agents in plain JSON mode, and the one-shot `huddle status`, `huddle report`, `huddle answer`.
 * plan and approve a sprint → an agent has trouble with token validation and gets guidance → it stays
 * blocked and the task is reassigned → a scaling question is escalated, the product owner picks an
 * option and the decision is applied → every task is done and the completion report names velocity and
 * blockers. Needs `npm run build`.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const BIN = join(import.meta.dirname, '..', 'bin', 'huddle.js');
const children: ChildProcessWithoutNullStreams[] = [];
let dataDir: string | undefined;

afterEach(async () => {
  for (const c of children.splice(0).reverse()) {
    if (c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGTERM');
    await gone;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

beforeAll(() => {
  if (!existsSync(join(import.meta.dirname, '..', 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
});

const env = () => ({ ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HUDDLE_'))), NO_COLOR: '1' });

function huddle(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: tmpdir(), env: env() });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const lines = () =>
    out.split('\n').flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, any>];
      } catch {
        return [];
      }
    });
  return { child, name: '', out: () => out, err: () => err, lines, type: (line: string) => child.stdin.write(line + '\n') };
}
type Terminal = ReturnType<typeof huddle>;

/** A one-shot command, run to its end. */
async function once(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const p = huddle([...args, '--data', dataDir!]);
  const code = await new Promise<number | null>((resolve) => p.child.once('exit', resolve));
  return { code, out: p.out(), err: p.err() };
}

function terminal(name: string, role: string): Terminal {
  const t = huddle(['agent', '--json', '--role', role, '--name', name, '--data', dataDir!]);
  t.name = name;
  return t;
}

const fromLead = (t: Terminal, kind: string) => t.lines().filter((e) => e.type === 'message' && e.from?.role === 'orchestrator' && e.card?.kind === kind);
/** The latest state of each task, as a terminal saw it. */
const tasksSeen = (t: Terminal) => {
  const tasks = new Map<string, Record<string, any>>();
  for (const e of t.lines()) {
    if (e.type === 'sprint') for (const task of e.tasks) tasks.set(task.id, task);
    if (e.type === 'task') tasks.set(e.task.id, e.task);
  }
  return [...tasks.values()];
};
const mine = (t: Terminal, status: string) => tasksSeen(t).filter((x) => x.assignee === t.name && x.status === status);
const wait = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });

describe('the technical lead keeps a sprint moving (built binary, separate processes)', () => {
  it('plays the story of issue 5 from planning to the completion report', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'huddle-e2e-story-'));
    const up = huddle(['up', '--port', '0', '--data', dataDir, '--tick', '500ms', '--stale-after', '30m', '--blocker-persist', '1h']);
    await wait(() => expect(up.out()).toMatch(/huddle hub listening on ws:\/\/127\.0\.0\.1:\d+/));

    const cto = terminal('CTO', 'cto');
    const backend = terminal('Backend Developer', 'backend-dev');
    const qa = terminal('QA Engineer', 'qa');
    const po = terminal('Product Owner', 'human');
    for (const t of [cto, backend, qa, po]) await wait(() => expect(t.lines().some((e) => e.type === 'joined')).toBe(true));

    // Plan and approve a sprint.
    po.type('plan sprint');
    await wait(() => expect(fromLead(po, 'capacity')).toHaveLength(1));
    po.type('We need to implement user authentication for our API, and improve our testing coverage');
    await wait(() => expect(fromLead(po, 'breakdown')).toHaveLength(1));
    po.type('approve');
    await wait(() => expect(mine(cto, 'assigned').map((x) => x.title)).toContain('Design user authentication for our API'));
    await wait(() => expect(mine(qa, 'assigned').map((x) => x.title)).toContain('Plan testing coverage'));

    // The design is done, so the implementation reaches the backend developer.
    const design = mine(cto, 'assigned').find((x) => x.title.startsWith('Design user authentication'))!;
    cto.type(`/start ${design.id}`);
    cto.type(`/done ${design.id} token model written down`);
    await wait(() => expect(mine(backend, 'assigned').map((x) => x.title)).toContain('Implement user authentication for our API'));
    const impl = mine(backend, 'assigned').find((x) => x.title.startsWith('Implement user authentication'))!;
    backend.type(`/start ${impl.id}`);
    await wait(() => expect(mine(backend, 'in_progress').map((x) => x.id)).toContain(impl.id));

    // Trouble with token validation, said in plain chat: recorded as a blocker and answered with guidance.
    backend.type("I'm having trouble with token validation");
    await wait(() => expect(fromLead(backend, 'guidance')).toHaveLength(1));
    expect(fromLead(backend, 'guidance')[0]!.card).toMatchObject({ taskId: impl.id, topic: 'JWT and token validation', offerSplit: true });
    expect(tasksSeen(backend).find((x) => x.id === impl.id)).toMatchObject({ status: 'blocked' });

    // Still blocked: the task is reassigned, and the rationale reaches both agents and the product owner.
    backend.type('Still stuck: the signature check rejects every token');
    await wait(() => expect(fromLead(po, 'reassignment')).toHaveLength(1));
    const reassignment = fromLead(po, 'reassignment')[0]!.card;
    expect(reassignment).toMatchObject({ taskId: impl.id, from: 'Backend Developer', rationale: expect.stringMatching(/still blocked after guidance/) });
    for (const t of [backend, cto, qa]) await wait(() => expect(fromLead(t, 'reassignment')).toHaveLength(1));
    const newOwner = [cto, qa].find((t) => t.name === reassignment.to)!;
    expect(newOwner).toBeDefined();

    // A scaling question is a product decision: escalated to the product owner with options.
    const plan = mine(qa, 'assigned').find((x) => x.title === 'Plan testing coverage')!;
    qa.type(`/start ${plan.id}`);
    qa.type(`/blocked ${plan.id} Should we scale to multiple regions or buy a bigger database for the load tests?`);
    await wait(() => expect(fromLead(po, 'escalation')).toHaveLength(1));
    const escalation = fromLead(po, 'escalation')[0]!.card;
    expect(escalation).toMatchObject({ escalationId: 'E-1', taskId: plan.id, blocker: expect.stringMatching(/multiple regions/) });
    expect(escalation.options.length).toBeGreaterThanOrEqual(2);

    const listed = await once(['escalations', '--json']);
    expect(JSON.parse(listed.out.trim().split('\n')[0]!)).toMatchObject({ id: 'E-1', status: 'open' });
    const refused = await once(['answer', 'E-1', 'A', '--name', 'QA shell', '--role', 'qa']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/product owner/i);

    // The product owner picks option A from the shell; the lead announces and applies it.
    const answered = await once(['answer', 'E-1', 'A', 'one region is enough for launch', '--name', 'Product Owner shell', '--role', 'human']);
    expect(answered.code).toBe(0);
    await wait(() => expect(po.lines().some((e) => e.type === 'message' && e.from?.role === 'orchestrator' && /decided on E-1/.test(e.text))).toBe(true));
    await wait(() => expect(tasksSeen(qa).find((x) => x.id === plan.id)).toMatchObject({ status: 'in_progress', notes: expect.arrayContaining([expect.stringMatching(/Decision E-1/)]) }));

    // Everyone finishes whatever reaches them, until the sprint is done.
    const team = [cto, backend, qa];
    const handled = new Set<string>();
    await vi.waitFor(
      () => {
        for (const t of team) {
          for (const task of [...mine(t, 'assigned'), ...mine(t, 'in_progress')]) {
            const key = `${t.name}:${task.id}`;
            if (handled.has(key)) continue;
            handled.add(key);
            if (task.status === 'assigned') t.type(`/start ${task.id}`);
            t.type(`/done ${task.id}`);
          }
        }
        expect(fromLead(po, 'sprint_report')).toHaveLength(1);
      },
      { timeout: 30_000, interval: 200 },
    );
    const report = fromLead(po, 'sprint_report')[0]!;
    expect(report.card).toMatchObject({ completionRate: 1, blockers: { count: 2 } });
    expect(report.card.tasksDone).toBe(report.card.tasksTotal);
    expect(report.text).toMatch(/Velocity [\d.]+ points\/day/);
    expect(report.text).toMatch(/Blockers: 2/);

    // The same numbers from the shell.
    const status = await once(['status', '--json']);
    expect(JSON.parse(status.out)).toMatchObject({ completionRate: 1, blockers: { count: 2, open: 0 }, openEscalations: 0 });
    const out = join(dataDir, 'report.md');
    const written = await once(['report', '--format', 'md', '--out', out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/# Sprint report:[\s\S]*Velocity:[\s\S]*Blockers: 2/);
    const json = await once(['report', '--format', 'json']);
    expect(JSON.parse(json.out)).toMatchObject({ completionRate: 1, blockers: { count: 2 } });
    const wrong = await once(['report', '--format', 'xml']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--format takes md or json, not "xml"/);
  }, 120_000);
});
