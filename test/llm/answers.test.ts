/** A model's text as an answer: found in prose or a fence, parsed, validated, then checked like the offline engine plans. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import { BlockerAnswerSchema, ChatAnswerSchema, PlanAnswerSchema } from '../../orchestrator/advisor/llm/answers.js';
import { checkBlocker, checkChat, checkPlan } from '../../orchestrator/advisor/llm/checks.js';
import { MAX_ANSWER_CHARS, parseAnswer } from '../../orchestrator/advisor/llm/parse-answer.js';
import { PLAN_ABSURD_HOURS, PLAN_CYCLE, PLAN_UNKNOWN_DEPENDENCY, PLAN_UNKNOWN_ROLE, PLAN_WRONG_SHAPE, PREVIEW_LINE, PREVIEW_READING, SCALE_BLOCKER, SEED_PLAN, SEED_PLAN_TEXT } from '../helpers/llm-recordings.js';

const team = { roles: BUILT_IN_ROLES, capacityHours: 150 };
const plan = (text: string) => {
  const parsed = parseAnswer(text, PlanAnswerSchema);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

describe('reading a model’s answer', () => {
  it('takes bare JSON, a fenced block after prose, and JSON wrapped in a sentence', () => {
    expect(parseAnswer(JSON.stringify(SEED_PLAN), PlanAnswerSchema)).toMatchObject({ ok: true });
    expect(parseAnswer(SEED_PLAN_TEXT, PlanAnswerSchema)).toMatchObject({ ok: true, value: { tasks: expect.arrayContaining([expect.objectContaining({ key: 'T-5' })]) } });
    expect(parseAnswer(`Sure! ${JSON.stringify(PREVIEW_READING)} Hope that helps.`, ChatAnswerSchema)).toMatchObject({ ok: true, value: { reading: 'blocker' } });
  });

  it('says what is wrong with empty, huge, non-JSON, malformed and misshapen answers', () => {
    expect(parseAnswer('', PlanAnswerSchema)).toMatchObject({ ok: false, problem: 'was empty' });
    expect(parseAnswer('   \n', PlanAnswerSchema)).toMatchObject({ ok: false, problem: 'was empty' });
    expect(parseAnswer(`{"a":"${'x'.repeat(MAX_ANSWER_CHARS)}"}`, PlanAnswerSchema)).toMatchObject({ ok: false, problem: expect.stringMatching(/^was too long/) });
    expect(parseAnswer('I think you should start with the login page.', PlanAnswerSchema)).toMatchObject({ ok: false, problem: 'was not JSON' });
    expect(parseAnswer('{"objectives": [ {"text": "auth"', PlanAnswerSchema)).toMatchObject({ ok: false, problem: 'was not JSON' });
    expect(parseAnswer('{"objectives": [ {"text": "auth", } ]}', PlanAnswerSchema)).toMatchObject({ ok: false, problem: 'was not valid JSON' });
    const wrong = parseAnswer(PLAN_WRONG_SHAPE, PlanAnswerSchema);
    expect(wrong).toMatchObject({ ok: false, problem: expect.stringMatching(/^did not have the expected shape \(objectives: /) });
    expect(parseAnswer(JSON.stringify({ ...PREVIEW_READING, reading: 'maybe' }), ChatAnswerSchema)).toMatchObject({ ok: false });
  });
});

describe('checking a plan against the team and the engine', () => {
  it('passes a sound plan', () => {
    expect(checkPlan(plan(SEED_PLAN_TEXT), team)).toEqual([]);
  });

  it('refuses a role this team does not have, an absurd estimate, an unknown dependency and a cycle', () => {
    expect(checkPlan(plan(PLAN_UNKNOWN_ROLE), team)[0]).toMatch(/^named a role this team does not have \(blockchain-wizard; the team has cto, backend-dev/);
    expect(checkPlan(plan(PLAN_ABSURD_HOURS), team)).toEqual([expect.stringMatching(/^gave T-2 an absurd estimate \(5000h/)]);
    expect(checkPlan(plan(PLAN_UNKNOWN_DEPENDENCY), team)).toEqual(['made T-3 depend on T-9, which is not in the plan']);
    expect(checkPlan(plan(PLAN_CYCLE), team)).toEqual([expect.stringMatching(/^has a dependency cycle: T-\d → T-\d → T-\d → T-\d/)]);
  });

  it('refuses a role the catalogue lists for people who take no tasks', () => {
    const p = plan(SEED_PLAN_TEXT);
    p.tasks[0]!.role = 'orchestrator';
    expect(checkPlan(p, team)[0]).toMatch(/^named a role this team does not have \(orchestrator/);
  });

  it('refuses a plan far beyond the team’s capacity, an objective without tasks, and a key used twice', () => {
    expect(checkPlan(plan(SEED_PLAN_TEXT), { ...team, capacityHours: 5 })).toEqual(['needs 28h, more than 3 times the 5h the team has this sprint']);
    const p = plan(SEED_PLAN_TEXT);
    p.tasks = p.tasks.filter((t) => t.objective === 1);
    expect(checkPlan(p, team)).toEqual(['gave objective 2 no task']);
    const twice = plan(SEED_PLAN_TEXT);
    twice.tasks[1]!.key = 'T-1';
    expect(checkPlan(twice, team)).toContain('used the key T-1 twice');
  });
});

describe('checking readings and advice', () => {
  const chat = (over: object) => ChatAnswerSchema.parse({ ...PREVIEW_READING, ...over });
  it('wants a reading’s kind to match it, and its quoted words to be in the line', () => {
    expect(checkChat(chat({}), PREVIEW_LINE)).toEqual([]);
    expect(checkChat(chat({ heard: 'the database is on fire' }), PREVIEW_LINE)).toEqual([expect.stringMatching(/^quoted words the line does not hold/)]);
    expect(checkChat(chat({ kind: null }), PREVIEW_LINE)).toEqual([expect.stringMatching(/without saying whether it is technical or business/)]);
    expect(checkChat(chat({ reading: 'none', kind: 'technical' }), PREVIEW_LINE)).toEqual(['gave a kind to a line it reads as nothing']);
  });

  it('wants well-formed options: a reason for a business blocker, sane costs, a way to carry on', () => {
    const answer = (over: object) => BlockerAnswerSchema.parse({ ...SCALE_BLOCKER, ...over });
    expect(checkBlocker(answer({}), 8)).toEqual([]);
    expect(checkBlocker(answer({ reason: null }), 8)).toEqual(['called it a business blocker without saying which decision it needs']);
    const options = [
      { label: 'Drop it', effect: 'drop', hours: -8, sprint: '' },
      { label: 'Defer it', effect: 'defer', hours: -8, sprint: '' },
    ];
    expect(checkBlocker(answer({ options }), 8)).toEqual(['offered no option that carries the work on']);
    expect(checkBlocker(answer({ options: [{ ...SCALE_BLOCKER.options[0], hours: 1e9 }, SCALE_BLOCKER.options[1]] }), 8)[0]).toMatch(/absurd 1000000000h/);
    expect(BlockerAnswerSchema.safeParse({ ...SCALE_BLOCKER, options: [{ ...SCALE_BLOCKER.options[0], effect: 'buy more servers' }, SCALE_BLOCKER.options[1]] }).success).toBe(false);
  });
});
