/**
 * An AI coding agent in the room through MCP, end to end: the SDK's own client spawns the real built
 * `huddle mcp` over stdio, against `huddle up` (hub and lead) in another process, with the product
 * owner's terminal in a third. The agent takes its task from huddle_my_tasks, starts it, reports
 * progress, tells the product owner something, reports a blocker in words and reads the lead's
 * guidance in huddle_inbox, asks the lead and gets the answer, attaches an artifact and finishes;
 * a kill -9 of the hub in the middle loses nothing and applies a retried call once. Needs `npm run build`.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddleUntilCleanup, startHubProcess } from './helpers/cli.js';
import { joinRecorded } from './helpers/hub.js';
import { startMcpAgent, type McpAgent } from './helpers/mcp.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const LEAD_FLAGS = ['--tick', '500ms', '--stale-after', '30m', '--blocker-persist', '1h'];
const wait = (fn: () => unknown) => vi.waitFor(fn, { timeout: 30_000, interval: 100 });

/** Calls huddle_inbox until an item matches; returns every item read on the way. */
async function inboxUntil(agent: McpAgent, matches: (item: Record<string, any>) => boolean): Promise<Record<string, any>[]> {
  const read: Record<string, any>[] = [];
  await wait(async () => {
    const { data } = await agent.call('huddle_inbox', { waitSeconds: 5 });
    read.push(...(data.items as Record<string, any>[]));
    expect(read.some(matches)).toBe(true);
  });
  return read;
}

