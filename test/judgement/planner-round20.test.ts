/**
 * Round 20 of the planner, on sentences written for it (none from a blind set): scenarios on lines of
 * their own, a fix that names only when, hedges and doubled marks, wishes about things and by people,
 * "does not <verb>", an endpoint as a subject, lettered lists, a change's manner before its request, a
 * problem then what it looks like, two verbs sharing an object; and roles: looks and labels only,
 * secrets kept and rotated, what is drawn on a chart, working without signal, watching a page's speed.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

const titlesOf = (text: string) => planOf(text).titles.join(' | ');

describe('planner titles, round 20', () => {
  it.each([
    ['Given a member has two unpaid invoices\nWhen they try to book a court\nThen the booking is refused\nAnd they see how much they owe', 'Make sure the booking is refused and they see how much they owe when they try to book a court'],
    ['The invoice PDF shows the wrong VAT number. Fix before month end.', 'Fix the invoice PDF showing the wrong VAT number'],
    ['SEC-31 (High): GET /api/invoices/{id} returns invoices of other tenants when the id is guessed. Patch asap.', 'Fix the case where GET /api/invoices/{id} returns invoices of other tenants when the id is guessed'],
    ['not sure if this is possible but could the kiosk print a receipt when a locker is opened?', 'Make the kiosk print a receipt when a locker is opened'],
    ['I wish the route planner kept working in the tunnel.', 'Make the route planner keep working in the tunnel'],
    ['Cashiers wish the refund button was bigger, it is hard to hit on the till screen', 'Make the refund button bigger'],
    ['PT-2027-09 (Medium): the export endpoint does not check the caller’s tenant; any admin can pull another club’s members.', 'Make the export endpoint check the caller’s tenant'],
    ['Season update: (a) let coaches mark attendance on their phones; (b) send parents a weekly summary; (c) document the new rota rules.', 'Let coaches mark attendance on their phones | '],
    ['Season update: (a) let coaches mark attendance on their phones; (b) send parents a weekly summary; (c) document the new rota rules.', 'Send parents a weekly summary'],
    ['Club app v3: (a) members book courts from the app, (b) a waiting list for full sessions', 'Let members book courts from the app'],
    ['Zero-downtime migration: move the bookings table to the new cluster over a weekend.', 'Move the bookings table to the new cluster over a weekend'],
    ['Quote builder is slow: sales staff wait 10 s after every change to a line item.', 'Speed up the quote builder'],
    ['Tenants must be able to request and cancel a repair visit from the app.', 'Let tenants request and cancel a repair visit from the app'],
    ['Shop v2: (a) a size guide (kids, adults, plus sizes) on every product; (b) gift wrapping at checkout', 'a size guide (kids, adults, plus sizes) on every product'],
  ])('%s', (text, title) => {
    expect(titlesOf(text)).toContain(title);
  });

  it('says a question mark said twice once, and none in a title', () => {
    expect(titlesOf('why does the quote page take 12 seconds to open on tablets??')).not.toMatch(/\?/);
  });

  it('does not read a wish as its own words', () => {
    expect(titlesOf('I wish the route planner kept working in the tunnel.')).not.toMatch(/\bi wish\b/i);
  });
});

describe('planner roles, round 20', () => {
  it.each([
    ['Use the new teal (#00897B) for all links on the donate page', ['designer', 'frontend-dev'], ['backend-dev', 'cto', 'security']],
    ['Rename "Bookings" to "Reservations" everywhere in the member app', ['frontend-dev'], ['backend-dev', 'cto', 'designer']],
    ['Rotate the payment provider API key and the webhook signing secret; both have been in the repo since launch.', ['security', 'devops'], ['frontend-dev', 'designer', 'docs']],
    ['The SFTP passwords for the bank feed are in the shared Google Sheet. Fix that.', ['security', 'devops'], ['designer']],
    ['Forecast demand for each court 7 days ahead and show it as bars on the booking calendar.', ['backend-dev', 'frontend-dev'], []],
    ['The scanner should carry on scanning when there is no signal in the cold store.', ['frontend-dev', 'backend-dev'], []],
    ['Checkout page p99 is 6 s. Add tracing so we can see which call is slow.', ['devops'], ['designer']],
    ['Given a court is booked twice for the same slot\nWhen the second booking is paid\nThen it is refunded and listed under "Clashes" on the admin dashboard', ['backend-dev', 'frontend-dev'], []],
  ])('%s', (text, needed, absurd) => {
    const { roles } = planOf(text);
    for (const role of needed) expect(roles, `needs ${role}`).toContain(role);
    for (const role of absurd) expect(roles, `no ${role}`).not.toContain(role);
  });

  it('keeps a rebrand that people do themselves a feature with a server behind it', () => {
    expect(planOf('Let each club put its own logo and colours on the booking page').roles).toContain('backend-dev');
  });

  it('keeps a password fix in the code when nothing says where the password sits', () => {
    expect(planOf('Password reset tokens never expire.').roles).not.toContain('devops');
  });
});
