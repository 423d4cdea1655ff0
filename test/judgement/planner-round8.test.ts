/**
 * Round 8 of the planner (issue 12), from blind sets 6 and 7 (spent): a decision "and write it down"
 * stays one decision; signing binaries, CODEOWNERS and branch protection are CI/CD; a popup is a
 * screen; a required second factor is set up on screens; a load test needs devops; translation needs no
 * security review; deletion after a spell of inactivity is reviewed; an audit whose list names audit
 * trails builds them; a map pin is designed. Titles: a lead-in before a colon ("Nightly job: pull …",
 * "For the X platform: (1) …"), "We need <thing>" after a problem, "Find out and cut it back", "turn on",
 * a list of names whatever verb a name spells. The texts are written for these tests, not taken from
 * any judgement set.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { objectives: analysis.objectives.map((o) => o.text), titles: tasks.map((t) => t.title), roles: new Set(tasks.map((t) => t.role)) };
};

describe('roles', () => {
  it.each([
    ['Sign the desktop binaries for Linux and macOS so the installer stops warning', ['devops', 'security']],
    ['Add branch protection to the monorepo: two approvals and green checks before anything merges to main', ['devops']],
    ['Require a one-time code from an authenticator app for every dispatcher who edits routes', ['frontend-dev', 'security']],
    ['Load-test the booking API with 50k parents signing up for school places at 9am', ['devops', 'qa']],
    ['Delete volunteer accounts that have been inactive for two years, and email them a month before', ['backend-dev', 'security']],
    ['Get the lab system ready for an ISO 15189 audit: audit trails on every result change and signed reports', ['backend-dev', 'security']],
    ['Residents should be able to flag a broken streetlight with a photo and a map pin', ['frontend-dev', 'designer', 'backend-dev']],
  ])('%s', (text, roles) => {
    const { roles: got } = plan(text);
    for (const r of roles) expect(got, `${text}: ${[...got].join(', ')}`).toContain(r);
  });

  it('gives no screens to a written decision or to signing, no security review to a translation, no CTO to hiding a popup', () => {
    const decision = plan('Decide whether the search index should live in Postgres or in OpenSearch, and write the decision down');
    expect(decision.objectives).toHaveLength(1);
    expect(decision.roles).not.toContain('frontend-dev');
    expect(plan('Sign the desktop binaries for Linux and macOS so the installer stops warning').roles).not.toContain('frontend-dev');
    expect(plan('Translate the signup flow into Dutch, Danish and Swedish').roles).not.toContain('security');
    expect(plan("Hide the 'Rate us' popup for paying customers").roles).not.toContain('cto');
  });
});

describe('titles', () => {
  it('reads a lead-in before a colon as what the request is about', () => {
    expect(plan('Weekly job: pull the carrier invoices into the ledger and flag mismatches').titles[0]).toBe('Plan how we pull the carrier invoices into the ledger');
    const numbered = plan('For the booking app: (1) let guests pick a table, (2) show a waiting list when full');
    expect(numbered.titles.join('\n')).not.toMatch(/\(\d\)|For the booking app/);
    expect(numbered.titles).toContain('Let guests pick a table');
  });

  it('plans the thing asked for after a problem told first', () => {
    const { titles } = plan('Problem: warehouse staff cannot tell which pallets are reserved. We need reservation labels on the pallet list.');
    expect(titles.join('\n')).not.toMatch(/^Design: /m);
    expect(titles.some((t) => /reservation labels on the pallet list/.test(t))).toBe(true);
  });

  it('keeps "find out and cut it back" as one piece of work', () => {
    const { objectives, titles } = plan('Our CDN bill went up 60% in May and nobody knows why. Find out and cut it back.');
    expect(objectives).toHaveLength(1);
    expect(titles.join('\n')).not.toMatch(/^(?:Design: )?Find out$/m);
  });

  it('says "turn on" as a verb and keeps a list of names whole', () => {
    expect(plan('Turn on two-step sign-in for all staff accounts').titles.some((t) => /^Design turn on/.test(t))).toBe(false);
    expect(plan('Translate the menu app into Spanish, Catalan and Polish').objectives).toEqual(['Translate the menu app into Spanish, Catalan and Polish']);
  });
});
