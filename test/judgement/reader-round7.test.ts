/**
 * Round 7 of the chat reader (issue 12): who has the call (a board, a ministry, a client's acceptance, a
 * quote on the CFO's desk) makes a blocker the product owner's; which of two technical things is right
 * stays the team's; effect-told failures in plain or slang words are heard; a figure that went down, a
 * policy, a question the speaker answers and a plan are not asked about. The lines are written for these
 * tests, not taken from the judgement sets.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';
import { businessReason } from '../../orchestrator/monitoring/blocker-kind.js';

const reading = (text: string) => readChat(text).reading;

describe('business or technical: who has the call', () => {
  it('sends a stakeholder’s decision, a customer’s acceptance and a purchase to the product owner', () => {
    expect(businessReason('The ferry timetable page waits until the harbour council decides the winter fares.')).toBe('requirements');
    expect(businessReason('The insurer still hasn’t given UAT sign-off on the claims export, so it cannot go to their production.')).toBe('requirements');
    expect(businessReason('Is bulk import in the first release or not? Support and sales gave me different answers.')).toBe('requirements');
    expect(businessReason('The renewal quote for the render nodes is waiting on procurement.')).toBe('budget');
  });

  it('keeps a choice between technical things, a licence server and a data mart with the team', () => {
    expect(businessReason('Waiting for Tomas to tell me which commit has the working parser; I’m rebasing on it.')).toBeNull();
    expect(businessReason('The vendor’s firmware and its register datasheet disagree on the reset value, and I need them to say which is right.')).toBeNull();
    expect(businessReason('The FlexLM licence server on the build box refuses every checkout since the reboot.')).toBeNull();
    expect(businessReason('Could someone add me to the finance-reports readers group? The finance marts job needs it.')).toBeNull();
    expect(businessReason('Finished the seat-picker refactor, now on the gate screens.')).toBeNull();
  });

  it('still sends a product document that disagrees with a technical one to the product owner', () => {
    expect(businessReason('The PRD and the API schema disagree on whether a refund can be partial; someone has to tell me which one.')).not.toBeNull();
  });
});

describe('effect-told and slang failures', () => {
  it('hears a cut-off, a loop, a fault, cooked runners, a full disk and work on ice', () => {
    expect(reading('The geocoding provider cut us off overnight and every address lookup on the driver app comes back blank.')).toBe('blocker');
    expect(reading('the VPN bounces me back to the sign-in page in a loop, so I cannot reach the staging cluster')).not.toBe('none');
    expect(reading('the paint robot faults with code 71 as soon as the new path file loads, so the line trial is on ice')).toBe('blocker');
    expect(reading('the arm64 runners are cooked, my build has sat in the queue since ten')).not.toBe('none');
    expect(reading('the shared render box is out of disk again and my export has died 3 times today')).not.toBe('none');
    expect(reading('Nobody in the network team knows how to bring the lab switch back up, so my failover tests are on ice.')).toBe('blocker');
    expect(reading('Kenji has the only signing dongle and he is on leave until Monday, so nothing can be released.')).not.toBe('none');
  });

  it('hears a decision asked for after two sources that contradict each other', () => {
    const r = readChat('The tariff sheet says night rates start at 22:00 and the billing rules say 23:00. These contradict each other; I have built neither and need a product decision to go on.');
    expect(r.reading).toBe('blocker');
    expect(r.kind).toBe('business');
  });
});

describe('ordinary lines that look like trouble', () => {
  it('leaves figures that went down, a module broken into parts and a check done with a command', () => {
    expect(reading('support tickets are down 12% since the new onboarding emails, nice')).toBe('none');
    expect(reading('revenue is down this week, the usual post-holiday dip')).toBe('none');
    expect(reading('broke the billing service into two modules, the suite is still green')).toBe('none');
    expect(reading('Agent: DNS change applied; resolution verified with `dig +short api.example.org` from both regions. Closing the task.')).toBe('none');
  });

  it('leaves a policy, a question the speaker answers, a wait that is usually over by a time, and a plan', () => {
    expect(reading('We never migrate during business hours, by policy, so it runs at 2am.')).toBe('none');
    expect(reading('do we need an index for the new lookup? checked, the table has 40 rows, so no.')).toBe('none');
    expect(reading('waiting for the export to finish before I send the numbers, it is usually done by 10, fine')).toBe('none');
    expect(reading('Planned: a fallback so a timeout on the tax service doesn’t stop checkout.')).toBe('none');
    expect(reading('still waiting for the brand team’s poster files, but they only matter for the office wall and are not on anyone’s path')).toBe('none');
  });
});

describe('shapes from dev set 11', () => {
  it('hears a limit hit, an approval needed before going on, a release question and a dead machine', () => {
    const limit = readChat('Agent: T-31 paused. The mail provider account hit its monthly send quota (429 QUOTA_EXCEEDED); lifting it means buying a bigger plan, which a product owner must approve before I continue.');
    expect(limit.reading).toBe('blocker');
    expect(limit.kind).toBe('business');
    expect(reading('Is the audit log screen in this release or not? The roadmap and the contract disagree and I am not starting it until someone tells me.')).not.toBe('none');
    expect(reading('My workstation died over the weekend and the only copy of the HSM test config lived on that machine.')).not.toBe('none');
  });

  it('sends a question product must answer and a plan that needs billing to the product owner', () => {
    expect(readChat('Could product confirm whether a paused subscription still counts as active for the loyalty tier? The story is silent and I cannot finish the job without it.').kind).toBe('business');
    expect(readChat('The build credits are all used up for the month; every pipeline sits in the queue until someone with billing upgrades the plan.').kind).toBe('business');
  });

  it('leaves a limit that resets by itself, a future limit, a policy on days, a duplicate ticket and a wait nothing depends on', () => {
    expect(reading('We hit the sandbox rate limit on the geocoder, but it resets at midnight and I have plenty of other tickets until then.')).toBe('none');
    expect(reading('We will hit the storage quota next quarter, worth a line in the roadmap review.')).toBe('none');
    expect(reading('We never release on weekends, so the hotfix waits for Monday.')).toBe('none');
    expect(reading("The 'checkout can't load on iPad' bug was a duplicate of the cache header one we fixed on Tuesday.")).toBe('none');
    expect(reading('Waiting on the agency’s copy for the landing page, due Thursday, and none of the build work depends on it.')).toBe('none');
    expect(reading('Stuck with the stock icons for now, which look fine, design will swap them later.')).toBe('none');
    expect(reading('Roadworks on the bypass, I’m stuck in the van but will join standup by phone.')).toBe('none');
    expect(reading('Refund disputes are down by half since the new receipts went out.')).toBe('none');
  });
});
