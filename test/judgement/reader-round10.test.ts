/**
 * Round 10 of the chat reader (issue 12), from blind set 9 (spent): what a feature does when something is
 * down, a joke marked "jk", a clean load test, an agent's "TEL-1 complete" report, a bug cracked, a limit
 * that is intended; blockers told as which comes first, a review awaited behind branch protection, two
 * documents that say one and the other; business by an operator's sign-off, a support upgrade, "can a PO";
 * a union catalogue is no trade union. The lines are written for these tests, not taken from the sets.
 */
import { describe, expect, it } from 'vitest';
import { readChat } from '../../orchestrator/monitoring/chat-reading.js';

const reading = (text: string) => readChat(text).reading;
const kind = (text: string) => readChat(text).kind;

describe('ordinary lines', () => {
  it.each([
    'Building the maintenance banner for the booking site, it appears when payments are down',
    'settle this: single or double quotes in the config? (jk, double, the formatter decides)',
    'Soak test on the ticket API: 5k concurrent users for an hour, p99 240ms, zero dropped. Happy with that.',
    'Agent report: PAY-88 complete. Handled ECONNRESET and 502 from the bank API with retries; 120/120 passing.',
    'I was stuck on the VAT rounding for a while but cracked it, the library rounds half to even',
    'the import rejects any file over 50 MB, that is the agreed cap and it is intended',
  ])('%s', (text) => expect(reading(text)).toBe('none'));
});

describe('blockers', () => {
  it.each([
    'which comes first, the refund screen or the export? both were promised to the client this sprint and there is only me',
    'PR #77 is done. Awaiting review from a code owner of /payments; branch protection prevents merging without one and no code owner has been assigned.',
    'late fee: 5% of the balance or a flat £10? the contract says one, the pricing sheet says the other, and the fees job is paused till the PO picks',
  ])('%s', (text) => expect(reading(text)).not.toBe('none'));
});

describe('business or technical', () => {
  it('sends an operator’s sign-off, a support upgrade and a missing requirement to the product owner', () => {
    expect(kind('the port operator’s sign-off on the manifest format is still pending and we cannot switch on automatic filing without it')).toBe('business');
    expect(kind('Google won’t raise our Vision API quota without a support upgrade, so the scan batch cannot run at the volume the client needs')).toBe('business');
    expect(kind('no idea what the requirement is for the refund receipt, the ticket just says "like Stripe". Can a PO write down the fields?')).toBe('business');
  });

  it('keeps a library’s union catalogue with the team', () => {
    expect(kind("the union catalogue's search endpoint times out on every query over 20 records; reported to the vendor, federated search is parked till they fix it")).toBe('technical');
  });
});
