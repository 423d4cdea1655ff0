/**
 * The lead's technical guidance: entries keyed by domain (the ids of orchestrator/domains.ts) and
 * keywords, each a suggested approach in a few concrete steps. Offline: no API key, no network.
 */

export interface Guidance {
  topic: string;
  domains: string[];
  /** lower-case words or phrases looked for in the blocker and the task title */
  keywords: string[];
  steps: string[];
}

export const KNOWLEDGE_BASE: readonly Guidance[] = [
  {
    topic: 'JWT and token validation',
    domains: ['auth', 'security'],
    keywords: ['jwt', 'token', 'tokens', 'validation', 'signature', 'expired', 'expiry', 'refresh', 'claims', 'bearer', 'auth', 'login', 'session'],
    steps: [
      'Validate with a maintained library (jose or jsonwebtoken), never by hand-decoding the payload.',
      'Pin the algorithm (e.g. HS256 or RS256) and reject "none"; check iss, aud and exp with a small clock skew (30-60 s).',
      'Keep the signing secret or public key in config, and write a test with a token you sign yourself, one expired and one forged.',
      'Use short-lived access tokens plus a refresh token kept server-side so it can be revoked.',
    ],
  },
  {
    topic: 'OAuth and single sign-on',
    domains: ['auth'],
    keywords: ['oauth', 'sso', 'openid', 'oidc', 'callback', 'redirect uri', 'pkce'],
    steps: [
      'Use the authorization code flow with PKCE; never the implicit flow.',
      'Register the exact redirect URI per environment; most "invalid_request" errors are a mismatch there.',
      'Verify the id_token with the provider\'s JWKS and check the state parameter on the callback.',
    ],
  },
  {
    topic: 'WebSockets and realtime',
    domains: ['realtime'],
    keywords: ['websocket', 'websockets', 'socket', 'ws', 'realtime', 'real-time', 'reconnect', 'disconnect', 'heartbeat', 'push', 'presence'],
    steps: [
      'Add a ping/pong heartbeat and drop peers that miss two; proxies close idle sockets silently.',
      'Give every message a sequence number so a client that reconnects can ask for what it missed.',
      'Reconnect with exponential backoff and jitter; keep unsent frames in an outbox.',
      'Attach an error listener to every socket: an unhandled socket error crashes the process.',
    ],
  },
  {
    topic: 'Databases and migrations',
    domains: ['database', 'data'],
    keywords: ['database', 'db', 'migration', 'migrations', 'schema', 'sql', 'postgres', 'sqlite', 'index', 'query', 'deadlock', 'transaction', 'orm'],
    steps: [
      'Make each migration small, forward-only and idempotent; test it on a copy of production-sized data.',
      'Add columns as nullable first, backfill in batches, then add the constraint.',
      'Run EXPLAIN on the slow query and add the index it asks for; keep transactions short.',
      'Use a migration tool that records applied versions instead of hand-run scripts.',
    ],
  },
  {
    topic: 'Testing',
    domains: ['testing'],
    keywords: ['test', 'tests', 'testing', 'flaky', 'mock', 'fixture', 'coverage', 'e2e', 'integration', 'ci'],
    steps: [
      'Start from the acceptance criteria: one test per criterion, named after the behaviour.',
      'Flaky tests are usually time or order: inject a clock and wait on a condition, never a fixed sleep.',
      'Use real dependencies on a throwaway instance (port 0, temp folder) rather than deep mocks.',
    ],
  },
  {
    topic: 'Performance',
    domains: ['performance'],
    keywords: ['performance', 'slow', 'latency', 'throughput', 'memory', 'leak', 'cpu', 'cache', 'caching', 'load', 'benchmark', 'timeout'],
    steps: [
      'Measure first: reproduce with a benchmark or a profile and write down the number to beat.',
      'Fix the largest cost only (often a missing index, an N+1 query or work repeated per request).',
      'Add a cache only with a clear invalidation rule, and re-measure after each change.',
    ],
  },
  {
    topic: 'Deployment and infrastructure',
    domains: ['devops'],
    keywords: ['deploy', 'deployment', 'docker', 'kubernetes', 'k8s', 'pipeline', 'ci/cd', 'environment', 'staging', 'release', 'rollback', 'container', 'terraform'],
    steps: [
      'Make the build reproducible locally with the same container image the pipeline uses.',
      'Keep configuration in environment variables with a checked example file; no secrets in the repo.',
      'Deploy to staging first with a health check, and keep a one-command rollback.',
    ],
  },
  {
    topic: 'API design and integration',
    domains: ['api'],
    keywords: ['api', 'endpoint', 'rest', 'graphql', 'cors', 'rate limit', 'pagination', 'webhook', 'integration', 'contract'],
    steps: [
      'Write the contract first (OpenAPI or a typed schema) and agree on it with the consumer.',
      'Validate input at the edge and return errors with a stable code and a human message.',
      'Test against the contract, including the error cases and pagination limits.',
    ],
  },
  {
    topic: 'User interface',
    domains: ['ui'],
    keywords: ['ui', 'frontend', 'css', 'layout', 'component', 'react', 'render', 'state', 'form', 'accessibility'],
    steps: [
      'Keep state in one place (a reducer or store) and make components render only.',
      'Build the smallest screen that meets the acceptance criteria, then polish.',
      'Test the reducer without the UI, and one flow through the real component.',
    ],
  },
];

export const GENERAL_GUIDANCE: Guidance = {
  topic: 'Getting unstuck',
  domains: ['general'],
  keywords: [],
  steps: [
    'Write down the smallest failing case and what you expected instead.',
    'Check the acceptance criteria: is part of the task unclear? Ask the lead for the missing information.',
    'Time-box the next attempt (an hour); if it still fails, say so and we split or hand over the task.',
  ],
};

const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9/\-\s]/g, ' ')} `;

/** The entry that best fits: words of the blocker count most, then the task's title, then its domain. */
export function findGuidance(domain: string, blocker: string, title = ''): Guidance {
  const said = words(blocker);
  const named = words(title);
  let best: { entry: Guidance; score: number } | undefined;
  for (const entry of KNOWLEDGE_BASE) {
    const hits = (text: string) => entry.keywords.filter((k) => text.includes(` ${k} `)).length;
    const score = hits(said) * 3 + hits(named) + (entry.domains.includes(domain) ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { entry, score };
  }
  return best?.entry ?? GENERAL_GUIDANCE;
}
