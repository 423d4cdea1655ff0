/**
 * The lead with a model, end to end: the built `huddle up --llm …` against a real local HTTP server on
 * 127.0.0.1 that speaks the OpenAI chat completions API (and the Anthropic messages API), replaying
 * recorded answers; and the `command` provider with small scripts. Each run ends in a sensible plan,
 * and where the model failed (429 then success, 500, a timeout, garbage, a command that hangs or exits
 * non-zero) the room is told why in one line. Without --llm, nothing is sent anywhere.
 * Needs `npm run build`.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';
import { assertBuilt, runHuddle, spawnHuddleUntilCleanup, type Spawned } from './helpers/cli.js';
import { startFakeLlm, type FakeLlmServer, type FakeReply, type FakeRequest } from './helpers/fake-llm-server.js';
import { PREVIEW_LINE, PREVIEW_READING, SEED_LINE, SEED_PLAN, SEED_PLAN_TEXT, TOKEN_BLOCKER } from './helpers/llm-recordings.js';

const cleanup = cleanupAfterEach();
beforeAll(assertBuilt);

type Terminal = Spawned & { name: string };
const wait = (fn: () => void, timeout = 20_000) => vi.waitFor(fn, { timeout, interval: 50 });

const fromLead = (t: Terminal, kind?: string) => t.jsonLines().filter((e) => e.type === 'message' && e.from?.role === 'orchestrator' && (!kind || e.card?.kind === kind));
const leadTexts = (t: Terminal) => fromLead(t).map((e) => e.text as string);
const planTitles = (t: Terminal) => (fromLead(t, 'breakdown')[0]?.card.tasks as { title: string }[] | undefined)?.map((x) => x.title) ?? [];
const OFFLINE_FIRST_TASK = 'Design user authentication for our API';

async function fakeLlm(reply: (request: FakeRequest, index: number) => FakeReply): Promise<FakeLlmServer> {
  const server = await startFakeLlm(reply);
  cleanup(() => server.close());
  return server;
}

/** `huddle up` with these flags, a product owner and (unless `alone`) three agents in JSON mode. */
async function room(args: string[], env: NodeJS.ProcessEnv = {}, alone = false) {
  const dataDir = tempDir('huddle-e2e-llm-', cleanup);
  const up = spawnHuddleUntilCleanup(['up', '--port', '0', '--data', dataDir, '--tick', '500ms', ...args], cleanup, { env });
  await wait(() => expect(up.out()).toMatch(/huddle lead Tech Lead is in the room/));
  const terminal = (name: string, role: string): Terminal => Object.assign(spawnHuddleUntilCleanup(['agent', '--json', '--role', role, '--name', name, '--data', dataDir], cleanup), { name });
  const po = terminal('Product Owner', 'human');
  const agents = alone ? null : { cto: terminal('CTO', 'cto'), backend: terminal('Backend Developer', 'backend-dev'), qa: terminal('QA Engineer', 'qa') };
  for (const t of [po, ...Object.values(agents ?? {})]) await wait(() => expect(t.jsonLines().some((e) => e.type === 'joined')).toBe(true));
  return { po, agents, up, dataDir, once: (cmd: string[]) => runHuddle([...cmd, '--data', dataDir], { cwd: tmpdir() }) };
}

/** The seed's planning session up to the proposed plan. */
async function planSeed(po: Terminal): Promise<void> {
  po.write('plan sprint');
  await wait(() => expect(fromLead(po, 'capacity')).toHaveLength(1));
  po.write(SEED_LINE);
  await wait(() => expect(fromLead(po, 'breakdown')).toHaveLength(1));
}

const byUse = (answers: Record<string, FakeReply>) => (r: FakeRequest) => answers[r.use ?? ''] ?? { text: JSON.stringify({ reading: 'none', confidence: 0.9, kind: null }) };

