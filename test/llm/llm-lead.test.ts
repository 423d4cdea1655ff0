/**
 * The lead with a model behind its advisor, over a real hub (port 0, SQLite): the product owner sees
 * it think, then the model's checked plan, or the offline one with the reason; a chat line the model
 * reads as a blocker is recorded and gets the model's guidance; a restarted lead approves the plan
 * it showed. The model is the AI SDK's mock.
 */
import type { MockLanguageModelV3 } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';
import { DEFAULT_LIMITS, type LlmConfig } from '../../orchestrator/advisor/llm/config.js';
import { LlmAdvisor } from '../../orchestrator/advisor/llm/llm-advisor.js';
import { createLlmBehaviour } from '../../orchestrator/advisor/llm/llm-behaviour.js';
import { LLM_STATE_KEY } from '../../orchestrator/advisor/llm/usage.js';
import { createBehaviours } from '../../orchestrator/behaviours.js';
import type { Lead } from '../../orchestrator/lead-runtime.js';
import { recorder, startTestHub, type TestHub } from '../helpers/hub.js';
import { startLeadOn, stopLead, type RunningLead } from '../helpers/lead.js';
import { httpError, scriptedModel, useOf, type Scripted } from '../helpers/llm-mock.js';
import { PLAN_UNKNOWN_ROLE, PREVIEW_LINE, PREVIEW_READING, SEED_LINE, SEED_PLAN, SEED_PLAN_TEXT, TOKEN_BLOCKER } from '../helpers/llm-recordings.js';
import { fromLead } from '../helpers/planning-team.js';
import { parsePrometheusText } from '../helpers/prometheus-text.js';

let hub: TestHub;
const leads: Lead[] = [];
afterEach(async () => {
  for (const l of leads.splice(0)) l.close();
  await hub?.close();
});

const config = (over: Partial<LlmConfig> = {}): LlmConfig => ({ provider: 'openai-compatible', model: 'test', label: 'mock:test', chat: 'unsure', limits: { ...DEFAULT_LIMITS }, ...over });

async function startLlmLead(model: MockLanguageModelV3, over: Partial<LlmConfig> = {}): Promise<RunningLead & { advisor: LlmAdvisor }> {
  const advisor = new LlmAdvisor({ config: config(over), model, roles: BUILT_IN_ROLES, sleep: async () => {} });
  const running = await startLeadOn(hub, leads, { behaviours: [createLlmBehaviour(advisor), ...createBehaviours({}, advisor)] });
  advisor.onWake(() => running.lead.tick());
  return { ...running, advisor };
}

async function room() {
  hub = await startTestHub();
  const po = await hub.client('Product Owner', 'human');
  const cto = await hub.client('CTO', 'cto');
  const backend = await hub.client('Backend Developer', 'backend-dev');
  const qa = await hub.client('QA Engineer', 'qa');
  return { po, cto, backend, qa, seen: recorder(po), backendSeen: recorder(backend) };
}

type Room = Awaited<ReturnType<typeof room>>;

/** The model's seed plan approved, its design done, and the implementation started by the backend developer. */
async function implementationStarted({ po, cto, backend, backendSeen }: Pick<Room, 'po' | 'cto' | 'backend' | 'backendSeen'>) {
  await po.send({ type: 'chat', text: 'plan sprint' });
  await po.send({ type: 'chat', text: SEED_LINE });
  await backendSeen.until(fromLead('breakdown'));
  await po.send({ type: 'chat', text: 'approve' });
  const tasks = async () => (await po.request({ type: 'tasks' })).tasks;
  await vi.waitFor(async () => expect((await tasks()).find((t) => t.title.startsWith('Choose the token model'))?.status).toBe('assigned'));
  const design = (await tasks()).find((t) => t.title.startsWith('Choose the token model'))!;
  await cto.send({ type: 'task_update', taskId: design.id, action: 'done' });
  await vi.waitFor(async () => expect((await tasks()).find((t) => t.title.startsWith('Build JWT'))?.assignee).toBe('Backend Developer'));
  const impl = (await tasks()).find((t) => t.title.startsWith('Build JWT'))!;
  await backend.send({ type: 'task_update', taskId: impl.id, action: 'start' });
  await vi.waitFor(async () => expect((await tasks()).find((t) => t.id === impl.id)?.status).toBe('in_progress'));
  return { impl, tasks };
}

const leadSaid = (events: HubEvent[]) => events.flatMap((e) => (e.type === 'message' && e.from.role === 'orchestrator' ? [e.text] : []));
const titlesIn = (e: HubEvent) => (e.type === 'message' && e.card?.kind === 'breakdown' ? e.card.tasks.map((t) => t.title) : []);

