/**
 * Round 18 of the chat reader, on sentences written for it (none from a blind set): a wait told by how
 * long it has lasted, a review someone else needs before they can go on, a polite "would anyone be able
 * to add me…", a call not yet made, a broken screen told by its effect (people back on the phone); the
 * business kind of a bigger plan nobody approved, a spec that is silent, two people's "urgent", a
 * service's sign-off; and, as ordinary lines, being stuck on the road, praise said with "can't", a
 * request for a look "sometime this week", and a limit by design.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 18: blockers', () => {
  it.each([
    'Sven has waited three days now for the network team to open port 5432, chased them again today',
    'would anyone be able to add me to the billing-prod project? want to test the refund fix today',
    'Jonas needs a review on the export PR before he can start the import screen',
    "the loyalty discount still isn't decided and it's the last screen in my sprint",
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('blocker');
  });

  it.each([
    'the scanned delivery notes all open as 0 bytes since the storage move, and finance wants them for friday',
    'the route map on the vans is a grey square since lunch, drivers are phoning the office for directions',
  ])('told by its effect, worth a question at least: %s', (text) => {
    expect(readChat(text).reading).not.toBe('none');
  });

  it.each([
    'we hit the data cap on the depot SIMs and nobody has approved the bigger plan, so I can\'t add the new scanners',
    "the commission split for partner shops is nowhere in the spec and I can't write the payout rule without it",
    'Ana wants the waitlist first, Ben says the vouchers matter more, both say urgent. which one do I do?',
    'the fire service has to sign off the evacuation screen before we can switch it on',
  ])('business: %s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('business');
  });
});

describe('reader round 18: ordinary lines', () => {
  it.each([
    "the motorway is closed after a crash so I'm stuck behind a lorry, will join late",
    "can't say enough good things about the new deploy script",
    'could use a second pair of eyes on the invoice rounding sometime this week, whenever suits',
    'the upload is limited to 20 MB per file by design, the form says so',
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});
