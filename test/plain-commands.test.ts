/** The shared command layer and the plain line mode, against a real hub on port 0. */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import { runInput, type CommandContext } from '../cli/input/commands.js';
import { emptyRoom, type Room } from '../cli/room.js';
import { runPlain } from '../cli/plain/run-plain.js';
import { PRESENCE_QUIET_MS } from '../cli/plain/presence-batch.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn } from './helpers/lead.js';
import { manualTimers } from './helpers/manual-timers.js';

/** how long to wait for something a person would see: generous, as CI machines can be busy */
const PATIENT = { timeout: 10_000, interval: 50 };

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const lead of leads.splice(0)) lead.close();
  await hub?.close();
});

/** A sprint with one task given to `assignee` by the lead, as the orchestrator would do it. */
async function sprintWithTaskFor(assignee: string): Promise<HuddleClient> {
  const lead = await hub.client('Lead', 'orchestrator');
  const now = Date.now();
  await lead.send({ type: 'sprint_create', sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 7 * 864e5 }, tasks: [{ title: 'Login API', role: 'backend-dev', estimateHours: 6, assignee }] });
  await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee });
  return lead;
}

function contextFor(client: HuddleClient, role: string, room: Partial<Room> = {}): CommandContext {
  const me = { name: client.name, role };
  return { me, hub: client, room: () => ({ ...emptyRoom(me, [...BUILT_IN_ROLES]), ...room }) };
}

