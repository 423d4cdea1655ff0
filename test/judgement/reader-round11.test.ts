/**
 * Round 11 of the chat reader, on sentences written for it (none from a blind set): the work told
 * as impossible, a stop until someone answers, priorities with room for one, a product call, two
 * documents at odds; and, as ordinary, dependencies denied, failing over as a procedure, a road
 * jam, a passing streak and a meanwhile that is fine.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

/** Each line is acted on or asked about, with the kind given (when one is). */
const heardAsBlockers = (lines: readonly (string | readonly [string, 'technical' | 'business'])[]) =>
  it.each(lines.map((l) => (typeof l === 'string' ? [l, undefined] : l)))('acts on or asks about: %s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    if (kind) expect(r.kind).toBe(kind);
  });

/** Each line is read as ordinary. */
const readAsOrdinary = (lines: readonly string[]) =>
  it.each(lines)('reads as ordinary: %s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });

describe('reader round 11: blockers', () => {
  heardAsBlockers([
    ['the sandbox lost every test merchant overnight, refunds are untestable right now', 'technical'],
    ['No further progress is possible on T-9 until the staging certificate is reissued.', 'technical'],
    ["my dock died and the replacement comes monday, so nothing from me till then", 'technical'],
    ["I've paused the export work until product tells us which columns the auditors get", 'business'],
    ['which first, the coupon engine or the gift cards? both are marked P1 and I only have time for one', 'business'],
    ['do trial users see the premium filters or not? I need a product call before I build the gate', 'business'],
    ['late fees: per day or per week? the two docs say different things and the billing job waits on it', 'business'],
  ]);

  it('a review asked for, with work stacked on it, is a blocker; the same ask alone is not', () => {
    expect(readChat('@Jo could you look at my ledger PR when you get a chance? the reconciliation branch sits on top of it').reading).toBe('blocker');
    expect(readChat('@Jo could you look at my ledger PR when you get a chance?').reading).toBe('none');
  });

  it("someone else's hands tied is asked about, not acted on", () => {
    expect(readChat("Ana's hands are tied on the tax export until finance says which rate applies").reading).toBe('unsure');
  });

  it('a contract between services and a pricing engine are technical', () => {
    expect(readChat("the search team still hasn't published the event contract, I can't pick a schema without it").kind).toBe('technical');
    expect(readChat('who can approve my MR on the pricing engine? three days now and the promo work hangs off it').kind).toBe('technical');
  });
});

describe('reader round 11: ordinary lines', () => {
  readAsOrdinary([
    'Done: moved the webhook handlers to the new queue, 88 tests green. Happy for a review whenever; nothing else waits on it.',
    'the legacy export can go whenever ops want, nobody depends on it anymore',
    'prod read replica restarts at 22:00 for patching, nothing needed from anyone, just avoid long queries then',
    'documented how we fail over to the second region: promote, repoint DNS, verify',
    'stuck on the A14 behind a tractor, start standup without me',
    'the e2e suite passed five runs in a row, suspicious but I will take it',
    "can't switch the admin to the new icon set yet, the design system lands in March. old icons are fine meanwhile",
    'we could get delayed in January if the bank changes its API again, but nothing for now',
  ]);
});

describe('reader round 11, after dev batch 12: blockers', () => {
  heardAsBlockers([
    "the board hasn't approved the new consent wording yet, so the signup change stays switched off. is anyone chasing them?",
    'our sandbox merchant account got suspended for unusual volume, support says 2-3 days',
    'the quote for the map tiles has been in purchasing\'s inbox since the 14th and nothing else on the routing epic moves without tiles',
    "the nightly dedupe is merging distinct customers again, traced it to the shared cache, which I'm not allowed to touch",
    'Sales want annual plans to renew at the old price, the pricing doc says new price. somebody has to tell me which one we ship on Monday',
    'the welcome screen is done except the hero artwork, the agency says next week, so I\'m holding the release',
    'the forecast retrain has literally nothing to train on till the feed comes back lol',
  ]);
});

describe('reader round 11, after dev batch 12: ordinary lines', () => {
  readAsOrdinary([
    'Thursday 3pm is blocked in the team calendar for the quarterly review, please keep it free',
    'yesterday: refund emails. today: the audit log filters. blockers: nada',
    'Bookings down 8% on last week, product thinks it is the school holidays',
    'Spent the afternoon stuck on a customer question about leap years, ended up writing a help article',
    'the fraud model looked broken, flags every Sunday order. turns out Sundays are riskier. so not broken',
    'Friday\'s change freeze is confirmed, no releases after noon. already planned around it',
    'Failover to the backup SMS provider kicked in at 09:12 when the primary hit its limit, exactly as configured',
    'Catching up with the vendor at 4 about the webhook retries; nothing on my side depends on it',
    'checkout was down for 3 minutes after the deploy, rolled back, a missing secret; the pipeline now checks for it so it cannot happen again',
    'the payment provider had a blip 14:00-14:20, our queue held everything and all 212 orders went through afterwards, nothing lost',
  ]);
});

describe('after blind sets 11 and 12 were scored (not measured by them)', () => {
  it('something that now answers with a refusal settles nothing', () => {
    expect(readChat('Blocked on T-12: the import job needs the archive bucket, which now returns AccessDenied for the deploy role').reading).toBe('blocker');
    expect(readChat('the signup endpoint now returns a 400 with a clear message when the email is missing').reading).toBe('none');
  });
});

describe('reader round 12, tuned on spent blind sets 11 and 12', () => {
  heardAsBlockers([
    ["Yesterday: the refund emails. Today: wanted to deploy them but the mail repo was moved and I don't have push on the new one. Blockers: nothing else", 'technical'],
    ['is the loyalty badge free or paid in v2?? asked three times now and the profile page is half built', 'business'],
    ["we're out of the geocoding free tier for the month and addresses no longer resolve. someone with the billing login has to decide: pay or switch", 'business'],
    ['ops and finance gave me two different retention rules for the invoices, I cannot write the purge job', 'business'],
    ['the hospital data governance board meets monthly and we missed it, so the DPIA is not signed and we cannot load real records', 'business'],
  ]);

  readAsOrdinary([
    "nobody's blocked on the quarter-end close, I asked around",
    'finance approved the spend for the Sentry business plan this morning, switching over after lunch',
    'the export limit of 10k rows is deliberate, please leave it as it is',
    'do we bill per seat or per workspace? per seat, Lena confirmed it in the spec, going ahead',
    "Can't get over how fast the new build cache is, thanks Omar",
    'Progress on T-31: the login endpoint now blocks clients after 5 failed attempts and returns 429. 12 of 12 tests pass.',
  ]);
});
