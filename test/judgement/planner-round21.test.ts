/**
 * Round 21 of the planner, on sentences written for it (none from a blind set): translation reaches
 * screens whatever else it reaches, and more languages are known ("Welsh", "Polish" as a language, not
 * the verb); a look told as a complaint ("ugly", "a mess"), a layout or a carousel, a size on paper;
 * something done without an account is reviewed; other senses: a recording session, a musical key,
 * scanned pages, what we pay, a status page of one order, a chess pairing system, Irish customers.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

describe('planner roles, round 21', () => {
  it.each([
    ['Icelandic version', ['frontend-dev'], ['security', 'devops']],
    ['The ticket shop should be available in Danish, including the receipt emails and the VAT lines on invoices.', ['frontend-dev', 'backend-dev'], []],
    ['Honestly the rota page is a mess and nobody can find the swap button.', ['designer', 'frontend-dev'], ['backend-dev', 'security']],
    ['Replace the hero image on the homepage with a carousel of four photos.', ['designer', 'frontend-dev'], ['backend-dev', 'cto']],
    ['Make the shelf labels print larger', ['frontend-dev'], ['cto', 'backend-dev']],
    ['Guests should be able to see their booking online without an account, using the booking code and their surname.', ['backend-dev', 'security'], []],
    ['Rehearsal recordings should be searchable by song, tempo and key.', ['backend-dev', 'frontend-dev'], ['security']],
    ['Catalogue pages take 9 seconds to open when an item has 30 high-resolution scans.', ['frontend-dev'], ['security']],
    ['Cut what we pay for video storage: most clips are never watched after a month and sit on hot storage.', ['devops'], ['security']],
    ['Fix the pale text on the delivery status page, it fails the contrast check.', ['designer', 'frontend-dev'], ['devops']],
    ['Our invoices show the wrong VAT for Swedish customers. Fix the tax calculation.', ['backend-dev'], ['frontend-dev']],
  ] as const)('%s', (text, needed, absurd) => {
    const { roles } = planOf(text);
    for (const role of needed) expect(roles, `needs ${role}`).toContain(role);
    for (const role of absurd) expect(roles, `no ${role}`).not.toContain(role);
  });

  it('keeps a time zone change on the server', () => {
    expect(planOf('Store every booking time with its time zone and convert old rows without downtime.').roles).not.toContain('frontend-dev');
  });

  it('keeps a switch that turns a carousel off behind the screen too', () => {
    expect(planOf('Feature flag to hide the offers carousel per market.').roles).toContain('backend-dev');
  });
});

describe('planner titles, round 21', () => {
  it.each([
    ['Welsh and Polish versions of the parish newsletter app', 'Welsh and Polish versions of the parish newsletter app'],
    ['As a tenant, I want notices in Polish as well as English, so that I understand them.', 'Polish as well as English'],
  ])('%s', (text, title) => {
    const titles = planOf(text).titles.join(' | ');
    expect(titles).toContain(title);
    expect(titles).not.toMatch(/polishing/i);
  });
});