describe('slash commands against a real hub', () => {
  it('sends plain text and lead words as chat, exactly as typed', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'human');
    const seen = recorder(await hub.client('Bob', 'qa'));
    expect(await runInput(contextFor(alice, 'human'), '  plan sprint ')).toEqual({ kind: 'none' });
    await runInput(contextFor(alice, 'human'), 'assign T-3 to Bob');
    await vi.waitFor(() => expect(seen.messages()).toEqual(['plan sprint', 'assign T-3 to Bob']), PATIENT);
  });

  it('/plan [--days N] asks the technical lead to plan a sprint', async () => {
    hub = await startTestHub();
    await startLeadOn(hub, leads);
    const owner = await hub.client('Pat', 'human');
    const seen = recorder(owner);
    const ctx = contextFor(owner, 'human');
    expect(await runInput(ctx, '/plan --days 0')).toEqual({ kind: 'none' });
    await vi.waitFor(() => expect(seen.messages()).toContainEqual(expect.stringContaining('--days takes a whole number of days from 1 to 60, not "0"')), PATIENT);
    expect(await runInput(ctx, '/plan --days 5')).toEqual({ kind: 'none' });
    await vi.waitFor(() => expect(seen.events).toContainEqual(expect.objectContaining({ type: 'message', card: expect.objectContaining({ kind: 'capacity', days: 5 }) })), PATIENT);
    expect(seen.messages()).toEqual(expect.arrayContaining(['plan sprint --days 0', 'plan sprint --days 5']));
    expect(await runInput(ctx, '/plan next week')).toEqual({ kind: 'error', code: 'BAD_FRAME', message: '"next week" is not a sprint length. Usage: /plan [--days N]' });
  });

  it('moves my task through accept, start, progress, block and done', async () => {
    hub = await startTestHub();
    await sprintWithTaskFor('Alice');
    const alice = await hub.client('Alice', 'backend-dev');
    const ctx = contextFor(alice, 'backend-dev');
    expect(await runInput(ctx, '/accept t-1')).toEqual({ kind: 'done', text: 'T-1 accepted.' });
    expect(await runInput(ctx, '/start T-1')).toEqual({ kind: 'done', text: 'T-1 started.' });
    expect(await runInput(ctx, '/progress T-1 40% parser works')).toEqual({ kind: 'done', text: 'T-1 at 40%.' });
    expect(await runInput(ctx, '/blocked T-1 waiting for the schema')).toMatchObject({ kind: 'done' });
    await runInput(ctx, '/unblock T-1');
    expect(await runInput(ctx, '/done T-1 shipped')).toEqual({ kind: 'done', text: 'T-1 done.' });
    const tasks = await runInput(ctx, '/tasks');
    expect(tasks).toMatchObject({ kind: 'lines', title: 'Tasks — Sprint 1 (completed): 1/1 task done (100%) — Alice' });
    expect(tasks.kind === 'lines' && tasks.lines[0]).toMatch(/^T-1 +done +100% +6h +Login API → Alice/);
  });

  it("shows the hub's sentence when a task is not mine, and usage when input is wrong", async () => {
    hub = await startTestHub();
    await sprintWithTaskFor('Alice');
    const bob = await hub.client('Bob', 'backend-dev');
    const ctx = contextFor(bob, 'backend-dev');
    // the hub's code comes along: it says whose fault a failure is (a one-shot command's exit status)
    expect(await runInput(ctx, '/start T-1')).toEqual({ kind: 'error', code: 'FORBIDDEN', message: expect.stringContaining('T-1 is assigned to Alice') });
    expect(await runInput(ctx, '/start T-7')).toMatchObject({ kind: 'error', code: 'NOT_FOUND' });
    expect(await runInput(ctx, '/progress T-1 140')).toEqual({ kind: 'error', code: 'BAD_FRAME', message: 'Give a percentage from 0 to 100, not "140". Usage: /progress ID PCT [note]' });
    expect(await runInput(ctx, '/blocked T-1')).toMatchObject({ kind: 'error', message: expect.stringContaining('Say what blocks it.') });
    expect(await runInput(ctx, '/start 12')).toMatchObject({ kind: 'error', message: expect.stringContaining('"12" is not a task id') });
    const unknown = await runInput(ctx, '/frobnicate');
    expect(unknown).toMatchObject({ kind: 'error', message: expect.stringMatching(/^There is no \/frobnicate command\. The commands are \/help \/who .*\/quit; \/help says what they do\.$/) });
    // the product owner's commands are not offered to a developer, and are refused with who may use them
    expect(unknown.kind === 'error' && unknown.message).not.toContain('/plan');
    expect(await runInput(ctx, '/plan')).toEqual({ kind: 'error', code: 'BAD_FRAME', message: '/plan is for the Product Owner (role human); you joined as backend-dev.' });
  });

  it('sends /dm to a participant with a two-word name, or to a role', async () => {
    hub = await startTestHub();
    const qa = recorder(await hub.client('QA Engineer', 'qa'));
    const bob = recorder(await hub.client('Bob', 'backend-dev'));
    const alice = await hub.client('Alice', 'backend-dev');
    const roster = (await alice.request({ type: 'who' })).participants;
    const ctx = contextFor(alice, 'backend-dev', { roster });
    await runInput(ctx, '/dm QA Engineer please test the login');
    await runInput(ctx, '/dm @backend-dev standup in 5');
    await vi.waitFor(() => expect(qa.events.find((e) => e.type === 'message')).toMatchObject({ text: 'please test the login', to: { kind: 'participant', name: 'QA Engineer' } }), PATIENT);
    await vi.waitFor(() => expect(bob.messages()).toEqual(['standup in 5']), PATIENT);
    expect(qa.messages()).not.toContain('standup in 5');
  });

  it('lets the product owner answer an escalation with an option key and a reason', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const owner = await hub.client('Pat', 'human');
    await lead.send({ type: 'escalate', title: 'Scope too big', options: [{ key: 'A', label: 'drop it' }, { key: 'B', label: 'defer it' }] });
    const open = await owner.request({ type: 'escalations', status: 'open' });
    const ctx = contextFor(owner, 'human', { escalations: open.escalations });
    expect(await runInput(ctx, '/answer e-1 b next sprint then')).toEqual({ kind: 'done', text: 'Answered E-1: B) defer it.' });
    const after = await owner.request({ type: 'escalations', status: 'all' });
    expect(after.decisions[0]).toMatchObject({ escalationId: 'E-1', option: 'B', text: expect.stringContaining('next sprint then') });
  });
});

