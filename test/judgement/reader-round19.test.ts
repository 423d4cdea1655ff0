/**
 * Round 19 of the chat reader, on sentences written for it (none from a blind set): other senses of
 * "blocked" and "on hold" (time blocked out, a hold the site already shows), "Blockers: zip"; a call asked
 * for as "which version am I building?", "I can do one of them", spend someone has to ok; a feed that
 * went quiet and data that never arrived; a Blockers field whose "we're ok" is a question; a wait in
 * non-native English; and a go/no-go checker that is a feature, not a decision.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 19: ordinary lines', () => {
  it.each([
    'blocked out the rest of the afternoon for the quarterly review, back tomorrow',
    'Blockers: zip',
    "all tours are on hold this weekend because of the gales, the site already shows 'weather hold'",
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});

describe('reader round 19: blockers', () => {
  it.each([
    ['I can do one of them properly this week, not both. which one??', 'business'],
    ['the treasurer has to ok extra spend or the SMS reminders stop on the 1st', 'business'],
    ["Blockers: the store rejected the build because tips must go through in-app purchase, and I've no idea if we're ok losing the 30%", 'business'],
    ['Telemetry still waits the firmware fix from the vendor since two weeks', 'technical'],
    ['the met office feed key expired overnight and the go/no-go checker marks every flight unknown', 'technical'],
  ] as const)('%s', (text, kind) => {
    const r = readChat(text);
    expect(r.reading).toBe('blocker');
    expect(r.kind).toBe(kind);
  });

  it.each([
    'which version am I building, the one in the brief or the one in Figma?',
    'the depot tracker went quiet at 02:10 and the overnight scans never arrived, I need them for the morning report',
  ])('at least asked about: %s', (text) => {
    expect(readChat(text).reading).not.toBe('none');
  });
});
