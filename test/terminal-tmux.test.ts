/**
 * The real ink UI in a real terminal: `huddle agent` under tmux, driven with send-keys and read with
 * capture-pane, asserting on what a person would see. Needs `npm run build`; skipped only without tmux.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt } from './helpers/cli.js';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';
import { hasTmux, startTerminal as startTmux, type Terminal } from './helpers/tmux.js';

/** how long to wait for something a person would see: generous, as CI machines can be busy */
const PATIENT = { timeout: 10_000, interval: 50 };

let hub: TestHub;
let terminal: Terminal | undefined;
afterEach(async () => {
  terminal?.kill();
  await hub?.close();
});

function startTerminal(name: string, role: string, extra: string[] = [], env: Record<string, string> = {}): void {
  const token = role === 'human' ? hub.running.tokens.admin : hub.running.tokens.member;
  terminal = startTmux(['agent', '--role', role, '--name', name, '--url', hub.url, '--token', token, '--data', hub.dataDir, ...extra], { columns: 120, rows: 40, env });
}

/** An SGR sequence that sets a colour (foreground or background, any palette). */
const COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

const screen = () => terminal!.screen();
const keys = (...k: string[]) => terminal!.keys(...k);
const until = (predicate: (text: string) => boolean, timeout = 10_000) => terminal!.until(predicate, timeout);

beforeAll(() => {
  if (!hasTmux) console.warn('terminal-tmux: tmux is not installed, so the real-terminal test of the ink UI is SKIPPED.');
  else assertBuilt();
});

describe.skipIf(!hasTmux)('the ink UI in a real terminal (tmux)', { timeout: 60_000 }, () => {
  it('shows chat with badges, sends what I type, runs slash commands and takes a task', async () => {
    hub = await startTestHub();
    const bob = await hub.client('Bob', 'qa');
    const heard = recorder(bob);
    startTerminal('Alice', 'backend-dev');
    await until((s) => s.includes('● online') && s.includes('Alice (backend-dev)'));
    expect(screen()).toMatch(/Team[\s\S]*● Alice +backend-dev/);

    await bob.send({ type: 'chat', text: 'welcome Alice' });
    await until((s) => /\d\d:\d\d +qa +Bob: welcome Alice/.test(s));

    keys('hello from the terminal', 'Enter');
    await vi.waitFor(() => expect(heard.messages()).toContain('hello from the terminal'), PATIENT);
    await until((s) => /backend-dev +Alice: hello from the terminal/.test(s));

    keys('/who', 'Enter');
    await until((s) => s.includes('Participants') && /online +qa +Bob/.test(s));

    const lead = await hub.client('Lead', 'orchestrator');
    const now = Date.now();
    await lead.send({ type: 'sprint_create', sprint: { name: 'Sprint 1', startsAt: now, endsAt: now + 864e5 }, tasks: [{ title: 'Login API', role: 'backend-dev', estimateHours: 6, assignee: 'Alice' }] });
    await lead.send({ type: 'task_update', taskId: 'T-1', action: 'assign', assignee: 'Alice' });
    await until((s) => s.includes('T-1 is yours: Login API (6h). /accept T-1') && /T-1 assigned/.test(s));
    expect(screen()).toContain('Sprint 1 0/1 done');

    keys('/acc', 'Tab');
    await until((s) => s.includes('› /accept '));
    keys('T-1', 'Enter');
    await until((s) => s.includes('T-1 accepted.') && /T-1 accepted/.test(s.split('My tasks')[1] ?? ''));

    keys('/start T-9', 'Enter');
    await until((s) => s.includes('✗ No task T-9'));

    keys('C-c');
    await until((s) => s.includes('[exited 0]'));
  });

  it("opens the product owner's prompt for an escalation and answers it with the arrow keys", async () => {
    hub = await startTestHub();
    const lead = await hub.client('Lead', 'orchestrator');
    startTerminal('Pat', 'human');
    await until((s) => s.includes('● online'));
    await lead.send({ type: 'escalate', title: 'Login scope is too big', blocker: 'SSO needs a vendor contract', options: [{ key: 'A', label: 'drop SSO' }, { key: 'B', label: 'defer SSO to next sprint' }] });
    await until((s) => s.includes('Decision needed E-1: Login scope is too big') && s.includes('❯ A) drop SSO'));
    keys('Down');
    await until((s) => s.includes('❯ B) defer SSO to next sprint'));
    keys('Enter');
    await until((s) => s.includes('Answered E-1: B) defer SSO to next sprint.') && !s.includes('Decision needed'));
    const answered = await lead.request({ type: 'escalations', status: 'answered' });
    expect(answered.decisions[0]).toMatchObject({ escalationId: 'E-1', option: 'B', by: 'Pat' });
  });

  it('shows me away after --away-after without a key and online at the next; /plan asks the lead for a sprint', async () => {
    hub = await startTestHub();
    const bob = recorder(await hub.client('Bob', 'qa'));
    const patIs = () => bob.events.flatMap((e) => (e.type === 'presence' && e.participant.name === 'Pat' ? [e.change] : []));
    startTerminal('Pat', 'human', ['--away-after', '1s']);
    await until((s) => s.includes('◐ away') && /◐ Pat +human/.test(s));
    await vi.waitFor(() => expect(patIs()).toEqual(['joined', 'away']), PATIENT);
    keys('/plan --days 5', 'Enter');
    await vi.waitFor(() => expect(bob.messages()).toContain('plan sprint --days 5'), PATIENT);
    expect(patIs().slice(0, 3)).toEqual(['joined', 'away', 'online']);
    await until((s) => /human +Pat: plan sprint --days 5/.test(s));
  });

  it('draws in colour, and in none under NO_COLOR', async () => {
    hub = await startTestHub();
    // CI=true alone turns chalk's colour off; FORCE_COLOR turns it back on, and NO_COLOR wins over both
    startTerminal('Alice', 'backend-dev', [], { FORCE_COLOR: '1' });
    await until((s) => s.includes('● online'));
    expect(terminal!.styled()).toMatch(COLOUR);
    terminal!.kill();
    startTerminal('Bob', 'backend-dev', [], { FORCE_COLOR: '1', NO_COLOR: '1' });
    await until((s) => s.includes('● online') && s.includes('Bob (backend-dev)'));
    expect(terminal!.styled()).not.toMatch(COLOUR);
  });

  it('says when the hub is gone, queues what I type and sends it once the hub is back', async () => {
    hub = await startTestHub();
    startTerminal('Alice', 'backend-dev');
    await until((s) => s.includes('● online'));
    await hub.stop();
    await until((s) => s.includes('reconnecting…'));
    keys('typed while away', 'Enter');
    // in the chat at once, as pending, and counted in the status bar
    await until((s) => s.includes('reconnecting… · 1 message queued') && /Alice: typed while away · queued, sent when the hub is back/.test(s));
    await hub.restart();
    await until((s) => s.includes('● online') && /Alice: typed while away ✓ sent/.test(s) && !s.includes('· queued'));
    const history = await (await hub.client('Bob', 'qa')).request({ type: 'history', limit: 10 });
    expect(history.events.map((e) => (e.type === 'message' ? e.text : e.type))).toContain('typed while away');
  });
});
