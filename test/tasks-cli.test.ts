/** One-shot commands from the shell, as an AI agent that only runs commands would use them. */
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../collaboration-server/protocol.js';
import { runHuddle } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

/** Runs `huddle ARGS` as Alice (identity from HUDDLE_NAME/HUDDLE_ROLE); never throws, returns the exit code. */
function huddle(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return huddleAt(hub.url, ...args);
}

function huddleAt(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { HUDDLE_NAME: 'Alice', HUDDLE_ROLE: 'backend-dev', HUDDLE_URL: url, HUDDLE_TOKEN: hub.running.tokens.member, HUDDLE_DATA: hub.dataDir };
  return runHuddle(args, { env, cwd: tmpdir() });
}

const fakes: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of fakes.splice(0)) await closeServer(server);
});
const closeServer = (server: WebSocketServer) => {
  for (const ws of server.clients) ws.terminate();
  return new Promise<void>((resolve) => server.close(() => resolve()));
};

/**
 * A stand-in hub on port 0 that welcomes anyone and hands every later frame to `answer`: the way to
 * see how the CLI takes failures a real hub only shows when its disk or network does.
 */
async function fakeHub(answer: (frame: { id: string; type: string }, ws: WebSocket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  fakes.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  server.on('connection', (ws) => {
    ws.on('error', () => {});
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id: string; type: string; name: string; role: string };
      if (frame.type !== 'hello') return answer(frame, ws);
      const participant = { id: 'p1', name: frame.name, role: frame.role, status: 'online' };
      ws.send(JSON.stringify({ type: 'welcome', id: frame.id, protocol: PROTOCOL_VERSION, participant, sessionId: 's1', resumed: false, roster: [participant], history: [], lastSeq: 0 }));
    });
  });
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) };
}

async function sprint() {
  // Alice joined once here: her credential is in the data folder her one-shot commands use
  (await hub.client('Alice', 'backend-dev')).close();
  const lead = await hub.client('Lead', 'orchestrator');
  const now = Date.now();
  await lead.send({
    type: 'sprint_create',
    sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 864e5 },
    tasks: [
      { title: 'Login API', role: 'backend-dev', estimateHours: 6, assignee: 'Alice' },
      { title: 'Login tests', role: 'qa', estimateHours: 3, assignee: 'Quinn' },
    ],
  });
  await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Alice' });
  return lead;
}

describe('huddle tasks and huddle task', { timeout: 60_000 }, () => {
  it('lists the sprint, or only my tasks, as lines or JSON', async () => {
    hub = await startTestHub();
    expect((await huddle('tasks')).stdout).toContain('No active sprint yet');
    await sprint();
    const all = await huddle('tasks');
    expect(all.stdout).toMatch(/# Sprint 1: 0\/2 tasks done \(0%\)\nT-1 +assigned +0% +6h +Login API → Alice\nT-2 +pending +0% +3h +Login tests → Quinn/);
    const mine = await huddle('tasks', '--mine', '--json');
    const tasks = mine.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; assignee: string });
    expect(tasks.map((t) => [t.id, t.assignee])).toEqual([['T-1', 'Alice']]);
  });

  it('moves a task from the shell and explains a refusal', async () => {
    hub = await startTestHub();
    await sprint();
    expect(await huddle('task', 'accept', 'T-1')).toMatchObject({ code: 0, stdout: 'T-1 accepted.\n' });
    expect(await huddle('task', 'start', 't-1')).toMatchObject({ code: 0, stdout: 'T-1 started.\n' });
    expect(await huddle('task', 'progress', 'T-1', '60', 'half', 'way')).toMatchObject({ code: 0, stdout: 'T-1 at 60%.\n' });
    const refused = await huddle('task', 'start', 'T-2');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('T-2 is assigned to Quinn');
    expect(await huddle('task', 'done', 'T-1', 'all', 'green')).toMatchObject({ code: 0, stdout: 'T-1 done.\n' });
    const lead = await hub.client('Lead2', 'orchestrator');
    const after = await lead.request({ type: 'tasks' });
    expect(after.tasks.find((t) => t.id === 'T-1')).toMatchObject({ status: 'done', percent: 100 });
  });

  it('exits 2 when the input is wrong and 1 when the hub fails or goes away', async () => {
    hub = await startTestHub();
    await sprint();
    expect(await huddle('task', 'start', 'T-9')).toMatchObject({ code: 2, stderr: expect.stringContaining('T-9') }); // NOT_FOUND
    expect(await huddle('task', 'progress', 'T-1', 'lots')).toMatchObject({ code: 2, stderr: expect.stringContaining('Give a percentage from 0 to 100') });
    // a hub that takes the hello and then cannot save, or drops the connection mid-command
    const failing = await fakeHub((frame, ws) => ws.send(JSON.stringify({ type: 'error', id: frame.id, code: 'STORAGE_FAILED', message: 'The hub could not save this (SQLITE_IOERR).' })));
    expect(await huddleAt(failing.url, 'task', 'start', 'T-1')).toMatchObject({ code: 1, stderr: 'huddle: The hub could not save this (SQLITE_IOERR).\n' });
    const dropping = await fakeHub((_frame, ws) => ws.terminate());
    expect(await huddleAt(dropping.url, 'task', 'done', 'T-1')).toMatchObject({ code: 1, stderr: expect.stringContaining('closed') });
    const refusing = await fakeHub((frame, ws) => ws.send(JSON.stringify({ type: 'error', id: frame.id, code: 'INVALID_TRANSITION', message: 'T-1 is done; it cannot start.' })));
    expect(await huddleAt(refusing.url, 'task', 'start', 'T-1')).toMatchObject({ code: 2, stderr: 'huddle: T-1 is done; it cannot start.\n' });
    // and a hub that is not there at all
    const gone = failing.url;
    await failing.close();
    expect(await huddleAt(gone, 'task', 'start', 'T-1')).toMatchObject({ code: 1, stderr: expect.stringContaining('Could not reach the hub') });
  });

  it("prints a task's stored log", async () => {
    hub = await startTestHub();
    const lead = await sprint();
    await lead.send({ type: 'artifact_put', taskId: 'T-1', kind: 'log', content: 'npm test\n12 passed\n' });
    expect(await huddle('task', 'log', 'T-1')).toMatchObject({ code: 0, stdout: 'npm test\n12 passed\n' });
  });
});
