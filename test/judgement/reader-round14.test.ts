/**
 * Round 14 of the chat reader, on sentences written for it (none from a blind set): time and rooms
 * blocked in a calendar, things stuck in a machine, a rule or policy told as the reason, a problem that
 * is not ours, a denial said "nah"; and, as blockers, work held until someone agrees or answers, a
 * recovery key nobody has, legal silent, an authority's sign-off (business).
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 14: ordinary', () => {
  it.each([
    'the rota view now hatches out shifts that are blocked by annual leave, much easier to read',
    'Studio 2 is blocked all of Friday for the photo shoot, the planner shows it right',
    'the kiosk now spits out coins stuck in the slot after ten seconds',
    "the app won't let a member book more than two classes a day, that's the gym's policy, it's in the copy now",
    'the lift in the office is broken again (the real lift, not our software), facilities are on it',
    'Yesterday: invoice list. Today: filters on it. Blockers: nah',
    'the queue was stuck for twenty minutes at 3am, the supervisor restarted it and no messages were lost',
    'every refund over 500 now needs a second approver, like finance asked',
    "I can't stand the new font but fine",
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});

describe('reader round 14: blockers', () => {
  it.each([
    ["the courier integration is ready but I've been told not to go live until someone agrees to their new surcharge", 'business'],
    ['are members allowed to see each other\'s climbing logs? legal is silent and the sharing screen is half built on a guess', 'business'],
    ['the staging gateway went into recovery mode overnight and none of us has the admin pin. Omar has it and he is on leave till Monday', 'technical'],
    ['yesterday: finished the receipt printer driver. blockers: still no API key from the card terminal people, asked twice now', 'technical'],
    ['the seat map has to be signed off by the transport authority before it goes live, no sign-off yet', 'business'],
    ["not provisioning anything before that's answered: the partner says EU only and our cluster is in Ohio", 'business'],
  ] as const)('%s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe(kind);
  });

  it("an authority's own API serving stale data is technical", () => {
    expect(readChat("the port authority's tide API is serving yesterday's data again, so the ETA tests fail").kind).toBe('technical');
  });
});
