/**
 * Model answers recorded for the tests, as a model writes them (one in a code fence, as many do), and
 * the broken variants the checks must refuse. The seed's planning line is the e2e story's.
 */
export const SEED_LINE = 'We need to implement user authentication for our API, and improve our testing coverage';

export const SEED_PLAN = {
  objectives: [
    { text: 'Implement user authentication for our API', priority: 'high', why: 'first, and everything else sits behind login', domains: ['auth'] },
    { text: 'Improve our testing coverage', priority: 'medium', why: 'second of two', domains: ['testing'] },
  ],
  unreadable: [],
  tasks: [
    { key: 'T-1', objective: 1, title: 'Choose the token model and write down the login flow', kind: 'design', role: 'cto', hours: 3, dependsOn: [], acceptance: ['Token lifetime, refresh and revocation decided'] },
    { key: 'T-2', objective: 1, title: 'Build JWT login and token validation for the API', kind: 'implement', role: 'backend-dev', hours: 10, dependsOn: ['T-1'], acceptance: ['Requests without a valid token get 401', 'Tokens expire and refresh'] },
    { key: 'T-3', objective: 1, title: 'Test login, expiry and forged tokens end to end', kind: 'test', role: 'qa', hours: 5, dependsOn: ['T-2'], acceptance: ['Forged and expired tokens are refused in CI'] },
    { key: 'T-4', objective: 2, title: 'Measure coverage and list the untested API handlers', kind: 'design', role: 'qa', hours: 2, dependsOn: [], acceptance: ['A coverage report with the gaps ranked'] },
    { key: 'T-5', objective: 2, title: 'Write tests for the five riskiest untested handlers', kind: 'test', role: 'qa', hours: 8, dependsOn: ['T-4'], acceptance: ['Coverage of the API handlers above 80%'] },
  ],
};

/** The plan as a model often prints it: a sentence, then a fenced block. */
export const SEED_PLAN_TEXT = `Here is the plan:\n\`\`\`json\n${JSON.stringify(SEED_PLAN, null, 2)}\n\`\`\``;

type Plan = typeof SEED_PLAN;
const withTask = (i: number, change: Partial<Plan['tasks'][number]>): Plan => ({ ...SEED_PLAN, tasks: SEED_PLAN.tasks.map((t, j) => (j === i ? { ...t, ...change } : t)) });
export const PLAN_UNKNOWN_ROLE = JSON.stringify(withTask(1, { role: 'blockchain-wizard' }));
export const PLAN_CYCLE = JSON.stringify(withTask(0, { dependsOn: ['T-3'] }));
export const PLAN_ABSURD_HOURS = JSON.stringify(withTask(1, { hours: 5000 }));
export const PLAN_UNKNOWN_DEPENDENCY = JSON.stringify(withTask(2, { dependsOn: ['T-9'] }));
export const PLAN_WRONG_SHAPE = JSON.stringify({ objectives: 'auth and tests', tasks: [] });

export const PREVIEW_LINE = 'the preview environment answers 502 for every branch since this morning';
export const PREVIEW_READING = { reading: 'blocker', confidence: 0.85, kind: 'technical', category: 'error', heard: 'answers 502 for every branch', needed: 'someone to look at the preview environment' };

export const TOKEN_BLOCKER = {
  kind: 'technical',
  reason: null,
  guidance: {
    topic: 'Token signature checks',
    steps: ['Print the token header: an alg the verifier does not accept rejects every token.', 'Verify with the same key the issuer signs with; compare key ids.', 'Add a test with a token you sign yourself.'],
  },
  options: [
    { label: 'Pair with the CTO for an hour on the key setup', effect: 'note', hours: 1, sprint: 'an hour of the CTO' },
    { label: 'Defer token refresh to the next sprint', effect: 'defer', hours: -4, sprint: 'frees 4h' },
  ],
};

export const SCALE_BLOCKER = {
  kind: 'business',
  reason: 'infrastructure',
  guidance: { topic: 'Scaling WebSockets', steps: ['Measure connections per node today.', 'Decide the target scale with the product owner.'] },
  options: [
    { label: 'Basic WebSockets at today’s scale (100 connections)', effect: 'note', hours: 0, sprint: 'no change' },
    { label: 'Redis-backed scale-out to 1000+ connections', effect: 'note', hours: 16, sprint: '+16h, may not fit' },
    { label: 'A polling fallback for the notifications', effect: 'note', hours: 6, sprint: '+6h' },
    { label: 'Cut scope to authentication first', effect: 'defer', hours: -12, sprint: 'frees 12h' },
  ],
};
