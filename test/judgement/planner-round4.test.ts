/**
 * Round 4 of the planner (issue 12): a line that is not said as a request is planned for what it asks
 * (a user story's want, a problem's request, reported demand, a wish put as a question), the rest kept
 * in the reasons; a line it cannot read is named back whole; and the words that say which layer the
 * work is on (paging, deliverability, sizes, runtimes, slow data screens) bring the roles it needs.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { analyseObjectives } from '../../orchestrator/planning/objectives.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  return { analysis, tasks: offlineAdvisor.breakDown(analysis.objectives) };
};
const roles = (text: string) => new Set(plan(text).tasks.map((t) => t.role));

describe('what a line asks for', () => {
  it('plans a user story as one objective, its want, with the why in the reasons', () => {
    const { objectives } = analyseObjectives(['As a warehouse manager, I want to reassign a picking list to another picker so that nobody waits for a supervisor']);
    expect(objectives.map((o) => o.text)).toEqual(['Let warehouse managers reassign a picking list to another picker']);
    expect(objectives[0]!.adjustments.join()).toMatch(/so that nobody waits for a supervisor/);
  });

  it('plans the request of a problem and a request, and reads the problem for what it touches', () => {
    const { objectives } = analyseObjectives(['Our order confirmation emails bounce for Outlook users. Fix deliverability (SPF, DKIM).']);
    expect(objectives.map((o) => o.text)).toEqual(['Fix deliverability (SPF, DKIM)']);
    expect(objectives[0]!.adjustments.join()).toMatch(/the problem: Our order confirmation emails bounce/);
    expect(roles('Our order confirmation emails bounce for Outlook users. Fix deliverability (SPF, DKIM).').has('devops')).toBe(true);
  });

  it('plans the problem when the request only points back at it', () => {
    const { objectives } = analyseObjectives(['The settings screen takes 5 seconds to open. Get it under one.']);
    expect(objectives).toHaveLength(1);
    expect(objectives[0]!.text).not.toMatch(/Get it under/);
  });

  it('plans reported demand and a wish put as a question as what people want to do', () => {
    expect(analyseObjectives(['clients keep asking to download their statements as PDF']).objectives.map((o) => o.text)).toEqual(['Let clients download their statements as PDF']);
    expect(analyseObjectives(['Could patients cancel an appointment from the reminder text?']).objectives.map((o) => o.text)).toEqual(['Let patients cancel an appointment from the reminder text']);
  });

  it('names a line of gibberish back whole, and plans none of it', () => {
    const { objectives, unreadable } = analyseObjectives(['xkcdq wrrpt ;mnbvc zzxq 4471 ?? blif']);
    expect(objectives).toHaveLength(0);
    expect(unreadable).toHaveLength(1);
  });
});

describe('roles round 4', () => {
  it('pages on-call through monitoring and code, with no screens', () => {
    const r = roles('Page on-call when the signup error rate stays above 2% for ten minutes');
    expect(r.has('devops')).toBe(true);
    expect(r.has('designer') || r.has('frontend-dev')).toBe(false);
  });

  it('gives a slow data screen its backend, a runtime upgrade devops and a big table devops', () => {
    expect(roles('The usage report takes 20 seconds to load for large tenants').has('backend-dev')).toBe(true);
    expect(roles('Upgrade all services from Python 3.9 to 3.12').has('devops')).toBe(true);
    expect(roles('Partition the 2 TB events table by week').has('devops')).toBe(true);
  });

  it('reads a product name as a product, not as documentation', () => {
    expect(roles('Shared spreadsheets people edit together, like Google Sheets').has('docs')).toBe(false);
  });
});
