import { describe, expect, it } from 'vitest';
import { asksToSplit, linkToActiveTask } from '../orchestrator/monitoring/blocker-detector.js';
import { businessReason } from '../orchestrator/monitoring/blocker-kind.js';
import { readChat } from '../orchestrator/monitoring/chat-reading.js';
import { makeTask } from './helpers/monitor-fixtures.js';

/**
 * The labelled sets of the first detector (issue 5): true = the sender is blocked. They shaped those
 * rules and were read while the three-answer reader was written, so they show nothing about unseen
 * chat (docs/judgement.md has the sets that do); here they guard against regressions.
 */

/** Labelled chat: true = the sender is blocked. */
const LABELLED: readonly [string, boolean][] = [
  ["I'm having trouble with token validation", true],
  ['Stuck on the websocket reconnect logic', true],
  ['I am blocked until the staging database is back', true],
  ["I can't get the migration to run on the test database", true],
  ['Waiting on the design team for the final mockups', true],
  ['The OAuth callback docs are really confusing', true],
  ['This keeps failing in CI and I have no idea why', true],
  ['The JWT signature check does not work with the keys we were given', true],
  ['I need help with the caching layer', true],
  ['Been going in circles on this flaky test all morning', true],
  ["I don't understand what the acceptance criteria mean here", true],
  ['Having some problems getting docker compose to start', true],
  ['Still waiting for access to the production logs', true],
  ['Struggling with the pagination query, it is way too slow', true],
  ['Unable to reproduce the login redirect locally, so I cannot fix it', true],
  ["Couldn't connect to the message queue from the container", true],
  ['The build won\'t compile after the upgrade', true],
  ['This requirement is unclear: do admins see deleted users?', true],
  ['hitting a wall with the rate limiter', true],
  ['The refresh token flow is blocking me', true],
  ["I'm stuck, the schema migration locks the whole table", true],
  ['Should we scale to multiple regions or buy a bigger database? I am blocked on that decision', true],
  ['tests are not passing since the merge and I cannot see why', true],
  ["waiting on Bob's review before I can continue", true],
  ['Got a lot of trouble with CORS on the new endpoint', true],
  // ordinary chat
  ['Good morning everyone', false],
  ['Finished the login form, moving on to validation', false],
  ['Pushed the migration, all tests green', false],
  ['Can you review my pull request when you have a minute?', false],
  ['I was stuck earlier but figured it out', false],
  ['No longer blocked, the database is back', false],
  ["Can't wait to ship this feature!", false],
  ['Lunch in ten minutes?', false],
  ['The websocket heartbeat works now', false],
  ['Deployed to staging, please have a look', false],
  ['I will pick up the documentation task next', false],
  ['Great work on the API yesterday', false],
  ['Progress: 60% done with the token refresh endpoint', false],
  ['Not blocked, just slower than I expected', false],
  ['Added tests for expired and forged tokens', false],
  ['Meeting moved to 3pm', false],
  ['The performance numbers look good: p95 under 100ms', false],
  ['Thanks for the guidance, that fixed it', false],
  ['Who owns the deployment pipeline?', false],
  ['I think we should use jose for JWT validation', false],
  ['No blockers on my side today', false],
  ['The dashboard renders the new chart now', false],
  ['Starting on the database index work', false],
  ['Could someone share the staging URL?', false],
  ['Everything is unblocked after the key rotation', false],
];

/** Written after the rules and never tuned against: keeps the measured numbers honest. */
const HELD_OUT: readonly [string, boolean][] = [
  ['the deploy script errors out with permission denied', true],
  ["Anyone know why the CI runner runs out of memory? I've tried everything", true],
  ["I'm not sure how to structure the permissions model", true],
  ["The API returns 500 on every request and I'm out of ideas", true],
  ['Need the AWS credentials before I can go further', true],
  ['This is taking much longer than expected, the ORM fights me at every step', true],
  ["I can't believe how fast the new build is", false],
  ['The stuck-job cleanup is merged', false],
  ['Fixed the bug where users got blocked after three logins', false],
  ['Remember the login form can not be submitted empty, by design', false],
  ["Reviewed Quinn's tests, looks good", false],
  ["I'll be waiting for the demo at 4", false],
];

/**
 * A second held-out set, written on 2026-11-21 before the detector's redesign was run on it and not
 * tuned afterwards (committed as first written): realistic team chat, half blockers, half ordinary.
 */
const NEW_HELD_OUT: readonly [string, boolean][] = [
  ['The staging deploy fails with ECONNREFUSED when it talks to Redis', true],
  ['Hmm, the e2e suite times out on the checkout page every single run', true],
  ["I don't have write access to the infra repo, can someone grant it?", true],
  ["Not sure which of the two auth flows the spec wants, can't proceed until someone decides", true],
  ["Spent the whole afternoon on this race condition and I'm no closer", true],
  ['npm install throws EACCES on the build box', true],
  ["Still no reply from the payments team about the webhook secret, I'm idle until then", true],
  ["I've been fighting the webpack config for two days now", true],
  ['Merged the PR that fixes the 404 on the profile page', false],
  ['FYI the error messages are now translated into French', false],
  ["Heads up: I'm off tomorrow afternoon", false],
  ['The retry logic now handles the 503 from the upstream gracefully', false],
  ['Waiting for the coffee machine to warm up, then standup', false],
  ["Wrote a test that makes sure blocked users can't log in", false],
  ['Pairing with Bob on the cache invalidation this afternoon', false],
  ['Done with T-4, moving to the docs', false],
];

