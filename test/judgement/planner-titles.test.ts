/**
 * Titles of a user story's tasks (issue 12): the people named by more than one word are still who does
 * it, the story's first person becomes theirs, and a guide that mentions tests is still a guide.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const titlesAndRoles = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  return offlineAdvisor.breakDown(analysis.objectives).map((t) => `${t.title} — ${t.role}`);
};

describe('titles of what people do', () => {
  it('writes a story told in the first person about the people it names, with screens for them', () => {
    const tasks = titlesAndRoles('As a bank customer, I want to freeze my card instantly from the app so that a lost card cannot be used');
    expect(tasks).toContain('Design how bank customers freeze their card instantly from the app — cto');
    expect(tasks).toContain('Interface work so that bank customers can freeze their card instantly from the app — frontend-dev');
    expect(tasks.join('\n')).not.toMatch(/\bmy\b|Design bank customers/);
    expect(titlesAndRoles('As a seller, I want to ship my parcels to US customers').join('\n')).toMatch(/sellers ship their parcels to US customers/);
  });

  it('takes up to three words for the people before what they do', () => {
    expect(titlesAndRoles('Let front desk staff check patients in')).toContain('Test that front desk staff can check patients in — qa');
    expect(titlesAndRoles('Let finance admins issue partial refunds from the order page')).toContain('Design how finance admins issue partial refunds from the order page — cto');
  });

  it('plans a guide that covers running the tests as docs, and tests as tests', () => {
    const guide = titlesAndRoles('Write an onboarding guide for new contributors that covers local setup, running the tests and how we release');
    expect(guide.every((t) => t.endsWith('— docs'))).toBe(true);
    expect(titlesAndRoles('Write tests for the onboarding guide').some((t) => t.endsWith('— qa'))).toBe(true);
  });
});
