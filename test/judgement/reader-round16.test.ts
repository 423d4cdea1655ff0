/**
 * Round 16 of the chat reader, on sentences written for it (none from a blind set): the business kind of
 * a blocker when an outside office or agency has not approved, when nobody owns a decision, and when two
 * people's rules contradict; the technical kind when a file path, a key to use or a sprint named in passing
 * is all that looks like business.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

describe('reader round 16: business blockers', () => {
  it.each([
    "The FAA hasn't approved our checklist layout yet, and we can't roll the inspection app out to the hangars until they do.",
    "The registrar's office hasn't said yes to putting the marriage index online, and the whole search page hangs on that.",
    'Regulatory says the new dosage screen needs an assessment before it ships, and nobody in regulatory has picked it up, so the release is frozen.',
    'Late returns: Priya said they pay a fine, the branch manager said the opposite at the meeting, and the overdue screen is stuck until that is settled.',
    'The landlord wants the inspection report in his layout, the insurer wants other fields. Until somebody tells me whose layout wins I am stuck on the export.',
    'Agent report: export scheduling done (exports/cron.ts, 12 tests). Paused before turning on the bank feed: this requires signing the bank data-feed terms for the company, which needs an authorised signatory. Awaiting the product owner\'s decision.',
    'Coaches want the scores public, parents want them hidden. Nobody owns the decision and the results page is waiting on it.',
  ])('%s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('business');
  });
});

describe('reader round 16: technical counterparts', () => {
  it.each([
    "Agent report: refactor done (src/pricing/tiers.ts, 40 tests green). Stopped at checkout: the Mollie test profile returns 'profile not verified' and fixing it needs a settings change in the Mollie dashboard, which this agent cannot reach.",
    'Status: migration 0077 fails on staging with `ERROR: permission denied for table bookings`. The deploy user lacks ALTER there; a grant from the DBA is needed before the other 2 tasks in this sprint can start.',
    'The map tiles stopped loading on iOS since the tile server went behind auth. Tom, which key am I meant to use? stuck on this',
  ])('%s', (text) => {
    const r = readChat(text);
    expect(r.reading).not.toBe('none');
    expect(r.kind).toBe('technical');
  });
});
