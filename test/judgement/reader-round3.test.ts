/**
 * Round 3 of the chat reader (issue 12): the broad middle. A line that sounds like trouble in general
 * terms (a bad state, something not there, the work depending on it, a call someone else makes, sarcasm,
 * a deadline close by) is asked about, never acted on; a line that only has one kind of evidence, or that
 * says the speaker already deals with it, is left alone.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;

describe('the broad middle', () => {
  it('asks about trouble told in words no cue knows', () => {
    expect(reading('Still nothing from the data team on the event schema, and the dashboard work does not really start without it')).toBe('unsure');
    expect(reading('oh good, the staging db is read-only again. love that for me')).toBe('unsure');
    expect(reading('Do we bill the setup fee monthly or once up front? The brief says both')).toBe('unsure');
    expect(reading('the payments one is parked until finance tells me which currencies we launch with')).toBe('unsure');
  });

  it('never acts on the broad middle alone', () => {
    expect(readChat('Still nothing from the data team on the event schema, and the dashboard work does not really start without it').confidence).toBeLessThan(0.75);
  });

  it('leaves ordinary lines alone: one kind of evidence, short waits, work in hand, denials', () => {
    expect(reading("what's the wifi password for the guest network?")).toBe('none');
    expect(reading("Waiting for my build to finish, then I'll review yours")).toBe('none');
    expect(reading('I need to finish the docs before the release')).toBe('none');
    expect(reading('Can you review my PR when you have a minute?')).toBe('none');
    expect(reading('all good here, nothing stuck')).toBe('none');
    expect(reading("I'm not waiting on anyone right now")).toBe('none');
    expect(reading('Product decided: guests can check out without an account')).toBe('none');
  });

  it('reads apostrophes as apostrophes, not quotation marks', () => {
    expect(reading("We might get held up by the bank's sandbox next sprint, I'll raise it early if it happens")).not.toBe('blocker');
  });

  it('sends a call someone else has to make to the product owner', () => {
    expect(readChat('Two stakeholders want opposite default sort orders and I keep flipping it. could we get one person to decide?').kind).toBe('business');
  });
});
