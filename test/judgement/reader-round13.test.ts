/**
 * Round 13 of the chat reader, on sentences written for it (none from a blind set): work told as going
 * nowhere, held until others settle a call, a refusal a tool prints, a cap hit with the next plan to
 * approve; and, as technical, product features named like money (a subscription renewal call, a
 * ticket purchase test, a 'paid' status, a token's scope).
 */
import { describe, expect, it } from 'vitest';
import { classifyBlocker } from '../../orchestrator/monitoring/blocker-kind.js';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 13: blockers', () => {
  it.each([
    ["not stuck exactly, but the build box reboots every hour and the release branch never finishes, so nothing's moving on the installer", 'technical'],
    ["the fixtures I was given say 'access denied' and I'm sat here with nothing to run", 'technical'],
    ['the metrics feed has been silent since noon so there is no way for me to check the autoscaler', 'technical'],
    ["Finance says invoices round per line, the tax spec says per total. I'm not touching either rule until one of them wins.", 'business'],
    ['Is the family plan priced per seat or flat? The paywall, the store listing and the emails all hinge on it and the PRD is blank there.', 'business'],
    ["We've hit the free tier's 10,000 event cap on the analytics service, so new events are dropped. The next plan is $49/month and needs the PO's OK.", 'business'],
    ["Routing is done but we're not allowed to switch real traffic until the regulatory lead files the Ofcom approval.", 'business'],
  ] as const)('acts on or asks about: %s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe(kind);
  });

  it.each([
    'the sandbox rejects every subscription renewal call with 422 since their migration, so I cannot test the retries',
    'the staging db went read-only again and every ticket purchase test dies on insert',
    "the cinema POS webhook hasn't fired since their v3 release, so bookings never flip to 'paid' and I can't test checkout",
    'the new token lacks the right scope and I cannot continue the map task until one is issued',
  ])('a product feature named like money is technical: %s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('technical');
  });
});

describe('reader round 13: still ordinary', () => {
  it.each([
    'nothing is stuck, moving on to the invoices next',
    'moving on: the export is done and merged',
    "the forklift in the simulator keeps getting stuck at the dock door, that's the bug I'm fixing this morning",
  ])('reads as ordinary: %s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });

  it('in-app purchases stay a business matter', () => {
    expect(classifyBlocker('The store rejected the build over our in-app purchase wording.').kind).toBe('business');
  });
});
