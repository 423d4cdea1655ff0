/**
 * Round 19 of the planner's titles, on sentences written for it (none from a blind set): what something
 * "should be made", a plural that lands somewhere, "price" and "sell" as verbs, a finding's acronym
 * object ("accepts JWTs"), a finding known by its ID and rank alone, a feature named with what it does
 * ("Search that copes with typos"), and a verb after "and" inside a relative clause.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

const titlesOf = (text: string) => planOf(text).titles.join(' | ');

describe('planner titles, round 19', () => {
  it.each([
    ['Checkout pages should be made readable on small phones', 'Make checkout pages readable on small phones'],
    ['Booking receipts land in spam for Outlook users', 'Fix booking receipts landing in spam for Outlook users'],
    ['Price weekend slots dynamically from last year’s demand', 'Price weekend slots dynamically'],
    ['Sell gift cards in the app, paid by card or Apple Pay', 'Sell gift cards in the app'],
    ['PT-2027-02: the partner API accepts JWTs signed with alg=none.', 'Fix the partner API accepting JWTs signed with alg=none'],
    ['PEN-12 (High): the admin panel still accepts session tokens after logout', 'Fix the admin panel still accepting session tokens after logout'],
    ['Search that copes with typos in street names', 'Implement search that copes with typos in street names'],
    ['Build a marketplace where local makers list and sell their prints, with payouts', 'Build a marketplace where local makers list and sell their prints'],
  ])('%s', (text, title) => {
    expect(titlesOf(text)).toContain(title);
  });
});
