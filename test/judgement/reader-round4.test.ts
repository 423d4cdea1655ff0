/**
 * Round 4 of the chat reader (issue 12): ordinary lines told with trouble words (a wait denied, a joke,
 * finished work that failed first, a workaround in place, a question the speaker answers) are left
 * alone, and blockers told by their effect, as parked work or as a call someone has to make are heard.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;

describe('ordinary lines with trouble words', () => {
  it('leaves denials, jokes and fine defaults alone', () => {
    expect(reading('Not waiting on the API team anymore, they shipped the endpoint.')).toBe('none');
    expect(reading("Could use a review at some point, but I'm not waiting on it.")).toBe('none');
    expect(reading('the coffee machine is broken again, a real blocker for morale')).toBe('none');
    expect(reading("We're stuck with the stock chart colours for now, which honestly looks fine.")).toBe('none');
  });

  it('leaves finished work, workarounds and answered questions alone', () => {
    expect(reading('Memory leak in the image worker reproduced and fixed, PR is up.')).toBe('none');
    expect(reading('Removed the legacy endpoints and 12 unused env vars, nothing broke.')).toBe('none');
    expect(reading('The first CI run failed with ECONNRESET; reran it and all 340 tests pass.')).toBe('none');
    expect(reading('Maps API is flaky again but I switched to the local stub, fine for what I am doing.')).not.toBe('blocker');
    expect(reading('anyone know why eslint flags this import? nvm, it was a stale cache')).toBe('none');
  });
});

describe('blockers told in other ways', () => {
  it('hears an outage told by what can no longer be verified', () => {
    expect(reading('The test broker has been refusing connections since 8, so none of the consumer changes can be tested end to end')).toBe('blocker');
  });

  it('hears parked work and a call someone has to make', () => {
    expect(reading('Not touching the export until someone clears it with the privacy team.')).toBe('blocker');
    expect(readChat('Not touching the export until someone clears it with the privacy team.').kind).toBe('business');
    expect(reading("Can we get a call on which of the two launches comes first? I can't staff both.")).not.toBe('none');
  });

  it('does not take a condition still to be met for a fix', () => {
    expect(reading("every deploy to staging fails on a missing secret, I can't merge the search work until that's sorted")).not.toBe('none');
  });
});
