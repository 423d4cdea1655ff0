/**
 * The whole story of issue 5 with separate processes: `huddle up` (hub and lead), a product owner and
 * three agents in plain JSON mode, and the one-shot `huddle status`, `huddle report`, `huddle answer`.
 * plan and approve a sprint → an agent has trouble with token validation and gets guidance → it stays
 * blocked and the task is reassigned → a scaling question is escalated, the product owner picks an
 * option and the decision is applied → the seed's infrastructure sentence, said in chat, reaches the
 * product owner with the options the situation offers (issue 12) → every task is done and the
 * completion report names velocity and blockers. Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddleUntilCleanup } from './helpers/cli.js';
import { fromLead, joinStoryTeam, mine, tasksSeen, type Terminal } from './helpers/story-terminal.js';

const cleanup = cleanupAfterEach();
let dataDir: string | undefined;

beforeAll(assertBuilt);


/** A one-shot command, run to its end. */
const once = (args: string[]) => runHuddle([...args, '--data', dataDir!], { cwd: tmpdir() });

const terminal = (name: string, role: string): Terminal =>
  Object.assign(spawnHuddleUntilCleanup(['agent', '--json', '--role', role, '--name', name, '--data', dataDir!], cleanup), { name });

const wait = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 50 });

describe('the technical lead keeps a sprint moving (built binary, separate processes)', () => {
  it('plays the story of issue 5 from planning to the completion report', async () => {
    dataDir = tempDir('huddle-e2e-story-', cleanup);
    const up = spawnHuddleUntilCleanup(['up', '--port', '0', '--data', dataDir, '--tick', '500ms', '--stale-after', '30m', '--blocker-persist', '1h'], cleanup);
    await wait(() => expect(up.out()).toMatch(/huddle hub listening on ws:\/\/127\.0\.0\.1:\d+/));

    const { cto, backend, qa, po } = await joinStoryTeam(terminal);

    // Plan and approve a sprint.
    po.write('plan sprint');
    await wait(() => expect(fromLead(po, 'capacity')).toHaveLength(1));
    po.write('We need to implement user authentication for our API, add real-time notifications, and improve our testing coverage');
    await wait(() => expect(fromLead(po, 'breakdown')).toHaveLength(1));
    po.write('approve');
    await wait(() => expect(mine(cto, 'assigned').map((x) => x.title)).toContain('Design user authentication for our API'));
    await wait(() => expect(mine(qa, 'assigned').map((x) => x.title)).toContain('Plan testing coverage'));

    // The design is done, so the implementation reaches the backend developer.
    const design = mine(cto, 'assigned').find((x) => x.title.startsWith('Design user authentication'))!;
    cto.write(`/start ${design.id}`);
    cto.write(`/done ${design.id} token model written down`);
    await wait(() => expect(mine(backend, 'assigned').map((x) => x.title)).toContain('Implement user authentication for our API'));
    const impl = mine(backend, 'assigned').find((x) => x.title.startsWith('Implement user authentication'))!;
    backend.write(`/start ${impl.id}`);
    await wait(() => expect(mine(backend, 'in_progress').map((x) => x.id)).toContain(impl.id));

    // Trouble with token validation, said in plain chat: recorded as a blocker and answered with guidance.
    backend.write("I'm having trouble with token validation");
    await wait(() => expect(fromLead(backend, 'guidance')).toHaveLength(1));
    expect(fromLead(backend, 'guidance')[0]!.card).toMatchObject({ taskId: impl.id, topic: 'JWT and token validation', offerSplit: true });
    expect(tasksSeen(backend).find((x) => x.id === impl.id)).toMatchObject({ status: 'blocked' });

    // Still blocked: the task is reassigned, and the rationale reaches both agents and the product owner.
    backend.write('Still stuck: the signature check rejects every token');
    await wait(() => expect(fromLead(po, 'reassignment')).toHaveLength(1));
    const reassignment = fromLead(po, 'reassignment')[0]!.card;
    expect(reassignment).toMatchObject({ taskId: impl.id, from: 'Backend Developer', rationale: expect.stringMatching(/still blocked after guidance/) });
    for (const t of [backend, cto, qa]) await wait(() => expect(fromLead(t, 'reassignment')).toHaveLength(1));
    const newOwner = [cto, qa].find((t) => t.name === reassignment.to)!;
    expect(newOwner).toBeDefined();

    // A scaling question is a product decision: escalated to the product owner with options.
    const plan = mine(qa, 'assigned').find((x) => x.title === 'Plan testing coverage')!;
    qa.write(`/start ${plan.id}`);
    qa.write(`/blocked ${plan.id} Should we scale to multiple regions or buy a bigger database for the load tests?`);
    await wait(() => expect(fromLead(po, 'escalation')).toHaveLength(1));
    const escalation = fromLead(po, 'escalation')[0]!.card;
    expect(escalation).toMatchObject({ escalationId: 'E-1', taskId: plan.id, blocker: expect.stringMatching(/multiple regions/) });
    expect(escalation.options.length).toBeGreaterThanOrEqual(2);

    const listed = await once(['escalations', '--json']);
    expect(JSON.parse(listed.stdout.trim().split('\n')[0]!)).toMatchObject({ id: 'E-1', status: 'open' });
    const refused = await once(['answer', 'E-1', 'A', '--name', 'QA shell', '--role', 'qa']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/product owner/i);

    // The product owner picks option A from the shell; the lead announces and applies it.
    const answered = await once(['answer', 'E-1', 'A', 'one region is enough for launch', '--name', 'Product Owner shell', '--role', 'human']);
    expect(answered.code).toBe(0);
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'message' && e.from?.role === 'orchestrator' && /decided on E-1/.test(e.text))).toBe(true));
    await wait(() => expect(tasksSeen(qa).find((x) => x.id === plan.id)).toMatchObject({ status: 'in_progress', notes: expect.arrayContaining([expect.stringMatching(/Decision E-1/)]) }));

    // The seed's infrastructure sentence, said in plain chat while building the notifications: a product
    // decision, escalated with the choices the situation offers, each with its cost.
    const rtDesign = mine(cto, 'assigned').find((x) => x.title === 'Design real-time notifications')!;
    cto.write(`/start ${rtDesign.id}`);
    cto.write(`/done ${rtDesign.id} fan-out designed`);
    await wait(() => expect(mine(backend, 'assigned').map((x) => x.title)).toContain('Implement real-time notifications'));
    const rtImpl = mine(backend, 'assigned').find((x) => x.title === 'Implement real-time notifications')!;
    backend.write(`/start ${rtImpl.id}`);
    await wait(() => expect(mine(backend, 'in_progress').map((x) => x.id)).toContain(rtImpl.id));
    backend.write('the notifications need 1000+ concurrent connections but our infrastructure handles 100');
    await wait(() => expect(fromLead(po, 'escalation')).toHaveLength(2));
    const scaling = fromLead(po, 'escalation')[1]!.card;
    expect(scaling).toMatchObject({ escalationId: 'E-2', taskId: rtImpl.id, reason: expect.stringMatching(/product decision/) });
    expect(scaling.options.map((o: { label: string }) => o.label)).toEqual([
      expect.stringMatching(/^Basic WebSockets at today's scale \(up to 100 concurrent connections\).* — about \+1h/),
      expect.stringMatching(/^Redis-backed scale-out.* — about \+[\d.]+h/),
      expect.stringMatching(/^Polling fallback.* — about \+[\d.]+h/),
      expect.stringMatching(/^Cut scope to "Implement user authentication for our API" first: .* — frees [\d.]+h/),
    ]);
    const basic = await once(['answer', 'E-2', 'A', 'basic WebSockets for launch', '--name', 'Product Owner shell', '--role', 'human']);
    expect(basic.code).toBe(0);
    await wait(() => expect(tasksSeen(backend).find((x) => x.id === rtImpl.id)).toMatchObject({ status: 'in_progress', notes: expect.arrayContaining([expect.stringMatching(/Decision E-2/)]) }));

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
            if (task.status === 'assigned') t.write(`/start ${task.id}`);
            t.write(`/done ${task.id}`);
          }
        }
        expect(fromLead(po, 'sprint_report')).toHaveLength(1);
      },
      { timeout: 30_000, interval: 200 },
    );
    const report = fromLead(po, 'sprint_report')[0]!;
    expect(report.card).toMatchObject({ completionPercent: 100, blockers: { count: 3 } });
    expect(report.card.tasksDone).toBe(report.card.tasksTotal);
    expect(report.text).toMatch(/Velocity [\d.]+ points, [\d.]+ hours per working day/);
    expect(report.text).toMatch(/Blockers: 3/);

    // The same numbers from the shell.
    const status = await once(['status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ completionRate: 1, blockers: { count: 3, open: 0 }, openEscalations: 0 });
    const out = join(dataDir, 'report.md');
    const written = await once(['report', '--format', 'md', '--out', out]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/# Sprint report:[\s\S]*Velocity:[\s\S]*Blockers: 3/);
    const json = await once(['report', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ completionRate: 1, blockers: { count: 3 } });
    const wrong = await once(['report', '--format', 'xml']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--format takes md or json, not "xml"/);
  }, 120_000);
});
