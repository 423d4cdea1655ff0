/**
 * The offline domain catalog: what an objective is about, judged from its words, and the tasks that
 * kind of work usually takes (design → implement → test → document, as the domain needs).
 * No API key, no network: keywords, templates and hour estimates a lead would start from.
 */

export type TaskKind = 'design' | 'implement' | 'test' | 'document' | 'deploy';

export interface TaskTemplate {
  kind: TaskKind;
  /** `{subject}` is replaced by the objective's subject, e.g. "user authentication" */
  title: string;
  role: string;
  hours: number;
  acceptance: string[];
  /** kinds in the same objective this one waits for */
  after: TaskKind[];
}

export interface Domain {
  id: string;
  label: string;
  /** lower-case words or phrases; a phrase matches on word boundaries */
  keywords: string[];
  templates: TaskTemplate[];
}

/** Skill tags a task of each kind calls for, matched against a role's expertise. */
export const KIND_TAGS: Record<TaskKind, string[]> = {
  design: ['design', 'architecture'],
  implement: ['implementation'],
  test: ['testing', 'quality'],
  document: ['docs', 'documentation'],
  deploy: ['devops', 'deploy'],
};

const design = (hours: number, what: string, role = 'cto'): TaskTemplate => ({
  kind: 'design',
  title: `Design {subject}`,
  role,
  hours,
  acceptance: [what, 'Written down, reviewed, open questions listed with an owner'],
  after: [],
});
const implement = (hours: number, what: string, role = 'backend-dev'): TaskTemplate => ({
  kind: 'implement',
  title: `Implement {subject}`,
  role,
  hours,
  acceptance: [what, 'Code reviewed and merged'],
  after: ['design'],
});
const test = (hours: number, what: string): TaskTemplate => ({
  kind: 'test',
  title: `Test {subject}`,
  role: 'qa',
  hours,
  acceptance: [what, 'Tests run in CI and pass'],
  after: ['implement'],
});
const document = (hours: number, what: string, role = 'docs'): TaskTemplate => ({
  kind: 'document',
  title: `Document {subject}`,
  role,
  hours,
  acceptance: [what],
  after: ['implement'],
});

