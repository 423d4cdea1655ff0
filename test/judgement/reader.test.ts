/**
 * The three-answer chat reader (issue 12): blocker, unsure or none, with a confidence; tense and
 * settledness, negation, other senses of the cue words, blockers told by their effect or asked
 * politely, waiting on a person, a decision or access, lines about other people; business or
 * technical. The dev sets in test/judgement/dev/ shaped these rules: their scores here only guard
 * against regressions (docs/judgement.md reports what they do and do not show).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSet, scoreChat } from '../../bench/judge.js';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;

describe('the three answers', () => {
  it('acts on a blocker said outright, told by its effect, or asked for politely', () => {
    expect(readChat("I'm blocked on the staging credentials")).toMatchObject({ reading: 'blocker', kind: 'technical', category: 'stuck' });
    expect(reading('The preview environment answers 502 for every branch since this morning')).toBe('blocker');
    expect(reading('could someone with org admin add me to the signing group when they get a minute?')).toBe('blocker');
    expect(readChat("Waiting on Priya's review before I can merge the payments refactor")).toMatchObject({ reading: 'blocker', category: 'waiting' });
    expect(readChat("I don't have permission to create the S3 bucket, can someone from ops do it?")).toMatchObject({ reading: 'blocker', category: 'access' });
  });

  it('asks about what it is not sure of, with a middling confidence', () => {
    const r = readChat('Not sure which of the two auth flows the spec wants');
    expect(r.reading).toBe('unsure');
    expect(r.confidence).toBeGreaterThanOrEqual(0.45);
    expect(r.confidence).toBeLessThan(0.75);
  });

  it('reads the tense: a problem fixed, in the past or planned is none', () => {
    expect(reading('I was stuck on the SSO callback yesterday but Marta showed me the fix')).toBe('none');
    expect(reading('The staging outage from this morning is resolved')).toBe('none');
    expect(reading('Heads up: staging will be down for maintenance at 3pm')).toBe('none');
    expect(reading('The Android build was failing yesterday, Jin fixed the Gradle config')).toBe('none');
    expect(reading('Fixed the login, but now the tests keep failing')).not.toBe('none');
  });

  it('hears negations and other senses of blocked, stuck and can’t', () => {
    for (const line of [
      'No blockers on my side',
      'Yesterday: the import screen. Today: the export. Blockers: none',
      'Nothing is broken, just cleaning up warnings',
      'Blocked time on my calendar for deep work, ping me after 2',
      "I'm stuck with the default colours for now, which is fine for the demo",
      "Can't wait for the new laptops to arrive",
      "Can't make standup tomorrow, dentist",
      'Users who are blocked by an admin now see a proper message',
      'Closed the ticket about the login timeouts, it was a proxy setting',
      'Reminder: failing tests block the merge queue',
    ]) expect(reading(line), line).toBe('none');
  });

  it('only asks about a blocker said about someone else, or in another language', () => {
    expect(readChat('Marta is stuck on the SSO callback, she has been asking since yesterday')).toMatchObject({ reading: 'unsure', about: 'other' });
    expect(reading('Je suis bloqué sur le déploiement depuis ce matin')).toBe('unsure');
  });

  it('sends capacity, budget, legal and requirement questions to the product owner, a third party’s bug to the team', () => {
    expect(readChat('the notifications need 1000+ concurrent connections but our infrastructure handles 100')).toMatchObject({ reading: 'blocker', kind: 'business' });
    expect(readChat('We can’t ship the EU launch until legal signs off on the cookie consent wording').kind).toBe('business');
    expect(readChat('The acceptance criteria contradict the mockups on whether the price includes tax').kind).toBe('business');
    expect(readChat('The SDK we got from the vendor doesn’t compile with Swift 6').kind).toBe('technical');
  });

  it('reads anything without throwing: empty, emoji, 100 KB, another script, pasted code', () => {
    for (const text of ['', '   ', '🎉🎉', '日本語のテキストです', 'const x = () => { throw new Error("boom"); };', 'TypeError: x is undefined\n    at f (a.js:1:2)', 'blocked '.repeat(15_000)]) {
      const r = readChat(text);
      expect(['blocker', 'unsure', 'none']).toContain(r.reading);
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('the development sets (they shaped the rules: a regression guard, not a measurement)', () => {
  const dir = new URL('./dev/', import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('chat'))) {
    it(`keeps ${file} where it was tuned`, () => {
      const s = scoreChat(readSet(readFileSync(new URL(file, dir), 'utf8')).chat, undefined, false);
      expect(s.actedRight / s.acted).toBeGreaterThanOrEqual(0.97);
      expect(s.caught / s.blockers).toBeGreaterThanOrEqual(0.97);
      expect(s.askedOrdinary / s.ordinary).toBeLessThanOrEqual(0.03);
      expect(s.kindAgreed / s.kindChecked).toBeGreaterThanOrEqual(0.95);
    });
  }
});
