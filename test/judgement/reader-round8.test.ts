/**
 * Round 8 of the chat reader (issue 12), from blind sets 6 and 7 (spent): a change reported done and
 * described by what it now does, an agent's completion report, "otherwise all fine", a naming choice,
 * a wait that is not one; blockers told as work paused, a queue weeks long, approval needed before a
 * launch, nothing to work against, "is X up yet?", no role to do it; and business or technical by who
 * decides (the PO's call, specs that say opposite things, a grant, an agreement's addendum, billing
 * sign-off) or by what the thing is (a token's scope, an API contract, a full disk). The lines are
 * written for these tests, not taken from the judgement sets.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;
const kind = (text: string) => readChat(text).kind;

describe('ordinary lines told with failure words', () => {
  it('leaves a change reported done, told by what it now does', () => {
    expect(reading('Finished the quota feature: an upload over the limit now fails with a clear message instead of hanging.')).toBe('none');
    expect(reading('the retry job now gives up after 3 attempts and raises an alert, closes #412')).toBe('none');
    expect(reading('Refunds over €1k now need a second approver, which is the whole point; demoed to finance.')).toBe('none');
    expect(reading('Agent: Task PAY-9 done. Handled 409 Conflict and ECONNRESET from the ledger API with retries; 54/54 tests pass.')).toBe('none');
  });

  it('still hears a blocker after a change reported done', () => {
    expect(reading('Finished the import screen, but the staging database is read-only since this morning and I cannot test the save.')).not.toBe('none');
  });

  it('leaves naming choices, help that is not needed, old tools replaced and figures that fell', () => {
    expect(reading('torn between "Depart" and "Leave now" for the button, going with "Depart" unless anyone objects')).toBe('none');
    expect(reading('Noor is still fighting the flaky e2e suite but says she has a lead and doesn’t need help')).toBe('none');
    expect(reading("can't get into the old wiki any more, but everything I need is in Notion now")).toBe('none');
    expect(reading('found the N+1 in the report query, fixed it, load time went from 4200ms to 380ms')).toBe('none');
    expect(reading('the nightly import used to fail on Mondays, keys rotate automatically now so no more 403 mornings')).toBe('none');
    expect(reading("Raised it with the font vendor, purely cosmetic, and we aren't waiting on them.")).toBe('none');
  });
});

describe('blockers told by what is held up', () => {
  it('hears work paused, a queue weeks long, approval needed before a launch and nothing to work against', () => {
    expect(reading('Our cloud credits ran out on Sunday and finance wants to look at spend first, so the batch scoring cluster is paused.')).not.toBe('none');
    expect(reading('The harbour authority has to approve the safety notice before the berth app goes live, and it has been sitting in their queue for 2 weeks.')).toBe('blocker');
    expect(reading('is the payments sandbox back up yet? the refund flow is written and I have nothing to test against')).toBe('blocker');
    expect(reading('Upload rejected again, and I don’t have the role to change the bundle version in the console.')).toBe('blocker');
  });

  it('does not let "otherwise all fine" undo what was just said', () => {
    expect(reading('Today: the export, but the partner’s API key expired on the 2nd so every call 401s, need a new one from them. Otherwise all fine.')).not.toBe('none');
  });
});

describe('business or technical', () => {
  it('sends the product owner’s call, specs at odds, a grant, an addendum and billing sign-off to the product owner', () => {
    expect(kind('need a PO call: do we refund the booking fee on cancellation? the two specs say opposite things and I cannot finish the refund job')).toBe('business');
    expect(kind("The app needs a rule for shared baskets and nobody's told me whether the payer or the owner gets the points. Can't build the checkout step.")).toBe('business');
    expect(kind('The grant says we must not keep volunteers’ phone numbers, but the rota design needs them. I can’t build the reminder screen until the trustees say which wins.')).toBe('business');
    expect(kind('Our card processor agreement doesn’t cover recurring donations; they need an addendum signed before they enable it, so I cannot start.')).toBe('business');
    expect(kind('We hit the geocoding quota again. Raising it needs billing sign-off from Omar, and until then the address check is dead in the water.')).toBe('business');
  });

  it('keeps a token’s scope, an API contract and a full disk with the team', () => {
    expect(kind('git push is rejected: the deploy token lacks write scope. Could someone with admin rights grant push access? The branch is ready.')).toBe('technical');
    expect(kind('Unable to continue: the OpenAPI spec for the billing service is missing and I need the billing team to publish the v2 contract or say which version to target.')).toBe('technical');
    expect(kind("The runner says 'disk quota exceeded' since this morning, I cleared my caches and it is still full, so my pipeline is not running. Who can clean it?")).toBe('technical');
    expect(kind('@Sam could you review my PR #88 for the contract-diff viewer? I can’t merge the rest until it’s in.')).toBe('technical');
  });
});
