/**
 * `huddle explain` and `huddle plan` (issue 12) with the real binary, without a hub: the lead's
 * judgement for anyone to inspect and measure. Empty input, 100 KB of text, emoji, other languages and
 * pasted code are handled without throwing or hanging. Needs `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanupAfterEach, tempDir } from '../helpers/cleanup.js';
import { assertBuilt, runHuddle } from '../helpers/cli.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const jsonLines = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const STACK = "TypeError: Cannot read properties of undefined (reading 'id')\n    at Checkout.render (/app/src/Checkout.tsx:42:17)\n    at processChild (/app/node_modules/react-dom/index.js:3990:14)";
/** 100 KB of words and non-words, on one line. */
const BIG = Array.from({ length: 12_500 }, (_, i) => ['stuck', 'zxqv', 'the', 'deploy', '🎉', 'and', 'fails', 'wrkl'][i % 8]).join(' ');

describe('huddle explain', () => {
  it('reads one line given as an argument, and says what the lead does', async () => {
    const r = await runHuddle(['explain', 'the notifications need 1000+ concurrent connections but our infrastructure handles 100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^blocker 0\.\d\d business \[capacity: .*\] the notifications need .* → records a blocker on the sender's task and escalates it to the product owner\n$/);
  });

  it('reads one line per line of stdin, as JSON, whatever the line holds', async () => {
    const input = ['No blockers on my side', 'Not sure which of the two auth flows the spec wants', "I'm blocked on the staging credentials", '', '🎉🚀', 'Je suis bloqué sur le déploiement', 'const x = () => { throw new Error("boom"); };', BIG].join('\n');
    const r = await runHuddle(['explain', '--json'], { input });
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(8);
    for (const l of lines) expect(Object.keys(l)).toEqual(['text', 'reading', 'confidence', 'kind', 'category', 'heard']);
    expect(lines.map((l) => l.reading)).toEqual(['none', 'unsure', 'blocker', 'none', 'none', 'unsure', expect.any(String), expect.any(String)]);
    expect(lines[2]).toMatchObject({ confidence: expect.any(Number), kind: 'technical', category: 'stuck', heard: "i'm blocked" });
    expect((lines[7]!.text as string).length).toBe(BIG.length);
  });

  it('prints nothing for empty input, and describes itself in --help', async () => {
    expect(await runHuddle(['explain'], { input: '' })).toMatchObject({ code: 0, stdout: '' });
    const help = await runHuddle(['explain', '--help']);
    expect(help.stdout).toMatch(/blocker \(it acts\), unsure \(it\s+asks\), or none[\s\S]*--json/);
    expect((await runHuddle(['--help'])).stdout).toMatch(/plan \[options\] \[objectives\.\.\.\][\s\S]*explain \[options\] \[text\.\.\.\]/);
  });
});

describe('huddle plan', () => {
  it('proposes the plan the lead would, for objectives given as arguments', async () => {
    const r = await runHuddle(['plan', 'Let users sign in with their Google account', 'Change the primary button colour to the new brand blue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/team of 8/);
    expect(r.stdout).toMatch(/1\. Let users sign in with their Google account — HIGH .*roles: cto, backend-dev, frontend-dev, security, qa/);
    expect(r.stdout).toMatch(/Security review of how users sign in with their Google account — security/);
    expect(r.stdout).not.toMatch(/What should this sprint achieve|Reply with:/);
  });

  it('prints the proposal as one JSON object, with a team file, a sprint length and a strategy', async () => {
    const dir = tempDir('huddle-plan-', cleanup);
    const team = join(dir, 'team.json');
    writeFileSync(team, JSON.stringify({ roles: [{ role: 'security', takesTasks: false }, { role: 'data-eng', title: 'Data Engineer', expertise: ['data'], hoursPerDay: 6 }] }));
    const r = await runHuddle(['plan', '--json', '--team', team, '--days', '10', '--strategy', 'balanced'], { input: 'Build a nightly ETL from Postgres into BigQuery\nMigrate the orders table to the new schema without downtime\n' });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { objectives: Record<string, unknown>[]; tasks: Record<string, unknown>[]; unreadable: unknown[] };
    expect(plan.objectives).toHaveLength(2);
    expect(Object.keys(plan.objectives[0]!)).toEqual(['text', 'priority', 'points', 'hours', 'domains', 'reasons']);
    expect(plan.objectives[1]).toMatchObject({ domains: ['database'], reasons: expect.arrayContaining(['"without downtime" ×1.3']) });
    expect(Object.keys(plan.tasks[0]!)).toEqual(['key', 'title', 'role', 'hours', 'dependsOn', 'assignee', 'rationale', 'acceptance']);
    expect(plan.tasks.map((t) => t.assignee)).not.toContain('Security Engineer');
    expect(plan.tasks.some((t) => t.role === 'devops')).toBe(true);
    // balanced: the least loaded of those qualified, the added data engineer among them
    expect(plan.tasks.every((t) => typeof t.assignee === 'string')).toBe(true);
    expect(plan.tasks.map((t) => t.assignee)).toContain('Data Engineer');
  });

  it('names back what it cannot plan: other languages, gibberish, emoji, pasted code; and handles 100 KB', async () => {
    const r = await runHuddle(['plan', '--json'], { input: ['Añadir inicio de sesión con Google para los usuarios', 'asdf qwer zxcv', '🎉🎉🎉', STACK, 'Add dark mode'].join('\n') });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { objectives: { text: string }[]; unreadable: { why: string }[] };
    expect(plan.objectives.map((o) => o.text)).toEqual(['Add dark mode']);
    expect(plan.unreadable.map((u) => u.why)).toEqual(['3 line(s) of pasted stack trace: not an objective', 'it looks like Spanish', 'it reads as gibberish', 'only emoji']);
    const big = await runHuddle(['plan', BIG]);
    expect([0, 2]).toContain(big.code);
    expect(big.stdout + big.stderr).toMatch(/Not planned|could not/);
  });

  it('refuses bad flags and empty input with a next step', async () => {
    expect(await runHuddle(['plan', '--days', '0', 'Add dark mode'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--days takes a whole number of days from 1 to 60, not "0"/) });
    expect(await runHuddle(['plan', '--strategy', 'random', 'Add dark mode'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--strategy takes one of expertise, balanced, deadline/) });
    expect(await runHuddle(['plan', '--team', '/nonexistent/team.json', 'Add dark mode'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Cannot read the team file/) });
    expect(await runHuddle(['plan'], { input: '' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/No objectives given/) });
    const only = await runHuddle(['plan', '日本語のテキストです']);
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/could not read[\s\S]*it is written in Chinese or Japanese script/);
  });
});
