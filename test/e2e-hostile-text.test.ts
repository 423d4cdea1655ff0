/**
 * End to end: hostile text from participants — chat, a sprint name, task titles, notes, an escalation
 * and its decision, a stored log, an --exec command's output — read back as real processes against a
 * real hub through every line-oriented writer: the plain mode, history, tasks, task log, report,
 * status, escalations, who, and an error message. Nothing a terminal acts on reaches their output,
 * and --json stays the raw data. Needs `npm run build` (npm test does).
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HubEvent, Task } from '../collaboration-server/protocol.js';
import { assertBuilt, runHuddle, spawnHuddle, type Spawned } from './helpers/cli.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { expectTerminalSafe, HOSTILE_TEXTS, HUGE_HOSTILE_TEXT } from './helpers/hostile-text.js';

const PATIENT = { timeout: 30_000, interval: 100 };
const pick = (...names: string[]) => HOSTILE_TEXTS.filter((h) => names.some((n) => h.name.startsWith(n)));
/** a sprint name (at most 200 characters) with the worst of them; the store turns a lone surrogate in a name into U+FFFD */
const SPRINT = pick('OSC 0', '\\r', '8-bit', 'bidi override');
const sprintName = `Sprint ${SPRINT.map((h) => h.text).join(' ')}`;
const sprintShows = `Sprint ${SPRINT.map((h) => h.shows).join(' ')}`;
/** what a command can print: bytes hold no lone surrogate */
const PRINTABLE = HOSTILE_TEXTS.filter((h) => !h.name.startsWith('lone'));
const allText = HOSTILE_TEXTS.map((h) => h.text).join(' | ');
const allShows = HOSTILE_TEXTS.map((h) => h.shows).join(' | ');
/** a line that pretends to be the product owner's, after a newline */
const FAKE_LINE = 'fine by me\n09:31 [human] PO: approve';

let hub: TestHub;
let dir: string;
let po: Spawned;
let agent: Spawned;
let execTaskId: string;

/** `huddle ARGS` against the test hub, as the local observer (role human), from a neutral folder */
const huddle = (...args: string[]) => runHuddle([...args, '--url', hub.url, '--data', hub.dataDir], { cwd: tmpdir() });
const taskLog = (id: string) => huddle('task', 'log', id, '--name', 'Reader', '--role', 'human');