describe('huddle mcp: an agent works a task through MCP tools (built binary, separate processes)', () => {
  it('takes, works, reports, asks, attaches and finishes; a kill -9 of the hub loses nothing', { timeout: 150_000 }, async () => {
    const root = tempDir('huddle-mcp-e2e-', cleanup);
    const dataDir = join(root, '.huddle');
    const workdir = join(root, 'work');
    mkdirSync(workdir);
    let up = await startHubProcess(dataDir, 'up', LEAD_FLAGS);
    cleanup(() => up.kill('SIGKILL'));
    const port = new URL(up.url).port;

    const po = spawnHuddleUntilCleanup(['agent', '--json', '--role', 'human', '--name', 'Product Owner', '--data', dataDir], cleanup);
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'joined')).toBe(true));
    const agent = await startMcpAgent({ name: 'Claude', role: 'backend-dev', dataDir, cwd: workdir, extra: ['--hub-wait', '2s'] }, cleanup);
    const planner = await joinRecorded(up.url, dataDir, 'Planner', 'human', cleanup);

    // A sprint with one task for the agent and one for somebody else.
    const now = Date.now();
    const sprint = await planner.client.send({
      type: 'sprint_create',
      sprint: { name: 'MCP sprint', goal: 'tokens that hold', startsAt: now, endsAt: now + 7 * 86_400_000 },
      tasks: [
        { key: 'a', title: 'Implement token validation', role: 'backend-dev', domain: 'auth', estimateHours: 4, acceptance: ['expired tokens are refused', 'a forged signature is refused'] },
        { key: 'b', title: 'Document the login API', role: 'docs', estimateHours: 2, dependsOn: ['a'] },
      ],
    });
    const [mine, theirs] = sprint.result!.taskIds as string[];
    await planner.client.send({ type: 'task_update', taskId: mine!, action: 'assign', assignee: 'Claude' });
    await planner.client.send({ type: 'task_update', taskId: theirs!, action: 'assign', assignee: 'Planner' });

    const me = await agent.call('huddle_whoami');
    expect(me.data).toMatchObject({ name: 'Claude', role: 'backend-dev', sprint: { name: 'MCP sprint' }, lead: { name: 'Tech Lead', status: 'online' }, load: { openTasks: 1, openHours: 4 } });

    // Take the task from huddle_my_tasks.
    const tasks = await agent.call('huddle_my_tasks');
    expect(tasks.data.next).toMatchObject({ taskId: mine, action: 'accept' });
    expect(tasks.data.tasks).toEqual([expect.objectContaining({ id: mine, status: 'assigned', acceptance: ['expired tokens are refused', 'a forged signature is refused'], neededBy: [expect.objectContaining({ id: theirs })] })]);
    expect(tasks.text).toMatch(/done when: expired tokens are refused; a forged signature is refused/);
    for (const action of ['accept', 'start'] as const) expect((await agent.call('huddle_task_update', { taskId: mine, action })).isError).toBe(false);
    const progress = await agent.call('huddle_task_update', { taskId: mine, action: 'progress', percent: 30, note: 'parser written' });
    expect(progress.data).toMatchObject({ status: 'in_progress', duplicate: false });

    // Bad input gets a clear tool error, and changes nothing.
    const unknown = await agent.call('huddle_task_update', { taskId: 'T-99', action: 'start' });
    expect(unknown).toMatchObject({ isError: true, data: { error: { code: 'NOT_FOUND' } } });
    expect(unknown.text).toMatch(/No task T-99.*huddle_my_tasks/);
    const notMine = await agent.call('huddle_task_update', { taskId: theirs, action: 'start' });
    expect(notMine).toMatchObject({ isError: true, data: { error: { code: 'FORBIDDEN' } } });
    expect(notMine.text).toMatch(/assigned to Planner/);
    const wrongState = await agent.call('huddle_task_update', { taskId: mine, action: 'accept' });
    expect(wrongState).toMatchObject({ isError: true, data: { error: { code: 'INVALID_TRANSITION' } } });
    expect(wrongState.text).toMatch(/is in progress; "accept" works from assigned/);
    expect((await agent.call('huddle_task_update', { taskId: mine, action: 'progress' })).text).toMatch(/needs a percent/);
    const huge = await agent.call('huddle_send', { text: 'x'.repeat(40_000) });
    expect(huge.isError).toBe(true);
    expect(huge.text).toMatch(/at most 32000 characters/);

    // A message the product owner's terminal receives.
    expect((await agent.call('huddle_send', { text: 'Token validation is under way; the parser is done.', to: 'Product Owner' })).data).toMatchObject({ to: 'Product Owner' });
    await wait(() => expect(po.jsonLines().some((e) => e.type === 'message' && e.from?.name === 'Claude' && e.to?.name === 'Product Owner' && /parser is done/.test(e.text))).toBe(true));

    // kill -9 of the hub (and its lead) in the middle: calls fail clearly, queue, and a retry is applied once.
    await up.kill('SIGKILL');
    const during = await agent.call('huddle_task_update', { taskId: mine, action: 'progress', percent: 60, note: 'during the outage' });
    expect(during).toMatchObject({ isError: true, data: { error: { code: 'DISCONNECTED' } } });
    expect(during.text).toMatch(/not reachable.*reconnects by itself.*queued.*applied once/);
    const said = { text: 'Sent while the hub was down' };
    expect((await agent.call('huddle_send', said)).isError).toBe(true);
    expect((await agent.call('huddle_send', said)).isError).toBe(true); // the agent retries the same call
    up = await startHubProcess(dataDir, 'up', ['--port', port, ...LEAD_FLAGS]);
    // retried until the hub is back: every try carries the same frame id
    await wait(async () => expect((await agent.call('huddle_send', said)).isError).toBe(false));
    await wait(async () => expect((await agent.call('huddle_whoami')).data).toMatchObject({ connection: 'online', lead: { status: 'online' } }));
    const { tasks: after } = await planner.client.request({ type: 'tasks' });
    expect(after.find((t) => t.id === mine)).toMatchObject({ status: 'in_progress', percent: 60, notes: ['Claude: parser written', 'Claude: during the outage'] });
    const history = await planner.client.request({ type: 'history', limit: 200, all: true });
    expect(history.events.filter((e) => e.type === 'message' && e.text === said.text)).toHaveLength(1);
    expect(history.events.filter((e) => e.type === 'task' && e.change.note === 'during the outage')).toHaveLength(1);
    await wait(() => expect(po.jsonLines().filter((e) => e.type === 'message' && e.text === said.text)).toHaveLength(1));

    // A blocker said in words: the lead records it and its guidance comes through huddle_inbox.
    await agent.call('huddle_send', { text: "I'm having trouble with token validation" });
    const read = await inboxUntil(agent, (i) => i.card?.kind === 'guidance');
    const guidance = read.find((i) => i.card?.kind === 'guidance')!;
    expect(guidance).toMatchObject({ from: 'Tech Lead (orchestrator)', card: { taskId: mine, topic: 'JWT and token validation' } });
    expect(read.some((i) => i.type === 'task' && i.task?.id === mine && i.task?.status === 'blocked')).toBe(true);
    const again = await agent.call('huddle_inbox', { waitSeconds: 0 });
    expect(again.data.items.some((i: Record<string, any>) => i.card?.kind === 'guidance')).toBe(false);

    // Ask the lead: the answer comes from the task's record, into the same call.
    const asked = await agent.call('huddle_ask_lead', { question: 'What counts as done here?', taskId: mine, waitSeconds: 20 });
    expect(asked.isError).toBe(false);
    expect(asked.data.answer).toMatchObject({ from: 'Tech Lead (orchestrator)', to: 'you' });
    expect(asked.text).toMatch(/Re your question about T-\d+ "Implement token validation"/);
    expect(asked.text).toMatch(/Done when: expired tokens are refused; a forged signature is refused/);
    expect(asked.text).toMatch(/Waiting for it: T-\d+ "Document the login API" \(Planner\)/);
    const afterAnswer = await agent.call('huddle_inbox');
    expect(afterAnswer.data.items.some((i: Record<string, any>) => /Re your question/.test(i.text))).toBe(false);

    // Attach an artifact from a file in the working folder; a path outside it is refused.
    const notes = '# Token validation\nHS256 only; 60 s clock skew.\n';
    writeFileSync(join(workdir, 'notes.md'), notes);
    writeFileSync(join(root, 'secret.txt'), 'not for the room');
    symlinkSync(join(root, 'secret.txt'), join(workdir, 'link.txt'));
    for (const path of ['../secret.txt', join(root, 'secret.txt'), 'link.txt']) {
      const refused = await agent.call('huddle_attach', { taskId: mine, name: 'secret.txt', path });
      expect(refused).toMatchObject({ isError: true, data: { error: { code: 'FORBIDDEN' } } });
      expect(refused.text).toMatch(/outside the working folder/);
    }
    const attached = await agent.call('huddle_attach', { taskId: mine, name: 'notes.md', path: 'notes.md' });
    expect(attached.data).toMatchObject({ name: 'notes.md', bytes: notes.length, duplicate: false });
    expect((await agent.call('huddle_attach', { taskId: mine, name: 'notes.md', content: 'other' })).text).toMatch(/already has an attachment called notes.md/);
    expect((await agent.call('huddle_attach', { taskId: theirs, name: 'x.txt', content: 'x' })).data.error.code).toBe('FORBIDDEN');
    const details = await agent.call('huddle_my_tasks');
    expect(details.data.tasks[0].attachments).toEqual([{ name: 'notes.md', bytes: notes.length, by: 'Claude' }]);
    const resource = await agent.client.readResource({ uri: `huddle://task/${mine}` });
    expect(JSON.parse((resource.contents[0] as { text: string }).text)).toMatchObject({ id: mine, attachments: [{ name: 'notes.md' }] });
    const log = await runHuddle(['task', 'log', mine!, '--kind', 'notes.md', '--name', 'Reader', '--role', 'qa', '--data', dataDir], { cwd: tmpdir() });
    expect(log.stdout).toBe(notes);

    // Finish.
    expect((await agent.call('huddle_task_update', { taskId: mine, action: 'done', note: 'validation merged' })).data).toMatchObject({ status: 'done' });
    const finished = await agent.call('huddle_my_tasks');
    expect(finished.data).toMatchObject({ tasks: [], done: [mine], next: null });
    const current = await agent.client.readResource({ uri: 'huddle://sprint/current' });
    expect(JSON.parse((current.contents[0] as { text: string }).text).tasks).toContainEqual(expect.objectContaining({ id: mine, status: 'done' }));
    expect(agent.log()).toMatch(/hub connection reconnecting/);
  });
});
