/**
 * Round 5 of the chat reader (issue 12): the general shapes of ordinary lines that name trouble (the
 * trouble as the object of the speaker's work, what the speaker has in hand, a past with its own time,
 * an ordinary wait, another sense of a word) are not asked about, and blockers told by a party named by
 * its role, by a request for what someone holds, by approval asked for a cost or by a rate are heard.
 * The lines are written for these tests, not taken from the judgement sets.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';
import { beyondOwnWork } from '../../orchestrator/monitoring/chat-work.js';
import { shortfallIn } from '../../orchestrator/monitoring/chat-shortfall.js';

const reading = (text: string) => readChat(text).reading;

describe('the trouble as the object of the speaker’s work', () => {
  it('reads only what follows the object of a work verb', () => {
    expect(beyondOwnWork('adding a circuit breaker for the timeouts the tax api throws')).toBe('');
    expect(beyondOwnWork('testing the upload and every file returns 500')).toBe('every file returns 500');
    expect(beyondOwnWork('the upload returns 500')).toBe('the upload returns 500');
  });

  it('keeps the whole clause when the speaker says how long it has taken', () => {
    expect(beyondOwnWork('debugging the 502s on the gateway for two days now')).toBe('debugging the 502s on the gateway for two days now');
  });

  it('leaves work on failures alone, in any trade', () => {
    expect(reading('Adding a dead-man switch for when the conveyor PLC stops answering.')).toBe('none');
    expect(reading('Wrote the playbook for when the ticketing site goes down on match day.')).toBe('none');
    expect(reading('Pairing with Li on the race condition in the seat allocator.')).toBe('none');
    expect(reading('Our tests simulate the card network being unreachable for an hour.')).toBe('none');
    expect(reading('Investigating the 504s on the claims portal and every request from the test tenant hangs since 9, no idea why.')).not.toBe('none');
  });
});

describe('what the speaker has in hand', () => {
  it('leaves workarounds done and values moved until it works', () => {
    expect(reading('The geocoder sandbox throws 500 on every other call, so I stubbed it for the unit tests.')).toBe('none');
    expect(reading('The renderer ran out of memory at 4K, lowered it to 1080p and it’s rendering fine.')).toBe('none');
    expect(reading('The font files are missing; I fell back to the system fonts as the ticket allows.')).toBe('none');
  });

  it('leaves zero counts, things out of scope and behaviour put in place', () => {
    expect(reading('Nightly run: 0 failing, 2 skipped, coverage 77%.')).toBe('none');
    expect(reading('The kiosk crashes on the 2019 tablets, which we no longer support, so ignoring that.')).toBe('none');
    expect(reading('Finished the webhook work — deliveries that fail are now queued and retried.')).toBe('none');
    expect(reading('Timeout errors on search are down from 300 a day to 4.')).toBe('none');
  });

  it('leaves a question its asker answers, and the asker’s own next step', () => {
    expect(reading('Should I write a new parser or reuse the CSV one? Actually the CSV one handles quotes, I’ll use that.')).toBe('none');
    expect(reading("can't tell yet if the slowdown is the ORM or the network, profiling the queries now")).toBe('none');
    expect(reading('The media table is missing an index; adding it in the migration I am writing.')).toBe('none');
  });

  it('still hears a problem when the next step is a gerund subject that needs someone', () => {
    expect(reading('Our log plan ran out of ingest on day 12, so we are blind on errors. Upgrading needs a budget owner’s OK.')).not.toBe('none');
  });
});

describe('other ordinary shapes', () => {
  it('a past with its own time is over, however long it lasted', () => {
    expect(reading('Last quarter we were stuck on the vendor’s SSO for weeks; this time it took an hour.')).toBe('none');
  });

  it('an ordinary wait, a calendar, other senses and a denial', () => {
    expect(reading('hold on, my compile is still running, numbers after')).toBe('none');
    expect(reading('Waiting for my local build, the old laptop is slow.')).toBe('none');
    expect(reading('Stuck on the tram, ten minutes late.')).toBe('none');
    expect(reading('We fail closed on unsigned firmware now instead of flashing it.')).toBe('none');
    expect(reading('Blocked on nothing, just a lot of legacy code to read.')).toBe('none');
    expect(reading('nothing from me is holding design up, they have everything they need')).toBe('none');
    expect(reading('My PR is waiting for review, nothing urgent, it only touches docs.')).toBe('none');
  });
});

describe('blockers in their own words', () => {
  it('hears a party named by its role that has not acted', () => {
    expect(reading('The works council wants to see the rota rules before we ship them, and HR hasn’t booked the meeting.')).not.toBe('none');
    expect(readChat('The works council wants to see the rota rules before we ship them, and HR hasn’t booked the meeting.').kind).toBe('business');
    expect(reading('The PO needs to tell us whether returns get a refund or a voucher before I can finish the flow.')).toBe('blocker');
  });

  it('hears a request for what someone holds, and someone who alone can act', () => {
    expect(reading('does anyone have the sandbox keys for the Dutch bank? the payout tests need them')).not.toBe('none');
    expect(reading('The press line’s controller stays in fault mode after every reset, and only the integrator can clear it.')).not.toBe('none');
  });

  it('hears approval asked for a cost, and a rate that falls short', () => {
    const bill = readChat('Our maps bill would go to about 4k a month with live traffic. Is that ok or do we switch provider?');
    expect(bill.reading).not.toBe('none');
    expect(bill.kind).toBe('business');
    expect(shortfallIn('the exporter handles about 30 files a minute and the nightly batch is 5,000 files in an hour')).not.toBeNull();
    expect(shortfallIn('the exporter handles about 300 files a minute and the nightly batch is 5,000 files in an hour')).toBeNull();
  });

  it('hears a hurried line and one broken by an emoji', () => {
    expect(reading('build red on main for 3 days, cant merge anything')).toBe('blocker');
    expect(reading('Shipped the badges 🎉 checkout is dead in the water though until the tax team sends the rates')).toBe('blocker');
  });
});
