/**
 * Round 13 of the planner, on sentences written for it (none from a blind set): objectives said in
 * the passive, as wishes about a thing, with their purpose first, as findings, as a that-clause, and as
 * a statement under a topic; each is planned with titles that read as English.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

describe('planner round 13: titles for the shapes product owners write', () => {
  it('a passive with a verb the planner knows is said as that verb', () => {
    const { titles } = planOf('Expense reports should be archived for ten years.');
    expect(titles).toContain('Archive expense reports for ten years');
    expect(titles.join(' | ')).not.toMatch(/\bbe archived\b|Make expense/);
  });

  it('a passive with a participle of no known verb is the state to reach', () => {
    const { titles } = planOf('Export files should be password-protected before they leave the building.');
    expect(titles).toContain('Make sure export files are password-protected before they leave the building');
    expect(titles).toContain('Check that export files are password-protected before they leave the building');
  });

  it('what is not done, or has never been, is what to do', () => {
    expect(planOf('Refund decisions are not logged anywhere.').said).toEqual(['Log refund decisions']);
    expect(planOf('Snapshots of the ledger are taken hourly but have never been restored to see if they work.').said).toEqual(['Restore snapshots of the ledger to see if they work']);
  });

  it('a purpose said first is kept as why, and what is asked is planned', () => {
    const { said, titles } = planOf('In order to reduce no-shows, patients should be able to confirm their slot by text.');
    expect(said).toEqual(['Patients should be able to confirm their slot by text']);
    expect(titles).toContain('Let patients confirm their slot by text');
  });

  it('a wish about a thing asks the thing to do it', () => {
    expect(planOf('It would be nice if the route planner remembered my last depot.').said).toEqual(['Make the route planner remember my last depot']);
    expect(planOf("Wouldn't it be great if there was a dark theme for the night shift?").said).toEqual(['Add a dark theme for the night shift']);
  });

  it('a finding asks for its fix, and its source brings the review', () => {
    const cookie = planOf('Pen test finding: the refresh token cookie is missing the HttpOnly flag.');
    expect(cookie.titles.join(' | ')).not.toMatch(/pen test finding/i);
    expect(cookie.roles).toContain('security');
    expect(planOf('Security finding: no lockout on the partner portal login.').said).toEqual(['Add lockout to the partner portal login']);
    const found = planOf('Audit finding: the nightly export job writes customer emails into its debug log.');
    expect(found.said[0]).toMatch(/^Fix /);
  });

  it('a that-clause asked for by someone is what is asked', () => {
    const { said, roles } = planOf('It has been requested by the support team that every refund reason be listed on a help page.');
    expect(said).toEqual(['Every refund reason should be listed on a help page']);
    expect(roles).toContain('docs');
  });

  it('a deed as the subject is the case to fix, and a possessive is no verb', () => {
    expect(planOf('Search: pasting an order number with a trailing space finds nothing.').said).toEqual(['Fix the case where pasting an order number with a trailing space finds nothing']);
    const why = planOf("Why does filtering the team's calendar by room show nobody?").titles.join(' | ');
    expect(why).not.toMatch(/calendars|calendaring/);
  });

  it('two languages joined by "and" stay one objective', () => {
    expect(planOf('Translate the driver app into Welsh and Polish.').said).toEqual(['Translate the driver app into Welsh and Polish']);
  });

  it('the people of a topic are who "they" are, and "it" under a topic is the topic', () => {
    expect(planOf("Drivers: they can't see which of their shifts are confirmed.").said[0]).toMatch(/^Fix drivers not being able to see/);
    expect(planOf('Shift board: give it a compact view for phones.').titles).toContain('Give the shift board a compact view for phones');
  });

  it('questions put as a change or a paging gap plan the change', () => {
    expect(planOf('Should the billing monolith be split into an invoicing service and a payments service?').said[0]).toBe('Split the billing monolith into an invoicing service and a payments service');
    const paged = planOf('Who gets paged when the payment queue backs up? Nobody right now. Sort that out.');
    expect(paged.said).toEqual(['Page on-call when the payment queue backs up']);
    expect(paged.roles).toContain('devops');
    expect(planOf('Can the end-to-end suite run in CI on every merge request?').said).toEqual(['Make the end-to-end suite run in CI on every merge request']);
  });

  it('people asking for the site in a language ask for a translation', () => {
    expect(planOf('Customers in Quebec have asked for the checkout in French.').said).toEqual(['Translate the checkout into French']);
  });

  it('a numbered list on one line keeps its parts apart, each said as the rest of a sentence', () => {
    const { said } = planOf('1. Add a comments field to tickets 2. Show it on the agent view 3. Include it in the weekly export');
    expect(said.join(' | ')).toContain('show it on the agent view');
    expect(said.join(' | ')).not.toMatch(/\d\. /);
  });

  it('a domain name is no word of another language', () => {
    expect(planOf('Stale prices keep reaching Expedia.com because the price cache never expires. Please fix it.').said[0]).toMatch(/^Fix stale prices reaching Expedia\.com/);
  });
});

describe('planner round 13: more shapes, after the spent sets were read again', () => {
  it('a defect named as a noun phrase is fixed', () => {
    expect(planOf("Typo on the pricing page: 'Anual plan'.").titles[0]).toBe("Fix the typo on the pricing page: 'Anual plan'");
    expect(planOf('Broken link in the welcome email.').titles.join(' | ')).toContain('Fix the broken link in the welcome email');
  });

  it('a remark on priority is no part of what is asked', () => {
    expect(planOf("Could the route planner remember the last depot I picked? Not a big deal if it's hard.").said).toEqual(['Make the route planner remember the last depot I picked']);
  });

  it('a question about the problem asks for what it asks, with the pronoun named', () => {
    expect(planOf('The login page has a random five-second freeze and nobody knows why. Can we get it profiled end to end?').said[0]).toMatch(/^Profile the login page/);
    // …but a question about something else is no request for the problem's fix.
    expect(planOf('Why do our nightly exports take 5 hours, and can we finish in under one?').titles).toContain('Speed up our nightly exports');
  });

  it('what is said of a thing besides its defect is not part of the fix', () => {
    expect(planOf('Storage: the `audit_rows` table is 2 TB, has never been partitioned and vacuum gave up on it long ago.').said).toEqual(['Partition the `audit_rows` table']);
    expect(planOf('The weekly billing report takes six hours and is still running when finance arrives. Make it finish before 8 am.').said).toEqual(['Make the weekly billing report finish before 8 am']);
  });

  it('people told with where they are still report what they say', () => {
    expect(planOf('Drivers up in the hills say the delivery map takes forever on 3G.').titles.join(' | ')).toContain('Speed up the delivery map on 3G');
  });

  it('a request, then why after a dash, plans the request alone', () => {
    expect(planOf('Merge the duplicate supplier records — half of them were imported twice last year.').said).toEqual(['Merge the duplicate supplier records']);
  });

  it('a look that is off is fixed on the screen, with no security review', () => {
    const { said, roles } = planOf('The save button on the payroll settings page sits off-centre on Android.');
    expect(said).toEqual(['Fix the save button on the payroll settings page sitting off-centre on Android']);
    expect(roles).not.toContain('security');
  });

  it('trace ids are a thing, not a second deed', () => {
    expect(planOf('Structured logs and trace ids across the API and the workers, searchable in one place.').said).toHaveLength(1);
  });
});

describe('planner round 13: roles', () => {
  it.each([
    ['Every payout must be written to an append-only ledger.', ['security', 'backend-dev'], []],
    ["Patients' insurance numbers are visible to every clinic, including clinics in other regions.", ['security', 'backend-dev'], ['devops']],
    ['Add Google Pay to the deposit step.', ['frontend-dev'], []],
    ['Send an email alert to the coordinator when a shift is still unfilled a day before.', ['backend-dev'], ['devops']],
    ['Make the scooter charging schedule smarter so fewer scooters are on charge at rush hour.', ['backend-dev'], ['security']],
    ["Fix the spelling 'Adress' on the login page.", ['frontend-dev'], ['backend-dev', 'security']],
    ['The depot wallboard is unreadable from across the room.', ['frontend-dev'], ['devops']],
    ["Sellers: they can't tell how many of their items were viewed this week.", ['backend-dev', 'frontend-dev'], []],
  ] as const)('%s', (text, needed, absurd) => {
    const { roles } = planOf(text);
    for (const r of needed) expect(roles).toContain(r);
    for (const r of absurd) expect(roles).not.toContain(r);
  });
});
