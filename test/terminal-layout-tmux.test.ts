/**
 * The product owner's ink UI in a real terminal at 80×24, 100×30 and 160×50, through the seed's
 * planning and an escalation, with the real lead and a team (one of them "Zoë 🚀 前端") on a test hub.
 * Asserted on the captured screens: no row wider than the terminal, no mangled names, the chat
 * readable, each card shown once, a resize redrawn within a second. Needs `npm run build`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HuddleClient } from '../collaboration-server/client.js';
import type { Lead } from '../orchestrator/lead-runtime.js';
import { textWidth } from '../cli/text-width.js';
import { assertBuilt } from './helpers/cli.js';
import { startTestHub, type TestHub } from './helpers/hub.js';
import { startLeadOn } from './helpers/lead.js';
import { SEED } from './helpers/planning-team.js';
import { hasTmux, startTerminal, type Terminal } from './helpers/tmux.js';

const TEAM = [
  ['CTO', 'cto'],
  ['Backend Developer', 'backend-dev'],
  ['QA Engineer', 'qa'],
  ['Zoë 🚀 前端', 'frontend-dev'],
] as const;
const NAMES = ['Product Owner', 'Tech Lead', ...TEAM.map(([name]) => name)];
const SIZES = { small: [80, 24], medium: [100, 30], large: [160, 50] } as const;

let hub: TestHub | undefined;
let terminal: Terminal | undefined;
const leads: Lead[] = [];
afterEach(async () => {
  terminal?.kill();
  for (const lead of leads.splice(0)) lead.close();
  await hub?.close();
});
beforeAll(() => {
  if (!hasTmux) console.warn('terminal-layout-tmux: tmux is not installed, so the real-terminal layout test is SKIPPED.');
  else assertBuilt();
});

/** With HUDDLE_CAPTURES=DIR, each named screen is written there (docs/terminal.md shows them). */
function keep(name: string, screen: string): void {
  const dir = process.env.HUDDLE_CAPTURES;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.txt`), screen);
}

/** What must hold on every screen: the terminal's size exactly, no row past its edge, names whole. */
function expectSound(screen: string, [columns, rows]: readonly [number, number]): void {
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines).toHaveLength(rows);
  expect(lines.filter((l) => textWidth(l) > columns)).toEqual([]);
  // a row that was not wiped shows as a name run into other text
  for (const name of NAMES) expect(screen).not.toMatch(new RegExp(`${name}[A-Za-z]`));
  // every name in the team list is one of the team, whole or cut with an ellipsis
  for (const row of lines) {
    const member = /[│|] [●◐○] (.+?)\s{2,}|[│|] [●◐○] (.+?…)/u.exec(row);
    const shown = member?.[1] ?? member?.[2];
    if (shown) expect(NAMES.some((n) => n === shown.trim() || (shown.endsWith('…') && n.startsWith(shown.slice(0, -1))))).toBe(true);
  }
  // the status bar is the last row, whole, and the input box sits right above it
  expect(lines.at(-1)).toMatch(/^● online │ Product Owner/);
  expect(lines.at(-2)).toMatch(/^╰─+╯$/);
}

const count = (screen: string, text: string) => screen.split(text).length - 1;

/** A screen drawn to the end at `size`: the status bar on the last row, the input box above it as wide as the terminal. */
function drawn(screen: string, [columns, rows]: readonly [number, number]): boolean {
  const lines = screen.replace(/\n$/, '').split('\n');
  return lines.length === rows && /^● online/.test(lines.at(-1) ?? '') && /^╰─+╯$/.test(lines.at(-2) ?? '') && textWidth(lines.at(-2) ?? '') === columns;
}

/** Resizes and waits, for one second at most, for the new size to be drawn. */
async function resize(t: Terminal, size: readonly [number, number]): Promise<string> {
  t.resize(...size);
  return t.until((s) => drawn(s, size), 1000);
}

describe.skipIf(!hasTmux)('the ink UI at 80×24, 100×30 and 160×50 (tmux)', { timeout: 90_000 }, () => {
  it('plans the seed and answers an escalation, every screen whole and each thing said once', async () => {
    hub = await startTestHub();
    const team: Record<string, HuddleClient> = {};
    for (const [name, role] of TEAM) team[name] = await hub.client(name, role);
    await startLeadOn(hub, leads);
    terminal = startTerminal(['agent', '--role', 'human', '--name', 'Product Owner', '--url', hub.url, '--token', hub.running.tokens.admin, '--data', hub.dataDir], { columns: 80, rows: 24 });
    const t = terminal;
    await t.until((s) => s.includes('● online'));

    // the capacity card, then the breakdown: taller than 24 rows, so the chat shows its end
    t.keys('plan sprint', 'Enter');
    await t.until((s) => s.includes('Capacity —') && s.includes('What should this sprint achieve?'));
    expect(count(t.screen(), 'Sprint capacity:')).toBe(0); // the card, not the text it repeats
    t.keys(SEED, 'Enter');
    let screen = await t.until((s) => drawn(s, SIZES.small) && s.includes('critical path') && s.includes('Reply with: approve'));
    expectSound(screen, SIZES.small);
    expect(screen).not.toContain('done when:'); // the text's task list is the card's
    expect(screen).toMatch(/→ Zoë 🚀 前端|→ QA Engineer · after T-\d+/);
    keep('80x24-breakdown', screen);

    // PageUp brings the top of the card: its title once
    t.keys('PPage');
    screen = await t.until((s) => s.includes('Task breakdown') && s.includes('newer row(s) below'));
    expect(count(screen, 'Task breakdown')).toBe(1);
    expect(count(screen, 'Proposed plan')).toBe(0);
    expectSound(screen.replace(/\n[^\n]*newer row\(s\) below[^\n]*/, '\n'), SIZES.small);
    t.keys('NPage');
    await t.until((s) => drawn(s, SIZES.small) && s.includes('Reply with: approve') && !s.includes('newer row(s) below'));

    // a wider terminal: the side panel beside the chat, at once
    screen = await resize(t, SIZES.medium);
    expectSound(screen, SIZES.medium);
    expect(screen).toMatch(/Team/);
    expect(screen).toMatch(/● Zoë 🚀 前端/);

    // the widest: the whole breakdown as a table, with what each task waits for and why its assignee
    screen = await resize(t, SIZES.large);
    expectSound(screen, SIZES.large);
    expect(count(screen, 'Task breakdown')).toBe(1);
    expect(screen).toMatch(/key +stage +hours +after +assignee +title/);
    expect(screen).toMatch(/why: /);
    expect(screen).toMatch(/human +Product Owner: We need to implement user authentication/); // the chat stays readable above it
    keep('160x50-breakdown', screen);

    // approve; the QA engineer hits a product question, which the lead escalates
    t.keys('approve', 'Enter');
    const qa = team['QA Engineer']!;
    const plan = await vi.waitFor(
      async () => {
        const found = (await qa.request({ type: 'tasks', assignee: 'QA Engineer' })).tasks.find((x) => x.title === 'Plan testing coverage' && x.status === 'assigned');
        if (!found) throw new Error('not assigned yet');
        return found;
      },
      { timeout: 10_000, interval: 100 },
    );
    await qa.send({ type: 'task_update', taskId: plan.id, action: 'start' });
    await qa.send({ type: 'task_update', taskId: plan.id, action: 'block', note: 'Should we scale to multiple regions or buy a bigger database for the load tests?' });
    screen = await t.until((s) => drawn(s, SIZES.large) && s.includes('Decision needed E-1'));
    expectSound(screen, SIZES.large);
    // once: the prompt, not also the hub's line and the lead's card
    expect(count(screen, 'E-1')).toBe(1);
    expect(screen).not.toContain('needs the product owner');
    keep('160x50-escalation', screen);

    screen = await resize(t, SIZES.small);
    expectSound(screen, SIZES.small);
    expect(screen).toMatch(/║ ❯ A\) /);
    keep('80x24-escalation', screen);

    // stray output over the screen; Ctrl+L draws it all again
    // (the UI may draw a new line over it first, as it should; then it is written again)
    await vi.waitFor(
      async () => {
        t.scribble('\u001b[5;3Hstray output from elsewhere\n\n');
        await t.until((s) => s.includes('stray output from elsewhere'), 2000);
      },
      { timeout: 15_000, interval: 100 },
    );
    t.keys('C-l');
    screen = await t.until((s) => drawn(s, SIZES.small) && s.includes('Decision needed E-1') && !s.includes('stray output'));
    expectSound(screen, SIZES.small);

    // As a person does: look that the choice moved before pressing Enter.
    t.keys('Down');
    await t.until((s) => /║ {3}A\) /.test(s) && /║ ❯ B\) /.test(s));
    t.keys('Enter');
    screen = await t.until((s) => drawn(s, SIZES.small) && !s.includes('Decision needed') && /decided on E-1/.test(s));
    expectSound(screen, SIZES.small);
    screen = await resize(t, SIZES.medium);
    expectSound(screen, SIZES.medium);
  });
});
