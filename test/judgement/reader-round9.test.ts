/**
 * Round 9 of the chat reader (issue 12), from blind set 8 (spent): a question the speaker answers, a
 * limit or error that is the design, a low-priority joke, waiting on nobody, a sandbox that came back, a
 * colleague's clean migration, a wait for something needed later; blockers told as a signed agreement
 * wanted first, a ticket paused for product input, keys nobody put back, "not sending anything until I
 * know"; business by a plan's upgrade to sign, an agreement that is silent, a sign-off of wording, price
 * tiers to approve; a seat map is no licence seat. The lines are written for these tests, not taken from
 * the judgement sets.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;
const kind = (text: string) => readChat(text).kind;

describe('ordinary lines', () => {
  it.each([
    'Do we charge the schools per pupil or per site? Per site — it is in the signed contract, just double-checked.',
    'Do we need an index on the tags column? No — the table is tiny. Carrying on.',
    'the "cannot edit a closed invoice" error is intentional, that is the audit lock doing its job',
    'The 5-uploads-per-hour cap is on purpose, product wanted it so nobody floods the gallery',
    "lol the search for 'error' returns the error page. filed as low prio",
    "I'm waiting on nobody, heads down on the payroll export",
    "I thought I'd be blocked on the courier API but their sandbox came back before I needed it",
    'Omar finished the postcode backfill: 1.2M rows, zero mismatches. great work',
    "Waiting for the translator's Welsh copy, but it is for the spring campaign and I'm on other things till then",
    'Still waiting on the nightly soak test, should be done after lunch',
  ])('%s', (text) => expect(reading(text)).toBe('none'));
});

describe('blockers', () => {
  it.each([
    'The port authority wants a signed data-sharing agreement before they will give us the berth feed. Who on our side signs that?',
    'OPS-41 (partner rate limits) is paused: the ticket asks for a premium tier but no pricing or terms are defined. Product owner input required.',
    'someone rotated the sandbox API keys and nobody put the new ones in the vault, so all my payment tests are 403ing',
    "Before I connect the new lab: is there a signed DPA with them? I'm not sending any patient data until I know there is.",
  ])('%s', (text) => expect(reading(text)).toBe('blocker'));
});

describe('business or technical', () => {
  it('sends an unsigned upgrade, a silent agreement, wording to sign off and price tiers to the product owner', () => {
    expect(kind('Today: nothing moving on exports, the build minutes on our current plan are used up and the queue sits there until someone signs off the upgrade.')).toBe('business');
    expect(kind('Are we even allowed to show the archive photos publicly? The donor agreement doesn’t say, and the gallery page is on hold till someone finds out.')).toBe('business');
    expect(kind('Marketing still hasn’t signed off the wording of the renewal emails and we can’t send the batch without it.')).toBe('business');
    expect(kind('The venue has to approve the price tiers before tickets go on sale and they have gone quiet, so the event cannot be published.')).toBe('business');
  });

  it('keeps a seat map and a sandbox without docker with the team', () => {
    expect(kind('Task BOX-7 (seat map editor): the test database will not start here and I have no permission to run docker. Paused until someone restores it.')).toBe('technical');
    expect(kind('Still no seat on the Figma team, so I cannot open the new flows.')).toBe('business');
  });
});
