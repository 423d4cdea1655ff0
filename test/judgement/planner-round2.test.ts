/**
 * Round 2 of the planner (issue 12): an objective's purpose and words in another sense bring no work,
 * verbs known by their shape, lists that stay one objective, and the work people do on screens,
 * designers for flows and accessibility, engineers who check interface docs.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';
import { withoutPurpose } from '../../orchestrator/planning/purpose.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { objectives: analysis.objectives, roles: new Set(tasks.map((t) => t.role)), titles: tasks.map((t) => t.title) };
};

describe('what brings work and what does not', () => {
  it('reads the purpose as why, not what', () => {
    expect(withoutPurpose('Redesign the signup screens to lift trial conversion')).toEqual({ main: 'Redesign the signup screens', purpose: 'to lift trial conversion' });
    expect(plan('Redesign the mobile welcome screens to raise sign-up conversion').roles.has('security')).toBe(false);
  });

  it('does not read a table’s storage layout as a screen', () => {
    const { roles } = plan('Change the payments table to a partitioned layout without downtime');
    expect(roles.has('designer')).toBe(false);
    expect(roles.has('devops')).toBe(true);
  });
});

describe('verbs by their shape, and lists that stay one objective', () => {
  it('parses compound and phrasal verbs, so no title glues a verb onto another', () => {
    const titles = [...plan('Fuzz test the invoice parser').titles, ...plan('Tear down the old search cluster').titles, ...plan('Fail over to the standby database when the primary dies').titles];
    for (const t of titles) expect(t).not.toMatch(/^(?:Design|Implement|Plan|Test) (?:fuzz test|tear down|fail over)\b/i);
    expect(plan('Fail over to the standby database when the primary dies').titles).toContain('Test that we fail over to the standby database when the primary dies');
  });

  it('keeps "with X and Y" and "audit: X and Y" as one objective', () => {
    expect(plan('Partner API with OAuth clients and rate limits').objectives).toHaveLength(1);
    expect(plan('Prepare for the ISO audit: access reviews and log retention').objectives).toHaveLength(1);
  });

  it('says a verb that takes a preposition as a deed', () => {
    expect(plan('Connect to the Xero API to sync invoices').titles[0]).toBe('Plan how we connect to the Xero API to sync invoices');
  });
});

describe('the roles work needs that its words do not name', () => {
  it('gives a new way to sign in screens, but not a policy enforced for everyone', () => {
    expect(plan('Add passkeys for customer accounts').roles.has('frontend-dev')).toBe(true);
    expect(plan('Enforce MFA for all employees').roles.has('frontend-dev')).toBe(false);
  });

  it('gives accessibility work and a simplified flow a designer', () => {
    expect(plan('Make the invoice editor usable with a screen reader').roles.has('designer')).toBe(true);
    expect(plan('Simplify the booking flow').roles.has('designer')).toBe(true);
  });

  it('has interface docs checked by the engineers, not rebuilt by them', () => {
    const { roles, titles } = plan('Document the webhook payloads for partners');
    expect(roles.has('backend-dev')).toBe(true);
    expect(titles.some((t) => /for accuracy$/.test(t))).toBe(true);
    expect(plan('Write an onboarding guide for new engineers').roles.has('backend-dev')).toBe(false);
  });

  it('gives an audit that names work to build the builders, and a pen test with fixes a backend', () => {
    expect(plan('Get ready for the HIPAA audit: record retention and deletion on request').roles.has('backend-dev')).toBe(true);
    expect(plan('Penetration test the admin app and fix what it finds').roles.has('backend-dev')).toBe(true);
    expect(plan('Run a penetration test of the admin app').roles.has('backend-dev')).toBe(false);
  });

  it('gives what users do on screens a frontend', () => {
    expect(plan('Search across invoices and notes').roles.has('frontend-dev')).toBe(true);
    expect(plan('Import suppliers from a spreadsheet').roles.has('frontend-dev')).toBe(true);
  });
});