beforeAll(async () => {
  assertBuilt();
  hub = await startTestHub();
  dir = mkdtempSync(join(tmpdir(), 'huddle-hostile-'));
  const lead = await hub.client('Lead', 'orchestrator');
  const seen = recorder(lead);
  const mallory = await hub.client('Mallory', 'backend-dev');
  const owner = await hub.client('Owner', 'human');

  po = spawnHuddle(['agent', '--plain', '--role', 'human', '--name', 'PO', '--url', hub.url, '--data', hub.dataDir], { cwd: tmpdir() });
  await po.line(/joined as PO/);
  // an automated agent whose command prints every hostile text
  writeFileSync(join(dir, 'hostile.txt'), PRINTABLE.map((h) => `out: ${h.text}`).join('\n') + '\n');
  writeFileSync(join(dir, 'hostile.sh'), '#!/bin/sh\ncat hostile.txt\n');
  chmodSync(join(dir, 'hostile.sh'), 0o755);
  agent = spawnHuddle(['agent', '--exec', './hostile.sh', '--role', 'qa', '--name', 'QA-Bot', '--url', hub.url, '--data', hub.dataDir, '--workdir', dir, '--note-every', '100ms'], { cwd: tmpdir() });
  await seen.until((e) => e.type === 'presence' && e.participant.name === 'QA-Bot');

  const now = Date.now();
  const ack = await lead.send({
    type: 'sprint_create',
    sprint: { name: sprintName, startsAt: now, endsAt: now + 864e5 },
    tasks: [
      ...HOSTILE_TEXTS.map((h, i) => ({ title: `Title ${i} ${h.text}`, description: h.text, acceptance: [h.text], role: 'backend-dev', estimateHours: 1 })),
      { title: 'Run the hostile script', role: 'qa', estimateHours: 1 },
    ],
  });
  const ids = ack.result!.taskIds as string[];
  execTaskId = ids.at(-1)!;
  await lead.send({ type: 'task_update', taskId: ids[0]!, action: 'assign', assignee: 'Mallory' });
  await lead.send({ type: 'task_update', taskId: execTaskId, action: 'assign', assignee: 'QA-Bot' });

  for (const [i, h] of HOSTILE_TEXTS.entries()) await mallory.send({ type: 'chat', text: `Chat ${i} ${h.text}` });
  await mallory.send({ type: 'chat', text: HUGE_HOSTILE_TEXT.text });
  await mallory.send({ type: 'chat', text: FAKE_LINE });
  await mallory.send({ type: 'task_update', taskId: ids[0]!, action: 'start' });
  for (const [i, h] of HOSTILE_TEXTS.entries()) await mallory.send({ type: 'task_update', taskId: ids[0]!, action: 'progress', percent: i, note: `Note ${i} ${h.text}` });
  // (the store keeps a lone surrogate in a log as U+FFFD, and a log is bytes a command printed: it has none)
  await mallory.send({ type: 'artifact_put', taskId: ids[0]!, kind: 'log', content: PRINTABLE.map((h) => `log: ${h.text}`).join('\n') + '\n' });

  const escalation = await lead.send({
    type: 'escalate',
    taskId: ids[0]!,
    title: `Escalation ${SPRINT.map((h) => h.text).join(' ')}`,
    blocker: `Blocker ${allText}`,
    impact: `Impact ${allText}`,
    options: [
      { key: 'A', label: `Option ${SPRINT.map((h) => h.text).join(' ')}` },
      { key: 'B', label: 'defer' },
    ],
  });
  await owner.send({ type: 'escalation_answer', escalationId: escalation.result!.escalationId as string, option: 'A', text: `Decided ${allText}` });

  await seen.until((e: HubEvent) => e.type === 'task' && e.task.id === execTaskId && e.task.status === 'done');
  await po.line(new RegExp(`# ${execTaskId} done`));
  await po.line(/decided on E-1/);
}, 90_000);

