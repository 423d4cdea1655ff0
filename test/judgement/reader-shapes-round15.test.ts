/**
 * Round 15 of the chat reader's shapes, on sentences written for it (none from a blind set): asking for
 * help is no fix; a standup field set off by a dash; a wait on a call someone has to make; a laugh does
 * not lighten what waits on someone.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader shapes, round 15: blockers', () => {
  it.each([
    // Having asked is not having it: the work still waits.
    ["Still no login for the supplier portal, so I can't pull the price files. Asked Joana on Tuesday.", 'technical'],
    // "blockers - …" is the field, not a dash for "none".
    ['yesterday - invoice export. today - dunning emails. blockers - the SMTP relay refuses our new sender domain since this morning', 'technical'],
    // A call to be made by product is a decision, not a phone call.
    ['rooms: can a booking span two days or not? it changes the whole calendar model, Ana and I are waiting on a call from product', 'business'],
  ])('%s', (text, kind) => {
    const read = readChat(text);
    expect(read.reading).toBe('blocker');
    expect(read.kind).toBe(kind);
  });
});

describe('reader shapes, round 15: a laugh', () => {
  it('does not make a wait on someone lighter', () => {
    const read = readChat('the maps API key expired lol so tile requests 401 on everything, cant do anything on the route screen until someone with the vendor login renews it');
    expect(read.reading).not.toBe('none');
  });
});

describe('reader shapes, round 15: ordinary', () => {
  it.each([
    'Blockers - none, on to the reports tomorrow',
    'blockers - nope',
    'waiting on a call at 3, then I pick up the refunds ticket',
    'waiting on a call from the plumber about the office, the build is green anyway',
  ])('%s', (text) => {
    expect(readChat(text).reading).toBe('none');
  });
});
