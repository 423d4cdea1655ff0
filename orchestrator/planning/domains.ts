/**
 * The offline domain catalogue: what an objective is about, judged from its words, and what work in
 * that domain needs. A domain names its needs as concerns (backend work, a security review, running it
 * in production...); a term may add needs of its own ("colour" adds a designer, "tracing" adds backend
 * work, "without downtime" adds devops). The breakdown turns the concerns into tasks and roles.
 *
 * Terms are matched on stems (words.ts), longest first, and a word is used by one term only, so "a/b
 * test" is not a test suite and "api reference" is documentation. A term written `~term` is weak: it
 * counts half, and a domain needs a whole point to be matched. `term:need+need` adds needs.
 */
import { OTHER_SENSES } from './senses.js';
import { findPhrase, stems } from './words.js';

export type TaskKind = 'design' | 'implement' | 'review' | 'deploy' | 'test' | 'document';

/**
 * What a piece of work needs: `backend`, `frontend` (the product's screens, web or mobile), `visual`
 * (a designer), `security`, `ops` (devops: how it is deployed or run), `docs`, `qa`, `cto`
 * (architecture), and `layer`: backend or frontend work, whichever the objective's other words point to.
 */
export type Concern = 'backend' | 'frontend' | 'visual' | 'security' | 'ops' | 'docs' | 'qa' | 'cto' | 'layer';

export interface Domain {
  id: string;
  label: string;
  needs: readonly Concern[];
  /** who plans work in this domain: a role, or `lead` for whoever builds it */
  plannedBy: string;
  /** implementation hours of a medium-sized objective in this domain */
  hours: number;
  /** an objective about this (tests, docs) is that work only: other domains add skills, not roles */
  exclusive?: boolean;
  /** for a `layer` need: where the work lands when the objective's words point nowhere */
  layer?: 'frontend' | 'backend';
  terms: readonly string[];
  /** acceptance criteria by kind of task, where this domain knows better than the defaults */
  accept: Partial<Record<TaskKind, string>>;
}

/** Skill tags a task of each kind calls for, matched against a role's expertise. */
export const KIND_TAGS: Record<TaskKind, string[]> = {
  design: ['design', 'architecture'],
  implement: ['implementation'],
  review: ['security', 'review'],
  deploy: ['devops', 'deploy'],
  test: ['testing', 'quality'],
  document: ['docs', 'documentation'],
};