afterAll(async () => {
  await po?.kill();
  await agent?.kill();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile participant text, read back through each command (built binary)', { timeout: 60_000 }, () => {
  it('the plain mode shows it, indented past a fake line, with no control reaching the terminal', () => {
    const out = po.out();
    expectTerminalSafe(out);
    for (const [i, h] of HOSTILE_TEXTS.entries()) {
      expect(out).toContain(`Chat ${i} ${h.shows}`);
      expect(out).toContain(`Note ${i} ${h.shows}`);
    }
    expect(out).toContain(HUGE_HOSTILE_TEXT.shows);
    expect(out).toContain(`fine by me\n      09:31 [human] PO: approve`);
    expect(out).toContain(`Decided ${allShows}`);
  });

  it('huddle history', async () => {
    const { code, stdout } = await huddle('history', '--limit', '1000', '--all');
    expect(code).toBe(0);
    expectTerminalSafe(stdout);
    for (const [i, h] of HOSTILE_TEXTS.entries()) expect(stdout).toContain(`Chat ${i} ${h.shows}`);
    expect(stdout).toContain(HUGE_HOSTILE_TEXT.shows);
    expect(stdout).not.toMatch(/^09:31 \[human\] PO: approve/m);
    expect(stdout).toContain('fine by me\n      09:31 [human] PO: approve');
  });

  it('huddle history --json and tasks --json stay the raw data, escaped so that a terminal can print them', async () => {
    const history = await huddle('history', '--limit', '1000', '--json');
    expectTerminalSafe(history.stdout);
    const texts = history.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text?: string }).text);
    for (const [i, h] of HOSTILE_TEXTS.entries()) expect(texts).toContain(`Chat ${i} ${h.text}`);
    expect(texts).toContain(HUGE_HOSTILE_TEXT.text);

    const tasks = await huddle('tasks', '--json');
    expectTerminalSafe(tasks.stdout);
    const titles = tasks.stdout.trim().split('\n').map((l) => (JSON.parse(l) as Task).title);
    for (const [i, h] of HOSTILE_TEXTS.entries()) expect(titles).toContain(`Title ${i} ${h.text}`);
  });

  it('huddle tasks and huddle task log', async () => {
    const tasks = await huddle('tasks');
    expect(tasks.code).toBe(0);
    expectTerminalSafe(tasks.stdout);
    expect(tasks.stdout).toContain(`# ${sprintShows}`);
    for (const [i, h] of HOSTILE_TEXTS.entries()) expect(tasks.stdout).toContain(`Title ${i} ${h.shows}`);

    const log = await taskLog('T-1');
    expectTerminalSafe(log.stdout);
    for (const h of PRINTABLE) expect(log.stdout).toContain(`log: ${h.shows}`);
  });

  it('huddle report (to the terminal, to a file, as JSON) and huddle status', async () => {
    const md = await huddle('report');
    expect(md.code).toBe(0);
    expectTerminalSafe(md.stdout);
    expect(md.stdout).toContain(`# Sprint report: ${sprintShows}`);

    const file = join(dir, 'report.md');
    const written = await huddle('report', '--out', file);
    expectTerminalSafe(written.stdout);
    expectTerminalSafe(readFileSync(file, 'utf8'));
    expect(readFileSync(file, 'utf8')).toContain(sprintShows);

    const json = await huddle('report', '--format', 'json');
    expectTerminalSafe(json.stdout);
    expect((JSON.parse(json.stdout) as { name: string }).name).toBe(sprintName);

    const status = await huddle('status');
    expectTerminalSafe(status.stdout);
    expect(status.stdout).toContain(`# ${sprintShows} (`);
  });

  it('huddle escalations and huddle who', async () => {
    const { code, stdout } = await huddle('escalations', '--all');
    expect(code).toBe(0);
    expectTerminalSafe(stdout);
    expect(stdout).toContain(`E-1 [answered] Escalation ${SPRINT.map((h) => h.shows).join(' ')}`);
    expect(stdout).toContain(`blocker: Blocker ${allShows}`);
    expect(stdout).toContain(`decided by Owner: Option ${SPRINT.map((h) => h.shows).join(' ')} — Decided ${allShows}`);

    const who = await huddle('who');
    expectTerminalSafe(who.stdout);
    expect(who.stdout).toMatch(/online +backend-dev +Mallory/);
  });

  it('an --exec command’s output: escape sequences gone from its notes and log, the rest shown', async () => {
    const log = await taskLog(execTaskId);
    expectTerminalSafe(log.stdout);
    expect(log.stdout).toContain('out: paste me'); // OSC 52 removed whole
    expect(log.stdout).not.toContain('52;c;');
    expect(log.stdout).toContain('out: ding␇␇');
    expect(log.stdout).toContain('out: all tests pass\nTech Lead: ship it'); // a redraw is a new line, not an overwrite
    expect(log.stdout).toContain('out: invoice<U+202E>gpj.exe');
    const { tasks } = await (await hub.client('Reader', 'human')).request({ type: 'tasks' });
    const notes = tasks.find((t) => t.id === execTaskId)!.notes.join('\n');
    expectTerminalSafe(notes); // safe at the source too, before any terminal draws it
    await vi.waitFor(() => expectTerminalSafe(agent.err()), PATIENT);
  });

  it('an error that quotes what was typed', async () => {
    const { code, stderr } = await huddle('history', '--limit', '\u001b]0;pwned\u0007\u009b2J');
    expect(code).toBe(2);
    expectTerminalSafe(stderr);
    expect(stderr).toContain('not "␛]0;pwned␇<U+009B>2J"');
  });
});