export const DOMAINS: readonly Domain[] = [
  {
    id: 'auth',
    label: 'authentication',
    keywords: ['auth', 'authentication', 'authorization', 'login', 'log in', 'sign in', 'signup', 'sign up', 'password', 'oauth', 'sso', 'jwt', 'session', 'sessions', 'permissions', 'rbac'],
    templates: [
      design(6, 'Token/session model, password storage and threat model'),
      implement(16, 'Sign-up, sign-in, sign-out and token refresh work end to end'),
      test(8, 'Happy paths, wrong credentials, expired and forged tokens covered'),
      document(3, 'How clients authenticate, with examples'),
    ],
  },
  {
    id: 'realtime',
    label: 'real-time / notifications',
    keywords: ['real-time', 'realtime', 'real time', 'notification', 'notifications', 'websocket', 'websockets', 'push', 'live', 'streaming', 'subscriptions', 'events feed'],
    templates: [
      design(5, 'Event types, delivery guarantees and fan-out design'),
      implement(14, 'Events reach connected clients within a second; reconnects resume'),
      test(6, 'Delivery, ordering and reconnect scenarios covered, including load'),
    ],
  },
  {
    id: 'testing',
    label: 'testing',
    keywords: ['test', 'tests', 'testing', 'coverage', 'qa', 'quality', 'regression', 'e2e', 'end-to-end', 'unit tests', 'flaky'],
    templates: [
      { ...design(4, 'Coverage gaps mapped and a test plan agreed', 'qa'), title: 'Plan {subject}' },
      { ...implement(12, 'Missing unit and integration tests written for the riskiest paths', 'qa'), title: 'Write tests for {subject}', after: ['design'] },
      { kind: 'deploy', title: 'Gate CI on {subject}', role: 'qa', hours: 3, acceptance: ['CI fails below the agreed coverage threshold'], after: ['implement'] },
    ],
  },
  {
    id: 'api',
    label: 'API',
    keywords: ['api', 'apis', 'endpoint', 'endpoints', 'rest', 'graphql', 'grpc', 'webhook', 'webhooks'],
    templates: [
      design(4, 'Endpoints, payloads, errors and versioning specified'),
      implement(12, 'Endpoints return the specified payloads and errors'),
      test(6, 'Contract tests for every endpoint, including error cases'),
      document(3, 'API reference with request and response examples'),
    ],
  },
  {
    id: 'database',
    label: 'database',
    keywords: ['database', 'db', 'schema', 'sql', 'postgres', 'mysql', 'sqlite', 'index', 'indexes', 'query', 'queries', 'storage', 'persistence'],
    templates: [
      design(4, 'Schema and indexes designed for the main queries'),
      implement(10, 'Schema created by a repeatable migration; queries use the indexes'),
      test(5, 'Data access tested against a real database'),
    ],
  },
  {
    id: 'ui',
    label: 'user interface',
    keywords: ['ui', 'ux', 'frontend', 'front-end', 'page', 'pages', 'screen', 'screens', 'dashboard', 'form', 'forms', 'button', 'layout', 'mobile', 'responsive', 'accessibility'],
    templates: [
      design(6, 'Wireframes for every state, including empty and error states', 'designer'),
      implement(14, 'Screens match the design and work by keyboard', 'frontend-dev'),
      test(6, 'UI flows covered by end-to-end tests'),
    ],
  },
  {
    id: 'performance',
    label: 'performance',
    keywords: ['performance', 'fast', 'faster', 'speed', 'latency', 'slow', 'optimize', 'optimise', 'cache', 'caching', 'throughput', 'load'],
    templates: [
      { ...design(4, 'Baseline measured and targets agreed'), title: 'Profile {subject}' },
      implement(12, 'Targets met on the benchmark'),
      { ...test(6, 'Load test proves the targets under expected traffic'), title: 'Load-test {subject}' },
    ],
  },
  {
    id: 'security',
    label: 'security',
    keywords: ['security', 'secure', 'vulnerability', 'vulnerabilities', 'encryption', 'encrypt', 'audit', 'owasp', 'xss', 'csrf', 'secrets', 'compliance', 'gdpr'],
    templates: [
      { ...design(5, 'Threat model and findings ranked by risk', 'security'), title: 'Review {subject}' },
      implement(10, 'High and medium findings fixed'),
      test(5, 'Security tests cover every fixed finding'),
    ],
  },
  {
    id: 'devops',
    label: 'devops / deploy',
    keywords: ['deploy', 'deployment', 'ci', 'cd', 'pipeline', 'docker', 'kubernetes', 'k8s', 'infrastructure', 'infra', 'monitoring', 'logging', 'alerts', 'release', 'hosting'],
    templates: [
      design(4, 'Environments, pipeline stages and rollback agreed', 'devops'),
      { ...implement(10, 'Pipeline deploys on merge and can roll back', 'devops'), title: 'Set up {subject}' },
      { kind: 'deploy', title: 'Verify {subject} in staging', role: 'qa', hours: 4, acceptance: ['A release goes to staging and back without manual steps'], after: ['implement'] },
    ],
  },
  {
    id: 'docs',
    label: 'documentation',
    keywords: ['docs', 'documentation', 'readme', 'guide', 'guides', 'tutorial', 'manual', 'onboarding'],
    templates: [
      { ...design(2, 'Outline agreed with the readers in mind', 'docs'), title: 'Outline {subject}' },
      { ...document(8, 'Guide written, with examples that run'), title: 'Write {subject}', after: ['design'] },
    ],
  },
  {
    id: 'data',
    label: 'data / migration',
    keywords: ['migration', 'migrate', 'import', 'export', 'etl', 'backfill', 'data', 'legacy'],
    templates: [
      design(5, 'Mapping from old to new data, with a rollback plan'),
      implement(12, 'Migration runs idempotently and can be resumed'),
      test(6, 'Migration verified on a copy of production data'),
    ],
  },
];

/** Used when an objective matches no domain: a sensible default shape. */
export const GENERIC_DOMAIN: Domain = {
  id: 'general',
  label: 'general',
  keywords: [],
  templates: [
    { ...design(4, 'Scope, approach and acceptance agreed'), title: 'Clarify and design {subject}' },
    implement(12, 'The agreed scope works end to end'),
    test(5, 'The agreed acceptance checks are automated'),
  ],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const matchers = new Map(DOMAINS.map((d) => [d.id, d.keywords.map((k) => new RegExp(`(^|[^a-z0-9-])${escape(k)}($|[^a-z0-9-])`))]));

/** Domains the text touches, the strongest first (most keyword hits; catalog order breaks ties). */
export function matchDomains(text: string): Domain[] {
  const lower = ` ${text.toLowerCase()} `;
  const scored = DOMAINS.map((d, order) => ({ d, order, hits: matchers.get(d.id)!.filter((re) => re.test(lower)).length }));
  return scored
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .map((s) => s.d);
}
