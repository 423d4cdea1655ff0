/**
 * Round 15 of the planner, on sentences written for it (none from a blind set): who a piece of work needs.
 * A screen people use on their phone is designed; a card on a screen is no payment card; a feature in a
 * portal or dashboard is built on its screens; dependency updates merged on their own and data dumps sent
 * to someone's own mailbox are a security matter; a scheduled or serverless job is still code on the
 * server side; a page that gives way under a crowd is capacity, not design.
 */
import { describe, expect, it } from 'vitest';
import { planOf } from './plan-of.js';

describe('planner round 15', () => {
  it('a screen people use on their phone or in the app is designed', () => {
    for (const text of [
      'Volunteers should be able to claim a shift from their phone.',
      'Can tenants see their service charge split into its parts in the app?',
      'It would be great if the allotment map worked on a mobile, plot holders look at it on site.',
    ]) expect(planOf(text).roles, text).toContain('designer');
  });

  it('a mobile app that shows people their own things has a server behind it', () => {
    const roles = planOf('Courier mobile app for parcel drivers: show their next pickup and a barcode to scan at the depot.').roles;
    expect(roles).toContain('backend-dev');
    expect(roles).toContain('designer');
  });

  it('a feature in a portal or dashboard is built on its screens', () => {
    expect(planOf('Build a self-service refund request in the customer portal.').roles).toContain('frontend-dev');
    const secrets = planOf('Signing secrets should be revocable by tenants themselves from the admin dashboard, the old one working for an hour.').roles;
    expect(secrets).toContain('frontend-dev');
    expect(secrets).toContain('backend-dev');
    expect(planOf('Add a feature flag so we can dark-launch the shop app’s new checkout flow.').roles).toContain('frontend-dev');
  });

  it('dependency updates merged on their own and dumps mailed to a personal inbox are reviewed for security', () => {
    expect(planOf('Renovate opens forty PRs a week and they pile up. Auto-merge minor bumps when the tests pass.').roles).toContain('security');
    expect(planOf('Stop the weekly CRM backup from being mailed as a zip to the founder’s personal Hotmail.').roles).toContain('security');
    expect(planOf("Send the weekly sales report to the owner's personal Gmail.").roles).toContain('security');
  });

  it('a scheduled or serverless job is still code on the server side', () => {
    expect(planOf('The quarterly statement run takes 14 hours. It has to be done overnight.').roles).toContain('backend-dev');
    const roles = planOf('To save on hosting, move the weekly stock reports off the VM that never sleeps onto a scheduled serverless job.').roles;
    expect(roles).toContain('backend-dev');
    expect(roles).toContain('devops');
  });

  it('a card on a screen is no payment card, and a colour given to a name is only a look', () => {
    const look = planOf("Make the team captain's name silver on the league table card.").roles;
    expect(look).toContain('designer');
    expect(look).toContain('frontend-dev');
    expect(look).not.toContain('backend-dev');
    expect(look).not.toContain('security');
    // …but a size is not a look: it may be a limit the server keeps.
    expect(planOf('Make the upload size limit bigger.').roles).toContain('backend-dev');
    // …and a person's own card is still a payment card.
    expect(planOf('Let members freeze their card from the app if they lose it.').roles).toContain('security');
  });

  it('an alert "paged to on-call" pages a person, it is no page on a screen', () => {
    expect(planOf('Monitoring: we find out the card reader feed is stale from the shops. We need an alert on feed lag per store, paged to on-call.').roles).not.toContain('designer');
  });

  it('a page that gives way under a crowd is capacity and code, not design', () => {
    const roles = planOf('The live results page crashes when 8,000 fans hit it after the final whistle.').roles;
    expect(roles).toContain('devops');
    expect(roles).toContain('backend-dev');
    expect(roles).not.toContain('designer');
  });

  it('words that name who does the work: object storage, fraud, large digits, end-to-end encryption, a walkthrough', () => {
    expect(planOf('Sensor readings older than two years should move from MySQL to cheap object storage, still queryable for audits.').roles).toContain('devops');
    expect(planOf('Fraud: spot buyers who open new accounts to reuse the same stolen voucher codes.').roles).toContain('security');
    expect(planOf('The kiosk should show the queue number in large digits for five seconds.').roles).toContain('designer');
    // Messages encrypted end to end are encrypted on the devices, so the app does it.
    expect(planOf('Direct messages between tutors and pupils should be end-to-end encrypted.').roles).toContain('frontend-dev');
    expect([...planOf('New volunteers need a walkthrough of the rota tool before their first shift.').roles]).toEqual(['docs']);
  });

  it('records gone missing are looked for where they are kept', () => {
    expect(planOf('Why did 90 tickets vanish on Friday night? We need logs that can tell us next time.').roles).toContain('backend-dev');
  });

  it('people paying or signing up themselves do it on a screen', () => {
    expect(planOf('Season tickets: fans pay by card when they renew.').roles).toContain('frontend-dev');
    // …but how much they order is a number to forecast, not a screen.
    expect(planOf('Forecast how much customers order in the week before Christmas.').roles).not.toContain('frontend-dev');
  });

  it('a gate or a door opened from an app is access to a place: kept by a server and reviewed', () => {
    const roles = planOf('Staff should be able to open the yard gate from the site app.').roles;
    expect(roles).toContain('backend-dev');
    expect(roles).toContain('security');
  });

  it('a named architecture style is the architect\'s choice, and a cron replaced by it is still code', () => {
    const roles = planOf('Replace the nightly cron that settles commissions with an event-driven design that can be replayed.').roles;
    expect(roles).toContain('cto');
    expect(roles).toContain('backend-dev');
  });

  it('a model "served behind" an endpoint is run in production', () => {
    expect(planOf('Train a model that predicts late deliveries and serve it behind /v1/eta.').roles).toContain('devops');
  });

  it('a flow cut to fewer screens is designed again', () => {
    expect(planOf('Buyers complain that returning an item takes 9 steps. Cut it down to two screens.').roles).toContain('designer');
    // …but a release process cut to fewer steps is no screen.
    expect(planOf('Cut the release process down to two steps.').roles).not.toContain('designer');
  });

  it('access to some records only is a boundary to review', () => {
    expect(planOf("As a club secretary, I want to add coaches by email and give them access to my club's juniors only.").roles).toContain('security');
  });

  it('test results exported are data, not a test suite', () => {
    expect(planOf('Weekly export of soil test results to the ministry in their XML format.').roles).toContain('backend-dev');
  });

  it('a payment provider named is payments, reviewed for security', () => {
    expect(planOf('Collect the monthly class fees through GoCardless.').roles).toContain('security');
  });
});
