/**
 * An objective as a verb and its object, which the task titles are written from (titles.ts), so any
 * objective reads naturally: "Migrate the orders table to the new schema" plans as "Plan the migration of the orders
 * table…" and tests as "Test the migration of…", never "Implement Migrate…". Objectives that start with
 * their subject are turned round first ("The export is too slow" → "Speed up the export", "Users should
 * be able to archive projects" → "Let users archive projects"); a sentence it cannot turn round keeps
 * its words and gets "Design: …" style titles rather than a fragment.
 */
import { isEnglishWord } from './dictionary.js';
import { LANGUAGE_NAME } from './languages.js';
import { releasesLibrary } from './library-release.js';

/**
 * build: something new (add, build, a noun phrase); enable: let someone do something; fix; change: an
 * existing thing changed (migrate, reduce…, which names its change as a noun); behave: what the
 * system should do (send, cache, train…); investigate; document; test; audit; clause: a sentence
 * that could not be turned round.
 */
export type VerbClass = 'build' | 'enable' | 'fix' | 'change' | 'behave' | 'investigate' | 'document' | 'test' | 'audit' | 'clause';

export interface Phrase {
  cls: VerbClass;
  /** the verb as said, lower case ("add", "set up"), or null for a noun phrase */
  verb: string | null;
  /** the objective as an imperative: "Add Apple Pay to the checkout" */
  action: string;
  /** what the verb acts on, as said: "Apple Pay to the checkout" */
  object: string;
  /** the thing itself as a noun phrase, for build objectives: "Apple Pay for the checkout" */
  thing: string;
  /** for enable: who ("customers") and what they do ("pause their subscription") */
  who?: string;
  deed?: string;
  /** for "give X a report": who is given it ("store managers") */
  receiver?: string;
  /** for "make X do Y": a sentence saying it is done ("the dashboard loads in under two seconds") */
  outcome?: string;
}

type Entry = [VerbClass, string?];
/** Verbs the planner knows: their class and, for a change, how the change is named ("the migration of"). */
const VERBS: Record<string, Entry> = {
  add: ['build'], build: ['build'], create: ['build'], implement: ['build'], develop: ['build'], introduce: ['build'], ship: ['build'], launch: ['build'],
  provide: ['build'], offer: ['build'], support: ['build'], integrate: ['build'], deliver: ['build'], 'set up': ['build'], setup: ['build'], generate: ['build'],
  design: ['build'], enable: ['build'], give: ['build'], connect: ['build'], 'hook up': ['build'], 'wire up': ['build'], put: ['behave'],
  let: ['enable'], allow: ['enable'], sell: ['behave'], price: ['behave'], see: ['behave'], view: ['behave'], open: ['behave'], ingest: ['behave'], pull: ['behave'], take: ['behave'], regenerate: ['behave'], round: ['behave'], recompute: ['behave'], recalculate: ['behave'], reindex: ['behave'], 're-index': ['behave'], geofence: ['behave'], catch: ['behave'], spot: ['behave'], debounce: ['behave'], shard: ['change', 'sharding of'], 'page on-call': ['behave'], 'page oncall': ['behave'], stop: ['behave'], prevent: ['behave'], avoid: ['behave'], ensure: ['behave'], 'make sure': ['behave'],
  fix: ['fix'], resolve: ['fix'], repair: ['fix'], patch: ['fix'], debug: ['fix'], stabilise: ['fix'], stabilize: ['fix'], correct: ['fix'], close: ['fix'], address: ['fix'], mitigate: ['fix'], solve: ['fix'],
  migrate: ['change', 'migration of'], bump: ['change', 'upgrade of'], move: ['change', 'move of'], upgrade: ['change', 'upgrade of'], replace: ['change', 'replacement of'], improve: ['change', 'improvements to'],
  reduce: ['change', 'reduction of'], cut: ['change', 'cut in'], lower: ['change', 'lowering of'], shrink: ['change', 'shrinking of'], increase: ['change', 'increase in'], boost: ['change', 'boost to'],
  'speed up': ['change', 'speed-up of'], optimise: ['change', 'optimisation of'], optimize: ['change', 'optimization of'], tune: ['change', 'tuning of'], scale: ['change', 'scaling of'],
  simplify: ['change', 'simplification of'], 'clean up': ['change', 'clean-up of'], polish: ['change', 'polishing of'], rework: ['change', 'rework of'], revamp: ['change', 'revamp of'],
  overhaul: ['change', 'overhaul of'], redesign: ['change', 'redesign of'], restyle: ['change', 'restyling of'], refresh: ['change', 'refresh of'], update: ['change', 'update of'],
  change: ['change', 'change of'], animate: ['change', 'animation of'], swap: ['change', 'swap of'], switch: ['change', 'switch of'], convert: ['change', 'conversion of'], port: ['change', 'port of'], rewrite: ['change', 'rewrite of'], rebuild: ['change', 'rebuild of'], reorder: ['change', 'reordering of'], partition: ['change', 'partitioning of'], rerank: ['change', 'reranking of'], 're-rank': ['change', 'reranking of'],
  refactor: ['change', 'refactoring of'], split: ['change', 'split of'], extract: ['change', 'extraction of'], decouple: ['change', 'decoupling of'], consolidate: ['change', 'consolidation of'],
  rename: ['change', 'renaming of'], standardise: ['change', 'standardisation of'], unify: ['change', 'unification of'], centralise: ['change', 'centralisation of'],
  centralize: ['change', 'centralization of'], encrypt: ['change', 'encryption of'], rotate: ['change', 'rotation of'], revoke: ['change', 'revocation of'], harmonise: ['change', 'harmonisation of'], harmonize: ['change', 'harmonization of'], quarantine: ['behave'], trace: ['behave'], emit: ['behave'], use: ['behave'], harden: ['change', 'hardening of'], secure: ['change', 'securing of'],
  translate: ['change', 'translation of'], localise: ['change', 'localisation of'], localize: ['change', 'localization of'], containerise: ['change', 'containerisation of'],
  containerize: ['change', 'containerization of'], dockerise: ['change', 'containerisation of'], dockerize: ['change', 'containerization of'], automate: ['change', 'automation of'],
  backfill: ['change', 'backfill of'], archive: ['change', 'archiving of'], deduplicate: ['change', 'deduplication of'], dedupe: ['change', 'deduplication of'], version: ['change', 'versioning of'],
  modularise: ['change', 'modularisation of'], modularize: ['change', 'modularization of'], restructure: ['change', 'restructuring of'], deprecate: ['change', 'deprecation of'],
  remove: ['change', 'removal of'], delete: ['change', 'deletion of'], discard: ['behave'], 'turn on': ['behave'], 'turn off': ['behave'], 'switch on': ['behave'], 'switch off': ['behave'], drop: ['change', 'removal of'], retire: ['change', 'retirement of'], sunset: ['change', 'sunsetting of'],
  disable: ['change', 'disabling of'], 'phase out': ['change', 'phase-out of'], extend: ['change', 'extension of'], expand: ['change', 'expansion of'], shorten: ['change', 'shortening of'],
  send: ['behave'], notify: ['behave'], email: ['behave'], show: ['behave'], display: ['behave'], track: ['behave'], retry: ['behave'], sync: ['behave'], export: ['behave'], import: ['behave'],
  stream: ['behave'], serve: ['behave'], cache: ['behave'], index: ['behave'], log: ['behave'], alert: ['behave'], monitor: ['behave'], measure: ['behave'], handle: ['behave'], run: ['behave'],
  host: ['behave'], manage: ['behave'], define: ['behave'], validate: ['behave'], limit: ['behave'], throttle: ['behave'], block: ['behave'], detect: ['behave'], flag: ['behave'], train: ['behave'],
  retrain: ['behave'], forecast: ['behave'], predict: ['behave'], recommend: ['behave'], summarise: ['behave'], summarize: ['behave'], sign: ['behave'], notarise: ['behave'], schedule: ['behave'],
  process: ['behave'], store: ['behave'], keep: ['behave'], accept: ['behave'], require: ['behave'], enforce: ['behave'], make: ['behave'], get: ['behave'], format: ['behave'], pipe: ['behave'],
  publish: ['behave'], 'roll out': ['behave'], deploy: ['behave'], release: ['behave'], 'a/b test': ['behave'], 'ab test': ['behave'], bill: ['behave'], charge: ['behave'], lock: ['behave'],
  share: ['behave'], invite: ['behave'], collect: ['behave'], record: ['behave'], onboard: ['behave'], personalise: ['behave'], personalize: ['behave'], filter: ['behave'], sort: ['behave'], 'break': ['change', 'split of'], scan: ['behave'], edit: ['behave'], 'bulk-edit': ['behave'], 'bulk edit': ['behave'], upload: ['behave'], download: ['behave'], embed: ['behave'], tag: ['behave'], map: ['behave'], route: ['behave'], check: ['behave'], listen: ['behave'], reset: ['behave'], queue: ['behave'], batch: ['behave'], expose: ['behave'], persist: ['behave'], render: ['behave'], preview: ['behave'], print: ['behave'], search: ['behave'], group: ['behave'], rank: ['behave'], issue: ['behave'], refund: ['behave'], cancel: ['behave'], approve: ['behave'], reject: ['behave'], book: ['behave'], assign: ['behave'], calculate: ['behave'], compute: ['behave'], load: ['behave'], parse: ['behave'], compress: ['behave'], resize: ['behave'], transcribe: ['behave'], geocode: ['behave'], confirm: ['behave'], remind: ['behave'], suggest: ['behave'], highlight: ['behave'], pin: ['behave'], follow: ['behave'], comment: ['behave'], vote: ['behave'], rate: ['behave'], unpublish: ['behave'], purge: ['behave'], anonymise: ['behave'], anonymize: ['behave'], pseudonymise: ['behave'], pseudonymize: ['behave'], redact: ['behave'], erase: ['behave'], wipe: ['behave'], notarize: ['behave'], expire: ['behave'], unlock: ['behave'], mute: ['behave'], hide: ['behave'], pay: ['behave'], tip: ['behave'], donate: ['behave'], order: ['behave'], subscribe: ['behave'], unsubscribe: ['behave'], join: ['behave'], fetch: ['behave'], attach: ['behave'], link: ['behave'], copy: ['behave'], duplicate: ['behave'], clone: ['behave'], restore: ['behave'], recover: ['behave'], undo: ['behave'], paginate: ['behave'], save: ['behave'], mark: ['behave'], label: ['behave'], estimate: ['behave'], match: ['behave'], merge: ['change', 'merge of'],
  evaluate: ['investigate'], investigate: ['investigate'], research: ['investigate'], explore: ['investigate'], assess: ['investigate'], compare: ['investigate'], spike: ['investigate'],
  prototype: ['investigate'], analyse: ['investigate'], analyze: ['investigate'], 'look into': ['investigate'], 'find out': ['investigate'], 'track down': ['investigate'], 'figure out': ['investigate'], 'work out': ['investigate'], 'dig into': ['investigate'], decide: ['investigate'], choose: ['investigate'], pick: ['investigate'],
  document: ['document'], write: ['document'], draft: ['document'], outline: ['document'], describe: ['document'], explain: ['document'],
  test: ['test'], 'load-test': ['test'], 'load test': ['test'], 'stress-test': ['test'], 'smoke-test': ['test'], verify: ['test'], cover: ['test'],
  audit: ['audit'], pentest: ['audit'], 'pen-test': ['audit'], 'penetration test': ['audit'], 'security test': ['audit'],
  'spin up': ['build'], 'stand up': ['build'], 'fail over': ['behave'], 'roll back': ['behave'], 'back up': ['behave'], 'scale out': ['change', 'scale-out of'], 'scale up': ['change', 'scale-up of'], prepare: ['audit'], certify: ['audit'], review: ['audit'],
};

