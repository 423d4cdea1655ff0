import { PERSISTS } from './chat-cues.js';

/**
 * The trouble as the subject of the speaker's own work: "adding retries for the 503s the geocoding API
 * throws", "wrote the runbook for when the queue is down", "pairing with Sam on the deadlock",
 * "investigating the 502s on the booking API", "tests for the retry logic simulate the bank being
 * unreachable". A clause that opens with a verb of doing engineering
 * work (said by the speaker, with no subject or "I"/"we") has the trouble as its object: the speaker is
 * dealing with it, not held up by it. What follows the object as a clause of its own ("… and now every
 * call 500s", "… because the registry is down") is still read. Time spent on it ("still", "for two
 * days", "every run") keeps the whole clause: that is a struggle, not a task. Runs on normalised text.
 */

const WORK_VERBS = [
  'adding|added|writing|wrote|written|documenting|documented|handling|handled|covering|covered|testing|tested',
  'building|built|hooking up|hooked up|wiring up|wired up|implementing|implemented|designing|designed|drafting|drafted',
  'investigating|looking into|debugging|digging into|profiling|reproducing|triaging|triaged|tracing|bisecting',
  'translating|translated|hardening|hardened|fixing|patching|reviewing|refactoring|cleaning up|instrumenting|instrumented',
  'logging|alerting on|planning for|preparing for|catching|benchmarking|load-testing|simulating|mapping|modelling|modeling',
  'turned off|switched off|disabled|muted|quarantined|skipped|rewriting|rewrote|replacing|replaced',
  'working on|making|finished|finishing|pairing(?: up)?(?: with [\\w ]{1,25}?)? on|pairing with [\\w ]{1,25}?',
].join('|');

/** "I'm adding …", "we wrote …", "just finished …", "this afternoon: pairing with Sam on …" */
const WORK_OPENING = new RegExp(
  `^(?:(?:i'm|i am|we're|we are|i've|we've|i have|we have|i|we|just|also|now|today|then|finally|mostly|this (?:morning|afternoon)) )*(?:${WORK_VERBS})\\b`,
);

/** The speaker's code or tests handle it: "tests for the retry logic simulate the bank being unreachable". */
const HANDLING =
  /^(?:the |our |my |a |new )?(?:tests?|specs?|test suite|fixtures?|code|fallback|handler|retry logic|retries|alerts?|monitors?|checks?|runbook|docs?|script|job)(?: [\w-]+){0,4} (?:simulates?|covers?|handles?|mocks?|catches?|detects?|retries|reproduces?|alerts? on|fires? on|checks? for|describes?|explains?)\b/;

/** Where the object ends and a clause of its own begins: a conjunction with a new subject. */
const OWN_CLAUSE =
  /\s(?:and|so|but|because|since|while|though|yet|until)\s(?=(?:now |then |still |also )?(?:it|its|it's|the|every|all|i|i'm|we|we're|they|they're|nothing|none|nobody|my|our|this|that|he|she|[\w-]+ (?:is|are|was|were|keeps?|won't|can't|doesn't|don't|has|have|hasn't|haven't)\b))/;

/**
 * The part of a clause still to be read once the speaker's own work on the trouble is set aside: the
 * clause itself when it is not about such work, what follows the object when it is ("" when nothing
 * does).
 */
export function beyondOwnWork(clause: string): string {
  const speaker = WORK_OPENING.test(clause);
  if (!speaker && !HANDLING.test(clause)) return clause;
  const rest = OWN_CLAUSE.exec(clause);
  const work = rest ? clause.slice(0, rest.index) : clause;
  // The speaker's time on it is a struggle; the time a test simulates is part of what it handles.
  if (speaker && PERSISTS.test(work)) return clause;
  return rest ? clause.slice(rest.index + rest[0].length) : '';
}
