/**
 * The LLM advisor with the AI SDK's mock model: offline answers at once, the model's once checked,
 * one repair round, then the offline answer with the reason said; bounded by time, retries, budget,
 * concurrency and the loop guard; each question asked once.
 */
import { describe, expect, it, vi } from 'vitest';
import { MockLanguageModelV3 } from 'ai/test';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import { FakeClock } from '../../collaboration-server/clock.js';
import type { Advisor } from '../../orchestrator/advisor/advisor.js';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { DEFAULT_LIMITS, Secret, type LlmConfig, type LlmLimits } from '../../orchestrator/advisor/llm/config.js';
import { LlmAdvisor } from '../../orchestrator/advisor/llm/llm-advisor.js';
import { makeSprint, makeTask } from '../helpers/monitor-fixtures.js';
import { httpError, result, scriptedModel, type Scripted } from '../helpers/llm-mock.js';
import { PLAN_ABSURD_HOURS, PLAN_CYCLE, PLAN_UNKNOWN_ROLE, PLAN_WRONG_SHAPE, PREVIEW_LINE, PREVIEW_READING, SCALE_BLOCKER, SEED_LINE, SEED_PLAN, SEED_PLAN_TEXT, TOKEN_BLOCKER } from '../helpers/llm-recordings.js';
import { MONDAY, seedView } from '../helpers/planning-team.js';
import { buildProposal, planCapacity, planQuestion, type PlanChoices } from '../../orchestrator/planning/proposal.js';

const config = (limits: Partial<LlmLimits> = {}, over: Partial<LlmConfig> = {}): LlmConfig => ({
  provider: 'openai-compatible',
  model: 'test',
  label: 'mock:test',
  chat: 'unsure',
  limits: { ...DEFAULT_LIMITS, timeoutMs: { ...DEFAULT_LIMITS.timeoutMs }, ...limits },
  ...over,
});

interface Made {
  advisor: LlmAdvisor;
  model: MockLanguageModelV3;
  wakes: () => number;
}

function make(script: Scripted[] | MockLanguageModelV3, options: { limits?: Partial<LlmLimits>; config?: Partial<LlmConfig>; offline?: Advisor; clock?: FakeClock } = {}): Made {
  const model = script instanceof MockLanguageModelV3 ? script : scriptedModel(script);
  const advisor = new LlmAdvisor({ config: config(options.limits, options.config), model, roles: BUILT_IN_ROLES, ...(options.offline ? { offline: options.offline } : {}), ...(options.clock ? { clock: options.clock } : {}), sleep: async () => {} });
  advisor.observe(seedView());
  let wakes = 0;
  advisor.onWake(() => wakes++);
  return { advisor, model, wakes: () => wakes };
}

const planOf = (advisor: Advisor) => {
  const { objectives } = advisor.analyseObjectives([SEED_LINE]);
  return { objectives, tasks: advisor.breakDown(objectives) };
};
const thinkingAboutPlan = (advisor: LlmAdvisor) => advisor.thinking({ call: 'analyseObjectives', input: [[SEED_LINE], undefined] });
const noticeTexts = (advisor: LlmAdvisor) => advisor.takeNotices().map((n) => n.text);