/**
 * A third held-out set, written on 2026-11-21 after the redesigned detector was finished and only run on
 * the tuned set, before it was run on this set, and not tuned afterwards. (The second set was written
 * before the redesign, but its author then designed the categories knowing it, so it is not blind.)
 */
const BLIND_SET: readonly [string, boolean][] = [
  ["Docker build dies at step 7 with 'no space left on device'", true],
  ['Login page is just a white screen for me since this morning, console shows a CORS error', true],
  ["Who can approve my access request for Sentry? I can't see the crash reports without it", true],
  ['Postgres keeps rejecting the connection from the worker, tried three different connection strings', true],
  ["I've rewritten this reducer three times and the state is still wrong", true],
  ["Is there any documentation for the billing API? I'm guessing at every field", true],
  ["The migration has been running for 40 minutes and it's locking the orders table", true],
  ["Quick question, is the new endpoint supposed to paginate? I can't finish the client until I know", true],
  ['kubectl says forbidden when I try to apply the manifest', true],
  ['Went down a rabbit hole with the OAuth scopes, no luck so far', true],
  ['PR #214 is up, small one: renames the config keys', false],
  ['Load test finished: 2k rps with no errors', false],
  ["I'm stuck in traffic, will be 10 min late to standup", false],
  ['Closing the ticket about the broken link in the footer', false],
  ['Can we move the retro to Thursday?', false],
  ["Nice, the flaky test hasn't failed in 50 runs", false],
  ['Reminder: code freeze tomorrow at noon', false],
  ['Has anyone tried the new VS Code extension for Tailwind?', false],
  ["Timeouts on the search API are down to zero after yesterday's change", false],
  ['Taking the afternoon to write the runbook for the deploy', false],
];

/**
 * A fourth held-out set, written on 2026-11-21 after the second design round (prompted by the blind
 * set's misses) was frozen and run only on the tuned set, before it was run on this set, and not tuned
 * afterwards. The blind set above stopped being blind when its misses shaped that round.
 */
const BLIND_SET_2: readonly [string, boolean][] = [
  ['the staging cert expired and nothing can talk to the API', true],
  ["My branch won't rebase cleanly, conflicts everywhere in the lockfile", true],
  ['Need someone from infra to open port 5432 on the new VPC', true],
  ["The designs for the settings page haven't landed yet so I'm sort of idle", true],
  ['Every time I run the seed script the users table ends up empty', true],
  ["Honestly I'm lost in this codebase, where does the session get created?", true],
  ["Safari renders the modal behind the overlay and I've no clue what's causing it", true],
  ['This ticket is way bigger than 3 points, the legacy sync code touches everything', true],
  ['Tests pass locally but fail in the pipeline', true],
  ["Still can't get the webhook to fire in the sandbox", true],
  ["I'll take the pagination bug after lunch", false],
  ["Heads up, I'm rebasing main so expect a force-push on my branch", false],
  ['The new error page looks great on mobile', false],
  ['Does anyone want to pair on the websocket tests tomorrow?', false],
  ['Bumped the node version to 20 in CI, everything green', false],
  ['Got the demo environment running, link is in the channel', false],
  ['Reminder that failing tests block the merge queue', false],
  ['Spent the morning writing docs for the auth flow', false],
  ["Sorry I can't make standup tomorrow, dentist", false],
  ['The crash on startup was a missing env var, all good now', false],
];

/**
 * A fifth held-out set, written on 2026-11-21 before the third design round (prompted by the second
 * blind set's misses) began, and run only once that round was frozen; not tuned afterwards.
 */
const BLIND_SET_3: readonly [string, boolean][] = [
  ["The migration locks the orders table for ten minutes, I can't ship it like that", true],
  ['npm install dies halfway with a gyp error on the CI box', true],
  ['Still waiting for legal to approve the data retention wording', true],
  ["I have no way to reproduce the bug locally, the prod logs are all I've got", true],
  ["The OAuth callback redirects to localhost in staging and I don't see why", true],
  ["Docker compose up just sits there on 'waiting for db' forever", true],
  ["Nobody has told me which payment provider we're going with", true],
  ['The flaky e2e test failed again on my PR, third time today', true],
  ["I can't get the websocket to reconnect after the laptop sleeps", true],
  ["This refactor has eaten two days already and I'm not halfway", true],
  ['Pushed the fix for the date picker, can someone review?', false],
  ['FYI the staging deploy will be down for maintenance at 6pm', false],
  ["I'm stuck with the frontend tasks this week, happy to take more later", false],
  ['Tests are green on main again', false],
  ['Lunch order is going in, anyone want pizza?', false],
  ['The error messages now include the request id, much easier to debug', false],
  ["Can't wait to show the new dashboard at the demo", false],
  ['I wrote a doc on how we handle failed payments', false],
  ['Blocked time on my calendar for the security review Thursday', false],
  ['Our p99 dropped from 300ms to 80ms after the index', false],
];