describe('huddle up --llm against a local OpenAI-compatible server', () => {
  it('plans the seed with the model, reads a blocker with it, guides with it, and shows its usage in huddle status', async () => {
    const nothing = { text: JSON.stringify({ reading: 'none', confidence: 0.9, kind: null }) };
    const server = await fakeLlm((r) => (r.use === 'chat' ? (r.prompt.includes('502') ? { text: JSON.stringify(PREVIEW_READING) } : nothing) : byUse({ plan: { text: SEED_PLAN_TEXT }, blocker: { text: JSON.stringify(TOKEN_BLOCKER) } })(r)));
    const { po, agents, up, once } = await room(['--llm', 'openai-compatible:test', '--llm-base-url', server.url, '--llm-chat', 'all']);
    const { cto, backend } = agents!;
    expect(up.err()).toMatch(/llm: the lead thinks with openai-compatible:test at http:\/\/127\.0\.0\.1:\d+\/v1/);

    await planSeed(po);
    expect(planTitles(po)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    const said = leadTexts(po);
    expect(said.findIndex((t) => t.startsWith('Thinking about this with openai-compatible:test'))).toBeGreaterThan(0);
    const plan = server.requests.find((r) => r.use === 'plan')!;
    expect(plan).toMatchObject({ path: '/v1/chat/completions', body: { model: 'test' } });
    expect(plan.prompt).toContain(SEED_LINE);

    po.write('approve');
    await wait(() => expect(cto.jsonLines().some((e) => e.type === 'task' && e.task.title.startsWith('Choose the token model') && e.task.status === 'assigned')).toBe(true));
    const design = cto.jsonLines().find((e) => e.type === 'task' && e.task.title.startsWith('Choose the token model'))!.task;
    cto.write(`/start ${design.id}`);
    cto.write(`/done ${design.id} decided`);
    await wait(() => expect(backend.jsonLines().some((e) => e.type === 'task' && e.task.title.startsWith('Build JWT') && e.task.assignee === 'Backend Developer')).toBe(true));
    const impl = backend.jsonLines().find((e) => e.type === 'task' && e.task.title.startsWith('Build JWT'))!.task;
    backend.write(`/start ${impl.id}`);
    await wait(() => expect(backend.jsonLines().some((e) => e.type === 'task' && e.task.id === impl.id && e.task.status === 'in_progress')).toBe(true));

    // A blocker told by its effect, no cue word: the model reads it, the lead records it and guides with the model's steps.
    backend.write(PREVIEW_LINE);
    await wait(() => expect(fromLead(backend, 'guidance')).toHaveLength(1));
    expect(fromLead(backend, 'guidance')[0]!.card).toMatchObject({ taskId: impl.id, topic: 'Token signature checks', steps: TOKEN_BLOCKER.guidance.steps });

    const status = await once(['status']);
    expect(status.stdout).toMatch(/Model: openai-compatible:test · [\d,]+ of 300,000 tokens this sprint \(\d+%\) · \d+ questions, \d+ answers used, 0 offline fallbacks/);
    const json = JSON.parse((await once(['status', '--json'])).stdout) as { llm: { model: string; tokens: number } };
    expect(json.llm).toMatchObject({ model: 'openai-compatible:test', tokens: expect.any(Number) });
    expect(json.llm.tokens).toBeGreaterThanOrEqual(1800);
  });

  it('retries a 429 and then plans with the model', async () => {
    const server = await fakeLlm((r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '0' } } : byUse({ plan: { text: SEED_PLAN_TEXT } })(r)));
    const { po } = await room(['--llm', 'openai-compatible:test', '--llm-base-url', server.url], {}, true);
    await planSeed(po);
    expect(planTitles(po)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    expect(server.requests.filter((r) => r.use === 'plan')).toHaveLength(2);
    expect(leadTexts(po).some((t) => t.startsWith("The model's"))).toBe(false);
  });

  it.each<[string, FakeReply, string[], RegExp]>([
    ['a 500', { status: 500 }, [], /^The model's plan failed: the provider answered 500; this is the offline plan\.$/],
    ['a timeout', { hang: true }, ['--llm-timeout', '2s'], /^The model's plan did not come within 2 s; this is the offline plan\.$/],
    ['a body that is not the API', { raw: '<html>502 Bad Gateway</html>' }, [], /^The model's plan came back in a form the provider’s API does not have; this is the offline plan\.$/],
    ['garbage for an answer', { text: 'lol, no plan today 🙃' }, [], /^The model's plan was not JSON; this is the offline plan\.$/],
  ])('falls back to the offline plan after %s, and says why in the room', async (_, reply, extra, reason) => {
    const server = await fakeLlm(() => reply);
    const { po } = await room(['--llm', 'openai-compatible:test', '--llm-base-url', server.url, ...extra], {}, true);
    await planSeed(po);
    expect(planTitles(po)).toContain(OFFLINE_FIRST_TASK);
    const said = leadTexts(po);
    const at = said.findIndex((t) => reason.test(t));
    expect(at, said.join('\n')).toBeGreaterThan(0);
    expect(said.findIndex((t) => t.startsWith('Objectives ('))).toBeGreaterThan(at);
    // The plan still works: approving it hands out its first stage.
    po.write('approve');
    await wait(() => expect(leadTexts(po).some((t) => /^Approved: Sprint/.test(t))).toBe(true));
  });
});

describe('huddle up --llm with other providers', () => {
  it('speaks the Anthropic messages API with the key from ANTHROPIC_API_KEY, and never shows the key', async () => {
    const server = await fakeLlm(byUse({ plan: { text: SEED_PLAN_TEXT } }));
    const key = 'sk-ant-test-DO-NOT-SHOW-1234';
    const { po, up } = await room(['--llm', 'anthropic:claude-test', '--llm-base-url', server.url], { ANTHROPIC_API_KEY: key }, true);
    await planSeed(po);
    expect(planTitles(po)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    expect(server.requests[0]).toMatchObject({ path: '/v1/messages', body: { model: 'claude-test' } });
    expect(server.requests[0]!.headers['x-api-key']).toBe(key);
    for (const seen of [up.out(), up.err(), po.out()]) expect(seen).not.toContain(key);
  });

  it.each<[string, string, string[], RegExp | null]>([
    ['answers well', `cat > /dev/null\ncat <<'EOF'\n${JSON.stringify(SEED_PLAN)}\nEOF`, [], null],
    ['exits non-zero', 'cat > /dev/null\necho "out of credits" >&2\nexit 4', [], /^The model's plan failed: the command exited with status 4; this is the offline plan\.$/],
    ['hangs', 'sleep 120', ['--llm-timeout', '2s'], /^The model's plan did not come within 2 s; this is the offline plan\.$/],
  ])('thinks with a local command that %s', async (_, body, extra, reason) => {
    const dir = tempDir('huddle-e2e-llm-cmd-', cleanup);
    const script = join(dir, 'brain.sh');
    writeFileSync(script, `#!/bin/sh\n${body}\n`);
    chmodSync(script, 0o755);
    const { po } = await room(['--llm', `command:${script}`, ...extra], {}, true);
    await planSeed(po);
    if (!reason) {
      expect(planTitles(po)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
      expect(leadTexts(po).some((t) => t.startsWith('Thinking about this with command:brain.sh'))).toBe(true);
      return;
    }
    expect(planTitles(po)).toContain(OFFLINE_FIRST_TASK);
    expect(leadTexts(po).some((t) => reason.test(t))).toBe(true);
  });
});

describe('huddle up without --llm', () => {
  it('plans offline and sends nothing anywhere, whatever keys and URLs are set', async () => {
    const server = await fakeLlm(() => ({ text: SEED_PLAN_TEXT }));
    const { po, up } = await room([], { OPENAI_API_KEY: 'sk-test', ANTHROPIC_API_KEY: 'sk-ant-test', HUDDLE_LLM_BASE_URL: server.url, HUDDLE_LLM_API_KEY: 'sk-h' });
    await planSeed(po);
    po.write('approve');
    await wait(() => expect(leadTexts(po).some((t) => /^Approved: Sprint/.test(t))).toBe(true));
    expect(planTitles(po)).toContain(OFFLINE_FIRST_TASK);
    expect(leadTexts(po).some((t) => /^Thinking about this/.test(t))).toBe(false);
    expect(up.err()).not.toMatch(/llm:/);
    expect(server.requests).toEqual([]);
  });

  it('refuses a bad --llm with a sentence that says what to type', async () => {
    const bad = await runHuddle(['up', '--port', '0', '--data', tempDir('huddle-e2e-llm-bad-', cleanup), '--llm', 'anthropic:claude-test'], { cwd: tmpdir() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^huddle: anthropic needs an API key: set ANTHROPIC_API_KEY \(or HUDDLE_LLM_API_KEY\)\.$/m);
  });
});

describe('huddle plan and huddle explain with --llm, without a hub', () => {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) => runHuddle(args, { cwd: tmpdir(), env, ...(input !== undefined ? { input } : {}) });
  const titles = (stdout: string) => (JSON.parse(stdout) as { tasks: { title: string }[] }).tasks.map((t) => t.title);

  it('huddle plan --llm prints the model’s plan, checked; without --llm the offline plan, and nothing is sent', async () => {
    const server = await fakeLlm(byUse({ plan: { text: SEED_PLAN_TEXT } }));
    const flags = ['--llm', 'openai-compatible:test', '--llm-base-url', server.url];
    const model = await run(['plan', '--json', ...flags, SEED_LINE]);
    expect(model.code, model.stderr).toBe(0);
    expect(titles(model.stdout)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    expect(model.stderr).toMatch(/llm: plan answered by openai-compatible:test/);
    expect(server.requests.filter((r) => r.use === 'plan')).toHaveLength(1);

    const text = await run(['plan', ...flags, SEED_LINE]);
    expect(text.stdout).toContain('Choose the token model and write down the login flow');
    expect(text.stdout).not.toMatch(/Thinking about this/);

    const offline = await run(['plan', '--json', SEED_LINE], { HUDDLE_LLM_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' });
    expect(titles(offline.stdout)).toContain(OFFLINE_FIRST_TASK);
    expect(offline.stderr).toBe('');
    expect(server.requests.filter((r) => r.use === 'plan')).toHaveLength(2);
  });

  it('huddle plan --llm falls back to the offline plan when the model fails, and says why on stderr', async () => {
    const server = await fakeLlm(() => ({ status: 500 }));
    const failed = await run(['plan', '--json', '--llm', 'openai-compatible:test', '--llm-base-url', server.url, SEED_LINE]);
    expect(failed.code).toBe(0);
    expect(titles(failed.stdout)).toContain(OFFLINE_FIRST_TASK);
    expect(failed.stderr).toMatch(/^huddle: llm: The model's plan failed: the provider answered 500; this is the offline plan\.$/m);
  });

  it.each<[string, string, NodeJS.ProcessEnv, string]>([
    ['openai', 'openai:gpt-test', { OPENAI_API_KEY: 'sk-openai-DO-NOT-SHOW' }, 'sk-openai-DO-NOT-SHOW'],
    ['ollama', 'ollama:llama-test', {}, ''],
    ['openai-compatible', 'openai-compatible:local-test', { HUDDLE_LLM_API_KEY: 'sk-local-DO-NOT-SHOW' }, 'sk-local-DO-NOT-SHOW'],
  ])('speaks the OpenAI chat completions API as %s, with the key it is given (if any), never showing it', async (_, spec, env, key) => {
    const server = await fakeLlm(byUse({ plan: { text: SEED_PLAN_TEXT } }));
    const planned = await run(['plan', '--json', '--llm', spec, '--llm-base-url', server.url, SEED_LINE], env);
    expect(planned.code, planned.stderr).toBe(0);
    expect(titles(planned.stdout)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    expect(server.requests[0]).toMatchObject({ path: '/v1/chat/completions', body: { model: spec.slice(spec.indexOf(':') + 1) } });
    expect(server.requests[0]!.headers.authorization).toBe(key ? `Bearer ${key}` : undefined);
    if (key) for (const seen of [planned.stdout, planned.stderr]) expect(seen).not.toContain(key);
  });

  it('huddle explain --llm reads every line with the model; a failing command falls back line by line, saying so', async () => {
    const server = await fakeLlm((r) => (r.prompt.includes('502') ? { text: JSON.stringify(PREVIEW_READING) } : { text: JSON.stringify({ reading: 'none', confidence: 0.9, kind: null }) }));
    const lines = `${PREVIEW_LINE}\nI am stuck on the login\n`;
    const model = await run(['explain', '--json', '--llm', 'openai-compatible:test', '--llm-base-url', server.url], {}, lines);
    expect(model.code, model.stderr).toBe(0);
    const read = model.stdout.trim().split('\n').map((l) => JSON.parse(l) as { reading: string; confidence: number; heard: string | null });
    expect(read[0]).toMatchObject({ reading: 'blocker', confidence: PREVIEW_READING.confidence, heard: PREVIEW_READING.heard });
    expect(read[1]).toMatchObject({ reading: 'none', confidence: 0.9 });
    expect(server.requests.filter((r) => r.use === 'chat')).toHaveLength(2);

    const dir = tempDir('huddle-e2e-llm-explain-', cleanup);
    const script = join(dir, 'broken.sh');
    writeFileSync(script, '#!/bin/sh\ncat > /dev/null\nexit 3\n');
    chmodSync(script, 0o755);
    const [failed, offline] = await Promise.all([run(['explain', '--json', '--llm', `command:${script}`], {}, lines), run(['explain', '--json'], {}, lines)]);
    expect(failed.code).toBe(0);
    expect(failed.stdout).toBe(offline.stdout);
    expect(failed.stderr.match(/llm: The model's reading of a chat line failed: the command exited with status 3; I went by the offline reading\./g)).toHaveLength(2);
  });
});
