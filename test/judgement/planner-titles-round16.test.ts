/**
 * Round 16 of the planner's titles, on sentences written for it (none from a blind set): a request under
 * a label that is a statement, a story's role with a clause of its own, a scenario whose outcome has
 * "and"s, incident follow-ups and findings with IDs, a thing asked for by name without an article, a
 * feeling said first, a request after a colon, an organisation that wants something in a language, a
 * crash named with "Fix this, it crashes…", the deliverables of a fix, and a few word senses.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

const titlesOf = (text: string) => planOf(text).titles.join(' | ');

describe('planner titles, round 16', () => {
  it('a statement before a request is no label of it', () => {
    const titles = titlesOf("Search: 'blue tulips' returns cacti first. Fix relevance; extra credit if it knows 'wedding'.");
    expect(titles).toContain('Fix relevance');
  });

  it("a story's role with a clause of its own is pluralised at its head, in the third person", () => {
    expect(titlesOf('As a member renewing online from my laptop, I want to pay by direct debit.')).toContain('Let members renewing online from their laptop pay by direct debit');
  });

  it("a scenario's outcome stays whole, whatever its \"and\"s", () => {
    const titles = titlesOf('Given a guest account, when they open a booking older than a year, then the phone number and email are masked and the access is logged.');
    expect(titles).toContain('Make sure the phone number and email are masked and the access is logged when they open a booking older than a year');
  });

  it('an incident follow-up or a finding with an ID asks for what it names', () => {
    expect(titlesOf('Incident follow-up INC-5120: the checkout froze for 3 minutes when the cache failed over. Failover must be invisible to shoppers.')).not.toMatch(/incident follow-up/i);
    expect(titlesOf('Follow-up to INC-0931 (site down 20 minutes when the log disk filled up): disk alerts at 80% and 90%.')).toContain('Implement disk alerts at 80% and 90%');
    expect(titlesOf('Pen-test finding KSK-PT-03 (high): the admin API returns every tenant\'s invoices to any logged-in user.')).toContain(
      "Fix the admin API returning every tenant's invoices to any logged-in user",
    );
    expect(titlesOf('Audit note: the metrics endpoint listens on 0.0.0.0 over plain HTTP.')).not.toMatch(/audit note/i);
  });

  it('what people are found doing is the case to fix', () => {
    expect(titlesOf('Security review finding: cashiers share one login per shop, written on the till.')).toContain('Fix cashiers sharing one login per shop');
  });

  it('a thing asked for by name needs no article, and a feeling said first is no part of it', () => {
    expect(titlesOf('Topic: monitoring - we learn the feed is stale when a customer calls. Dashboards and alerts, please.')).toContain('Set up dashboards and alerts');
    expect(titlesOf("It's embarrassing that the menu pages take 6 seconds to load on 4G.")).toContain('Speed up the menu pages loading on 4G');
  });

  it('a request after a colon is what is asked', () => {
    expect(titlesOf("Drivers with low vision can't read the route screen: make the turn arrows bigger and higher contrast.")).toContain('Make the turn arrows bigger and higher contrast');
  });

  it('an organisation that wants something in a language has it translated', () => {
    expect(titlesOf('The Porto office wants the booking app in Portuguese, with prices in euros.')).toContain('Translate the booking app into Portuguese, with prices in euros');
  });

  it('"Fix this, it crashes…" fixes the crash, and root cause and a fix fix the problem told', () => {
    expect(titlesOf('Fix this, it crashes the menu app for anyone who picks a table:')).toContain('Fix the crash in the menu app for anyone who picks a table');
    expect(titlesOf('Incident follow-up: the rota planner double-booked 12 nurses after the clocks changed. Root cause, fix, and a test so it can\'t happen again.')).toContain(
      'Fix the case where the rota planner double-booked 12 nurses after the clocks changed',
    );
  });

  it('"going back to" keeps its "to", a nominalisation is a subject, and "as the Act requires" is no lack', () => {
    expect(titlesOf('Add Bancontact at checkout, with refunds going back to the original card.')).toContain('with refunds going back to the original card');
    expect(titlesOf('Route optimisation for 40 vans takes 15 minutes; it has to come back in under 1.')).toContain('Speed up route optimisation for 40 vans');
    expect(titlesOf('Ballots in Spanish and Tagalog, as the state law requires for our county.')).toContain('Translate the ballots into Spanish and Tagalog');
  });

  it('people who need to do something are let do it', () => {
    expect(titlesOf("Physiotherapists need to sign in to the clinic portal with their practice's SSO.")).toContain("Let physiotherapists sign in to the clinic portal with their practice's SSO");
  });

  it('a list of people goes on after "and", whatever verb a plural spells', () => {
    expect(planOf('SSO for nurses and vets through the clinic\'s Okta, so nobody needs a second password.').said).toHaveLength(1);
  });

  it('a please inside asks nothing more', () => {
    expect(titlesOf('Passkeys for every staff account, phishing-resistant please, and lock the account after five failed attempts.')).not.toMatch(/please/);
  });

  it('a thing offered to people is for them, and "Sign in with…" is a feature', () => {
    expect(titlesOf('Payment holidays should be offered to members in hardship.')).toContain('Design payment holidays for members in hardship');
    expect(titlesOf('Sign in with Microsoft and GitHub.')).toContain('Implement sign-in with Microsoft and GitHub');
  });

  it('a thing that would help is what is asked for', () => {
    expect(titlesOf('Drivers keep asking why their bonus is low in weeks with cancellations. A bonus breakdown they can read would save us a lot of calls.')).toContain(
      'Implement a bonus breakdown they can read',
    );
  });

  it('a state said as a participle keeps "make sure … is"', () => {
    expect(titlesOf('Given a dispatcher is on a call, when they press F2, then the nearest free crew is highlighted on the map.')).toContain(
      'Make sure the nearest free crew is highlighted on the map when they press F2',
    );
  });

  it('languages for a thing translate the thing', () => {
    expect(titlesOf('French and Italian for the whole booking site, including dates and currency.')).toContain(
      'Translate the whole booking site into French and Italian, including dates and currency',
    );
  });

  it('a report named, then its findings, asks for each finding\'s fix', () => {
    const titles = titlesOf('Accessibility audit (WCAG 2.2 AA). Finding 3: menu PDFs are untagged images, so screen readers read nothing. Finding 4: the order form times out after 3 minutes with no warning.');
    expect(titles).toMatch(/Fix (?:the case where )?menu PDFs (?:are|being) untagged images/);
    expect(titles).not.toMatch(/Design accessibility audit/);
  });

  it('a problem told, then a thing named on its own, asks for the thing', () => {
    expect(titlesOf('Topic: failed card payments are impossible to trace in the logs. Structured logging with order IDs across all three services.')).toContain(
      'Implement structured logging with order IDs across all three services',
    );
    // …but what is told after a dash is why, not the thing asked for.
    expect(titlesOf('Idempotency keys on POST /orders — flaky retries double-charge diners.')).toContain('Implement idempotency keys on POST /orders');
  });

  it('a password that sits in clear text is on no web site and no screen', () => {
    expect(planOf('Audit note: the billing admin API listens on plain HTTP, and its password sits in clear text in /etc/billing/admin.conf.').roles.has('frontend-dev')).toBe(false);
  });
});
