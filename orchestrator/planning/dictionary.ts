/**
 * Whether a word is English, for telling nonsense from an objective: the 274,000 words of the
 * word-list package, read on first use and searched in place (the file's text and the offsets of its
 * lines, about 4 MB) rather than copied into a set of strings (about 35 MB). Inflections it does not
 * list ("payouts", "reloading") are tried by their stem. Without the list every word counts as English,
 * so nothing is ever called nonsense for want of a file.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let list: { text: string; starts: Uint32Array } | null | undefined;

/** The word that starts at an offset of the text. */
function wordAt(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

function load(): { text: string; starts: Uint32Array } | null {
  if (list !== undefined) return list;
  try {
    const text = readFileSync(wordListPath, 'utf8');
    const offsets: number[] = [];
    for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) if (text[i] !== '\n') offsets.push(i);
    const starts = Uint32Array.from(offsets);
    // The list is sorted but for a few neighbours ("manlily" before "manlihood"): an insertion sort puts them right in one pass.
    for (let i = 1; i < starts.length; i++) {
      for (let j = i; j > 0 && wordAt(text, starts[j - 1]!) > wordAt(text, starts[j]!); j--) [starts[j - 1], starts[j]] = [starts[j]!, starts[j - 1]!];
    }
    list = { text, starts };
  } catch {
    list = null;
  }
  return list;
}

function listed(word: string): boolean {
  const l = load();
  if (!l) return true;
  let lo = 0;
  let hi = l.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = wordAt(l.text, l.starts[mid]!);
    if (e === word) return true;
    if (e < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

const STEMS: readonly [RegExp, string][] = [
  [/'s$/, ''],
  [/ies$/, 'y'],
  [/es$/, ''],
  [/s$/, ''],
  [/ied$/, 'y'],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/ing$/, ''],
  [/ing$/, 'e'],
];

/** What teams write that no dictionary lists: days and months in lower case, the trade's words, chat shorthand. */
const JARGON = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december
  api apis sdk sdks cli url urls uri http https json yaml yml xml csv sql css html src env envs config configs configurable init dir tmp repo repos
  monorepo codebase codegen backend frontend fullstack devops sre oncall hotfix rebase namespace async sync webhook webhooks signup signups login logins
  onboarding offboarding runbook runbooks oauth sso mfa iam ssh vpn dns cdn crm cms erp sbom semver deps dep npm npx pnpm nvm webpack eslint gradle
  xcode nginx kube kubectl kubeconfig configmap autoscaler autoscaling microservice microservices localhost datacenter keystore regex nullable polyfill
  uploader tokenizer tokenisation tokenization geocoder geocoding geofence geofences geofencing heatmap webview livestream bluetooth wifi paywall
  typecheck roadmap wishlist hackathon offsite timezone timezones backoff dependabot todo min req msg multi int calc prio mgmt svc stg
  lol fyi tbh ngl pls thx fwiw afk brb wtf yday imo imho asap eod eta wip lgtm`.split(/\s+/),
);

/** Whether a lower-case word, or its stem, is an English word. */
export function isEnglishWord(word: string): boolean {
  const w = word.toLowerCase();
  return JARGON.has(w) || listed(w) || STEMS.some(([end, to]) => end.test(w) && listed(w.replace(end, to)));
}