/** Verbs in the order they are tried: two-word verbs first. */
const VERB_LIST = Object.keys(VERBS).sort((a, b) => b.split(/[ -/]/).length - a.split(/[ -/]/).length || b.length - a.length);
const VERB_RE = new RegExp(`^(${VERB_LIST.map((v) => v.replace(/[/-]/g, '[-/ ]?').replace(' ', '\\s+')).join('|')})(?![\\w'-])\\s*`, 'i');

/**
 * Verbs the list does not hold, known by their shape: a noun and "test" or "check" before what they act
 * on ("Fuzz test the parser"), or a verb and its particle ("Fail over to a second region", "Tear down
 * the old cluster"). Each must be followed by what it acts on, so "rate limits" and "load balancer
 * health" stay noun phrases.
 */
const ACTS_ON = '(?:the|a|an|our|all|every|each|any|its|their|this|these|those|to|from|into|onto|between|across|when|if|before|after)\\s';
const COMPOUND_VERB = new RegExp(`^([a-z]+[ -](?:test|check))\\s+(?=${ACTS_ON})`, 'i');
const PHRASAL_VERB = new RegExp(`^([a-z]{3,}\\s+(?:up|out|over|back|down|off|away|through))\\s+(?=${ACTS_ON})`, 'i');

export const HTTP_REQUEST = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\//;
/** "Polish versions of the app", "Polish as well as English": the language, not the verb. */
const POLISH_THE_LANGUAGE = /^Polish(?:\s+(?:versions?|translations?|language|speakers?|customers?|users?|text|copy|ui|interface|as\s+well\s+as|and|or)\b|\s*$|\s*,)/;

/** The verb a text starts with, if it starts with one the planner knows or one of a verb's shapes. */
export function leadingVerb(text: string): string | null {
  const t = text.trim();
  // "GET /booking/{ref} returns…": a request's method and path name a thing, not a deed.
  if (NOUN_COMPOUND.test(t) || HTTP_REQUEST.test(t) || POLISH_THE_LANGUAGE.test(t)) return null;
  const shaped = VERB_RE.exec(t)?.[1]?.includes(' ') ? null : (COMPOUND_VERB.exec(t) ?? PHRASAL_VERB.exec(t));
  if (shaped && !NOT_VERBS.test(shaped[1]!.split(/[ -]/)[0]!)) return shaped[1]!.toLowerCase().replace(/\s+/g, ' ');
  const m = VERB_RE.exec(t);
  return m ? m[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/^(load|stress)[ /]test$/, '$1-test').replace(/^ab test$|^a[- ]b test$/, 'a/b test') : null;
}

