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

  it('gives no security review to scanning goods, and no screens to mail deliverability', () => {
    expect(plan('As a packer I want the handheld to vibrate when I scan the wrong item').roles).not.toContain('security');
    expect(plan('Receipts for password changes land in spam at Gmail; set up SPF and DKIM for the sending domain').roles).not.toContain('frontend-dev');
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

describe('shapes from dev set 12', () => {
  it.each([
    ['Search relevance for the help centre has dropped since the synonym change; roll the synonyms back and re-index', /^Plan how we roll the synonyms back/],
    ['payments: customers on monthly plans get charged twice when they switch cards', /^Diagnose customers on monthly plans getting charged twice/],
    ['Bulk import for supplier prices in the buyer portal — upload a sheet, preview the changes, then apply', /^Design bulk import for supplier prices in the buyer portal$/],
    ['Alerting gaps — nobody gets paged when the refund queue backs up.', /^Diagnose nobody getting paged when the refund queue backs up/],
    ['Should search stay on Postgres full-text or move to OpenSearch before the catalogue doubles?', /^Decide whether search should stay on Postgres full-text or move to OpenSearch/],
    ['Thumbnails: resize to two sizes on upload and serve them from the CDN', /^Plan how we resize thumbnails to two sizes on upload/],
    ['Share button in the order summary to copy a tracking link', /^Design a share button in the order summary/],
    ['The nightly import job silently drops rows without a SKU', /^Diagnose the nightly import job silently dropping rows/],
    ['The export quietly skips archived projects', /^Diagnose the export quietly skipping archived projects/],
  ])('%s', (text, title) => {
    expect(plan(text).titles[0]).toMatch(title);
  });

  it.each([
    ['Feature flag to hide the promo carousel per region', ['frontend-dev']],
    ['Why does the orders dashboard take twelve seconds to load for big accounts?', ['backend-dev']],
    ['Rename "Projects" to "Spaces" everywhere in the UI and in the help centre articles', ['docs', 'frontend-dev']],
    ['Rotate the database credentials that leaked in the CI logs and purge them from git history', ['devops', 'security']],
    ['Only load the chat widget after cookie consent, and remember the choice', ['security', 'frontend-dev']],
    ['onboarding: new admins want a checklist of the first steps to set up their workspace', ['designer', 'frontend-dev']],
    ['Dates shift by an hour in the shift planner for staff in Chile around the daylight saving change', ['backend-dev']],
    ['Bulk edit for stock levels in the warehouse portal: select rows, set a new level, apply', ['designer', 'backend-dev']],
    ['Port the reporting screens from Backbone to Vue one at a time, keeping both running side by side', ['cto']],
    ['Move the whole platform from our own racks to Google Cloud with under an hour of downtime', ['cto', 'qa', 'devops']],
  ])('%s', (text, roles) => {
    const { roles: got } = plan(text);
    for (const r of roles) expect(got, `${text}: ${[...got].join(', ')}`).toContain(r);
  });
});
