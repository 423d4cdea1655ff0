/**
 * The story of issue 5 (test/e2e-story.test.ts) with the backend developer replaced by an AI coding
 * agent that takes part only through MCP: the SDK's client spawns the real `huddle mcp`, beside
 * `huddle up` and the other terminals in their own processes. It gets its task from the lead's plan,
 * says in words that it is stuck and reads the guidance in its inbox, is still stuck and sees the task
 * move to someone else, and finishes what reaches it; the sprint ends with its report. Needs `npm run build`.
 */
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddleUntilCleanup, type Spawned } from './helpers/cli.js';
import { startMcpAgent } from './helpers/mcp.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

type Terminal = Spawned & { name: string };

const fromLead = (t: Terminal, kind: string) => t.jsonLines().filter((e) => e.type === 'message' && e.from?.role === 'orchestrator' && e.card?.kind === kind);
const tasksSeen = (t: Terminal) => {
  const tasks = new Map<string, Record<string, any>>();
  for (const e of t.jsonLines()) {
    if (e.type === 'sprint') for (const task of e.tasks) tasks.set(task.id, task);
    if (e.type === 'task') tasks.set(e.task.id, e.task);
  }
  return [...tasks.values()];
};
const mine = (t: Terminal, status: string) => tasksSeen(t).filter((x) => x.assignee === t.name && x.status === status);
const wait = <T>(fn: () => T | Promise<T>) => vi.waitFor(fn, { timeout: 30_000, interval: 100 });