describe('the lead thinking with a model', () => {
  it('says it is thinking, then proposes the model’s plan, and the sprint is made of it', async () => {
    const { po, seen } = await room();
    const model = scriptedModel([SEED_PLAN_TEXT]);
    await startLlmLead(model);
    await po.send({ type: 'chat', text: 'plan sprint' });
    await seen.until(fromLead('capacity'));
    await po.send({ type: 'chat', text: SEED_LINE });
    const breakdown = await seen.until(fromLead('breakdown'));
    expect(titlesIn(breakdown)).toEqual(SEED_PLAN.tasks.map((t) => t.title));
    const said = leadSaid(seen.events);
    const thinking = said.findIndex((t) => t.startsWith('Thinking about this with mock:test'));
    expect(thinking).toBeGreaterThan(0);
    expect(said.findIndex((t) => t.startsWith('Objectives (2)'))).toBeGreaterThan(thinking);

    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect((await po.request({ type: 'tasks' })).tasks.map((t) => t.title)).toEqual(SEED_PLAN.tasks.map((t) => t.title)), { timeout: 5000 });
    const usage = await po.request({ type: 'state_get', key: LLM_STATE_KEY });
    expect(usage.value).toMatchObject({ usage: { model: 'mock:test', asks: 1, answers: 1, fallbacks: 0, tokens: 150 } });
  });

  it('counts its model calls, answers, fallbacks, refusals and tokens on the hub’s /metrics', async () => {
    const { po, seen } = await room();
    const scrape = async () => {
      const res = await fetch(`${hub.url.replace(/^ws:/, 'http:')}/metrics`, { headers: { authorization: `Bearer ${hub.running.tokens.admin}` } });
      return parsePrometheusText(await res.text());
    };
    const before = await scrape();
    for (const name of ['huddle_llm_calls_total', 'huddle_llm_fallbacks_total', 'huddle_llm_refusals_total']) expect(before.types.get(name)).toBe('counter');
    expect(before.value('huddle_llm_calls_total')).toBe(0);

    // the plan is answered; every reading of a chat line fails (500); a cap of 3 questions a minute refuses the rest
    const model = scriptedModel((prompt) => (useOf(prompt) === 'plan' ? SEED_PLAN_TEXT : httpError(500)));
    await startLlmLead(model, { chat: 'all', limits: { ...DEFAULT_LIMITS, asksPerMinute: 3 } });
    await po.send({ type: 'chat', text: 'plan sprint' });
    await po.send({ type: 'chat', text: SEED_LINE });
    await seen.until(fromLead('breakdown'));
    for (const line of ['the staging database is slow today', 'who has the keys to the build server', 'lunch is at noon', 'the printer is out of paper']) await po.send({ type: 'chat', text: line });

    const saved = async () => ((await po.request({ type: 'state_get', key: LLM_STATE_KEY })).value as { usage: { asks: number; answers: number; fallbacks: number; refused: number; tokens: number } }).usage;
    await vi.waitFor(async () => expect((await saved()).refused).toBeGreaterThan(0), { timeout: 5000 });
    const usage = await saved();
    const after = await scrape();
    const labels = { model: 'mock:test' };
    expect({
      asks: after.value('huddle_llm_calls_total', labels),
      answers: after.value('huddle_llm_answers_total', labels),
      fallbacks: after.value('huddle_llm_fallbacks_total', labels),
      refused: after.value('huddle_llm_refusals_total', labels),
      tokens: after.value('huddle_llm_tokens_total', labels),
    }).toEqual({ asks: usage.asks, answers: usage.answers, fallbacks: usage.fallbacks, refused: usage.refused, tokens: usage.tokens });
    expect(usage).toMatchObject({ asks: 3, answers: 1, tokens: 150 });
    expect(usage.fallbacks).toBeGreaterThanOrEqual(usage.refused + 2);
  });

  it('shows the offline plan when the model’s plan fails its checks, and says why first', async () => {
    const { po, seen } = await room();
    await startLlmLead(scriptedModel([PLAN_UNKNOWN_ROLE]));
    await po.send({ type: 'chat', text: 'plan sprint' });
    await po.send({ type: 'chat', text: SEED_LINE });
    const breakdown = await seen.until(fromLead('breakdown'));
    expect(titlesIn(breakdown)).toContain('Design user authentication for our API');
    const said = leadSaid(seen.events);
    const reason = said.findIndex((t) => /^The model's plan named a role this team does not have \(blockchain-wizard; .*\); this is the offline plan\.$/.test(t));
    expect(reason).toBeGreaterThan(0);
    expect(said.findIndex((t) => t.startsWith('Objectives ('))).toBeGreaterThan(reason);
  });

  it('answers commands while it thinks with a word to wait, and approves after a restart the plan it showed', async () => {
    const { po, seen } = await room();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const first = await startLlmLead(scriptedModel([SEED_PLAN_TEXT]));
    // The first lead's model answers only when told: meanwhile the product owner is asked to wait.
    first.advisor.onWake(() => void slow.then(() => first.lead.tick()));
    await po.send({ type: 'chat', text: 'plan sprint' });
    await po.send({ type: 'chat', text: SEED_LINE });
    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(() => expect(leadSaid(seen.events)).toContain('I am still thinking about the plan; it follows in a moment (`cancel` starts over).'));
    release();
    await seen.until(fromLead('breakdown'));
    await stopLead(first);

    // A new lead whose model would now plan something else entirely: it keeps the plan the PO saw.
    const other = scriptedModel(['{"objectives": []}']);
    await startLlmLead(other);
    await po.send({ type: 'chat', text: 'approve' });
    await vi.waitFor(async () => expect((await po.request({ type: 'tasks' })).tasks.map((t) => t.title)).toEqual(SEED_PLAN.tasks.map((t) => t.title)), { timeout: 5000 });
    expect(other.doGenerateCalls).toHaveLength(0);
  });

  it('reads a chat line with the model, records the blocker it hears, and guides with the model’s steps', async () => {
    const { po, cto, backend, backendSeen } = await room();
    const nothing = JSON.stringify({ reading: 'none', confidence: 0.9, kind: null });
    const answers: Record<string, Scripted> = { plan: SEED_PLAN_TEXT, blocker: JSON.stringify(TOKEN_BLOCKER) };
    const model = scriptedModel((prompt) => (useOf(prompt) === 'chat' ? (prompt.includes('502') ? JSON.stringify(PREVIEW_READING) : nothing) : (answers[useOf(prompt) ?? ''] ?? '')));
    await startLlmLead(model, { chat: 'all' });
    const { impl, tasks } = await implementationStarted({ po, cto, backend, backendSeen });

    // No word the offline reader knows: the model hears the blocker in it.
    await backend.send({ type: 'chat', text: PREVIEW_LINE });
    const guidance = await backendSeen.until(fromLead('guidance'));
    expect(guidance).toMatchObject({ card: { kind: 'guidance', taskId: impl.id, topic: 'Token signature checks', steps: TOKEN_BLOCKER.guidance.steps } });
    expect((await tasks()).find((t) => t.id === impl.id)?.status).toBe('blocked');
    expect(model.doGenerateCalls.map((c) => useOf(JSON.stringify(c.prompt)))).toEqual(expect.arrayContaining(['plan', 'chat', 'blocker']));
  });

  it('says in the room when the model fails on a chat line or a blocker, and acts on the offline answers', async () => {
    const { po, cto, backend, backendSeen } = await room();
    const answers: Record<string, Scripted> = { plan: SEED_PLAN_TEXT, chat: httpError(500), blocker: 'I would rather not say.' };
    await startLlmLead(scriptedModel((prompt) => answers[useOf(prompt) ?? ''] ?? ''), { chat: 'all' });
    const { impl, tasks } = await implementationStarted({ po, cto, backend, backendSeen });

    // The model cannot read the line: the offline reader hears the blocker, and the room is told why first.
    await backend.send({ type: 'chat', text: 'I am stuck on the token validation, every request gets a 401' });
    const guidance = await backendSeen.until(fromLead('guidance'));
    expect((await tasks()).find((t) => t.id === impl.id)?.status).toBe('blocked');
    const said = leadSaid(backendSeen.events);
    const chat = said.indexOf("The model's reading of a chat line failed: the provider answered 500; I went by the offline reading.");
    const blocker = said.indexOf("The model's advice on a blocker was not JSON; the guidance and options are the offline ones.");
    expect(chat, said.join('\n')).toBeGreaterThan(0);
    expect(blocker, said.join('\n')).toBeGreaterThan(chat);
    expect(said.indexOf(guidance.type === 'message' ? guidance.text : '')).toBeGreaterThan(blocker);
    expect(guidance).toMatchObject({ card: { kind: 'guidance', taskId: impl.id } });
    expect(guidance).not.toMatchObject({ card: { topic: TOKEN_BLOCKER.guidance.topic } });
  });
});
