/**
 * Round 15 of the chat reader, on sentences written for it (none from a blind set): the business kind of
 * a blocker when the call is someone else's: a requirement that contradicts itself and needs a call, an
 * outside organisation's sign-off, a requirements question nobody answers, an agreement that forbids
 * something, a plan's allowance used up until someone raises the plan. Their technical counterparts (an
 * outside body's system down, a colleague's review, the CTO's design choice) stay technical.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 15: business blockers', () => {
  it.each([
    "the ticket wants invoices grouped by project and also exactly one invoice per customer per month. those can't both hold, I need a call on it before I change the schema",
    "Marta from the allotment association has to sign off the plot map before we print it, she's back next week and the print run is blocked till then",
    "the ferry operator wants to see the screens before their timetables go live next to the other operators', so that page stays hidden until they sign off. still nothing",
    'the maritime authority has to approve our AIS feed format before we can use their live feed. sent it in October, nothing back, and vessel tracking is blocked on it',
    "must volunteers bring their own DBS certificate or not? the requirements doc doesn't say and the trustees haven't replied, so the sign-up form is stuck",
    "blockers: we've burnt through this month's SMS allowance on our Twilio plan and texts bounce until someone bumps the plan",
    "some of the deposit agreements with the partner museums say no photos of restricted items. can we show thumbnails or not? I've parked the gallery page waiting for an answer",
    "can we put the nest sites on the public map or not? the data sharing agreements say no exact locations and I'm waiting for an answer",
  ])('%s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('business');
  });
});

describe('reader round 15: technical counterparts', () => {
  it.each([
    "the pensions agency's test endpoint times out on every call today, so all the submission tests are stuck",
    'Marco has to sign off my PR before I can merge the new thresholds, he said after lunch',
    'I need a call from the CTO on outbox versus queue before I wire up the payout worker, blocked till then',
    "the certificate authority still hasn't approved our CSR, so staging has no valid cert and the webhook tests fail",
    // An outside body's own system failing is a third party's bug, even when nobody there answers.
    "stuck: the client's SFTP server refuses our key since the weekend and their IT hasn't replied yet",
    "the customer's webhook endpoint keeps returning 500 and they haven't replied to our email, so the sync tests are stuck",
  ])('%s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('technical');
  });
});