/** A first word the planner does not know is still a verb when a determiner follows it ("Animate the transitions"). */
const UNKNOWN_VERB = /^([a-z]+(?:-[a-z]+)?)\s+(?=(?:the|a|an|our|all|every|each|some|any|my|your|their|its|this|these|those)\s)/i;
const NOT_VERBS = /^(?:all|every|each|some|any|more|less|new|better|faster|the|a|an|our|only|just|also|both|either|with|without|for|from|in|on|of|to|by|at|no|not|user|users|customer|customers|team|teams|admin|admins)$/i;

const WHO = /^(?:the\s+|our\s+|all\s+|new\s+|logged[- ]in\s+)*(users?|customers?|admins?|administrators?|members?|team members?|managers?|teams?|people|guests?|visitors?|buyers?|sellers?|agents?|support agents?|employees?|players?|students?|teachers?|patients?|citizens?|residents?|tenants?|passengers?|riders?|fans?|volunteers?|donors?|candidates?|recruiters?|pharmacists?|nurses?|inspectors?|dispatchers?|farmers?|doctors?|drivers?|developers?|partners?|owners?|editors?|viewers?|subscribers?|clients?|staff|moderators?|shoppers?|merchants?|vendors?|operators?|everyone|anyone)\b(?!['’])/i;
/** Teams named for what they do: "HR", "finance", "legal" do the work like people do. */
const DEPARTMENTS = /^(?:HR|IT|QA|finance|legal|support|sales|marketing|accounting|payroll|compliance|ops)$/;

/**
 * "bank customers freeze their card", "finance admins issue refunds": up to three words naming people
 * before what they do, ending in a word for people or in a plural followed by a verb.
 */
function whoBeforeDeed(object: string): string | undefined {
  const words = object.split(/\s+/);
  for (let k = 1; k <= 3 && k < words.length; k++) {
    const last = words[k - 1]!;
    const people = WHO.exec(last)?.[0].length === last.length || DEPARTMENTS.test(last);
    const deed = words.slice(k).join(' ').replace(/^to\s+/i, '');
    // "dispatchers drag a delivery…": a verb the list does not hold is known by what follows it.
    if (people || (/(?:[^s]s|^staff)$/i.test(last) && (leadingVerb(deed) || UNKNOWN_VERB.test(deed)))) return words.slice(0, k).join(' ');
  }
  return undefined;
}
// (The subject is no clause: not "…so we…", not "…, and they…"; "everything we hold on them" is a subject.)
const MODAL = /^((?:(?!\b(?:so|that|which|when|if|because|but|i)\b|\bwe\s+(?:should|must|need|have|can|could|will|want|would)\b|,\s+and\b|\band\s+(?:they|it|this|these)\b).)+?)\s+(?:should|must|need to|needs to|has to|have to|shall|ought to|can|could|will|want to|wants to|is to|are to)\s+(?:be able to\s+|now\s+)?(.+)$/i;
const SLOW = /^(?:p\d{2}|median|latency|response\s+time)\s+(?:of|for|on)\s+(.+?)\s+is\s+\d[\d.,]*\s*(?:ms|s|sec|seconds|minutes)\b(.*)$|^(.+?)\s+(?:is|are|feels?|seems?|gets?|got)\s+(?:too\s+|very\s+|really\s+|so\s+|much\s+too\s+|much\s+|twice\s+as\s+|(?:\d+|two|three|four|five|ten)\s*(?:x|times)\s+(?:as\s+)?)?(?:slow|sluggish|laggy)(?:er)?\b(.*)$|^(.+?)\s+takes?\s+(?:too long|forever|ages|\d+(?:[-–]\d+)?\s*(?:s|sec|seconds|minutes|min|hours))\b(.*)$/i;
const WRONG = /^(.+?)\s+(?:is|are|looks?|seems?)\s+(?:broken|wrong|off|misaligned|ugly|confusing|cluttered|outdated|inconsistent)\b(.*)$/i;
const FAILING = /^((?:(?!\b(?:if|when|whenever|unless|once)\b).)+?)\s+(fails?|crash(?:es)?|breaks?|hangs?|freezes?|times? out|leaks? memory|(?:does not|doesn't|do not|don't) work|(?:won't|will not|can't|cannot) \w+)\b(.*)$/i;
const LACKS = /^(.+?)\s+(?:needs|requires|should have|must have|lacks|is missing|has no|have no|(?<=(?:[^s]s|people|staff)\s+)lack|(?<=(?:[^s]s|people|staff)\s+)need)\s+(.+)$/i;
/** Things anyone can reach: "X can be opened by anyone…", "X can be downloaded without logging in". */
const EXPOSED = /^(.+?)\s+(?:can|could)\s+be\s+([a-z]+(?:ed|en|wn)\b.*?\b(?:by\s+(?:anyone|anybody|everyone|strangers|guests|other\s+(?:users|tenants|customers|people|students|members|schools|companies|accounts|patients))|without\s+(?:logging|signing)\s+in|without\s+(?:a\s+|any\s+)?(?:password|login|auth\w*|permission|token))\b.*?)[.!]*$/i;
/** a finite verb: the text is a sentence, not a noun phrase */
const FINITE = /\b(?:is|are|was|were|has|have|had|should|must|can|could|will|would|does|do|did|needs|takes|fails|crashes|breaks|hangs|looks|seems|keeps|won't|doesn't|don't|isn't|aren't)\b/i;
/** …and a plural's verb, in a line that opens with no verb: "…emails keep landing in spam", "…badges look the same", "nothing falls over". */
const PLURAL_FINITE = /\b(?:keep|look|seem|falls|(?:i|we)\s+wish)\b/i;

/** "fails" → "failing", "times out" → "timing out", "leaks memory" → "leaking memory". */
function gerundOf(said: string): string | null {
  if (/^(?:does not|doesn't|do not|don't) work$/.test(said)) return 'not working';
  const [verb = '', ...rest] = said.split(' ');
  if (/^(?:won't|will|can't|cannot|does|do)$/.test(verb)) return null;
  const base = verb.replace(/(?:sh|ch|x|s)es$/, (m) => m.slice(0, -2)).replace(/([^s])s$/, '$1');
  const ing = base.endsWith('e') && !base.endsWith('ee') ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return [ing, ...rest].join(' ');
}

/** Words that keep their capital inside a sentence. */
const PROPER = /^(?:Google|Apple|Microsoft|Stripe|Slack|GitHub|GitLab|Kubernetes|Docker|Postgres|PostgreSQL|React|Sentry|HubSpot|Salesforce|Shopify|Okta|Auth0|Figma|Jira|Android|Safari|Chrome|Firefox|Windows|Linux|Elasticsearch|Kafka|Redis|Terraform|Heroku|Vercel|BigQuery|Snowflake|Twilio|SendGrid|PayPal|Braintree|Outlook|Gmail|Black|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4])$/;

/** Lower-cases a sentence's first word unless it is a name or an acronym. */
export function lowerFirst(text: string): string {
  const first = /^\S+/.exec(text)?.[0] ?? '';
  const name = first.replace(/['’]s$/, '');
  if (!/^[A-Z][a-z'’-]*$/.test(first) || PROPER.test(name) || LANGUAGE_NAME.test(name)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a CSV export" → "the CSV export": a thing planned before is definite when it is tested. */
export const definite = (s: string) => s.replace(/^(?:a|an)\s+/i, 'the ');
export const bare = (s: string) => s.replace(/^(?:our|the|a|an|some|all)\s+/i, '');

/** Third person of a verb, for "the dashboard loads". */
function third(verb: string): string {
  if (verb === 'have') return 'has';
  if (verb === 'be') return 'is';
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
/** What someone does, agreeing with them: "finance gets a CSV export", "users get a CSV export". */
export function deedOf(who: string, deed: string): string {
  const [verb, ...rest] = deed.split(' ');
  if (!verb || plural(who) || /^(?:staff|people|police|everyone|anyone)$/i.test(who.split(/\s+/).at(-1) ?? '') || !/^[a-z]+$/.test(verb) || leadingVerb(verb) !== verb) return deed;
  return [third(verb), ...rest].join(' ');
}

/** Whether a noun phrase is plural, by its head: "the people on the list" are people. */
const plural = (np: string) => /(?:[^su]s|people|data)$/i.test((np.split(/\s+(?:on|in|of|at|for|with|from|who|that)\s+/i)[0] ?? np).trim());

/** Verbs that are hardly ever nouns: after "make the dating app", "suggest" is what it does. */
const VERB_ONLY = /^(?:suggest|remember|recommend|notify|remind|highlight|explain|accept|detect|predict|warn|ask|tell|offer|allow|prevent|hide|save|calculate|compute|generate|refresh|reload|choose|greet|welcome|learn|adapt|adjust|skip|ignore|forget|retry|resume|pause|warn|guess|prefill|pre-fill|autofill|autocomplete|reorder|respect|honour|honor)$/;
/** A word that says what a thing does: "remember", "run", "send" (for "Could the route planner remember…?"). */
export const isDeed = (word: string): boolean => VERB_ONLY.test(word) || PREDICATE_VERBS.test(word) || leadingVerb(word) === word;
const PREDICATE_VERBS = /^(?:match|meet|comply|read|behave|feel|load|loads|expire|work|tolerate|run|show|support|handle|respond|scale|start|open|sync|appear|stay|fit|look|render|pass|follow|use|send|return|survive|recover)$/;
const ADJECTIVES = /^(?:faster|fast|quicker|usable|accessible|available|responsive|secure|compliant|reliable|stable|smaller|cheaper|easier|readable|consistent|visible|searchable|clearer|safer|simpler|lighter|smoother|robust|resilient|idempotent|private|shorter|better|work(?:ing)?)$/i;

/** An adjective said by its ending: "collapsible", "sortable", "shareable" (not a "timetable"). */
const ABLE = /^(?!\w*(?:timetable|vegetable)$)[a-z]{4,}(?:able|ible)$/i;
/** A word for a state a thing is made to be: "idempotent", "traceable". */
export const isStateWord = (word: string): boolean => ADJECTIVES.test(word) || ABLE.test(word);
/** Nouns that qualify an adjective: "keyboard accessible", "mobile friendly". */
const QUALIFIERS = /^(?:keyboard|mobile|touch|voice|print|screen-reader|seo|search-engine|user|developer|cache)$/i;

/** "make the dashboard load in under two seconds" → "the dashboard loads in under two seconds". */
function outcomeOfMake(object: string): string | undefined {
  const w = object.split(/\s+/);
  // "…beep differently when they pick…": a verb after a clause opens is that clause's.
  const clauseAt = w.findIndex((x) => /^(?:when|whenever|if|so|that|which|who|because|and|or|but|they|we|it|he|she|you)$/i.test(x));
  for (let i = 1; i < w.length; i++) {
    const word = w[i]!.toLowerCase();
    const subject = w.slice(0, i).join(' ');
    if (PREDICATE_VERBS.test(word) || (i >= 2 && (clauseAt < 0 || i < clauseAt) && (VERB_ONLY.test(word) || /^(?:keep|stay|remain)$/.test(word)))) return `${subject} ${plural(subject) ? word : third(word)} ${w.slice(i + 1).join(' ')}`.trim();
    // "…get a printable list": an adjective after an article describes a noun, it is no state to reach.
    if ((ADJECTIVES.test(word) || ABLE.test(word)) && !/^(?:a|an|the|their|our|its|my|your)$/i.test(w[i - 1]!)) {
      // An acronym before the adjective belongs to it: "the checkout PCI compliant".
      // So does an adverb: "the widget fully usable" is a widget that is fully usable.
      const j = i > 1 && (/^[A-Z0-9]{2,}$/.test(w[i - 1]!) || QUALIFIERS.test(w[i - 1]!) || /^[a-z]{3,}ly$/i.test(w[i - 1]!)) ? i - 1 : i;
      const s = w.slice(0, j).join(' ');
      return `${s} ${plural(s) ? 'are' : 'is'} ${w.slice(j).join(' ')}`.trim();
    }
  }
  return undefined;
}

/** "Apple Pay to the checkout" → "Apple Pay for the checkout": what is added, and where. */
function thingOf(verb: string | null, object: string): string {
  // "a setting to turn off the email" keeps its infinitive; "Apple Pay to the checkout" is Apple Pay for it.
  // (…but "with refunds going back to the card" after a comma is said as it is.)
  if (verb === 'add') return object.replace(/^([^,]+?)\s+(?:to|into|onto)\s+(?=\S)/i, (m, thing: string) => (leadingVerb(object.slice(m.length)) || /\b(?:back|going|sent|returned)$/i.test(thing) ? m : `${thing} for `));
  // "offer instalment plans to customers in arrears": plans for them.
  if ((verb === 'offer' || verb === 'provide') && /\sto\s/.test(object)) return object.replace(/\s+to\s+/, ' for ');
  if (verb === 'support' || verb === 'enable' || verb === 'offer' || verb === 'provide') return `support for ${object}`;
  return object;
}

/** "rotate all API keys and move them…": two verbs in one objective are said as they are, not as a noun. */
const secondVerb = (object: string) => /\s(?:and|then)\s+(\S+(?:\s\S+)?)/i.exec(object)?.slice(1).some((w) => leadingVerb(w) !== null) ?? false;

function phraseOf(cls: VerbClass, verb: string | null, action: string, object: string, extra: Partial<Phrase> = {}): Phrase {
  return { cls, verb, action: upperFirst(action), object, thing: thingOf(verb, object), ...extra };
}

/** "the whole marketing site a fresher look: new fonts…": what is given something, what it gets, and any list after. */
const GIVEN_THING = /^((?:the|our|this|that|every|each|all)\s+(?:(?!a\b|an\b)[\w'’-]+\s+){0,4}?(?!a\b|an\b)[\w'’-]+)\s+((?:a|an|some)\s+[^:]+?)(:.*)?$/i;

/** "store managers a report…": up to three words naming people, then what they are given. */
function receiverOf(object: string): string | undefined {
  const words = object.split(/\s+/);
  for (let k = 2; k <= 3 && k < words.length; k++) {
    const last = words[k - 1]!;
    if (WHO.exec(last)?.[0].length === last.length && /^(?:a|an|the|their|access|more|\d+)$/i.test(words[k]!)) return words.slice(0, k).join(' ');
  }
  return undefined;
}

/** A verb that is also a feature's name, then where it is and what it does: "Search on the catalogue takes 8 seconds". */
const NOUN_FIRST = /^(?:search|export|import|upload|download|checkout|login|sign-?up|sync|billing|sorting|filtering|printing|booking|scanning)\s+(?:on|in|for|of|across|from|to|with)\s+(?:the\s+|our\s+|a\s+)?(?:[\w'-]+\s+){0,4}?(?:takes?|is|are|keeps?|fails?|crashes|breaks|hangs|times\s+out|returns?|shows?|looks?|feels?|seems?)\b/i;

export const opensWithFeature = (text: string): boolean => NOUN_FIRST.test(text);

/** A word that could be a verb, then an abstract noun it names: "Email deliverability for…", "Log rotation on…". */
const NOUN_COMPOUND = /^open\s+(?:faults|tickets|requests|orders|issues|bookings|jobs|cases|incidents|invoices|defects|positions|shifts|slots|tabs)\b|^trace\s+(?:ids?|data|context|spans?|headers?|files?|events?)\b|^preview\s+(?:environments?|deploys?|deployments?|builds?|apps?|links?|urls?|sites?)\b|^(?:email|search|export|import|report|print|log|test|review|schedule|sign|track|chat|message|order|access|data|load|release|build)\s+[a-z]+(?:ity|ness|ance|ence|ure|tion|age)(?:\s+(?:for|of|on|in|across|at|has|have|is|are)\b|:|$)|^bulk\s+(?:edit|editing|import|export|upload|delete|actions?)\s+(?:for|of|on|in)\b|^status\s+page\b|^[a-z]+\s+(?:button|toggle|switch|checkbox|banner|badge|widget|icon)\s+(?:in|on|for|to|next|under|at)\b/i;

/** A noun that looks like a verb, its noun, then what it should do or is: "Search results should…", "Export files are…". */
const SUBJECT_FIRST = /^[a-z-]+\s+[a-z-]+s\s+(?:should|must|are|keep|need to|can't|don't|won't|take|fail|land|look|break)\b/i;

/** "Dark mode toggle in settings", "Live map of all vans": one thing of a countable kind, named without its article. */
const COUNTABLE_BARE = /^(?!(?:a|an|the|our|some|all|every)\s)(?:[a-z][\w-]*\s+){0,2}(?:toggle|button|switch|checkbox|banner|badge|map|dashboard|widget|wizard|page|screen|tab|modal|dialog|report|feed|timeline|chart)\s+(?:in|on|of|for|to|next|under|at)\b/i;

/** Where things are seen: "…on a live map", "…on the dashboard". */
const ON_SCREEN = /^[^:]{3,60}?\s(?:on|in)\s+(?:an?|the)\s+(?:live\s+|real-?time\s+|big\s+)?(?:map|dashboard|screen|board|wall\s+display|tv)\b/i;

/** A document named after a colon: the thing delivered. */
const DELIVERABLE = /:\s*((?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:guide|runbook|tutorial|handbook|playbook|checklist|readme|write-up|how-to)\b.*)$/i;
// (…a remedy acting on something: "and address are hidden" names an address, it fixes nothing.)
const REMEDY_TAIL = /,?\s+and\s+(?:fix|repair|address|resolve|correct|sort\s+out)\b(?=\s+(?:the|a|an|it|them|this|that|these|those|what|whatever|any|anything|everything|all|every)\b|\s*$).*$/i;

/**
 * "Check that the calendar is usable with a screen reader and fix what isn't", "Make sure the export
 * finishes by six", "Ensure that…": the state to reach, said as "Make the calendar usable…" or "Make
 * sure …", with the state itself as what is checked.
 */
function ensuredState(verb: string, object: string): { verb: string; action: string; object: string; outcome: string } | null {
  const checked = /^(?:check|verify|confirm|test)$/.test(verb) && /^that\s/i.test(object) && REMEDY_TAIL.test(object);
  if (!checked && verb !== 'ensure' && verb !== 'make sure') return null;
  const outcome = object.replace(/^that\s+/i, '').replace(REMEDY_TAIL, '').trim();
  if (!outcome) return null;
  const m = /^(.+?)\s+(?:is|are)\s+(?!not\b)(.+)$/i.exec(outcome);
  // (…not the "is" of a clause after it: "the member gets a text when the class is cancelled")
  if (m && !FINITE.test(m[1]!) && !/\b(?:when|whenever|if|because|after|before|while|until|once|unless|gets?|has)\b/i.test(m[1]!) && !(/^[a-z]+(?:ed|en)\b/i.test(m[2]!) && !isStateWord(m[2]!.split(/\s+/)[0]!)) && !/\band\s+(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:is|are|was|were|gets?)\b/i.test(m[2]!)) return { verb: 'make', action: `Make ${m[1]} ${m[2]}`, object: `${m[1]} ${m[2]}`, outcome };
  return { verb: 'make sure', action: `Make sure ${outcome}`, object: outcome, outcome };
}

/** Words for people, by their head: "artists", "families", "a parent who leaves the nursery" (not servers or printers). */
const PEOPLE_HEAD = /(?:ers|ors|ists|ians|ants|ents|ees|nurses|doctors|vets|chefs|clerks|coaches|guards|pilots|people|staff|guests|artists|parents|families|members|users|customers|clients|patients|students|children|crew|volunteers|relatives|residents|citizens|pupils|learners|owners|holders)$/i;
const THING_HEAD = /(?:servers|printers|scanners|containers|routers|buffers|timers|filters|headers|trackers|loggers|handlers|controllers|readers|sensors|monitors|adapters|parsers|schedulers|workers|brokers|clusters|counters|components|documents|payments|agents)$/i;
export function isPeople(subject: string): boolean {
  if (/\bwho\b/i.test(subject)) return true;
  const head = (subject.split(/\s+(?:of|on|in|at|for|with|from|who)\s+/i)[0] ?? subject).trim().split(/\s+/).at(-1) ?? '';
  return PEOPLE_HEAD.test(head.replace(/['’]s?$/, '')) && !THING_HEAD.test(head);
}

/** The bases a past tense or participle may be said from: "stopped" → "stop", "copied" → "copy", "saved" → "save". */
const pastBases = (p: string): string[] => [p.replace(/([^aeiou])\1ed$/, '$1'), p.replace(/ied$/, 'y'), p.replace(/ed$/, ''), p.replace(/d$/, '')].filter((b) => b !== p);

/** The verb a participle is said from, when the planner knows it: "archived" → "archive", "emailed" → "email". */
export function verbOfParticiple(participle: string): string | null {
  const p = participle.toLowerCase();
  if (PARTICIPLES[p]) return PARTICIPLES[p];
  if (!/(?:ed|en|wn|nt)$/.test(p)) return null;
  return [...pastBases(p), p.replace(/en$/, 'e'), p.replace(/n$/, '')].find((b) => b && b !== p && leadingVerb(b) === b) ?? null;
}

/** A past tense's base, by the planner's verbs or else by the dictionary: "remembered" → "remember". */
export const baseOfPast = (past: string): string | null => verbOfParticiple(past) ?? pastBases(past.toLowerCase()).find((b) => b.length > 2 && isEnglishWord(b)) ?? null;
const PARTICIPLES: Readonly<Record<string, string>> = { rebuilt: 'rebuild', sent: 'send', kept: 'keep', shown: 'show', built: 'build', paid: 'pay', split: 'split', run: 'run', held: 'hold', stored: 'store', written: 'write' };

/**
 * "Invoices should be archived for seven years" → "Archive invoices for seven years"; a participle the
 * planner does not know as a verb is the state to reach: "Make sure payslips are password-protected…".
 */
function passiveOf(said: string, rest: string): Phrase | null {
  // "Audit logging: every view must be recorded": what is said after the topic is the subject.
  const subject = said.replace(/^[^:]{1,40}:\s+/, '');
  const m = /^be\s+(?:(?:automatically|always|only|properly|clearly|securely|never|fully|end-to-end|permanently|immediately)\s+)?([a-z][\w-]*)\b\s*(.*)$/i.exec(rest);
  if (!m || WHO.test(subject) || FINITE.test(subject)) return null;
  const [, participle, after] = m as unknown as [string, string, string];
  // "API keys should be rotatable by customers…", "the assistant must be available in German": the state is made.
  if (ADJECTIVES.test(participle) || ABLE.test(participle)) {
    const object = `${lowerFirst(subject)} ${rest.replace(/^be\s+/i, '')}`;
    return phraseOf('behave', 'make', `Make ${object}`, object, { outcome: `${lowerFirst(subject)} ${plural(subject) ? 'are' : 'is'} ${rest.replace(/^be\s+/i, '')}` });
  }
  // "Article pages should be made readable on phones": what they are made is the state to reach.
  if (/^made$/i.test(participle) && after) return parsePhrase(`Make ${lowerFirst(subject)} ${after}`);
  if (!/(?:ed|en|wn|nt)$/i.test(participle) || ADJECTIVES.test(participle)) return null;
  const base = verbOfParticiple(participle);
  // "…should be emailed by the system": who does it is us.
  const object = lowerFirst(subject);
  // "…stored encrypted and deleted after 30 days": the second deed is done to the same things.
  const tail = after
    .replace(/^by\s+(?:the\s+)?(?:system|app|platform|us|default)\b\s*/i, '')
    .replace(/\s+and\s+([a-z]+(?:ed|en))\b/i, (said, second: string) => {
      const again = verbOfParticiple(second);
      return again ? ` and ${again} ${plural(object) ? 'them' : 'it'}` : said;
    })
    .trim();
  const deed = base && !/^by\b/i.test(tail) ? doneAsDeed(base, object, tail) : null;
  if (deed) return deed;
  const state = `${object} ${plural(object) ? 'are' : 'is'} ${participle}${after ? ` ${after}` : ''}`;
  return phraseOf('behave', 'make sure', `Make sure ${state}`, state, { outcome: state });
}

/** What is done to a thing, said as the deed ("Give drivers their own logins"), or null when the phrasing reads it otherwise. */
function doneAsDeed(base: string, object: string, tail: string): Phrase | null {
  const phrase = parsePhrase(`${upperFirst(base)} ${object}${tail ? `${/^[,;]/.test(tail) ? '' : ' '}${tail}` : ''}`);
  return phrase.verb === base ? phrase : null;
}

/** Parses an objective (lead-ins and priority words already removed). */
export function parsePhrase(text: string): Phrase {
  const t = text.trim().replace(/\s+/g, ' ');
  // "Sign in with Apple and Google": the feature by its name, not a deed.
  const signIn = /^sign[- ]?in with\s+(\S.*?)[.!]*$/i.exec(t);
  if (signIn) return phraseOf('build', 'add', `Add sign-in with ${signIn[1]}`, `sign-in with ${signIn[1]}`);
  const unknown = UNKNOWN_VERB.exec(t)?.[1];
  // "Search results should tolerate typos": a word that could be a verb opens the subject of a sentence.
  // ("Route optimisation for 60 trucks takes 20 minutes": "route" names the optimisation.)
  const subjectFirst = SUBJECT_FIRST.test(t) || NOUN_FIRST.test(t) || /^[a-z]+\s+[a-z]+(?:ation|isation|ization|ment|ness|ity)s?\b[^.]{0,60}?\s(?:takes?|is|are|fails?|keeps?)\s/i.test(t);
  // "Audit log for admin actions", "Audit trail of refunds": a thing, not the verb.
  // ("Search that copes with typos", "Export which keeps the filters": a feature named, with what it does.)
  const named = /^audit\s+(?:logs?|trails?|logging|events?|history)\b/i.test(t) || /^(?:search|export|import|sync|checkout|login|sign-?up|upload)\s+(?:that|which)\s/i.test(t);
  const verb = subjectFirst || named ? null : (leadingVerb(t) ?? (unknown && !NOT_VERBS.test(unknown) ? unknown.toLowerCase() : null));
  if (verb) {
    const object = t.slice(t.toLowerCase().replace(/-/g, ' ').startsWith(verb.replace(/-/g, ' ')) ? verb.length : (VERB_RE.exec(t)?.[0].length ?? 0)).trim();
    let [cls] = VERBS[verb] ?? VERBS[verb.replace(' ', '-')] ?? (/(?:test|check)$/.test(verb) ? ['test'] : ['behave']);
    if (!object) return phraseOf('clause', null, t, t);
    if (cls === 'enable') {
      const m = /^(.+?)\s+(?:to\s+)?(\S.*)$/.exec(object);
      const who = WHO.exec(object)?.[0] ?? whoBeforeDeed(object);
      if (who && m) {
        const deed = object.slice(who.length).trim().replace(/^to\s+/i, '');
        return phraseOf('enable', verb, t, object, { who: lowerFirst(who), deed });
      }
      cls = 'build';
    }
    if (verb === 'write' || verb === 'draft') {
      // what is written is the first of the two it names: "a guide that covers running the tests" is a guide
      const tests = /\btests?\b/i.exec(object)?.index ?? Infinity;
      const doc = /\b(?:doc|docs|documentation|guide|tutorial|readme|handbook|manual|changelog|notes|runbooks?|playbook|wiki|faq|article|post|record|adr|rfc|spec|specification|summary|report|page|reference|onboarding|polic(?:y|ies)|procedures?)\b/i.exec(object)?.index ?? Infinity;
      if (tests < doc) cls = 'test';
      else if (doc === Infinity) cls = 'behave';
    }
    if (verb === 'record' && /\b(?:video|tutorial|screencast|demo)\b/i.test(object)) cls = 'document';
    if (verb === 'publish' && /\b(?:changelog|release notes|docs|documentation|guide|post)\b/i.test(object) && !releasesLibrary(verb, object)) cls = 'document';
    if (verb === 'review' && !/\b(?:security|code|access|permissions?|dependenc)/i.test(object)) cls = 'investigate';
    const ensured = ensuredState(verb, object);
    if (ensured) return phraseOf('behave', ensured.verb, ensured.action, ensured.object, { outcome: ensured.outcome });
    // "Onboard new developers faster: a guide to setting up…": what is delivered is the guide.
    const deliverable = DELIVERABLE.exec(object)?.[1];
    if (deliverable) return phraseOf('document', 'write', `Write ${deliverable}`, deliverable);
    if (verb === 'make') {
      const outcome = outcomeOfMake(object);
      return phraseOf('behave', verb, t, object, outcome ? { outcome } : {});
    }
    if ((cls === 'change' || cls === 'build') && secondVerb(object)) cls = 'behave';
    // "Connect to the Shopify API", "integrate with Slack": the verb takes a preposition, so it is said as a deed, not a thing.
    if (cls === 'build' && /^(?:to|with|into|onto|from|against)\s/i.test(object)) cls = 'behave';
    // "Build every commit for all three boards": a deed done to each of many, not a thing to build.
    if (cls === 'build' && /^(?:every|each|all)\s/i.test(object)) cls = 'behave';
    // "Ship the iOS app to TestFlight" is a release, not a thing to build.
    if (['ship', 'launch', 'deliver', 'publish', 'release'].includes(verb) && /\s(?:to|on|in|into)\s/i.test(object)) cls = 'behave';
    const receiver = ['give', 'offer', 'provide', 'show', 'send', 'grant'].includes(verb) ? (WHO.exec(object)?.[0] ?? receiverOf(object)) : undefined;
    if (receiver && cls === 'build') {
      const rest = object.slice(receiver.length).trim();
      if (rest) return { ...phraseOf(cls, verb, t, object), thing: `${rest} for ${lowerFirst(receiver)}`, receiver: lowerFirst(receiver) };
    }
    // "Give the whole site a fresher look: …": a thing given something, said as what it gets, for it.
    const given = verb === 'give' && cls === 'build' ? GIVEN_THING.exec(object) : null;
    if (given) {
      const [, to, what, list] = given as unknown as [string, string, string, string | undefined];
      return phraseOf(cls, verb, t, object, { thing: `${what} for ${to}${list ?? ''}` });
    }
    return phraseOf(cls, verb, t, object);
  }
  let m: RegExpExecArray | null;
  // A subject that holds a verb or a clause of its own is no subject to turn round: "Video calls are choppy on 3G, users say the picture freezes".
  const sound = (subject: string | undefined) => !!subject && !FINITE.test(subject) && !/[,;]/.test(subject);
  if ((m = SLOW.exec(t)) && sound(m[1] ?? m[3] ?? m[5])) {
    const subject = lowerFirst((m[1] ?? m[3] ?? m[5] ?? '').trim());
    // "…and customers give up before the results show" says why it matters: it is not part of what is sped up.
    // "takes 9 s to load for…" is its loading that is sped up.
    const rest = (m[2] ?? m[4] ?? m[6] ?? '').trim().replace(/^,?\s*(?:and|so|but|which)\b.*$|^,\s.*$|^(?:as|than)\s.*$/i, '').replace(/[.!?]\s.*$/, '').replace(/^to\s+(?:([a-z]+)-)?([a-z]+)\b/i, (_, head: string | undefined, v: string) => `${head ? `${head}-` : ''}${gerundOf(v) ?? v}`);
    const object = `${subject}${rest ? ` ${rest}` : ''}`;
    return phraseOf('change', 'speed up', `Speed up ${object}`, object);
  }
  if ((m = WRONG.exec(t)) && sound(m[1])) {
    const object = `${lowerFirst(m[1]!.trim())}${m[2]!.trim() ? ` ${m[2]!.trim()}` : ''}`;
    return phraseOf('fix', 'fix', `Fix ${object}`, object);
  }
  if ((m = FAILING.exec(t)) && !WHO.test(m[1]!) && sound(m[1])) {
    const gerund = gerundOf(m[2]!.toLowerCase());
    if (gerund) {
      const object = `${lowerFirst(m[1]!.trim())} ${gerund}${m[3] ?? ''}`.trim();
      return phraseOf('fix', 'fix', `Fix ${object}`, object);
    }
  }
  // "…photos can be opened by anyone who has the URL", "Invoices can be downloaded without logging in": what is exposed is the problem, not the wish.
  const exposed = EXPOSED.exec(t);
  if (exposed && sound(exposed[1]) && !WHO.test(exposed[1]!)) {
    const object = `${lowerFirst(exposed[1]!.trim())} being ${exposed[2]}`;
    return phraseOf('fix', 'fix', `Fix ${object}`, object);
  }
  if ((m = MODAL.exec(t))) {
    // "GPS traces … are personal data and should be deleted…": what they are is why; they are the subject.
    const subject = m[1]!.trim().replace(/\s+(?:is|are)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+,?\s+and$/i, '');
    const rest = m[2]!.trim();
    const passive = passiveOf(subject, rest);
    if (passive) return passive;
    const who = WHO.exec(subject)?.[0];
    // "Artists should be able to download…", "a parent who leaves must be able to…": people are let do it.
    // …and so are people who need or want to do something ("Audiologists need to sign in with their clinic's SSO").
    const able = (/\s(?:should|must|need to|needs to|has to|have to|shall|can|could|will)\s+be\s+able\s+to\s/i.test(t) || /\s(?:need|want|wants|needs)\s+to\s/i.test(t)) && isPeople(subject);
    // "Drivers should be given their own logins": what is done to people, said as the deed.
    const doneTo = who && who.length === subject.length ? /^be\s+([a-z]+(?:ed|en|wn|nt))\b\s*(.*)$/i.exec(rest) : null;
    const doneBase = doneTo && verbOfParticiple(doneTo[1]!);
    const deed = doneBase ? doneAsDeed(doneBase, lowerFirst(subject), doneTo![2]!) : null;
    if (deed) return deed;
    if (((who && who.length === subject.length) || able) && !FINITE.test(rest.split(' ')[0] ?? '')) {
      return phraseOf('enable', 'let', `Let ${lowerFirst(subject)} ${rest}`, `${lowerFirst(subject)} ${rest}`, { who: lowerFirst(subject), deed: rest });
    }
    const inner = /^[a-z]+/i.exec(rest)?.[0];
    if (inner && !WHO.test(subject) && !FINITE.test(inner) && !FINITE.test(subject)) {
      const object = `${lowerFirst(subject)} ${rest}`;
      return phraseOf('behave', 'make', `Make ${object}`, object, { outcome: `${lowerFirst(subject)} ${plural(subject) ? inner : third(inner)}${rest.slice(inner.length)}` });
    }
  }
  // "An email alert when a shift has no volunteer": what lacks is in a clause of the thing asked for.
  if ((m = LACKS.exec(t)) && !/\b(?:when|whenever|if|once|after|before|until|while|where)\b/i.test(m[1]!) && !/,?\s+as\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s*){1,5}$/i.test(m[1]!)) {
    const [, lacking, said] = m as unknown as [string, string, string];
    // "…has no reference documentation and dealers keep emailing us": what is lacked ends where a clause starts.
    const lacked = said.replace(/,?\s+(?:and|but|so)\s+(?:[\w'’-]+\s+){0,2}?(?:keep|keeps|are|is|have|has|can't|cannot|don't|doesn't|get|gets|say|says|ask|asks|need|needs)\b.*$|,\s+(?:so|which|because)\s.*$/i, '');
    // "The app needs Welsh alongside English": a language needed is a translation.
    const language = /^([A-Z][a-z]+)\b(.*)$/.exec(lacked.trim());
    if (language && LANGUAGE_NAME.test(language[1]!)) {
      const object = `${lowerFirst(lacking.trim())} into ${language[1]}${language[2]!.replace(/[.!]+$/, '')}`;
      return phraseOf('change', 'translate', `Translate ${object}`, object);
    }
    // "New postdocs need a walkthrough": people are given what they need.
    const people = isPeople(lacking) || WHO.test(lacking);
    // "Librarians need a way to mark a book as lost": they are let.
    const way = people ? /^(?:a\s+way|an\s+option|the\s+ability)\s+to\s+(\S.*?)[.!]*$/i.exec(lacked.trim()) : null;
    if (way) {
      const who = lowerFirst(lacking.trim());
      return phraseOf('enable', 'let', `Let ${who} ${way[1]}`, `${who} ${way[1]}`, { who, deed: way[1]! });
    }
    if (people && !/^(?:a\s+way|an\s+option|the\s+ability|to)\b/i.test(lacked.trim())) {
      const object = `${lowerFirst(lacked.trim().replace(/[.!]+$/, ''))} for ${lowerFirst(lacking.trim())}`;
      return phraseOf('build', 'add', `Add ${object}`, object);
    }
    if (!people) {
      const object = `${lowerFirst(lacked.trim())} to ${lowerFirst(lacking.trim())}`;
      return phraseOf('build', 'add', `Add ${object}`, object);
    }
  }
  // A purpose or a relative clause does not make a noun phrase a sentence ("Feature flags so we can release").
  const head = t.split(/\s+(?:so that|so|to|that|which|who|whoever|where|if|when|unless)\s+/i)[0] ?? t;
  // (…what is said in brackets is an aside: "Dark mode (operators keep asking)" is still a thing.)
  if (FINITE.test(head) || PLURAL_FINITE.test(head.replace(/\([^)]*\)/g, ' '))) return phraseOf('clause', null, t, t);
  // "Haul truck positions on a live map": things wanted where they are seen, to be shown there.
  if (ON_SCREEN.test(t) && !/^(?:a|an|the)\s/i.test(t)) return phraseOf('behave', 'show', `Show ${lowerFirst(t)}`, lowerFirst(t));
  // "Typo in the footer: 'Privacy Polcy'", "Broken link on the pricing page": a defect named is fixed.
  const defect = /^(?:(?:a|the|one)\s+)?(?:typos?|bug|broken\s+[\w-]+|dead\s+links?|wrong\s+[\w-]+|misspelling)\b/i.exec(t);
  if (defect) return phraseOf('fix', 'fix', `Fix ${/^(?:a|the|one)\s/i.test(t) ? lowerFirst(t) : `the ${lowerFirst(t)}`}`, /^(?:a|the|one)\s/i.test(t) ? lowerFirst(t) : `the ${lowerFirst(t)}`);
  // "SOC 2 Type II for the training platform": a standard named is one to prepare for.
  if (/^(?:SOC\s?2|ISO\s?2700\d|PCI(?:[ -]DSS)?|HIPAA|Cyber\s+Essentials|FedRAMP|HITRUST|TISAX)\b/i.test(t)) return phraseOf('audit', 'prepare', `Prepare for ${t}`, t);
  // "Catalogue in Spanish, French and Arabic for the partner banks": a thing wanted in languages is translated.
  const inLanguages = /^(?:the\s+|our\s+)?((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+in\s+([A-Z][a-z]+(?:(?:,\s+|\s+and\s+)[A-Z][a-z]+)*)\b(.*)$/.exec(t);
  // "Dutch and German for the whole customer site, including dates": the thing is translated into them.
  const forLanguages = /^([A-Z][a-z]+(?:(?:,\s+|\s+and\s+)[A-Z][a-z]+)*)\s+(?:for|on|in|across)\s+(?:the\s+|our\s+)?(\S.*)$/.exec(t);
  if (forLanguages && forLanguages[1]!.split(/,\s+|\s+and\s+/).every((l) => LANGUAGE_NAME.test(l))) {
    const [thing, ...more] = forLanguages[2]!.split(',');
    const object = `the ${thing!.trim()} into ${forLanguages[1]}${more.length ? `,${more.join(',')}` : ''}`;
    return phraseOf('change', 'translate', `Translate ${object}`, object);
  }
  // (Captions or support in a language are made in it, not translated.)
  if (inLanguages && !/\b(?:captions?|subtitles?|transcripts?|transcription|audio|voice|support|speech)\b/i.test(inLanguages[1]!) && inLanguages[2]!.split(/,\s+|\s+and\s+/).every((l) => LANGUAGE_NAME.test(l))) {
    const object = `the ${lowerFirst(inLanguages[1]!)} into ${inLanguages[2]}${inLanguages[3]}`;
    return phraseOf('change', 'translate', `Translate ${object}`, object);
  }
  // A noun phrase: the thing to build ("Dark mode", "Role-based access control for the admin panel"),
  // with its article when it is one of many said with its purpose ("Feature flag to switch off…").
  const purpose = /^(?!(?:a|an|the|our|some)\s)[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+([a-z][\w-]*)\s+to\s+(\S.*)$/i.exec(t);
  const one = (purpose && !/s$/i.test(purpose[1]!) && leadingVerb(purpose[2]!) !== null) || COUNTABLE_BARE.test(t);
  const thing = one ? `a ${lowerFirst(t)}` : lowerFirst(t);
  return { cls: 'build', verb: null, action: upperFirst(t), object: t, thing };
}

/** How a change names itself as a noun ("migrate" → "migration of"), or undefined. */
export const changeNoun = (verb: string | null): string | undefined => VERBS[verb ?? '']?.[1];