describe('the LLM advisor plans', () => {
  it('answers offline at once while it asks, then with the model’s checked plan', async () => {
    const { advisor, model, wakes } = make([SEED_PLAN_TEXT]);
    expect(thinkingAboutPlan(advisor)).toBe(true);
    expect(planOf(advisor)).toEqual(planOf(offlineAdvisor));
    await advisor.settled();
    expect(wakes()).toBeGreaterThan(0);
    expect(thinkingAboutPlan(advisor)).toBe(false);
    const { objectives, tasks } = planOf(advisor);
    expect(objectives.map((o) => [o.text, o.priority])).toEqual([
      ['Implement user authentication for our API', 'high'],
      ['Improve our testing coverage', 'medium'],
    ]);
    expect(objectives[0]!.priorityCue).toBe('mock:test: first, and everything else sits behind login');
    expect(tasks.map((t) => [t.key, t.title, t.role, t.hours, t.dependsOn])).toEqual(SEED_PLAN.tasks.map((t) => [t.key, t.title, t.role, t.hours, t.dependsOn]));
    expect(objectives.map((o) => o.hours)).toEqual([18, 10]);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(noticeTexts(advisor)).toEqual([]);
  });

  it('asks each question once, however often the lead asks for the plan', async () => {
    const { advisor, model } = make([SEED_PLAN_TEXT]);
    for (let i = 0; i < 5; i++) planOf(advisor);
    thinkingAboutPlan(advisor);
    await advisor.settled();
    for (let i = 0; i < 5; i++) planOf(advisor);
    expect(model.doGenerateCalls).toHaveLength(1);
  });

  it('numbers the model’s tasks T-1… in objective order and maps their dependencies', async () => {
    const shuffled = { ...SEED_PLAN, tasks: [SEED_PLAN.tasks[3]!, ...SEED_PLAN.tasks.slice(0, 3).map((t) => ({ ...t, key: `A${t.key}`, dependsOn: t.dependsOn.map((d) => `A${d}`) })), { ...SEED_PLAN.tasks[4]! }] };
    const { advisor } = make([JSON.stringify(shuffled)]);
    planOf(advisor);
    await advisor.settled();
    expect(planOf(advisor).tasks.map((t) => [t.key, t.objectiveIndex, t.dependsOn])).toEqual([
      ['T-1', 0, []],
      ['T-2', 0, ['T-1']],
      ['T-3', 0, ['T-2']],
      ['T-4', 1, []],
      ['T-5', 1, ['T-4']],
    ]);
  });

  it('gives the model one repair round with its errors, and uses the repaired answer', async () => {
    const { advisor, model } = make([PLAN_UNKNOWN_ROLE, SEED_PLAN_TEXT]);
    planOf(advisor);
    await advisor.settled();
    expect(model.doGenerateCalls).toHaveLength(2);
    const repair = JSON.stringify(model.doGenerateCalls[1]!.prompt);
    expect(repair).toContain('That answer was refused');
    expect(repair).toContain('named a role this team does not have (blockchain-wizard');
    expect(planOf(advisor).tasks[1]!.title).toBe('Build JWT login and token validation for the API');
  });

  it.each([
    ['a role this team does not have', PLAN_UNKNOWN_ROLE, /^The model's plan named a role this team does not have \(blockchain-wizard; the team has .*\); this is the offline plan\.$/],
    ['a cycle', PLAN_CYCLE, /^The model's plan has a dependency cycle: .*; this is the offline plan\.$/],
    ['absurd hours', PLAN_ABSURD_HOURS, /^The model's plan gave T-2 an absurd estimate \(5000h; a task takes 0\.5-80h\); this is the offline plan\.$/],
    ['a schema violation', PLAN_WRONG_SHAPE, /^The model's plan did not have the expected shape \(objectives: .*\); this is the offline plan\.$/],
    ['malformed JSON', '{"objectives": [{"text": "auth",]}', /^The model's plan was not valid JSON; this is the offline plan\.$/],
    ['an empty answer', '', /^The model's plan was empty; this is the offline plan\.$/],
    ['a huge answer', `{"objectives": "${'ha'.repeat(60_000)}"}`, /^The model's plan was too long \(120\d+ characters\); this is the offline plan\.$/],
    ['prose', 'Great objectives! I would start with authentication.', /^The model's plan was not JSON; this is the offline plan\.$/],
  ])('falls back to the offline plan after %s twice, and says why in one line', async (_, answer, reason) => {
    const { advisor, model } = make([answer]);
    planOf(advisor);
    await advisor.settled();
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(planOf(advisor)).toEqual(planOf(offlineAdvisor));
    // Still "thinking" until the reason has been taken to be said: the plan must not come before it.
    expect(thinkingAboutPlan(advisor)).toBe(true);
    const notices = noticeTexts(advisor);
    expect(thinkingAboutPlan(advisor)).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(reason);
    expect(advisor.currentUsage()).toMatchObject({ asks: 1, answers: 0, fallbacks: 1 });
  });
});

describe('the LLM advisor weighs a plan against the sprint being planned', () => {
  // 200h of work: within three times a fortnight of this team, far past three times one day of it
  const big = JSON.stringify({ ...SEED_PLAN, tasks: SEED_PLAN.tasks.map((t) => ({ ...t, hours: 40 })) });
  const choices = (days: number): PlanChoices => ({ objectives: [SEED_LINE], strategy: 'expertise', pins: {}, drops: [], estimates: {}, startsAt: MONDAY, days });

  it.each([
    [14, true],
    [1, false],
  ])('with --days %i: the model’s plan is taken: %s', async (days, taken) => {
    const view = seedView();
    const hours = planCapacity(choices(days), view).capacity.totalHours;
    expect(days === 14 ? 200 <= 3 * hours : 200 > 3 * hours).toBe(true);
    const { advisor, model } = make([big]);
    expect(advisor.thinking(planQuestion(choices(days), view))).toBe(true);
    await advisor.settled();
    const notices = noticeTexts(advisor);
    const proposal = buildProposal(choices(days), view, advisor);
    expect(proposal.tasks.every((t) => t.hours === 40)).toBe(taken);
    if (taken) expect(notices).toEqual([]);
    else {
      expect(notices).toEqual([expect.stringContaining(`needs 200h, more than 3 times the ${Math.round(hours)}h the team has this sprint`)]);
      expect(JSON.stringify(model.doGenerateCalls[0]!.prompt)).toContain(`about ${Math.round(hours)} hours this sprint`);
    }
  });
});

describe('the LLM advisor is bounded', () => {
  it('retries a 429 and a 5xx with backoff, and not a 400', async () => {
    const after429 = make([httpError(429, { 'retry-after': '0' }), SEED_PLAN_TEXT]);
    planOf(after429.advisor);
    await after429.advisor.settled();
    expect(after429.model.doGenerateCalls).toHaveLength(2);
    expect(planOf(after429.advisor).tasks[0]!.title).toBe(SEED_PLAN.tasks[0]!.title);

    const down = make([httpError(503)]);
    planOf(down.advisor);
    await down.advisor.settled();
    expect(down.model.doGenerateCalls).toHaveLength(1 + DEFAULT_LIMITS.retries);
    expect(noticeTexts(down.advisor)).toEqual(["The model's plan failed: the provider answered 503; this is the offline plan."]);

    const refused = make([httpError(400)]);
    planOf(refused.advisor);
    await refused.advisor.settled();
    expect(refused.model.doGenerateCalls).toHaveLength(1);
    expect(noticeTexts(refused.advisor)).toEqual(["The model's plan was refused (400); this is the offline plan."]);
  });

  it('gives up when the time limit passes, and wakes the lead', async () => {
    const { advisor, wakes } = make(['hang'], { limits: { timeoutMs: { ...DEFAULT_LIMITS.timeoutMs, plan: 200 } } });
    expect(thinkingAboutPlan(advisor)).toBe(true);
    await advisor.settled();
    expect(wakes()).toBe(1);
    expect(noticeTexts(advisor)).toEqual(["The model's plan did not come within 0.2 s; this is the offline plan."]);
    expect(thinkingAboutPlan(advisor)).toBe(false);
  });

  it('keeps at most `concurrency` questions in flight; the others wait their turn', async () => {
    const waiting: (() => void)[] = [];
    const model = new MockLanguageModelV3({ doGenerate: () => new Promise((resolve) => waiting.push(() => resolve(result(JSON.stringify(PREVIEW_READING))))) });
    const { advisor } = make(model, { limits: { concurrency: 2 }, config: { chat: 'all' } });
    for (const line of ['one', 'two', 'three']) advisor.readChat(`${PREVIEW_LINE} ${line}`);
    await vi.waitFor(() => expect(model.doGenerateCalls).toHaveLength(2));
    waiting.shift()!();
    await vi.waitFor(() => expect(model.doGenerateCalls).toHaveLength(3));
    waiting.splice(0).forEach((go) => go());
    await advisor.settled();
  });

  it('spends at most the sprint’s token budget, and starts again with the next sprint', async () => {
    const { advisor, model } = make([JSON.stringify(PREVIEW_READING)], { limits: { budgetTokens: 100 }, config: { chat: 'all' } });
    advisor.observe(seedView({ sprint: makeSprint({ id: 'S-1' }) }));
    advisor.readChat(`${PREVIEW_LINE} 1`);
    await advisor.settled();
    expect(advisor.currentUsage()).toMatchObject({ sprintId: 'S-1', tokens: 150, answers: 1 });
    advisor.readChat(`${PREVIEW_LINE} 2`);
    expect(noticeTexts(advisor)).toEqual(["The model's reading of a chat line was not asked: this sprint's budget of 100 tokens is spent; I went by the offline reading."]);
    expect(advisor.thinking({ call: 'readChat', input: [`${PREVIEW_LINE} 2`] })).toBe(false);
    expect(model.doGenerateCalls).toHaveLength(1);

    advisor.observe(seedView({ sprint: makeSprint({ id: 'S-2' }) }));
    expect(advisor.currentUsage()).toMatchObject({ sprintId: 'S-2', tokens: 0, asks: 0 });
    expect(advisor.thinking({ call: 'readChat', input: [`${PREVIEW_LINE} 3`] })).toBe(true);
    await advisor.settled();
  });

  it('guards against loops: a capped number of questions a minute, then offline answers without asking', async () => {
    const clock = new FakeClock();
    const { advisor, model } = make([JSON.stringify(PREVIEW_READING)], { limits: { asksPerMinute: 2 }, config: { chat: 'all' }, clock });
    for (const n of [1, 2, 3]) advisor.readChat(`${PREVIEW_LINE} ${n}`);
    await advisor.settled();
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(noticeTexts(advisor)).toEqual(["The model's reading of a chat line was not asked: the lead already asked 2 questions this minute; I went by the offline reading."]);
    // The refused line is not asked again either: its outcome is kept.
    clock.advance(61_000);
    advisor.readChat(`${PREVIEW_LINE} 3`);
    advisor.readChat(`${PREVIEW_LINE} 4`);
    await advisor.settled();
    expect(model.doGenerateCalls).toHaveLength(3);
  });

  it('says a fallback other than a plan’s once per window, and every plan’s', async () => {
    const { advisor } = make([httpError(400)], { config: { chat: 'all' } });
    for (const n of [1, 2, 3]) advisor.readChat(`line ${n}`);
    await advisor.settled();
    expect(noticeTexts(advisor)).toHaveLength(1);
    advisor.analyseObjectives(['add a settings page']);
    advisor.analyseObjectives(['add a search box']);
    await advisor.settled();
    expect(noticeTexts(advisor)).toHaveLength(2);
  });

  it('never puts the key in what it says or logs', async () => {
    const logged: string[] = [];
    const model = scriptedModel([new Error('401 for key sk-test-SECRET-42')]);
    const advisor = new LlmAdvisor({ config: config({}, { apiKey: new Secret('sk-test-SECRET-42') }), model, roles: BUILT_IN_ROLES, log: (l) => logged.push(l) });
    advisor.analyseObjectives([SEED_LINE]);
    await advisor.settled();
    const said = [...noticeTexts(advisor), ...logged, JSON.stringify(advisor.snapshot())].join('\n');
    expect(said).toContain('[secret]');
    expect(said).not.toContain('SECRET-42');
  });
});

describe('the LLM advisor reads chat, blockers and quiet tasks', () => {
  it('asks about the lines the offline reader is unsure of, and only those, unless told to read all', async () => {
    const lunch = 'lunch at noon today, the usual place';
    const offline = make([JSON.stringify(PREVIEW_READING)]);
    expect(offlineAdvisor.readChat(lunch).reading).toBe('none');
    expect(offline.advisor.thinking({ call: 'readChat', input: [lunch] })).toBe(false);
    expect(offline.advisor.readChat(lunch)).toEqual(offlineAdvisor.readChat(lunch));
    expect(offline.model.doGenerateCalls).toHaveLength(0);

    const unsure: Advisor = { ...offlineAdvisor, readChat: (text) => ({ ...offlineAdvisor.readChat(text), reading: 'unsure', confidence: 0.5 }) };
    const asked = make([JSON.stringify(PREVIEW_READING)], { offline: unsure });
    expect(asked.advisor.thinking({ call: 'readChat', input: [PREVIEW_LINE] })).toBe(true);
    await asked.advisor.settled();
    // The model's reading, over the offline reader's own fields.
    expect(asked.advisor.readChat(PREVIEW_LINE)).toEqual({ ...unsure.readChat(PREVIEW_LINE), reading: 'blocker', confidence: 0.85, kind: 'technical', heard: 'answers 502 for every branch' });

    const all = make([JSON.stringify(PREVIEW_READING)], { config: { chat: 'all' } });
    expect(all.advisor.thinking({ call: 'readChat', input: [PREVIEW_LINE] })).toBe(true);
    await all.advisor.settled();
    expect(all.advisor.readChat(PREVIEW_LINE).reading).toBe('blocker');
  });

  it('answers the kind, the guidance and the options of a blocker from one question', async () => {
    const task = makeTask({ id: 'T-7', title: 'Real-time notifications', domain: 'realtime', estimateHours: 12 });
    const blocker = 'the notifications need 1000+ concurrent connections but our infrastructure handles 100';
    const { advisor, model } = make([JSON.stringify(SCALE_BLOCKER)]);
    expect(advisor.thinking({ call: 'guidance', input: [task, blocker] })).toBe(true);
    await advisor.settled();
    expect(advisor.classifyBlocker(blocker)).toEqual({ kind: 'business', reason: 'infrastructure' });
    expect(advisor.guidance(task, blocker)).toMatchObject({ topic: 'Scaling WebSockets', steps: SCALE_BLOCKER.guidance.steps });
    const view = seedView({ tasks: [task] });
    expect(advisor.escalationOptions({ task, blocker, cause: { kind: 'business', reason: 'infrastructure' }, view }).map((o) => [o.label, o.hours])).toEqual(SCALE_BLOCKER.options.map((o) => [o.label, o.hours]));
    expect(advisor.escalationOptions({ task, blocker, cause: { kind: 'failures', count: 3 }, view })).toEqual(offlineAdvisor.escalationOptions({ task, blocker, cause: { kind: 'failures', count: 3 }, view }));
    expect(model.doGenerateCalls).toHaveLength(1);
    const prompt = JSON.stringify(model.doGenerateCalls[0]!.prompt);
    expect(prompt).toContain('Real-time notifications');
    expect(prompt).toContain('1000+ concurrent connections');
  });

  it('keeps the offline check on a quiet task, shapes its questions, and counts a loop only where the notes repeat', async () => {
    const quiet = { ...{ progressing: true, looping: true, reason: 'same error twice' }, questions: ['Is the flaky test still failing on CI?'] };
    const request = (notes: string[]) => ({ task: makeTask({ id: 'T-2', notes, updatedAt: notes.length }), silentMinutes: 90 });
    const { advisor } = make([JSON.stringify(quiet)]);
    const repeating = request(['progress 40%: retrying the flaky test', 'progress 45%: retrying the flaky test']);
    const moving = request(['progress 40%: parser done', 'progress 60%: printer done']);
    expect(advisor.thinking({ call: 'judgeQuietTask', input: [repeating] })).toBe(true);
    advisor.thinking({ call: 'judgeQuietTask', input: [moving] });
    await advisor.settled();
    const looped = advisor.judgeQuietTask(repeating);
    expect(looped.check).toBe(true);
    expect(looped.questions).toHaveLength(2);
    expect(looped.questions[0]).toMatch(/same step seems to keep coming back/);
    expect(advisor.judgeQuietTask(moving)).toEqual({ check: true, questions: ['Is the flaky test still failing on CI?'] });
  });

  it('guides with the model’s steps, grounded in the task', async () => {
    const task = makeTask({ id: 'T-2' });
    const { advisor } = make([JSON.stringify(TOKEN_BLOCKER)]);
    advisor.guidance(task, 'the signature check rejects every token');
    await advisor.settled();
    expect(advisor.guidance(task, 'the signature check rejects every token')).toEqual({ topic: 'Token signature checks', domains: ['auth'], keywords: [], steps: TOKEN_BLOCKER.guidance.steps });
    expect(advisor.classifyBlocker('the signature check rejects every token')).toEqual({ kind: 'technical' });
  });
});

describe('the LLM advisor after a restart', () => {
  it('gives back the plans it showed and the sprint’s usage, without asking again', async () => {
    const first = make([SEED_PLAN_TEXT]);
    planOf(first.advisor);
    await first.advisor.settled();
    const saved = JSON.parse(JSON.stringify(first.advisor.snapshot())) as unknown;

    const second = make([SEED_PLAN_TEXT]);
    second.advisor.restore(saved);
    expect(thinkingAboutPlan(second.advisor)).toBe(false);
    expect(planOf(second.advisor)).toEqual(planOf(first.advisor));
    expect(second.model.doGenerateCalls).toHaveLength(0);
    expect(second.advisor.currentUsage()).toMatchObject({ tokens: 150, asks: 1, answers: 1 });
    second.advisor.restore({ version: 9, junk: true });
    expect(planOf(second.advisor)).toEqual(planOf(first.advisor));
  });
});
