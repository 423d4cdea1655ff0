/**
 * Round 9 of the planner (issue 12), from blind set 8 (spent): a multi-tenant SaaS, secrets moved into a
 * secret store, an overnight job, a client portal, open-sourcing, a speed-up with no designer; and titles
 * from shapes it misread: a noun that is also a verb before an abstract noun ("Email deliverability
 * for…"), a named thing before a colon ("Print farm: predict…"), people before a colon and what they get,
 * a problem told as "X are updated by hand", a bare thing "to" do something, things shown on a live map,
 * "recompute". The texts are written for these tests, not taken from any judgement set.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const plan = (text: string) => {
  const analysis = offlineAdvisor.analyseObjectives([text]);
  const tasks = offlineAdvisor.breakDown(analysis.objectives);
  return { titles: tasks.map((t) => t.title), roles: new Set(tasks.map((t) => t.role)) };
};

describe('roles', () => {
  it.each([
    ['Turn the booking engine into a multi-tenant SaaS that other clinics can sign up to', ['frontend-dev', 'devops', 'security']],
    ['Rotate the leaked Twilio key and move it into the secret store', ['devops', 'security']],
    ['Rebuild the delivery rota overnight for every depot', ['devops']],
    ['Landlord client portal v2: tenants upload their documents and see the status of each request', ['frontend-dev']],
    ['Open-source the timetable parser under the MIT licence, with a README', ['security', 'docs']],
  ])('%s', (text, roles) => {
    const { roles: got } = plan(text);
    for (const r of roles) expect(got, `${text}: ${[...got].join(', ')}`).toContain(r);
  });

  it('gives no designer to making a slow screen fast', () => {
    expect(plan('Why does the inspection app take 30 seconds to open a report on old iPads?').roles).not.toContain('designer');
  });
});

describe('titles', () => {
  it.each([
    ['Log rotation for the ingest workers: keep seven days and compress the rest', /^Design log rotation for the ingest workers/],
    ['Render farm: queue jobs by priority and retry the failed frames', /^Plan how we queue jobs by priority/],
    ['Warehouse pickers: a daily list of the slowest bins, printable as PDF', /^Design a daily list of the slowest bins, printable as PDF for warehouse pickers/],
    ['Exchange rates are entered by hand every morning and twice this month we billed the wrong amount', /^Diagnose exchange rates being entered by hand/],
    ['Kill switch to turn off the new recommendations per country without a deploy', /^Design a kill switch to turn off/],
    ['Delivery vans on a live map refreshed every 10 seconds', /^Plan how we show delivery vans on a live map/],
    ['Recompute loyalty tiers for every member at midnight', /^Plan how we recompute loyalty tiers/],
  ])('%s', (text, title) => {
    const { titles } = plan(text);
    expect(titles[0]).toMatch(title);
  });
});