describe('the story with an MCP agent as the backend developer (built binary, separate processes)', () => {
  it('plans, guides, reassigns, escalates and reports with one agent on MCP', { timeout: 150_000 }, async () => {
    const dataDir = tempDir('huddle-e2e-mcp-story-', cleanup);
    const up = spawnHuddleUntilCleanup(['up', '--port', '0', '--data', dataDir, '--tick', '500ms', '--stale-after', '30m', '--blocker-persist', '1h'], cleanup);
    await wait(() => expect(up.out()).toMatch(/huddle lead .* is in the room/));
    const terminal = (name: string, role: string): Terminal => Object.assign(spawnHuddleUntilCleanup(['agent', '--json', '--role', role, '--name', name, '--data', dataDir], cleanup), { name });
    const cto = terminal('CTO', 'cto');
    const qa = terminal('QA Engineer', 'qa');
    const po = terminal('Product Owner', 'human');
    const backend = await startMcpAgent({ name: 'Backend Developer', role: 'backend-dev', dataDir, cwd: tempDir('huddle-mcp-work-', cleanup) }, cleanup);
    for (const t of [cto, qa, po]) await wait(() => expect(t.jsonLines().some((e) => e.type === 'joined')).toBe(true));
    await wait(() => expect(backend.log()).toMatch(/joined .* as Backend Developer/));

    po.write('plan sprint');
    await wait(() => expect(fromLead(po, 'capacity')).toHaveLength(1));
    expect(fromLead(po, 'capacity')[0]!.card.agents.map((a: { name: string }) => a.name)).toContain('Backend Developer');
    po.write('We need to implement user authentication for our API, and improve our testing coverage');
    await wait(() => expect(fromLead(po, 'breakdown')).toHaveLength(1));
    po.write('approve');
    await wait(() => expect(mine(cto, 'assigned').map((x) => x.title)).toContain('Design user authentication for our API'));

    const design = mine(cto, 'assigned').find((x) => x.title.startsWith('Design user authentication'))!;
    cto.write(`/start ${design.id}`);
    cto.write(`/done ${design.id} token model written down`);

    // The implementation reaches the MCP agent: it learns of it in its inbox and takes it from huddle_my_tasks.
    const offered = await wait(async () => {
      const { data } = await backend.call('huddle_my_tasks');
      const impl = (data.tasks as Record<string, any>[]).find((t) => t.title === 'Implement user authentication for our API' && t.status === 'assigned');
      expect(impl).toBeDefined();
      return impl!;
    });
    const inbox: Record<string, any>[] = [];
    const readInbox = async (matches: (item: Record<string, any>) => boolean) =>
      wait(async () => {
        inbox.push(...((await backend.call('huddle_inbox', { waitSeconds: 5 })).data.items as Record<string, any>[]));
        expect(inbox.some(matches)).toBe(true);
      });
    await readInbox((i) => i.type === 'message' && i.to === 'you' && i.text.includes(offered.id));
    expect((await backend.call('huddle_task_update', { taskId: offered.id, action: 'accept' })).isError).toBe(false);
    expect((await backend.call('huddle_task_update', { taskId: offered.id, action: 'start' })).data.status).toBe('in_progress');

    // Trouble with token validation, said in plain words: the guidance comes to the agent's inbox.
    await backend.call('huddle_send', { text: "I'm having trouble with token validation" });
    await readInbox((i) => i.card?.kind === 'guidance');
    expect(inbox.find((i) => i.card?.kind === 'guidance')!.card).toMatchObject({ taskId: offered.id, topic: 'JWT and token validation', offerSplit: true });

    // Still stuck: the task moves to someone else, and the agent is told in its inbox.
    await backend.call('huddle_send', { text: 'Still stuck: the signature check rejects every token' });
    await wait(() => expect(fromLead(po, 'reassignment')).toHaveLength(1));
    const reassignment = fromLead(po, 'reassignment')[0]!.card;
    expect(reassignment).toMatchObject({ taskId: offered.id, from: 'Backend Developer', rationale: expect.stringMatching(/still blocked after guidance/) });
    await readInbox((i) => i.card?.kind === 'reassignment');
    expect(inbox.some((i) => i.type === 'task' && i.task?.id === offered.id && /no longer yours/.test(i.text))).toBe(true);
    expect((await backend.call('huddle_my_tasks')).data.tasks.map((t: { id: string }) => t.id)).not.toContain(offered.id);

    // A scaling question is escalated; the product owner answers from the shell.
    const plan = mine(qa, 'assigned').find((x) => x.title === 'Plan testing coverage')!;
    qa.write(`/start ${plan.id}`);
    qa.write(`/blocked ${plan.id} Should we scale to multiple regions or buy a bigger database for the load tests?`);
    await wait(() => expect(fromLead(po, 'escalation')).toHaveLength(1));
    const answered = await runHuddle(['answer', 'E-1', 'A', 'one region is enough for launch', '--name', 'Product Owner shell', '--role', 'human', '--data', dataDir], { cwd: tmpdir() });
    expect(answered.code).toBe(0);

    // Everyone finishes whatever reaches them, the MCP agent through its tools, until the sprint is done.
    const handled = new Set<string>();
    await vi.waitFor(
      async () => {
        for (const t of [cto, qa]) {
          for (const task of [...mine(t, 'assigned'), ...mine(t, 'in_progress')]) {
            if (handled.has(`${t.name}:${task.id}`)) continue;
            handled.add(`${t.name}:${task.id}`);
            if (task.status === 'assigned') t.write(`/start ${task.id}`);
            t.write(`/done ${task.id}`);
          }
        }
        const { data } = await backend.call('huddle_my_tasks');
        for (const task of data.tasks as { id: string; status: string }[]) {
          if (task.status === 'assigned') await backend.call('huddle_task_update', { taskId: task.id, action: 'start' });
          await backend.call('huddle_task_update', { taskId: task.id, action: 'done', note: 'done through MCP' });
        }
        expect(fromLead(po, 'sprint_report')).toHaveLength(1);
      },
      { timeout: 40_000, interval: 250 },
    );
    const report = fromLead(po, 'sprint_report')[0]!;
    expect(report.card).toMatchObject({ completionPercent: 100, blockers: { count: 2 } });
    expect(report.card.tasksDone).toBe(report.card.tasksTotal);
    await readInbox((i) => i.card?.kind === 'sprint_report');
  });
});
