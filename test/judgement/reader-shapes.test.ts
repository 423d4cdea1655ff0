/**
 * Round 2 of the chat reader (issue 12): blockers known by the shape of the line rather than a cue word
 * (a shortfall told by its numbers, a polite request for what the work waits on, a plan doubted as a
 * question, two ways to go), a past problem someone else dealt with, the speaker's own plan of work,
 * a person away, other senses of "blocked", and who the product owner has to deal with.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';
import { shortfallIn } from '../../orchestrator/monitoring/chat-shortfall.js';
import { requestIn } from '../../orchestrator/monitoring/chat-requests.js';

const reading = (text: string) => readChat(text).reading;

describe('a shortfall told by its numbers', () => {
  it('compares what there is with what the work needs, in any words', () => {
    expect(shortfallIn('the notifications need 1000+ concurrent connections but our infrastructure handles 100')).not.toBeNull();
    expect(shortfallIn('the worker pool copes with 40 jobs a second and the spring sale expects 900')).not.toBeNull();
    expect(shortfallIn('the cluster handles 800 queries a second and we peak at 150')).toBeNull();
    expect(shortfallIn('the plan allows 5,000 calls a day, which is plenty')).toBeNull();
  });

  it('is a business blocker, except a hard limit on time or size, which the team works round', () => {
    expect(readChat('The exporter tops out around 30 files a minute and the migration needs 2k a minute')).toMatchObject({ reading: 'blocker', kind: 'business', category: 'capacity' });
    expect(readChat('The function hits the 900 second limit on the biggest tenants')).toMatchObject({ reading: 'blocker', kind: 'technical' });
    expect(reading("We'll need a bigger cache if signups triple next spring")).toBe('none');
  });
});

describe('a polite request for what the work waits on', () => {
  it('asks about a request for access, and acts when the line says the work waits on it', () => {
    expect(requestIn('could a workspace owner grant me the billing role?')).not.toBeNull();
    expect(reading('Could a workspace owner grant me the deploy role?')).toBe('unsure');
    expect(reading('Could a workspace owner grant me the deploy role? The release waits on it.')).toBe('blocker');
  });

  it('leaves routine asks and asks for something else alone', () => {
    expect(reading('Can you look over my PR when you have a minute?')).toBe('none');
    expect(reading('Could someone send the agenda for Thursday?')).toBe('none');
    expect(reading('Can someone book the big room?')).toBe('none');
  });
});

describe('settled, planned and other senses', () => {
  it('lets a past problem go once someone dealt with it, but not a present one', () => {
    expect(reading('I was stuck on the flaky upload test on Monday, Sam found the race and it is merged')).toBe('none');
    expect(reading('Got stuck on the cache warmup yesterday but Ana cleared the lock and it went out')).toBe('none');
    expect(reading("I'm stuck on the cache warmup and Ana is looking")).toBe('blocker');
  });

  it('reads the speaker’s own plan for a problem as work', () => {
    expect(reading('The type checker reports 80 errors after the upgrade, going to work through them today')).toBe('none');
    expect(reading('The type checker reports 80 errors after the upgrade and I have no idea why')).not.toBe('none');
  });

  it('does not read a blocked calendar as a blocker', () => {
    expect(reading('My calendar is blocked from 1 to 3 for interviews')).toBe('none');
    expect(reading('My diary is blocked all afternoon')).toBe('none');
    expect(reading("I've been blocked all afternoon on the VPN")).toBe('blocker');
  });
});

describe('waits, doubts and choices', () => {
  it('reads waiting until someone acts, the surer when they are away, and an offsite as no aside', () => {
    expect(reading("I can't publish the page until finance confirms the prices, and they're at the offsite")).toBe('blocker');
    expect(readChat('Nothing to do on the export until the data team sends the mapping')).toMatchObject({ category: 'waiting' });
  });

  it('sends a doubted plan, a commitment to a customer and a choice between two ways to the product owner', () => {
    expect(readChat('Sales wants both pricing pages live for a quarter, which doubles the QA work; is that really the plan?')).toMatchObject({ reading: 'blocker', kind: 'business' });
    expect(readChat('We promised the client SSO by Friday and it is not started; someone has to decide what we tell them')).toMatchObject({ kind: 'business' });
    expect(readChat('We can either license the PDF engine for $3k or write our own in three weeks, which one?')).toMatchObject({ kind: 'business', category: 'decision' });
  });

  it('sends waiting on a vendor to act on our account, or a billing console, to the product owner; an internal team stays technical', () => {
    expect(readChat('Still waiting for the Plaid team to enable production access, nothing I can do until then')).toMatchObject({ reading: 'blocker', kind: 'business' });
    expect(readChat("The maps key expired and I can't get into the billing console to renew it")).toMatchObject({ kind: 'business' });
    expect(readChat('Still waiting on the QA team for the regression run before I can merge')).toMatchObject({ kind: 'technical' });
  });
});
