/**
 * The work an objective takes: from what its domains need (domains.ts) and what it says (phrasing.ts),
 * which roles take part and as what: who plans it, who builds it (the lead, then any other layer), who
 * reviews its security, who rolls it out, who tests it, who documents it. Each piece of work gets its
 * hours from the domain's size and the objective's scope.
 */
import { isMatched, type Concern, type Domain, type DomainMatch, type TaskKind } from './domains.js';
import type { Phrase } from './phrasing.js';
import { madeALook, onlyALook } from './look.js';
import { touches } from './touches.js';
import { failsUnderLoad } from './under-load.js';

export interface Work {
  kind: TaskKind;
  role: string;
  /** the lead implementation carries the objective's own words */
  lead: boolean;
  hours: number;
  acceptance: string[];
  /** the kind of work in the same objective this waits for */
  after: TaskKind | null;
}

export interface Needs {
  /** what the objective needs, with `layer` resolved to backend or frontend work */
  concerns: Concern[];
  /** the role whose work the objective is */
  lead: string;
  /** who plans it, when not whoever plans its domain's work: a look is the designer's to plan */
  planner?: string;
}

const ROLE: Record<Exclude<Concern, 'layer'>, string> = {
  backend: 'backend-dev',
  frontend: 'frontend-dev',
  visual: 'designer',
  security: 'security',
  ops: 'devops',
  docs: 'docs',
  qa: 'qa',
  cto: 'cto',
};
const FRONTEND_DOMAINS = new Set(['ui', 'mobile', 'accessibility']);
const BACKEND_DOMAINS = new Set(['api', 'database', 'messaging', 'backend', 'data', 'ml', 'search', 'files', 'auth', 'payments', 'billing']);
/** under an objective that is only tests or docs, these domains still bring who runs the machinery */
const MACHINERY = new Set(['cicd', 'infra', 'observability']);
/** an objective about running a system: what it runs ("SLOs for the checkout API") adds its code, not its reviews */
const OPERATED: readonly Concern[] = ['backend'];
/** screens one builds (as opposed to a web app's headers or a framework) */
const SURFACES = new Set(['leaderboard', 'checklist', 'page', 'screen', 'form', 'dashboard', 'modal', 'dialog', 'sidebar', 'menu', 'toolbar', 'widget', 'wizard', 'calendar view', 'view', 'panel', 'admin panel', 'portal', 'carousel', 'banner', 'landing page', 'help center', 'data table']);
/** people who work for us, looking at others' records */
const STAFF = /\b(?:agents?|support|staff|employees?|admins?|administrators?|operators?|moderators?|managers?|reps?|nurses?|doctors?|clerks?|tellers?|caseworkers?)$/i;
/** people a product's screens are for: letting them do something needs screens */
const DEVELOPERS = /^(?:developers?|partners?|operators?)\b/;
/** changing the engine a system runs on is a change to how it is run */
const RUN_CHANGES = new Set(['upgrade', 'migrate', 'move', 'switch', 'replace']);
// Rotating keys and secrets is done where the system runs, without dropping what uses them.
const RUN_VERBS = new Set(['serve', 'deploy', 'host', 'roll out', 'release', 'rotate']);
/** changes to how something works for its users: the flow is designed again, not only coded */
const FLOW_CHANGES = new Set(['simplify', 'streamline', 'redesign', 'revamp', 'rework', 'overhaul']);
/** ways to sign in that people set up and use on a screen (as opposed to a policy enforced for them) */
const SIGN_IN_METHODS = new Set(['second factor', 'one time code', 'otp', '2fa', 'two factor', 'mfa', 'multi factor', 'authenticator', 'totp', 'passkey', 'webauthn', 'magic link', 'passwordless']);
/** verbs whose imperative names what the product's users do ("Search across projects"): they do it on a screen */
const USER_DEEDS = new Set(['search', 'browse', 'filter', 'sort', 'bookmark', 'upload']);
/** "Import contacts from a CSV file": someone picks the file */
const FROM_THEIR_FILE = /\bfrom (?:a|an|their|your|my) (?:[\w-]+ )?(?:file|spreadsheet|csv|excel|sheet)\b/i;
/** screens that show data: making them fast is work on the queries behind them */
const DATA_SURFACES = new Set(['dashboard', 'data table', 'report', 'table', 'list', 'admin panel', 'portal']);
/** "show each account's risk score to account managers": someone looks at it on a screen */
const SHOWN_TO_PEOPLE = /\bto\s+(?:the\s+|our\s+|each\s+|every\s+)?(?:[\w-]+\s+)?(?:managers?|users?|customers?|admins?|staff|agents?|people|members?|shoppers?|teams?)\b/i;
/** the runtime every service runs on: changing it changes how they are built and run */
const RUNTIMES = /\b(?:node(?:\.?js)?|python|java|jdk|jvm|ruby|php|golang|\.net|dotnet|runtime|every service|all (?:of )?(?:our |the )?services)\b/i;
/** "…in the app", "…on the dashboard": where people do or see it is a screen, named without its domain's words */
const ON_A_SCREEN = /\b(?:in|on|from)\s+(?:the|our|their|its|an?)\s+(?:[\w'’-]+\s+){0,2}?(?:app|screen|page|dashboard|portal)\b/i;
/** what a feature flag may switch on screen: an app, a flow, a page */
const SCREEN_THINGS = /\b(?:apps?|screens?|pages?|flows?|ui|buttons?|checkout)\b/i;
/** done by people themselves ("rotatable by customers themselves", "self-service"): they do it on screens a server backs */
const SELF_SERVED = /\bby\s+(?:[\w-]+\s+){0,2}?themselves\b|\bself[- ]serv(?:e|ice)\b/i;
const SHOWN_ON_SCREEN = /\b(?:show|display|draw|plot|highlight)\s+(?:[^.;]{0,60}?\s)?(?:in|on)\s+(?:the|our|a|its|each|every)\s+(?:[\w'’-]+\s+){0,2}?(?:calendar|chart|map|graph|timeline|screen|page|dashboard|app|widget)\b/i;
/** secrets a system holds (and passwords, where they are kept in the open: "in the shared Google Sheet") */
const CREDENTIALS = /\b(?:api\s+keys?|secrets?|tokens?|credentials?|(?:tls|ssl|client|server|x\.?509|signing|broker['’]s\s+(?:client\s+)?)\s*certificates?|certs?|private\s+keys?|signing\s+keys?|\.env)\b/i;
const KEPT_IN_THE_OPEN = /\b(?:in|on)\s+(?:the\s+|a\s+|our\s+)?(?:shared\s+)?(?:repo|repository|git|sheet|spreadsheet|google\s+sheet|\.env|env\s+file|config|slack|wiki|plain\s*text|code|shared\s+preferences)\b|\.env\b/i;
const CREDENTIAL_VERBS = new Set(['rotate', 'revoke', 'keep', 'store', 'move', 'remove', 'encrypt', 'expire', 'renew']);
/** a secret held on a device is kept by the app's own code */
const ON_DEVICE = /\b(?:tablets?|phones?|devices?|handhelds?|app['’]s|apps?|browser|local\s*storage|shared\s+preferences|keychain|keystore)\b/i;
/** Letting people take their own data out (a CSV, a PDF) is plumbing, planned by its builder, not architecture. */
const takesDataOut = (phrase: Phrase) => phrase.cls === 'enable' && /^(?:export|download|print)\b/i.test(phrase.deed ?? '');
/** what an interface document describes: the engineers who built it check it and its examples */
const INTERFACES = new Set(['api', 'database', 'realtime']);

/** What the objective needs and whose work it is. `head` is the domain it is about. */
export function needsOf(phrase: Phrase, matches: readonly DomainMatch[], head: Domain, small: boolean): Needs {
  const matched = matches.filter(isMatched);
  const needs = new Set<Concern>(head.needs);
  const headMatch = matches.find((m) => m.domain.id === head.id);
  for (const c of headMatch?.adds ?? []) needs.add(c);
  for (const m of matched) {
    if (m.domain.id === head.id) continue;
    if (head.exclusive) {
      if (MACHINERY.has(m.domain.id) || m.adds.includes('ops')) needs.add('ops');
      if (head.id === 'docs' && INTERFACES.has(m.domain.id)) needs.add('backend');
      // Loading a service until it breaks needs the people who make it hold.
      if (head.id === 'testing' && /^(?:load|stress)/.test(phrase.verb ?? '') && m.domain.needs.includes('backend')) needs.add('backend');
      if (m.adds.includes('cto')) needs.add('cto');
      continue;
    }
    const operated = MACHINERY.has(head.id);
    // (…except what security work itself asks for: anonymised data in a staging copy is still reviewed.)
    for (const c of [...m.domain.needs, ...m.adds]) if (!operated || OPERATED.includes(c) || c === 'ops' || m.domain.id === 'security') needs.add(c);
  }
  // Weak words (an "app", "production") do not make a domain, but still say what they touch.
  // (A crash "from production" is fixed in the code, not in how it is run.)
  if (!head.exclusive) for (const m of matches) if (!isMatched(m)) for (const c of m.adds) if (c !== 'ops' || phrase.cls !== 'fix') needs.add(c);
  const said = (domains: Set<string>, layer: Concern) => matches.some((m) => domains.has(m.domain.id) || m.adds.includes(layer));
  if (needs.delete('layer')) {
    // Where the words point, and the domain's own side unless a matched domain points to the other.
    const front = said(FRONTEND_DOMAINS, 'frontend');
    const back = said(BACKEND_DOMAINS, 'backend');
    const strongly = (domains: Set<string>) => matched.some((m) => domains.has(m.domain.id));
    if (front) needs.add('frontend');
    if (back) needs.add('backend');
    const side = head.layer ?? 'backend';
    if (!(side === 'frontend' ? strongly(BACKEND_DOMAINS) && !front : strongly(FRONTEND_DOMAINS) && !back)) needs.add(side);
  }

  // A general objective with words only about the server side ("Node", "worker") needs no screens.
  if (head.id === 'general' && !said(FRONTEND_DOMAINS, 'frontend') && said(BACKEND_DOMAINS, 'backend')) needs.delete('frontend');
  // A load test is made, and watched, on infrastructure like production's.
  if (head.id === 'testing' && /^(?:load|stress)/.test(phrase.verb ?? '')) needs.add('ops');
  const matchedIds = new Set(matched.map((m) => m.domain.id));
  const ui = matched.find((m) => m.domain.id === 'ui');
  const a11y = matched.some((m) => m.domain.id === 'accessibility');
  // Letting people do something needs screens, whatever it is about.
  if (!head.exclusive && phrase.cls === 'enable' && !DEVELOPERS.test(phrase.who ?? '')) needs.add('frontend');
  // …and what they do with their own data (export it, delete it) is done by a server.
  if (head.id === 'security' && (phrase.cls === 'enable' || SELF_SERVED.test(phrase.object))) needs.add('backend');
  if (!head.exclusive && head.id !== 'security') {
    // A new screen is designed first and has something behind it, unless it is only a look.
    // A dashboard of latency or error numbers is an operations view, built on the monitoring stack.
    const metricsView = ui?.heard.includes('dashboard') && phrase.verb !== 'speed up' && (matchedIds.has('observability') || matchedIds.has('performance'));
    if (metricsView) needs.add('ops');
    if (ui && !metricsView && phrase.cls === 'build' && !small && !a11y && !ui.adds.includes('visual') && ui.heard.some((t) => SURFACES.has(t))) {
      needs.add('visual');
      if (!matched.some((m) => m.domain.id === 'mobile')) needs.add('backend');
    }
    // (…but "sort out SPF" is a phrasal verb: fixing something, not sorting a list.)
    if (phrase.verb && !/^(?:out|through)\b/i.test(phrase.object) && (USER_DEEDS.has(phrase.verb) || (phrase.verb === 'import' && FROM_THEIR_FILE.test(phrase.object)))) needs.add('frontend');
    // A flow people use, made simpler or new, is designed again.
    if (phrase.verb && FLOW_CHANGES.has(phrase.verb) && needs.has('frontend')) needs.add('visual');
    // A new way to sign in is set up and used on screens.
    if ((phrase.cls === 'build' || /^(?:require|mandate)$/.test(phrase.verb ?? '')) && matched.some((m) => m.domain.id === 'auth' && m.heard.some((t) => SIGN_IN_METHODS.has(t)))) needs.add('frontend');
    // Seeing something new on one screen is a screen to design.
    if (phrase.cls === 'enable' && !small && /^(?:see|view|compare|review|track)\b/i.test(phrase.deed ?? '') && (ui?.heard.some((t) => SURFACES.has(t)) || ON_A_SCREEN.test(phrase.deed ?? ''))) needs.add('visual');
    // Staff looking at a customer's records is access to personal data: it is reviewed.
    if (phrase.cls === 'enable' && STAFF.test(phrase.who ?? '') && /^(?:see|view|look\s+up|access|search|read|browse)\b.*\b(?:customer|patient|user|member|client|citizen|student)s?['’]/i.test(phrase.deed ?? '')) needs.add('security');
    if (takesDataOut(phrase)) needs.delete('cto');
    // People seeing their own records (orders, deliveries) are shown what a server keeps.
    if (phrase.cls === 'enable' && /^(?:see|view|track|browse|check)\b.*\btheir\b/i.test(phrase.deed ?? '')) needs.add('backend');
    if ((phrase.verb === 'show' || phrase.verb === 'display') && SHOWN_TO_PEOPLE.test(phrase.object)) needs.add('frontend');
    // A slow dashboard or report waits on the data behind it.
    const slow = matchedIds.has('performance') || phrase.verb === 'speed up' || (phrase.cls === 'fix' && /\btak(?:e|es|ing)\s+(?:\w+\s+)?(?:seconds|minutes)\b/i.test(phrase.object));
    if (slow && ui?.heard.some((t) => DATA_SURFACES.has(t))) needs.add('backend');
    // A flag that switches something on screen off is read by the screen.
    if (matched.some((m) => m.heard.includes('feature flag')) && (ui || SCREEN_THINGS.test(phrase.object))) needs.add('frontend');
    // Something new in an app (a leaderboard, a feed) has a server behind it, unless it is only a look.
    if (head.id === 'mobile' && phrase.cls === 'build' && !small && !needs.has('visual')) needs.add('backend');
    // A leaderboard ranks what many people did: the ranking is kept by a server, in an app too.
    if (phrase.cls === 'build' && ui?.heard.includes('leaderboard')) needs.add('backend');
  }
  if (phrase.verb && ((RUN_CHANGES.has(phrase.verb) && (matchedIds.has('database') || matchedIds.has('search'))) || (RUN_VERBS.has(phrase.verb) && !head.exclusive))) needs.add('ops');
  if (phrase.verb && RUN_CHANGES.has(phrase.verb) && RUNTIMES.test(phrase.object)) needs.add('ops');
  // Making a flow usable with a keyboard or a screen reader moves no security boundary.
  if (a11y && !matchedIds.has('auth') && !matchedIds.has('security')) needs.delete('security');
  // Mail that reaches inboxes is set up in DNS and the sender, not on screens.
  if (matched.some((m) => m.heard.some((t) => /^(?:deliverability|spf|dkim|dmarc|spam folder|land in spam|bounce rate|sender reputation|promotions tab)$/.test(t)))) needs.delete('frontend');
  // Translating words on screens moves no security boundary either.
  if (head.id === 'i18n') needs.delete('security');
  // …and making an existing flow meet an accessibility standard is work on its screens, not its server.
  if (a11y && phrase.cls !== 'build' && phrase.cls !== 'enable') needs.delete('backend');
  if (!head.exclusive) for (const c of touches(phrase)) needs.add(c);
  if (phrase.cls === 'fix' || small) needs.delete('cto');
  // A colour or a weight given to something is drawn on the screen: nothing behind it changes.
  const seen = onlyALook(phrase.action);
  const look = seen !== null || (phrase.verb === 'make' && madeALook(phrase.object));
  if (look) {
    needs.add('frontend');
    if (seen !== 'wording') needs.add('visual');
    for (const c of ['backend', 'security', 'cto', ...(seen ? (['ops'] as const) : []), ...(seen === 'look' ? (['docs'] as const) : [])] as const) needs.delete(c);
  }
  // Making something faster, or hold under a crowd, changes how it works, not how it looks.
  // (…and so does watching how it works: tracing, budgets and alerts on a page's speed draw no new screen.)
  if (phrase.verb === 'speed up' || failsUnderLoad(phrase.action) || head.id === 'observability' || head.id === 'performance') needs.delete('visual');
  // A typo on a page is fixed on the page: no server is touched, even on the sign-in page.
  if (small && ui && !matchedIds.has('messaging') && /\b(?:typos?|wording|copy|label|tooltip|spelling)\b/i.test(phrase.object)) needs.delete('backend');
  // A screen that cannot be read, or sits off-centre, is fixed on the screen: nothing to roll out, no boundary moved.
  if (phrase.cls === 'fix' && /\b(?:unreadable|illegible|hard to read|too small to read|low contrast|cramped|misaligned|off-cent(?:re|er)|overlapping|cut off)\b/i.test(phrase.object)) {
    needs.delete('ops');
    needs.delete('security');
  }
  // People who cannot tell which or how many of their things… are shown what a server counts.
  if (phrase.cls === 'fix' && /\bnot being able to (?:tell|see|know|find out)\b.*\b(?:which|how many|how much|whether|when)\b/i.test(phrase.object)) needs.add('backend');
  // "…the horse is listed under 'Due soon' when the manager opens the dashboard": what a data screen lists, a server picks.
  if (/\b(?:is|are)\s+(?:listed|counted|ranked|grouped|flagged)\b/i.test(phrase.object) && [...DATA_SURFACES].some((d) => new RegExp(`\\b${d}\\b`, 'i').test(phrase.object))) needs.add('backend');
  // A typo or a toggle changes no security boundary: it needs no review, even in a sign-in email.
  if (small && head.id !== 'security') needs.delete('security');
  if (auditing(phrase, head)) for (const c of ['backend', 'frontend', 'qa'] as const) needs.delete(c);
  // An architecture record or design doc is the architect's to write.
  if (head.id === 'docs' && !matchedIds.has('docs') && needs.has('cto')) needs.delete('docs');
  // "…and show the forecast as a dotted line on the station chart": what is drawn on a screen is screen work.
  if (!look && SHOWN_ON_SCREEN.test(phrase.action)) needs.add('frontend');
  // "Let each club put its own logo on the page": a look each customer sets is kept for each of them.
  if ((phrase.cls === 'enable' || phrase.verb === 'let') && /\b(?:its|their)\s+own\s+(?:[\w-]+\s+)?(?:logos?|colou?rs|brand(?:ing)?|themes?|fonts?)\b/i.test(phrase.action)) needs.add('backend');
  // Keys, tokens, certificates and passwords are kept and rotated where the system runs: nothing to draw or write up.
  // (A token that never expires is a fix in the code; one in the repo, or one to rotate, is the operators' too.)
  const secret = CREDENTIALS.test(phrase.object) || (/\bpasswords?\b/i.test(phrase.object) && KEPT_IN_THE_OPEN.test(phrase.object));
  if (!small && secret && (CREDENTIAL_VERBS.has(phrase.verb ?? '') || (phrase.cls === 'fix' && KEPT_IN_THE_OPEN.test(phrase.object)))) {
    needs.add('ops').add('security');
    for (const c of ['visual', 'docs', ...(ON_DEVICE.test(phrase.object) ? [] : (['frontend'] as const))] as const) needs.delete(c);
  }
  const planner = look ? (needs.has('visual') ? 'designer' : 'frontend-dev') : undefined;
  return { concerns: [...needs], lead: look ? 'frontend-dev' : leadOf(head, needs, phrase), ...(planner ? { planner } : {}) };
}

const AUDITS = /\b(?:audit|penetration test|pentest|soc ?2|iso ?27001|threat model|assessment|review|certification)\b/i;
const AUDIT_VERBS = new Set(['run', 'prepare', 'perform', 'conduct', 'get', 'pass', 'schedule', 'do', 'book', 'commission', 'complete']);

/** What an audit objective also asks to be built: "…and fix what it finds", "…audit: data retention and deletion". */
const REMEDY = /\b(?:and|then)\s+(?:fix|remediate|address|resolve|close|patch)\b/i;
const namesWork = (object: string) => {
  const listed = /:\s*(.+)$/.exec(object)?.[1];
  // "…audit: electronic signatures, audit trails": an audit trail is a feature to build, not another audit.
  return REMEDY.test(object) || (listed !== undefined && !AUDITS.test(listed.replace(/\baudit\s+(?:trails?|logs?|logging|events?|history)\b/gi, '')));
};

/** Security work that is an audit (a pen test, SOC 2): the security engineer's, with nothing to build. */
const auditing = (phrase: Phrase, head: Domain) =>
  head.id === 'security' && (phrase.cls === 'audit' || (AUDIT_VERBS.has(phrase.verb ?? '') && AUDITS.test(phrase.object))) && !namesWork(phrase.object);

function leadOf(head: Domain, needs: Set<Concern>, phrase: Phrase): string {
  if (head.id === 'docs') return needs.has('docs') ? 'docs' : 'cto';
  if (head.id === 'security') {
    if (auditing(phrase, head)) return 'security';
    return needs.has('frontend') ? 'frontend-dev' : needs.has('ops') && !needs.has('backend') ? 'devops' : 'backend-dev';
  }
  const first = head.needs.find((c) => c !== 'qa' || head.id === 'testing') ?? 'backend';
  if (first !== 'layer') return ROLE[first];
  if (head.layer === 'frontend') return needs.has('frontend') ? 'frontend-dev' : 'backend-dev';
  return needs.has('backend') ? 'backend-dev' : 'frontend-dev';
}

const SECURITY_HEADS = new Set(['auth', 'payments', 'security']);

const round = (h: number) => Math.max(0.5, Math.round(h * 2) / 2);

const DEFAULT_ACCEPT: Record<TaskKind, string> = {
  design: 'Approach, risks and open questions written down and agreed',
  implement: 'Works end to end as the objective says',
  review: 'Reviewed; no high or medium finding left open',
  deploy: 'Rolled out to production with a rollback path, without interrupting users',
  test: 'The acceptance checks are automated and pass in CI',
  document: 'Written for its readers, with examples that work',
};

export interface WorkInput {
  phrase: Phrase;
  head: Domain;
  /** the other domains matched, for acceptance criteria */
  others: readonly Domain[];
  needs: Needs;
  small: boolean;
  factor: number;
}

/** The pieces of work, in the order they are listed: plan, build, review, roll out, test, document. */
export function workFor({ phrase, head, others, needs, small, factor }: WorkInput): Work[] {
  const has = (c: Concern) => needs.concerns.includes(c);
  const base = head.hours;
  const hours = (share: number, floor: number) => round(Math.max(small ? 0.5 : floor, base * share * factor));
  const accept = (kind: TaskKind, extra: string[] = []): string[] => [head.accept[kind] ?? others.map((d) => d.accept[kind]).find(Boolean) ?? DEFAULT_ACCEPT[kind], ...extra];
  const work: Work[] = [];
  const lead = needs.lead;

  if (phrase.cls === 'investigate') {
    const study: Work[] = [{ kind: 'design', role: has('cto') ? 'cto' : lead, lead: true, hours: hours(0.6, 3), acceptance: ['Findings and a recommendation written down, with what it would cost'], after: null }];
    // A choice about sign-in, payments or secrets is weighed by the security engineer too.
    if (has('security') && SECURITY_HEADS.has(head.id)) study.push({ kind: 'review', role: 'security', lead: false, hours: hours(0.2, 1), acceptance: ['Each option’s risks written down'], after: 'design' });
    return study;
  }

  // Who plans it: an architect's, a designer's or the builder's own plan; a small change needs none.
  const planner = needs.planner ?? (has('cto') ? 'cto' : head.plannedBy === 'lead' || takesDataOut(phrase) ? lead : head.plannedBy === 'designer' ? (has('visual') ? 'designer' : lead) : head.plannedBy);
  if (!small || (has('visual') && planner === 'designer')) {
    if (phrase.cls === 'fix') {
      if (!small) work.push({ kind: 'design', role: lead, lead: true, hours: hours(0.3, 2), acceptance: ['The cause found and reproduced by a failing test'], after: null });
    } else work.push({ kind: 'design', role: planner, lead: true, hours: hours(0.4, 2), acceptance: accept('design', ['Written down, reviewed, open questions listed with an owner']), after: null });
  }
  // A fix is diagnosed by whoever builds it, so its designer is asked for separately.
  if (has('visual') && (planner !== 'designer' || phrase.cls === 'fix')) {
    work.push({ kind: 'design', role: 'designer', lead: false, hours: hours(0.3, 2), acceptance: [DEFAULT_ACCEPT.design.replace('Approach', 'Screens')], after: null });
  }
  const designed = work.length > 0 ? 'design' : null;

  // Who builds it: the lead, then each other layer the objective touches.
  work.push({ kind: 'implement', role: lead, lead: true, hours: hours(1, 1), acceptance: accept('implement', lead === 'docs' || lead === 'cto' ? [] : ['Code reviewed and merged']), after: designed });
  // Docs are written by the writer; the engineers named in them check them (below), they build nothing.
  const builders = lead === 'docs' ? [] : (['backend', 'frontend', ...(head.needs.includes('ops') || head.id === 'testing' ? (['ops'] as const) : [])] as const);
  for (const c of builders) {
    const role = ROLE[c];
    if (has(c) && role !== lead) work.push({ kind: 'implement', role, lead: false, hours: hours(0.6, 1), acceptance: [`The ${c === 'ops' ? 'infrastructure' : c} part works with the rest`, 'Code reviewed and merged'], after: designed });
  }
  const built = (role: string) => role !== lead && !work.some((w) => w.kind === 'implement' && w.role === role);

  if (has('security') && built('security')) work.push({ kind: 'review', role: 'security', lead: false, hours: hours(0.3, 2), acceptance: ['Threat model checked against what was built', 'No high or medium finding left open'], after: 'implement' });
  if (has('ops') && built('devops') && lead !== 'docs') work.push({ kind: 'deploy', role: 'devops', lead: false, hours: hours(0.35, 2), acceptance: accept('deploy'), after: 'implement' });
  const changesCode = has('backend') || has('frontend');
  if ((has('qa') || (changesCode && !head.exclusive)) && built('qa')) work.push({ kind: 'test', role: 'qa', lead: false, hours: hours(0.45, 1), acceptance: accept('test'), after: 'implement' });
  if (has('docs') && built('docs')) work.push({ kind: 'document', role: 'docs', lead: false, hours: hours(0.25, 1), acceptance: accept('document'), after: 'implement' });
  // Docs about running systems are checked by the people who run them.
  if (lead === 'docs') for (const c of ['backend', 'ops', 'cto'] as const) if (has(c)) work.push({ kind: 'review', role: ROLE[c], lead: false, hours: hours(0.2, 1), acceptance: ['Checked against the systems it describes'], after: 'implement' });
  return work;
}