export const DOMAINS: readonly Domain[] = [
  {
    id: 'auth',
    label: 'authentication and SSO',
    needs: ['backend', 'security'],
    plannedBy: 'cto',
    hours: 14,
    terms: ['external guest:security', 'without an account:security', 'without logging in:security', 'without logging into:security', 'without signing in:security', 'without a login:security', 'guest access', 'external user', 'auth', 'authentication', 'authenticate', 'authorization', 'login', 'log in', 'logon', 'sign in', 'signin', 'sign on', 'sign up', 'signup', 'password', 'passwordless', 'magic link', 'session', 'sso', 'saml', 'oauth', 'openid', 'oidc', 'jwt', '2fa', 'two factor', 'second factor', 'one time code', 'passkey', 'webauthn', 'biometric:frontend', 'face id:frontend', 'touch id:frontend', 'fingerprint:frontend', 'mfa', 'multi factor', 'otp', 'authenticator', 'totp', 'rbac', 'role based', 'access control', 'permission', 'auth0', 'okta', 'cognito', 'keycloak', 'identity provider', 'impersonate', 'impersonation', 'invite colleague', 'invite teammate', 'invite team member', 'invite user', 'choose role', 'choose their role', 'assign role', 'user role', 'log out', 'logout', 'sign out', 'signout', 'logged out', 'signed out', 'kicked out', 'lock account', 'account lockout', 'credential', 'google account', 'microsoft account', 'apple id', '~account', '~token', '~register'],
    accept: {
      design: 'Session or token model, credential storage and a threat model written down',
      implement: 'Sign-in and sign-out work end to end; sessions expire and refresh as designed',
      test: 'Happy paths, wrong credentials, expired and forged tokens covered',
    },
  },
  {
    id: 'payments',
    label: 'payments',
    needs: ['backend', 'security'],
    plannedBy: 'cto',
    hours: 14,
    terms: ['checkout:frontend', 'payment', 'pay', 'gift aid', 'multi currency', '~card', 'by card', 'card number', 'card detail', 'card data', 'card payment', 'card token', 'card testing', 'my card', 'your card', 'their card', 'debit card', 'bank card', 'nfc card', 'contactless card', 'credit card', 'pci', 'stripe', 'braintree', 'paypal', 'adyen', 'gocardless', 'mollie', 'klarna', 'worldpay', 'apple pay:frontend', 'google pay:frontend', 'bank transfer', 'payout', 'deposit', 'direct debit', 'sepa', 'wallet', '3d secure:frontend', '3 d secure:frontend', 'chargeback', '~charge', '~fraud:security'],
    accept: {
      implement: 'Payments succeed, fail and retry as specified; amounts reconcile with the provider',
      test: 'Successful, declined, retried and refunded payments covered against the provider’s sandbox',
    },
  },
  {
    id: 'billing',
    label: 'billing and subscriptions',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 10,
    terms: ['~price', '~pricing', 'billing', 'invoice', 'subscription', 'receipt', 'refund:security', 'partial refund:security', 'coupon', 'trial', 'pricing plan', 'annual plan', 'dunning', 'proration', 'vat', '~plan', '~discount', '~tax'],
    accept: { implement: 'Invoices and subscription changes are correct to the cent, including proration' },
  },
  {
    id: 'search',
    label: 'search',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 12,
    terms: ['search', 'searchable:frontend', 'full text', 'fulltext', 'elasticsearch:ops', 'opensearch:ops', 'solr:ops', 'algolia', 'autocomplete:frontend', 'typeahead:frontend', 'search bar:frontend', 'search box:frontend', 'tolerate typo', 'typo tolerance', 'fuzzy', 'relevance', 'semantic search', '~ranking'],
    accept: { implement: 'The main queries return the expected results, ranked, within the latency budget' },
  },
  {
    id: 'mobile',
    label: 'mobile apps',
    needs: ['frontend', 'qa'],
    plannedBy: 'designer',
    hours: 14,
    terms: ['mobile', 'ios', 'android', 'iphone', 'ipad', 'tablet:visual', 'screen size:visual', 'react native', 'flutter', 'native app', 'app store:ops', 'play store:ops', 'testflight:ops', 'cold start', 'scanner', 'handheld', 'work offline:backend', 'working offline:backend', 'no signal:backend', 'without signal:backend', 'no reception:backend', 'no connectivity:backend', 'offline mode:backend', 'offline first:backend', 'sync when:backend', '~swift', '~kotlin', '~device'],
    accept: {
      implement: 'Works on the supported OS versions and screen sizes, online and offline as specified',
      test: 'Checked on real devices for each supported platform',
    },
  },
  {
    id: 'ui',
    label: 'web UI',
    needs: ['frontend'],
    plannedBy: 'designer',
    hours: 12,
    terms: [
      'ui', 'in app:frontend', 'ux:visual', 'viewer', 'bulk edit:visual+backend', 'bulk action:visual+backend', 'client portal', 'patient portal', 'self service portal', 'saas:frontend+ops', 'popup', 'pop up', '~board:frontend', 'large type:visual', 'large digit:visual', 'big digit:visual', 'large number:visual', 'large print:visual', 'large button:visual', 'bigger button:visual', 'large text:visual', 'larger text:visual', 'bigger text:visual', 'text size:visual', 'font size:visual', 'legible:visual', 'readable:visual', 'badge', 'tab', 'checklist', 'drag:visual', 'marketplace:visual+backend', 'user interface', 'frontend', 'front end', 'web app', 'landing page', 'admin panel', 'admin console', 'agent console', 'support console', 'help center', 'docs site:docs', 'help site:docs', 'website', 'footer', 'header', 'navbar', 'nav bar', 'data table', 'logo:visual', 'look of:visual', 'page', 'screen', 'form', 'dashboard', 'modal', 'dialog', 'sidebar', 'menu', 'toolbar', 'tooltip:visual', 'in red:visual', 'in bold:visual', 'highlighted:visual', 'colour coded:visual', 'color coded:visual', 'leaderboard', 'toggle', 'checkbox', 'dropdown', 'date picker', 'widget', 'wizard', 'carousel', 'banner', 'calendar view', 'onboarding flow:visual', 'empty state:visual', 'layout:visual', 'colour:visual', 'font:visual', 'typography:visual', 'theme:visual', 'dark mode:visual', 'light mode:visual', 'icon:visual', 'illustration:visual', 'animation:visual', 'animate:visual', 'style:visual', 'restyle:visual', 'redesign:visual', 'brand:visual', 'white label:visual+backend+security', 'white labelled:visual+backend+security', 'own brand:visual+backend+security', 'corner:visual', 'shadow:visual', 'white space:visual', 'design language:visual', 'fresh look:visual', 'new look:visual', 'look dated:visual', 'cramped:visual', 'collapsible', 'drag and drop:visual', 'drop zone:visual', 'drop area:visual', 'expandable', 'sticky', 'same tab', 'new tab', 'branding:visual', 'look and feel:visual', 'responsive:visual', 'design system:visual', 'component library:visual', 'mockup:visual', 'wireframe:visual', 'css', 'html', 'react', 'vue', 'angular', 'svelte', 'tailwind', 'javascript', 'storybook', 'typo', 'wording', 'button', 'pricing table:visual', 'small screen:visual', 'map', 'outlook',
      'search filter', 'with filter', 'filter by', '~site', '~view', '~list', '~component', '~navigation', '~transition:visual', '~copy', '~browser', '~safari', '~chrome', '~firefox', '~app', '~flow', '~portal', '~self service:frontend', '~panel',
    ],
    accept: {
      design: 'Designs for every state, including empty, loading and error states',
      implement: 'Screens match the design, work by keyboard and on the supported browsers',
      test: 'The main flows covered by end-to-end tests',
    },
  },
  {
    id: 'accessibility',
    label: 'accessibility',
    needs: ['frontend', 'visual'],
    plannedBy: 'lead',
    hours: 8,
    terms: ['accessibility', 'accessible', 'a11y', 'screen reader', 'keyboard navigation', 'keyboard', 'wcag', 'aria', 'focus outline', 'alt text', 'contrast:visual', 'colour blind:visual'],
    accept: { implement: 'Passes WCAG 2.1 AA checks and works with a screen reader and the keyboard alone' },
  },
  {
    id: 'i18n',
    label: 'internationalisation',
    // Words translated are read on screens, whatever else (emails, invoices) they reach; a time zone is not.
    needs: ['layer'],
    layer: 'frontend',
    plannedBy: 'lead',
    hours: 10,
    terms: ['i18n:frontend', 'l10n:frontend', 'internationalization:frontend', 'localize:frontend', 'localization:frontend', 'translate:frontend', 'translation:frontend', 'locale', 'multilingual:frontend', 'rtl:visual', 'right to left:visual', 'currency', 'time zone:backend', 'daylight saving:backend', 'number format', 'date format', 'hard coded string', 'spanish:frontend', 'french:frontend', 'german:frontend', 'japanese:frontend', 'chinese:frontend', 'korean:frontend', 'portuguese:frontend', 'italian:frontend', 'dutch:frontend', 'welsh:frontend', 'irish:frontend', 'gaelic:frontend', 'polish translation:frontend', 'polish version:frontend', 'in polish:frontend', 'into polish:frontend', 'swedish:frontend', 'danish:frontend', 'norwegian:frontend', 'finnish:frontend', 'greek:frontend', 'turkish:frontend', 'russian:frontend', 'ukrainian:frontend', 'czech:frontend', 'hungarian:frontend', 'romanian:frontend', 'hindi:frontend', 'thai:frontend', 'vietnamese:frontend', 'indonesian:frontend', 'catalan:frontend', 'basque:frontend', 'croatian:frontend', 'serbian:frontend', 'bulgarian:frontend', 'slovak:frontend', 'lithuanian:frontend', 'latvian:frontend', 'estonian:frontend', 'icelandic:frontend', 'swahili:frontend', 'tagalog:frontend', 'bengali:frontend', 'tamil:frontend', 'cantonese:frontend', 'mandarin:frontend', 'arabic:visual', 'hebrew:visual', 'persian:visual', 'farsi:visual', 'urdu:visual', '~language', '~string'],
    accept: { implement: 'Every string comes from the translation files; dates, numbers and currencies follow the locale' },
  },
  {
    id: 'data',
    label: 'data pipelines',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 12,
    terms: ['etl:ops', 'elt:ops', 'mqtt:backend', 'message broker:backend', 'data pipeline:ops', 'ingestion:ops', 'ingest:ops', 'warehouse:ops', 'bigquery:ops', 'snowflake:ops', 'redshift:ops', 'databricks:ops', 'kafka:ops', 'kinesis:ops', 'clickstream:ops', 'airflow:ops', 'data lake:ops', 'backfill', 'dedupe', 'deduplicate', 'duplicate record', 'data quality', 'dbt', 'cdc', 'csv', 'parquet', 'dataset', 'analytics event', 'event stream:ops', '~analytics', 'chat transcript', 'chat history', 'chat log', 'call recording', 'transcript', '~test result', '~export', '~import', '~report', '~pipeline', '~stream', '~record', '~event', '~data'],
    accept: { implement: 'The pipeline runs idempotently, can be re-run for a day, and its row counts reconcile' },
  },
  {
    id: 'ml',
    label: 'machine learning',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 16,
    terms: ['machine learning', 'ml', 'train', 'training', 'retrain:ops', 'prediction', 'predict', 'forecast', 'recommendation', 'recommender', 'classifier', 'classification', 'embedding', 'llm', 'gpt', 'ai', 'nlp', 'sentiment', 'computer vision', 'spam detection', 'detect spam', 'anomaly detection', 'inference:ops', 'model serving:ops', 'feature store', 'mlops:ops', 'fine tune', '~model'],
    accept: {
      design: 'Baseline, metric and the data it learns from agreed',
      implement: 'Beats the baseline on a held-out set; predictions are reproducible',
      test: 'Evaluated on data it was not trained on; failure cases listed',
    },
  },
  {
    id: 'database',
    label: 'databases and migrations',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 10,
    terms: ['database', 'db', 'schema', 'column', 'index', 'query', 'sql', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mongodb', 'mongo', 'sqlite', 'dynamodb', 'cassandra', 'orm', 'n 1', 'read replica:ops', 'replica:ops', 'sharding:ops', 'shard:ops', 'backup:ops', 'restore:ops', 'without downtime:ops', 'without any downtime:ops', 'with no downtime:ops', 'without breaking:ops', 'without locking:ops', 'without lock:ops', 'without blocking:ops', 'stay online:ops', 'stays online:ops', 'zero downtime:ops', 'no downtime:ops', 'partition', 'stored procedure', '~redis:ops', 'table', '~archive', '~transaction', '~migration'],
    accept: {
      design: 'Schema and indexes designed for the main queries, with a rollback plan',
      implement: 'Changes applied by repeatable migrations; the main queries use the indexes',
      test: 'Data access tested against a real database with production-sized data',
    },
  },
  {
    id: 'observability',
    label: 'observability',
    needs: ['ops'],
    plannedBy: 'devops',
    hours: 8,
    terms: ['observability', 'metrics dashboard', 'monitoring dashboard', 'grafana dashboard', 'ops dashboard', 'monitoring', 'alert', 'alerting', 'logging', 'structured logging:backend', 'tracing:backend', 'trace:backend', 'opentelemetry:backend', 'instrument:backend', 'instrumentation:backend', 'metric', 'prometheus', 'grafana', 'datadog', 'new relic', 'sentry', 'error tracking', 'apm', 'slo', 'sli', 'error budget', 'uptime', 'status page:frontend', 'on call', 'incident', 'pagerduty', 'page on call:backend', 'page the on call:backend', 'page to on call:backend', 'page to the on call:backend', 'alert the on call:backend', 'alert on call:backend', 'notify the on call:backend', 'paging:backend', 'pager:backend', 'error rate:backend', 'success rate:backend', '~log', '~monitor'],
    accept: { implement: 'Alerts fire on a simulated failure and reach the on-call person; dashboards show the key numbers' },
  },
  {
    id: 'infra',
    label: 'infrastructure and cloud cost',
    needs: ['ops'],
    plannedBy: 'devops',
    hours: 10,
    terms: ['infrastructure', 'infra', 'hot storage', 'storage tier', 'storage class', 'archive tier', 'storage bill', 'storage cost', 'whole platform:cto+qa', 'into the cloud:security', 'to the cloud:security', 'cloud', 'aws', 'gcp', 'azure', 'kubernetes', 'scale to zero', 'gpu instance', 'gpu node', 'k8s', 'docker', 'container', 'containerize', 'helm', 'terraform', 'pulumi', 'ansible', 'heroku', 'vercel', 'netlify', 'hosting', 'cdn', 'cloudfront', 'dns', 'own domain:backend+security', 'custom domain:backend+security', 'domain name:backend+security', 'load balancer', 'autoscaling', 'autoscale', 'auto scaling', 'region:backend', 'multi region:backend+cto', 'data center:backend+cto', 'disaster recovery:cto', 'failover', 'high availability', 'vpc', 'vpn:security', 'ip allowlist:security', 'allowlist:security', '~bucket:ops', 'storage bucket', 's3 bucket', 'object storage', 'blob storage', 'cold storage', 'firewall:security', 'waf:security', 'secrets manager:security+ops', 'secret store:security+ops', 'vault:security+ops', 'tls:security', 'ssl:security', 'certificate', 'staging environment', '~cost', 'aws bill', 'cloud bill', 'hosting bill', '~spend', 'cron', 'cronjob', 'overnight:ops', 'every night:ops', 'by 5am:ops', 'by 6am:ops', 'lambda:backend', 'serverless:backend', 'ec2', 'rds', 'eks', 'gke', 'traffic:backend', 'own server', 'cluster', 'tear down', 'second region:backend+cto', 'another region:backend+cto', '~gb:ops', '~tb:ops', '~concurrent:ops', '~server', '~environment', '~budget', '~scale:backend', '~host'],
    accept: {
      design: 'Target set-up, capacity and cost estimated; rollback agreed',
      implement: 'Defined as code, applied to staging then production, with monitoring and a rollback path',
    },
  },
  {
    id: 'cicd',
    label: 'CI/CD and releases',
    needs: ['ops'],
    plannedBy: 'devops',
    hours: 8,
    terms: ['ci', 'cd', 'continuous integration', 'continuous deployment', 'continuous delivery', 'github action', 'gitlab ci', 'jenkins', 'circleci', 'build pipeline', 'deploy', 'deployment', 'release process', 'blue green', 'canary', 'rollback', 'preview environment', 'every pull request', 'every pr', 'merge queue', 'binaries:security', 'codeowners', 'code owners', 'branch protection', 'merges to main', 'merge to main', 'required approvals', 'two approvals', 'notarize:security', 'notarise:security', 'code sign:security', 'sign installer:security', 'installer:security', 'signing certificate:security', 'code signing certificate:security', 'smartscreen:security', 'gatekeeper:security', 'unknown publisher:security', 'sign release:security', 'sign build:security', 'release build', '~firmware:security+backend+ops', '~over the air:security+backend+ops', '~ota:security+backend+ops', 'code signing:security', 'reproducible', 'pinned dependency', 'lockfile', 'dependabot:security', 'auto merge:security', 'automerge:security', 'dependency update:security', 'dependency upgrade:security', 'build time', 'feature flag:backend', 'gradual rollout', 'release gradually', 'docker image', '~production:ops', '~pipeline', '~release', '~pull request', '~rollout', '~artifact', '~build'],
    accept: { implement: 'Runs on every change without manual steps; a failed release rolls back on its own' },
  },
  {
    id: 'security',
    label: 'security and compliance',
    needs: ['security'],
    plannedBy: 'security',
    hours: 8,
    terms: ['security', 'vulnerability', 'cve', 'eidas:backend', 'in a sandbox:backend', 'sandboxed:backend', 'untrusted code:backend', 'electronic seal:backend', 'e seal:backend', 'electronic signature:backend', 'e signature:backend', 'digital signature:backend', 'qualified signature:backend', 'multi tenant:ops+backend', 'consent:frontend', 'database credential:ops',  'open source:docs',  'xss:frontend', 'cross site scripting:frontend', 'csrf', 'sql injection:backend', 'injection', 'csp:frontend', 'content security policy:frontend', 'clickjacking:frontend', 'open redirect:backend', 'end to end encrypted:frontend+backend', 'end to end encryption:frontend+backend', 'encrypt', 'encryption', 'at rest:backend+ops', 'in transit', 'per tenant key:ops+backend', 'key management:ops', 'kms:ops', '~signature:security', '~hmac', 'secret', 'api key', 'rotate', 'pentest', 'penetration test', 'append only:backend', 'tamper proof:backend', 'tamper evident:backend', 'visible to every:backend', 'visible to all:backend', 'visible to other:backend', 'visible to anyone:backend', 'opened by anyone:backend', 'read by anyone:backend', 'seen by anyone:backend', 'downloaded by anyone:backend', 'anyone with the link:backend', 'without logging in:backend', 'without signing in:backend', 'other tenant:backend', 'another tenant:backend', 'pen test', 'audit finding:backend', 'security finding', 'auditor:backend', 'soc 2:ops', 'iso 27001:ops', 'hipaa', 'compliance', 'compliant', 'gdpr:backend', 'ccpa', 'privacy', 'personal data:backend', 'pii', 'data retention', 'rate limit:backend', 'rate limiting:backend', 'throttling:backend', 'sast:ops', 'dast:ops', 'dependency scanning:ops', 'scan dependency:ops', 'vulnerability scan:ops', 'threat model', 'hardening', 'harden', 'ddos', 'brute force', 'audit log:backend', 'strong password:backend', '~secure', '~audit', '~consent', '~cookie consent:security', '~analytics cookie:security', '~tracking cookie:security', '~opt out of tracking:security', '~log every:backend+security', '~every access logged:backend+security', '~access logged:backend+security', '~loan:security', '~key',
      // Personal data that is sensitive on its own: handling it needs a review, even where nothing else says so.
      'network segmentation:ops', 'fake account', 'fake signup', 'spam account', 'bot signup', 'captcha', 'credential stuffing', 'account takeover', 'anonymize', 'anonymized data', 'pseudonymize', '~payroll:security', 'from their contacts:security', 'phone contacts:security', 'address book:security', 'contact list:security', '~vitals:security', '~lab result:security', '~medical record:security', '~health record:security', '~patient record:security', '~health data:security', '~passport:security', '~kyc:security', '~identity document:security', '~prescription:security', '~social security number:security', '~ssn:security', '~tax return:security', '~bank detail:security', '~salary:security', '~payslip:security', '~loan application:security', '~benefit application:security', '~date of birth:security', '~medical:security', 'patient data:security', '~scan:security'],
    accept: {
      design: 'Threat model and findings ranked by risk',
      implement: 'High and medium findings fixed and verified',
      test: 'Security tests cover every fixed finding',
    },
  },
  {
    id: 'performance',
    label: 'performance',
    needs: ['layer', 'qa'],
    layer: 'backend',
    plannedBy: 'lead',
    hours: 10,
    terms: ['performance', 'perf', 'fast', 'faster', 'speed up', 'slow', 'slower', 'sluggish', 'latency', 'p95', 'p99', 'p50', 'throughput', 'rps', 'cache:backend', 'caching:backend', 'load time:frontend', 'page load:frontend', 'load in:frontend', 'bundle:frontend', 'bundle size:frontend', 'render:frontend', 'rendering:frontend', 'fps', 'jank:frontend', 'optimize', 'optimization', 'efficient', 'benchmark', 'profiling', 'under a second', '10x:backend', '~speed', '~memory', '~cpu', '~second'],
    accept: {
      design: 'Baseline measured and the target agreed',
      implement: 'The target is met on the benchmark',
      test: 'A load test proves the target under the expected traffic',
    },
  },
  {
    id: 'architecture',
    label: 'architecture and refactoring',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 14,
    terms: ['architecture', 'side by side:cto', 'strangler:cto', 'monolith:cto+ops', 'microservice:cto+ops', 'service oriented:cto+ops', 'decouple', 'decoupling', 'event bus:cto', 'message bus:cto', 'job queue:ops', 'message queue:ops', 'refactor', 'refactoring', 'restructure', 'modularize', 'technical debt', 'tech debt', 'dead code', 'rewrite', 'adr:cto', 'architecture decision record:cto', 'design doc:cto', 'rfc:cto', '~legacy', '~queue', '~clean up', '~god object'],
    accept: {
      design: 'Target structure and migration steps agreed; nothing changes for callers in between',
      implement: 'Behaviour unchanged (the existing tests pass); the new structure is in place',
    },
  },
  {
    id: 'backend',
    label: 'backend services',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 10,
    terms: ['backend', 'back end', 'server side', 'python', 'django', 'flask', 'fastapi', 'node js', 'java', 'spring', 'ruby', 'rails', 'php', 'laravel', 'golang', 'rust', 'dotnet', 'background job', 'worker', 'node 22', 'node 20', 'node 18', 'nodejs', '~service', '~job', '~node', '~save draft:backend', '~autosave:backend', '~auto save:backend', 'reserve', 'reservation', 'book a slot', 'hold a slot', '~draft:backend', '~time out:backend', '~timeout:backend'],
    accept: {},
  },
  {
    id: 'docs',
    label: 'docs and onboarding',
    needs: ['docs'],
    plannedBy: 'docs',
    hours: 8,
    exclusive: true,
    terms: ['docs', 'documentation', 'help page', 'help article', 'guide', 'tutorial', 'video tutorial', 'readme', 'handbook', 'manual', 'changelog', 'release notes', 'api reference', 'reference docs', 'runbook:ops', 'playbook', 'walkthrough', 'wiki', 'faq', 'knowledge base', 'onboarding guide', 'getting started', 'docstring', 'write up', 'help article', 'help center article', 'help centre article', 'plain english', 'plain language', 'microcopy', 'help text'],
    accept: {
      design: 'Outline agreed with its readers in mind',
      implement: 'Written and reviewed, with examples that run',
    },
  },
  {
    id: 'realtime',
    label: 'real-time and notifications',
    needs: ['backend', 'frontend'],
    plannedBy: 'cto',
    hours: 14,
    terms: ['real time', 'realtime', 'without a refresh', 'without refreshing', 'without reloading', 'live score', 'websocket', 'push notification', 'server sent event', 'sse', 'presence', 'typing indicator', 'live update', 'live tracking', 'live location', 'live map', 'delivery tracking', 'location tracking', 'collaborative editing', 'live chat', 'chat', 'notification', 'in app notification', 'within second', 'within a few second', 'within a second', 'see the change', 'see change', 'update instantly', 'update live', 'in real time', '~live', '~socket', '~push'],
    accept: {
      design: 'Event types, delivery guarantees and fan-out designed',
      implement: 'Events reach connected clients within a second; reconnects resume',
      test: 'Delivery, ordering and reconnect scenarios covered, including load',
    },
  },
  {
    id: 'messaging',
    label: 'email and SMS',
    needs: ['backend'],
    plannedBy: 'lead',
    hours: 8,
    terms: ['email', 'e mail', 'email alert', 'sms alert', 'text alert', 'newsletter', 'digest', 'transactional email', 'sms', 'text message', 'twilio', 'sendgrid', 'mailgun', 'deliverability:ops+security', 'spf:ops+security', 'dkim:ops+security', 'dmarc:ops+security', 'spam folder:ops', 'bounce rate:ops', 'dedicated ip:ops', 'bounce:ops', 'sender reputation:ops', 'warm up:ops', 'land in spam:ops', 'promotions tab:ops', '~mail', '~reminder', '~notify'],
    accept: { implement: 'Messages are sent once, to the right people, and bounces are handled' },
  },
  {
    id: 'api',
    label: 'APIs and integrations',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 10,
    terms: ['api', 'endpoint', 'rest', 'restful', 'graphql', 'grpc', 'webhook', 'openapi', 'swagger', 'sdk:docs', 'public api:security+docs', 'partner api:security+docs', 'api for partner:security+docs', 'developer api:docs', 'integration', 'slack', 'hubspot:security', 'salesforce:security', 'shopify', 'zapier', 'zendesk:security', '~integrate', 'google calendar:security+frontend', 'outlook calendar:security+frontend', 'icloud calendar:security+frontend', 'calendar sync:security+frontend', 'sync calendar:security+frontend', '~versioning', '~sync', '~jira', '~github'],
    accept: {
      design: 'Endpoints, payloads, errors and versioning specified',
      implement: 'Endpoints return the specified payloads and errors',
      test: 'Contract tests for every endpoint, including error cases',
    },
  },
  {
    id: 'testing',
    label: 'testing',
    needs: ['qa'],
    plannedBy: 'qa',
    hours: 10,
    exclusive: true,
    terms: ['test', 'testing', 'coverage', 'unit test', 'integration test', 'e2e', 'end to end test', 'flaky', 'visual regression test:frontend', 'visual regression:frontend', 'regression test', 'snapshot test', 'load test', 'stress test', 'qa', 'test suite', 'test plan', 'test automation', 'cypress', 'playwright', 'selenium', 'jest', 'vitest', 'pytest'],
    accept: {
      design: 'Coverage gaps mapped and a test plan agreed',
      implement: 'The missing tests written for the riskiest paths and running in CI',
    },
  },
  {
    id: 'experiments',
    label: 'experiments and analytics',
    needs: ['layer'],
    layer: 'frontend',
    plannedBy: 'lead',
    hours: 6,
    terms: ['a b test', 'ab test', 'split test', 'experiment', 'conversion', 'funnel', 'tracking plan'],
    accept: { implement: 'Variants are assigned and measured as planned; the result can be read after the run' },
  },
  {
    id: 'files',
    label: 'files and media',
    needs: ['backend'],
    plannedBy: 'cto',
    hours: 8,
    terms: ['upload', 'file', 'attachment', 'image', 'picture', 'avatar', 'photo', 'pdf', 'thumbnail', 's3', '~storage', '~video'],
    accept: { implement: 'Files are validated, stored and served with the right permissions and sizes' },
  },
];

/** Used when an objective matches no domain: a product feature of the usual shape. */
export const GENERIC_DOMAIN: Domain = {
  id: 'general',
  label: 'general',
  needs: ['backend', 'frontend'],
  plannedBy: 'cto',
  hours: 12,
  terms: [],
  accept: { design: 'Scope, approach and acceptance agreed', implement: 'The agreed scope works end to end', test: 'The agreed acceptance checks are automated' },
};

interface Term {
  domain: Domain;
  stems: string[];
  weight: number;
  adds: Concern[];
  text: string;
}

function parseTerm(domain: Domain, raw: string): Term {
  const weak = raw.startsWith('~');
  const [phrase = '', extra = ''] = (weak ? raw.slice(1) : raw).split(':');
  return { domain, stems: stems(phrase), weight: weak ? 0.5 : 1, adds: extra ? (extra.split('+') as Concern[]) : [], text: phrase };
}

/** Every term of every domain, longest first: a longer phrase takes its words before a shorter one can. */
const TERMS: readonly Term[] = DOMAINS.flatMap((d) => d.terms.map((t) => parseTerm(d, t))).sort((a, b) => b.stems.length - a.stems.length);
/** Words in another sense (senses.ts): they take their words first and count for no domain. */
const SENSES: readonly string[][] = OTHER_SENSES.map(stems).sort((a, b) => b.length - a.length);

/** Index of each phrase by its first stem, so a text is checked only against phrases that can start in it. */
function byFirstStem(phrases: readonly (readonly string[])[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  phrases.forEach((p, i) => {
    if (!p.length) return;
    const list = index.get(p[0]!);
    if (list) list.push(i);
    else index.set(p[0]!, [i]);
  });
  return index;
}
const TERMS_BY_FIRST = byFirstStem(TERMS.map((t) => t.stems));
const SENSES_BY_FIRST = byFirstStem(SENSES);

/** The items whose phrase starts with one of the tokens, in the items' own order (longest first). */
function present<T>(items: readonly T[], index: ReadonlyMap<string, number[]>, tokens: readonly string[]): T[] {
  const at = new Set<number>();
  for (const token of new Set(tokens)) for (const i of index.get(token) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).map((i) => items[i]!);
}

export interface DomainMatch {
  domain: Domain;
  score: number;
  /** where its first term is in the text, to break ties */
  first: number;
  /** the terms heard, as written in the catalogue */
  heard: string[];
  /** needs the terms add beyond the domain's own */
  adds: Concern[];
}

/** The domains a text touches, the strongest first (score, then the one said first). */
/** "Make 'Book now' say 'Book seats'": a label and what it should say is a change of wording. */
const RELABEL = /(['"‘“])[^'"‘’“”]{1,40}['"’”]\s+(?:says?|reads?)\s+(['"‘“])[^'"‘’“”]{1,40}['"’”]/g;

export function matchDomains(text: string): DomainMatch[] {
  // "Fix the spelling 'Adress'": a word quoted after "spelling" is a typo.
  const tokens = stems(text.replace(RELABEL, ' wording ').replace(/\b(?:spelling|misspelling)\s+(?=['"‘“])/gi, 'typo '));
  const used = new Array<boolean>(tokens.length).fill(false);
  const found = new Map<string, DomainMatch>();
  for (const sense of present(SENSES, SENSES_BY_FIRST, tokens)) for (const at of findPhrase(tokens, sense)) used.fill(true, at, at + sense.length);
  for (const term of present(TERMS, TERMS_BY_FIRST, tokens)) {
    for (const at of findPhrase(tokens, term.stems)) {
      if (used.slice(at, at + term.stems.length).some(Boolean)) continue;
      used.fill(true, at, at + term.stems.length);
      const m = found.get(term.domain.id) ?? { domain: term.domain, score: 0, first: at, heard: [], adds: [] };
      m.score += term.weight;
      m.first = Math.min(m.first, at);
      if (!m.heard.includes(term.text)) m.heard.push(term.text);
      for (const c of term.adds) if (!m.adds.includes(c)) m.adds.push(c);
      found.set(term.domain.id, m);
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score || a.first - b.first);
}

/** Needs that weak words still carry when their domain is not matched (a "table" in a sentence about a page). */
export const isMatched = (m: DomainMatch): boolean => m.score >= 1;