describe('the plain line mode', () => {
  function plain(client: HuddleClient, role: string, json = false, timers = manualTimers()) {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += String(d)));
    const done = runPlain({ client, me: { name: client.name, role }, roles: [...BUILT_IN_ROLES], json, input, output, timers });
    return { input, done, out: () => text.replace(/\u001B\[[0-9;]*m/g, '') };
  }

  it('prints events as lines, a task offered to me with how to accept it, and a breakdown card as a table', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const term = plain(alice, 'backend-dev');
    const lead = await sprintWithTaskFor('Alice');
    await lead.send({
      type: 'chat',
      text: 'Here is the plan.',
      card: { kind: 'breakdown', strategy: 'balanced', tasks: [{ key: 'a', title: 'Login API', objective: 'o', role: 'backend-dev', hours: 6, stage: 1, acceptance: [], dependsOn: [], assignee: 'Alice', rationale: '', overCapacity: false }], stages: 1, criticalPathHours: 6, totalHours: 6, capacityHours: 30, fits: true, overloads: [], cuts: [] },
    });
    await vi.waitFor(() => expect(term.out()).toContain('Here is the plan.'), PATIENT);
    expect(term.out()).toMatch(/>> .*# T-1 assign \(pending → assigned\) → Alice by Lead — Login API/);
    expect(term.out()).toContain('>> T-1 is yours (6h): Login API. Take it with /accept T-1');
    expect(term.out()).toMatch(/\| key +stage +hours +role +assignee +title\n.*\| a +1 +6h +backend-dev +Alice +Login API/);
    term.input.end('/accept T-1\n');
    await term.done;
    expect(term.out()).toContain('ok: T-1 accepted.');
  });

  it('prints one JSON object per line with --json', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const term = plain(alice, 'backend-dev', true);
    term.input.end('hello json\n/nope\n');
    await term.done;
    const objects = term.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects).toContainEqual(expect.objectContaining({ type: 'message', text: 'hello json' }));
    expect(objects).toContainEqual({ type: 'result', kind: 'error', code: 'BAD_FRAME', message: expect.stringMatching(/^There is no \/nope command\. The commands are \/help /) });
  });

  it('folds joins into one line: first joins, then a restart’s reconnections, each said once', async () => {
    hub = await startTestHub();
    const pat = await hub.client('Pat', 'human');
    const timers = manualTimers();
    const term = plain(pat, 'human', false, timers);
    const joins: string[] = [];
    pat.on('event', (e) => e.type === 'presence' && e.change === 'joined' && joins.push(e.participant.name));
    const team = ['Ann', 'Bob', 'Cy'];
    for (const name of team) await hub.client(name, 'qa');
    await vi.waitFor(() => expect(joins).toEqual(team), PATIENT);
    expect(term.out()).not.toContain('joined ·'); // held while more may come
    timers.elapse(PRESENCE_QUIET_MS);
    await vi.waitFor(() => expect(term.out()).toMatch(/\d\d:\d\d \* 3 people joined\n/), PATIENT);
    joins.length = 0;
    await hub.restart();
    await vi.waitFor(() => expect([...joins].sort()).toEqual([...team, 'Pat']), PATIENT);
    timers.elapse(PRESENCE_QUIET_MS);
    await vi.waitFor(() => expect(term.out()).toMatch(/\d\d:\d\d \* 3 terminals reconnected\n/), PATIENT);
    term.input.end();
    await term.done;
    const out = term.out();
    // one line each time, nothing per terminal, and my own coming back is the connection's line
    expect(out.match(/ \* /g)).toHaveLength(2);
    expect(out).not.toMatch(/(Ann|Bob|Cy|Pat) \(\w+\) joined/);
    expect(out).toContain('~ online');
  });

  it('prints joins held back before anything said after them, in order', async () => {
    hub = await startTestHub();
    const pat = await hub.client('Pat', 'human');
    const term = plain(pat, 'human');
    const ann = await hub.client('Ann', 'qa');
    await ann.send({ type: 'chat', text: 'hello all' });
    await vi.waitFor(() => expect(term.out()).toMatch(/\* Ann joined\n\d\d:\d\d \[qa\] Ann: hello all/), PATIENT);
    term.input.end();
    await term.done;
  });

  it('keeps what is typed while the hub is away and sends it when it is back', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const term = plain(alice, 'backend-dev');
    await vi.waitFor(() => expect(term.out()).toContain('~ joined as Alice'), PATIENT);
    await vi.waitFor(() => expect(alice.pendingCount).toBe(0), PATIENT); // the start-up queries are answered
    await hub.stop();
    await vi.waitFor(() => expect(term.out()).toContain('~ connection lost, reconnecting…'), PATIENT);
    term.input.write('typed while the hub was down\n');
    await vi.waitFor(() => expect(term.out()).toContain('~ not connected: 1 message(s) queued, sent when the hub is back'), PATIENT);
    await hub.restart();
    await vi.waitFor(() => expect(term.out()).toContain('~ online — sending 1 queued message(s)'), PATIENT);
    term.input.end();
    await term.done; // EOF ends the mode only once the outbox drained
    const history = await (await hub.client('Bob', 'qa')).request({ type: 'history', limit: 10 });
    expect(history.events.map((e) => (e.type === 'message' ? e.text : e.type))).toContain('typed while the hub was down');
  });
});
