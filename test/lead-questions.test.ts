/** The lead's answers to questions: from the task's record only, to the asker only, and only to questions put to the lead. */
import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../collaboration-server/protocol.js';
import { ANSWER_PREFIX, answerQuestion, createQuestionBehaviour, readsAsQuestion } from '../orchestrator/monitoring/questions.js';
import { makeTask, makeView, message } from './helpers/monitor-fixtures.js';

const toLead = (name: string, role: string, text: string, to: MessageEvent['to'] = { kind: 'role', role: 'orchestrator' }): MessageEvent => ({ ...message(name, role, text), to });

const design = makeTask({ id: 'T-1', title: 'Design the token model', status: 'done', assignee: 'Bob', domain: 'auth' });
const impl = makeTask({
  id: 'T-2',
  title: 'Implement token validation',
  dependsOn: ['T-1'],
  acceptance: ['expired tokens are refused'],
  percent: 40,
  notes: ['Ada: parser written'],
});
const tests = makeTask({ id: 'T-3', title: 'Test the login flow', role: 'qa', assignee: 'Quinn', status: 'assigned', dependsOn: ['T-2'], domain: 'testing' });
const view = makeView({ tasks: [design, impl, tests] });

describe('the lead answers questions', () => {
  it('answers from the task record: status, what it waits for, what waits for it, done-when, notes, approach, who to ask', () => {
    const answer = answerQuestion(toLead('Ada', 'backend-dev', 'Question about T-2: how should expired tokens be handled?'), view);
    expect(answer.startsWith(`${ANSWER_PREFIX} about T-2 "Implement token validation": it is in progress, 40% done, 4h estimated, medium priority, with Ada.`)).toBe(true);
    expect(answer).toMatch(/Done when: expired tokens are refused\./);
    expect(answer).toMatch(/It waits for: T-1 "Design the token model" \(done, Bob\)\./);
    expect(answer).toMatch(/Waiting for it: T-3 "Test the login flow" \(Quinn\)\./);
    expect(answer).toMatch(/Notes so far: Ada: parser written/);
    expect(answer).toMatch(/The usual approach for JWT and token validation: 1\. Validate with a maintained library/);
    expect(answer).toMatch(/Who to ask: Bob about T-1; Quinn about what T-3 needs from it; the product owner \(Paula\) about scope and priorities\./);
    expect(answer).toMatch(/I answer from the task record only/);
  });

  it('says when a task has no acceptance criteria, and when it cannot tell which task is meant', () => {
    expect(answerQuestion(toLead('Quinn', 'qa', 'what is left on T-3?'), view)).toMatch(/No acceptance criteria were written for it: the product owner \(Paula\) decides what done means\./);
    const lost = answerQuestion(toLead('Zoe', 'qa', 'where do I start?'), view);
    expect(lost).toMatch(/I could not tell which task it is about\.\nYou have no open task in this sprint\.\nName one \(like T-3\)/);
    // without an id, the asker's active task
    expect(answerQuestion(toLead('Ada', 'backend-dev', 'what does done mean?'), view)).toMatch(/about T-2/);
  });

  it('answers only questions put to the lead by a team member, by direct message', () => {
    const questions = createQuestionBehaviour();
    const [answer] = questions.onEvent(toLead('Ada', 'backend-dev', 'how do I sign tokens?'), view);
    expect(answer).toMatchObject({ type: 'chat', to: { kind: 'participant', name: 'Ada' }, text: expect.stringMatching(/^Re your question about T-2/) });
    expect(questions.onEvent(toLead('Ada', 'backend-dev', 'Question: which algorithm?', { kind: 'participant', name: 'Lead' }), view)).toHaveLength(1);
    // to everyone, from the product owner (planning reads those), from the lead itself, or not a question
    expect(questions.onEvent(toLead('Ada', 'backend-dev', 'how do I sign tokens?', { kind: 'all' }), view)).toEqual([]);
    expect(questions.onEvent(toLead('Paula', 'human', 'how is it going?'), view)).toEqual([]);
    expect(questions.onEvent(toLead('Lead', 'orchestrator', 'how is it going?'), view)).toEqual([]);
    expect(questions.onEvent(toLead('Ada', 'backend-dev', 'done with the parser'), view)).toEqual([]);
  });

  it('reads a question by its mark or its first word', () => {
    for (const q of ['Is T-2 blocked by T-1', 'should I use RS256', 'Question about T-2: tokens', 'tokens?']) expect(readsAsQuestion(q)).toBe(true);
    for (const s of ['done with T-2', 'I shipped it', 'isolated the bug']) expect(readsAsQuestion(s)).toBe(false);
  });
});
