/**
 * Round 18 of the planner, on sentences written for it (none from a blind set). Titles: a statement is
 * turned into "Fix … <verb>ing …" only when its subject is a noun phrase and no verb of the main clause
 * is left, so a word that was no verb is never made a gerund; wishes said plainly; what is decided for
 * people; a plural's verb; "twice as slow"; what anyone can open. Roles: TLS brings a security review,
 * GDPR and offline sync bring the backend, reservations are kept on the backend, idle GPU instances are
 * devops work, code run in a sandbox is reviewed.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

const titlesOf = (text: string) => planOf(text).titles.join(' | ');

describe('planner titles, round 18', () => {
  it('makes no gerund of a word that is no verb, and no "Fix" of a sentence it cannot turn round', () => {
    expect(titlesOf('The delivery slots in the checkout footer are wrong for the Leeds depot, they should start at 8.')).toContain('Fix the delivery slots in the checkout footer for the Leeds depot');
    expect(titlesOf('The pallet labels printed on the old Zebra printers are cut off at the bottom')).not.toMatch(/labeling/);
    expect(titlesOf('Video calls are choppy on 3G, users say the picture freezes')).not.toMatch(/freezing|Fix video calls are/);
    expect(titlesOf('Why is the nightly export twice as slow as last month?')).toContain('Speed up the nightly export');
    expect(titlesOf('Why is the nightly export twice as slow as last month?')).not.toMatch(/as as|twice as$/);
  });

  it('a wish said plainly is the thing made so', () => {
    expect(titlesOf('I wish the route planner remembered the last depot I picked')).toContain('Make the route planner remember the last depot I picked');
  });

  it('what is decided for people is done to them', () => {
    expect(titlesOf('It has been decided that drivers are to be given their own logins')).toContain('Give drivers their own logins');
  });

  it('a noun phrase whose plural verb makes a sentence keeps its own words, and an aside in brackets does not', () => {
    expect(titlesOf('Invoice reminder emails keep landing in spam')).not.toMatch(/^Design invoice|Implement invoice/);
    expect(titlesOf('Dark mode for the driver app (drivers keep asking)')).toContain('Implement dark mode for the driver app');
  });

  it('what anyone can open without logging in is fixed, not made sure of', () => {
    const plan = planOf('Finding B-7 from the audit: delivery notes can be opened by anyone who has the link.');
    expect(plan.titles.join(' | ')).toContain('Fix delivery notes being opened by anyone who has the link');
    expect(plan.titles.join(' | ')).not.toMatch(/Make sure/);
    expect(plan.roles).toContain('security');
  });
});

describe('planner roles, round 18', () => {
  it.each([
    ['Turn off TLS 1.0 on the public booking API', 'security'],
    ['Members should be able to reserve a court for an hour from the map', 'backend-dev'],
    ["GDPR: add a 'download my data' button", 'backend-dev'],
    ['Let field staff work offline on their tablets', 'backend-dev'],
    ['The idle GPU instances behind the OCR service should scale to zero at weekends', 'devops'],
    ['Let teachers upload their own grading scripts and run them in a sandbox', 'security'],
  ])('%s needs %s', (text, role) => {
    expect(planOf(text).roles).toContain(role);
  });
});
