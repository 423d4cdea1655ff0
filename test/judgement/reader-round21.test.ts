/**
 * Round 21 of the chat reader, on sentences written for it (none from a blind set): a line the speaker
 * settles as by design ("that's the process", "that's what the owner asked for"); an ordinary store
 * review that usually takes a day; other senses of stuck and blocked in people's days (a clock's hands,
 * a room at a team outing, a hedge, a pile of pallets, a court blocked off for a tournament); a wording
 * the speaker settles themselves and moves on. And blockers with no usual cue: a wait on the owner, a
 * call the product owner must make between two parties' wishes, a budget holder who has to choose, no
 * push rights, a refusal quoted after "all I get is", none of the tests passing, a review that never
 * came while the next ticket builds on it, spend the owner has to ok.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 21: ordinary lines', () => {
  it.each([
    'Bookings lock 24 hours before the session, that is what the owner asked for.',
    "Orders go on hold automatically while the payment is verified. That's the process.",
    "The sensor can't sample faster than once a minute, that's the hardware spec, and it's plenty for us.",
    'Waiting on the Play Store review for 3.1, usually takes a day, I am on the next ticket meanwhile.',
    'The gate at the north yard is blocked by a pile of pallets again, logged it in the app as a hazard.',
    "The hall clock from the Mercer job is stuck at twenty to four, that's why it's on the bench 🙂",
    "Got stuck in 'The Sunken Galleon' for 50 minutes at the team outing, worth it",
    'Court 2 is blocked off all weekend for the junior tournament, the calendar shows it red.',
    'Field 4 is blocked off for drainage works till April, fixtures already moved to field 5.',
    "I'm stuck on the wording of the reminder email, I'll just go with what the style guide says and move on.",
    'stuck choosing a hero photo for the landing page, they are all lovely',
    "can't ride this weekend, sprained my wrist 🤕 still working as normal",
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});

describe('reader round 21: blockers', () => {
  it.each([
    ['The export is done apart from the format question. Waiting on the owner.', 'business'],
    ['Sales want the kiosk flow first, support want the refund screen first, and I only have room for one. not picking a side, need the PO', 'business'],
    ['Someone with the budget has to choose between the two storage quotes before I write the archive job.', 'business'],
    ['The fix is a one-liner in the pricing service, but that repo belongs to the billing team and I have no push rights there.', 'technical'],
    ["could I get read acess to the orders dashboard? all I get is 'you do not have permission to view this'", 'technical'],
    ['Agent Kestrel: the sandbox rejects our client certificate since the CA rotation. 0 of 14 submission tests pass.', 'technical'],
    ['my routing PR has been sitting 4 days with no review and the next ticket builds on top of it', 'technical'],
    ["the SMS credit ran out this morning and I don't have the company card. can the owner ok another £40?", 'business'],
    ['Every reading I sync from the handheld comes back as 0 kg, even the ones I typed as 42. I cannot send the monthly report out like that.', 'technical'],
  ] as const)('%s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).toBe('blocker');
    expect(r.kind).toBe(kind);
  });

  it.each([
    'Requesting the new CA bundle from whoever holds the agency account.',
    'Priorities clash: the owners want gift cards first, the managers want the waitlist first, and I have this sprint. Which one?',
  ])('at least asked about: %s', (text) => {
    expect(readChat(text).reading).not.toBe('none');
  });
});
