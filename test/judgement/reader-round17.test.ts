/**
 * Round 17 of the chat reader, on sentences written for it (none from a blind set): "it's blocking me"
 * said with a pronoun, a call asked for outright ("need the PO to confirm which…", "need a yes or no
 * from…"), a service stopped because its contract ran out, nothing more to do from one's own end; the
 * business kind of an inspector's or a district's sign-off and of "isn't my call"; the technical kind of
 * a vendor's 500s in a flow named after licences; and, as ordinary lines, nothing to decide or do, a
 * complaint that does not stop the speaker, and an agent's report of the errors it handled.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 17: blockers', () => {
  it.each([
    ["The export PR still has no reviewer and it's blocking my next ticket.", 'technical'],
    ['Agent invoices: the contract template says net 30 and the finance wiki says net 14. I need the product owner to confirm which one applies before I write the due-date logic.', 'business'],
    ["I need a yes or no from legal on storing guests' passport scans; the check-in flow forks on it.", 'business'],
    ['A product decision on the deposit amount is needed before the checkout totals can be finished.', 'business'],
    ["The geocoding vendor's subscription ran out on Monday and they cut our API key, so no addresses resolve.", 'business'],
    ["Their support ticket is open and there's nothing more I can do from my end until they reply.", 'technical'],
  ] as const)('%s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).toBe('blocker');
    expect(r.kind).toBe(kind);
  });

  it.each([
    'The fire inspector has to sign off on the evacuation screen before we can enable it in the halls.',
    "Whether the kiosk shows the queue number or the name isn't my call, and the screen waits on it.",
  ])('business: %s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('business');
  });

  it('a vendor sandbox failing under a flow named after licences is technical', () => {
    const r = readChat('The card sandbox returns HTTP 500 on every capture since this morning, so the licence-renewal flow sits there half done.');
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('technical');
  });
});

describe('reader round 17: ordinary lines', () => {
  it.each([
    'The switch swap takes the office network down on the 9th; the gateways run on 4G that day, nothing for us to do.',
    'We may want a second worker next year if usage grows; just flagging, nothing to decide now.',
    "The designers keep moving icons around in Figma. Doesn't stop me, I use the exported names.",
    "Nobody's held me up this week, the importer is done and I'm on the tests.",
    'Agent cache: offline caching added in apps/mobile/src/cache/. While testing I handled QuotaExceededError on older WebViews with LRU eviction, and a partial-download race; 52/52 tests pass.',
    'Agent media: thumbnail service deployed to staging. ECONNRESET from the image store falls back to the placeholder; 31/31 tests pass.',
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});
