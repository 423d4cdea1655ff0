/**
 * Round 10 of the planner (issue 12), from blind set 9 (spent): a one-word topic before a colon and a
 * request, a slowness told as a range of seconds, "take" as a verb. The texts are written for these tests,
 * not taken from any judgement set.
 */
import { describe, expect, it } from 'vitest';
import { offlineAdvisor } from '../../orchestrator/advisor/offline.js';

const titles = (text: string) => offlineAdvisor.breakDown(offlineAdvisor.analyseObjectives([text]).objectives).map((t) => t.title);

describe('titles', () => {
  it.each([
    ['Export: make the order export include the gift message and the delivery slot', /^(?:Plan how we )?make the order export include/i],
    ['The timetable page takes 5-7 seconds to load on a phone', /^Plan the speed-up of the timetable page/],
    ['Take card payments for school trips in the parents app', /^Plan how we take card payments for school trips/],
  ])('%s', (text, title) => expect(titles(text)[0]).toMatch(title));
});

describe('a user story in the third person', () => {
  it('carries a contraction with its pronoun ("I’m" is "they’re", never "they’m")', () => {
    const said = titles('As a tenant I want an email when I’m overdue on rent I’ve been reminded about').join('\n');
    expect(said).toMatch(/when they're overdue on rent they've been reminded about/);
    expect(said).not.toMatch(/they['’]m\b/);
  });
});
