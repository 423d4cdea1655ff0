/** The container with a real hub, driven through ink-testing-library with keys as escape codes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { BUILT_IN_ROLES } from '../agents/roles.js';
import type { HuddleClient } from '../collaboration-server/client.js';
import { Container, type ContainerProps } from '../cli/ui/Container.js';
import { expectTerminalSafe } from './helpers/hostile-text.js';
import { manualTimers } from './helpers/manual-timers.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

/** how long to wait for something a person would see: generous, as CI machines can be busy */
const PATIENT = { timeout: 10_000, interval: 50 };

const KEY = { up: '\u001B[A', down: '\u001B[B', enter: '\r', tab: '\t', pageUp: '\u001B[5~', pageDown: '\u001B[6~', escape: '\u001B' };
let hub: TestHub;
afterEach(async () => {
  cleanup();
  await hub?.close();
});

/** The one way these tests start the UI: connected as `name`, with the screen as plain text. */
function startUi(name: string, role: string, connect = () => hub.client(name, role), idle: Pick<ContainerProps, 'awayAfterMs' | 'timers'> = {}) {
  const exits: unknown[] = [];
  const ui = render(<Container connect={connect} me={{ name, role }} roles={[...BUILT_IN_ROLES]} onExit={(err) => exits.push(err ?? 'quit')} {...idle} />);
  const screen = () => (ui.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
  // one write per key, as a terminal delivers them
  const type = async (...keys: string[]) => {
    for (const k of keys) {
      ui.stdin.write(k);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { ...ui, screen, type, exits };
}

describe('the terminal container', () => {
  it('sends typed chat, recalls it with Up, and quits with /quit', async () => {
    hub = await startTestHub();
    const bob = recorder(await hub.client('Bob', 'qa'));
    const ui = startUi('Alice', 'backend-dev');
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);
    await ui.type('hello bob', KEY.enter);
    await vi.waitFor(() => expect(bob.messages()).toEqual(['hello bob']), PATIENT);
    await vi.waitFor(() => expect(ui.screen()).toMatch(/backend-dev +Alice: hello bob/), PATIENT);
    await ui.type(KEY.up);
    await vi.waitFor(() => expect(ui.screen()).toContain('› hello bob'), PATIENT);
    await ui.type(KEY.down, '/wh', KEY.tab);
    await vi.waitFor(() => expect(ui.screen()).toContain('› /who'), PATIENT);
    await ui.type(KEY.enter);
    await vi.waitFor(() => expect(ui.screen()).toMatch(/Participants[\s\S]*online +qa +Bob/), PATIENT);
    await ui.type('/quit', KEY.enter);
    await vi.waitFor(() => expect(ui.exits).toEqual(['quit']), PATIENT);
  });

  it('lets the product owner pick an escalation option with the arrows', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    await lead.send({ type: 'escalate', title: 'Too much work', options: [{ key: 'A', label: 'cut scope' }, { key: 'B', label: 'extend the sprint' }] });
    const ui = startUi('Pat', 'human');
    // an escalation that was open before the terminal started is shown too
    await vi.waitFor(() => expect(ui.screen()).toContain('❯ A) cut scope'), PATIENT);
    await ui.type(KEY.down, KEY.enter);
    await vi.waitFor(async () => expect((await lead.request({ type: 'escalations', status: 'answered' })).decisions[0]).toMatchObject({ option: 'B', by: 'Pat' }), PATIENT);
    await vi.waitFor(() => expect(ui.screen()).not.toContain('Decision needed'), PATIENT);
  });

  it('keeps what is typed before the hub answers and sends it once connected', async () => {
    hub = await startTestHub();
    const bob = recorder(await hub.client('Bob', 'qa'));
    let open!: () => void;
    const reachable = new Promise<void>((resolve) => (open = resolve));
    const ui = startUi('Alice', 'backend-dev', async () => {
      await reachable;
      return hub.client('Alice', 'backend-dev');
    });
    await ui.type('early bird', KEY.enter);
    await vi.waitFor(() => expect(ui.screen()).toContain('connecting… · 1 message queued'), PATIENT);
    open();
    await vi.waitFor(() => expect(bob.messages()).toEqual(['early bird']), PATIENT);
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);
  });

  it('pages back through the chat with PageUp and returns with PageDown', async () => {
    hub = await startTestHub();
    const bob = await hub.client('Bob', 'qa');
    const ui = startUi('Alice', 'backend-dev');
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);
    for (let i = 1; i <= 40; i++) await bob.send({ type: 'chat', text: `line ${i}` });
    await vi.waitFor(() => expect(ui.screen()).toContain('Bob: line 40'), PATIENT);
    expect(ui.screen()).toMatch(/│ › type a message, or \/help/); // a full chat never squeezes the input line
    // a page is the chat's height less two rows; the first row stops it
    await ui.type(KEY.pageUp, KEY.pageUp);
    await vi.waitFor(() => expect(ui.screen()).toMatch(/↓ \d+ newer row\(s\) below/), PATIENT);
    expect(ui.screen()).toMatch(/Bob: line 1\b/);
    expect(ui.screen()).not.toContain('Bob: line 40');
    await ui.type('\u001B[6~', '\u001B[6~');
    await vi.waitFor(() => expect(ui.screen()).toContain('Bob: line 40'), PATIENT);
  });

  it('opens /task in full over the chat, the lines the plain mode prints, scrolls it with PgDn and closes it with Esc', async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    const alice = await hub.client('Alice', 'backend-dev');
    const now = Date.now();
    const { result } = await lead.send({
      type: 'sprint_create',
      sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 7 * 86_400_000 },
      tasks: [{ title: 'Build the API', role: 'backend-dev', estimateHours: 4, description: 'Routes \u001b]0;pwned\u0007 and \u001b[2J handlers', acceptance: ['every route has a test'] }],
    });
    const taskId = (result!.taskIds as string[])[0]!;
    await lead.send({ type: 'task_update', taskId, action: 'assign', assignee: 'Alice' });
    await alice.send({ type: 'task_update', taskId, action: 'start' });
    for (let i = 1; i <= 40; i++) await alice.send({ type: 'task_update', taskId, action: 'progress', percent: i, note: `step ${i}` });
    const ui = startUi('Alice', 'backend-dev', async () => alice);
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);
    await ui.type(`/task ${taskId}`, KEY.enter);
    await vi.waitFor(() => expect(ui.screen()).toMatch(new RegExp(`${taskId} Build the API[\\s\\S]*Assignee: Alice[\\s\\S]*Description: Routes ␛]0;pwned␇ and ␛\\[2J handlers[\\s\\S]*Done when: every route has a test`)), PATIENT);
    expect(ui.screen()).toMatch(/rows 1–\d+ of \d+ · PgUp\/PgDn scroll · Esc closes/);
    expectTerminalSafe(ui.lastFrame() ?? '', { sgr: true });
    expect(ui.screen()).not.toContain('step 40');
    for (let i = 0; i < 6; i++) await ui.type(KEY.pageDown);
    await vi.waitFor(() => expect(ui.screen()).toMatch(/progress 40% by Alice[\s\S]*step 40/), PATIENT);
    await ui.type(KEY.escape);
    await vi.waitFor(() => expect(ui.screen()).not.toContain('Esc closes'), PATIENT);
    expect(ui.screen()).toMatch(/│ › type a message, or \/help/);
  });

  it('tells the room I am away after a quiet while and back at the next key, also across a reconnect', async () => {
    hub = await startTestHub();
    const bob = recorder(await hub.client('Bob', 'qa'));
    let alice!: HuddleClient;
    const timers = manualTimers();
    const ui = startUi('Alice', 'backend-dev', async () => (alice = await hub.client('Alice', 'backend-dev')), { awayAfterMs: 600_000, timers });
    // what Bob saw of Alice, in order; a marker sent over Alice's connection shows where each step ends
    const seen = () => bob.events.flatMap((e) => (e.type === 'presence' && e.participant.name === 'Alice' ? [e.change] : e.type === 'message' && e.from.name === 'Alice' ? [e.text] : []));
    const mark = async (text: string) => {
      await alice.send({ type: 'chat', text });
      await vi.waitFor(() => expect(seen()).toContain(text), PATIENT);
    };
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);
    await vi.waitFor(() => expect(timers.pending()).toBe(1), PATIENT); // the quiet time starts once connected
    timers.elapse(599_000);
    await ui.type('x');
    await vi.waitFor(() => expect(ui.screen()).toContain('› x'), PATIENT);
    timers.elapse(599_000); // the key started the quiet time again
    await mark('(1)');
    timers.elapse(1000);
    await mark('(2)');
    expect(seen()).toEqual(['joined', '(1)', 'away', '(2)']);
    await vi.waitFor(() => expect(ui.screen()).toContain('◐ away'), PATIENT);
    expect(ui.screen()).toMatch(/◐ Alice +backend-dev/);
    expect(ui.screen()).not.toContain('Alice (backend-dev) away'); // the roster says it; the chat stays quiet
    await ui.type('y');
    await vi.waitFor(() => expect(ui.screen()).toContain('› xy'), PATIENT);
    await mark('(3)');
    expect(seen()).toEqual(['joined', '(1)', 'away', '(2)', 'online', '(3)']);
    await vi.waitFor(() => expect(ui.screen()).toContain('● online'), PATIENT);

    timers.elapse(600_000);
    await mark('(4)');
    expect(seen().slice(-2)).toEqual(['away', '(4)']);
    // the hub restarts while Alice is away: the terminal rejoins (online to the hub) and says away once more
    await hub.stop();
    await hub.restart();
    const carol = await vi.waitFor(() => hub.client('Carol', 'qa'), PATIENT);
    await vi.waitFor(async () => expect((await carol.request({ type: 'who' })).participants.find((p) => p.name === 'Alice')).toMatchObject({ status: 'away' }), PATIENT);
  });
});
