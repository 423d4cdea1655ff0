/**
 * Round 14 of the planner, on sentences written for it (none from a blind set): people who should be
 * able to do something are let do it, whoever they are; a state that is an adjective is made; a purpose
 * without its comma; "it" under a topic; a complaint whose clause cannot be turned; a thing named with its
 * details after a colon; languages keep their capitals.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

describe('planner round 14', () => {
  it('people who should be able to do something are let do it, whatever the planner calls them', () => {
    expect(planOf('Beekeepers should be able to log a hive inspection from their phone.').titles).toContain('Let beekeepers log a hive inspection from their phone');
    expect(planOf('A tenant who moves out must be able to download every invoice we sent them.').titles).toContain('Let a tenant who moves out download every invoice we sent them');
    // …but a thing that should be able to cope is made to.
    expect(planOf('The export should be able to handle a million rows.').titles.join(' | ')).not.toMatch(/\bLet the export\b/);
  });

  it('a state said as an adjective is made, not "be"', () => {
    const titles = planOf('Webhook secrets should be rotatable by partners from the settings page.').titles.join(' | ');
    expect(titles).toContain('Make webhook secrets rotatable by partners from the settings page');
    expect(titles).not.toMatch(/\bbe rotatable\b/);
    expect(planOf('Chat messages should be end-to-end encrypted.').titles).toContain('Encrypt chat messages');
  });

  it('a purpose said first without its comma still gives way to what is asked', () => {
    expect(planOf('In order to launch in Spain we need the whole shop in Spanish and prices with Spanish VAT.').said[0]).toMatch(/^The whole shop in Spanish/);
  });

  it('"make it …" under a topic makes the topic so', () => {
    expect(planOf('Search: people type "creme brulee" without accents and get nothing. Make it forgiving.').titles.join(' | ')).toContain('make the search forgiving');
  });

  it('a complaint whose clause cannot be turned round is the case to fix', () => {
    expect(planOf("Customers keep telling us the app labels refunds as 'pending' after they arrive.").said[0]).toMatch(/^Fix (?:the case where the app labels|the app label+ing) refunds/);
  });

  it('a label with a clause of its own is no label', () => {
    expect(planOf('Monitoring: we hear about outages from customers. We need alerting on queue depth, paged to on-call.').said[0]).toMatch(/^Alerting on queue depth/);
  });

  it('a thing named with its details after a colon is built, not fixed', () => {
    expect(planOf('Firmware updates for the gate readers: signed images, staged rollout, automatic halt on errors.').titles[0]).toMatch(/^Design firmware updates for the gate readers/);
  });

  it('a number before a noun keeps it a noun, and a language keeps its capital', () => {
    expect(planOf('Why did 300 orders vanish on Friday night?').titles.join(' | ')).toContain('300 orders vanishing on Friday night');
    expect(planOf('The portal needs Welsh alongside English, on every screen.').titles.join(' | ')).toMatch(/\bWelsh alongside English\b/);
  });
});