/** Acted on: read as a blocker. Caught: acted on or asked about (read as unsure). */
function measure(set: readonly [string, boolean][]) {
  const count = { acted: 0, actedRight: 0, blockers: 0, caught: 0, ordinary: 0, asked: 0 };
  const wrong: string[] = [];
  for (const [text, isBlocker] of set) {
    const { reading } = readChat(text);
    if (reading === 'blocker') count.acted++;
    if (isBlocker) {
      count.blockers++;
      if (reading === 'blocker') count.actedRight++;
      if (reading !== 'none') count.caught++;
      else wrong.push(`missed: ${text}`);
    } else {
      count.ordinary++;
      if (reading === 'unsure') count.asked++;
      if (reading !== 'none') wrong.push(`${reading === 'blocker' ? 'false alarm' : 'asked'}: ${text}`);
    }
  }
  const { acted, actedRight, blockers, caught, ordinary, asked } = count;
  return { ...count, precision: actedRight / (acted || 1), recall: caught / (blockers || 1), askedShare: asked / (ordinary || 1), wrong };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe('reading chat for blockers', () => {
  it('still separates blockers from ordinary chat on the first detector’s sets', () => {
    const sets = [
      ['tuned set (written with the first rules)', LABELLED],
      ['old held-out set', HELD_OUT],
      ['second held-out set', NEW_HELD_OUT],
      ['first blind set', BLIND_SET],
      ['second blind set', BLIND_SET_2],
      ['third blind set', BLIND_SET_3],
    ] as const;
    const all = sets.flatMap(([, set]) => set);
    for (const [label, set] of [...sets, ['all', all] as const]) {
      const m = measure(set);
      console.log(
        `chat reading, ${label} (${set.length} sentences): precision of acted ${pct(m.precision)}, recall acted or asked ${pct(m.recall)}, ` +
          `ordinary asked ${pct(m.askedShare)} (acted ${m.acted}, caught ${m.caught}/${m.blockers})` +
          (label !== 'all' && m.wrong.length ? `\n  ${m.wrong.join('\n  ')}` : ''),
      );
    }
    const m = measure(all);
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(m.precision).toBeGreaterThanOrEqual(0.95);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
    expect(m.askedShare).toBeLessThanOrEqual(0.1);
  });

  it('hears a yes to the offer to split', () => {
    expect(asksToSplit('yes, split it please')).toBe(true);
    expect(asksToSplit('Could you break this up into smaller tasks?')).toBe(true);
    expect(asksToSplit('Please split')).toBe(true);
    expect(asksToSplit('no need, I am nearly done')).toBe(false);
  });

  it('names what it heard', () => {
    expect(readChat('having trouble with token validation')).toMatchObject({ reading: 'blocker', heard: 'having trouble', category: 'stuck' });
    expect(readChat('waiting on the vendor')).toMatchObject({ reading: 'blocker', heard: 'waiting on the vendor', category: 'waiting' });
  });
});

describe('linking a blocker to a task', () => {
  const tasks = [
    makeTask({ id: 'T-1', assignee: 'Ada', status: 'done' }),
    makeTask({ id: 'T-2', assignee: 'Ada', status: 'assigned' }),
    makeTask({ id: 'T-3', assignee: 'Ada', status: 'in_progress' }),
    makeTask({ id: 'T-4', assignee: 'Bob', status: 'in_progress' }),
  ];

  it("picks the sender's task in progress, or the one the sentence names", () => {
    expect(linkToActiveTask('Ada', 'stuck', tasks)?.id).toBe('T-3');
    expect(linkToActiveTask('Ada', 'stuck on T-2', tasks)?.id).toBe('T-2');
    expect(linkToActiveTask('Ada', 'stuck on T-4', tasks)).toBeUndefined();
    expect(linkToActiveTask('Cy', 'stuck', tasks)).toBeUndefined();
  });

});

describe('blockers that need the product owner', () => {
  it('reads business decisions and leaves technical ones to the team', () => {
    expect(businessReason('Should we scale to multiple regions or buy a bigger database?')).toBe('infrastructure');
    expect(businessReason('We need a paid licence for the map tiles')).toBe('budget');
    // A third party's delay or bug is the team's to chase; its contract is the product owner's.
    expect(businessReason('Waiting on the vendor to send the API keys')).toBeNull();
    expect(businessReason("The vendor's contract ends this month and they won't renew")).toBe('third party');
    expect(businessReason('The requirements are conflicting on deleted users')).toBe('requirements');
    expect(businessReason('Is this in scope for the sprint?')).toBe('scope');
    expect(businessReason('having trouble with token validation')).toBeNull();
    expect(businessReason('the migration locks the users table')).toBeNull();
  });
});
