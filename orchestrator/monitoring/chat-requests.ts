/**
 * A blocker said as a polite request: someone is asked to give the speaker what their work waits for
 * ("Could someone with admin rights add me as a developer when they have a moment?", "Can someone
 * review my PR?", "does anyone have the Stripe test keys?"). The request is for the speaker (me, my, us) or for access (a role, rights, a key);
 * a request for a link or for lunch is not one. Said with its effect ("the migration waits on it"), it
 * is a blocker; alone, the lead asks. Runs on normalised text (lower case).
 */

export interface Request {
  heard: string;
  /** the line says the work waits on it */
  waits: boolean;
}

const ASKED = "(?:someone|somebody|anyone|anybody|you|one of you|an? [\\w-]+(?: [\\w-]+)?|(?!(?:we|i|they|it|this|that|he|she)\\b)[a-z]+)";
/** who is asked, with what they hold: "someone with admin rights on the app store connect account" */
const HOLDER = "(?:\\s+(?:with|who has|who's got|that has|who can)\\s[^?.!]{0,80}?)?";
const DEEDS =
  'add|grant|give|invite|share|send|review|look at|take a look at|have a look at|approve|merge|unlock|enable|whitelist|allowlist|provision|create|reset|rotate|sign|renew|raise|bump|restart|rerun|re-run|deploy|unblock|assign|transfer|upgrade|extend|increase|lift|set up|open|release';
const REQUEST = new RegExp(`(?:^|[.!?]\\s+|,\\s*)(?:hey[, ]+|hi[, ]+|@\\w+[, ]+|please[, ]+)?(?:could|can|would|will)\\s+${ASKED}${HOLDER}\\s+(?:be\\s+able\\s+to\\s+)?(?:please\\s+)?(?:${DEEDS})\\b([^?!.]*)`);
/** asked whether anyone holds it: "does anyone have the Stripe test keys for the EU account?" */
const HOLDS = /(?:^|[.!?]\s+|,\s*|[-–—]\s*)(?:(?:does|do) (?:anyone|anybody|someone|somebody|one of you)(?: here)? (?:have|has|got)|is there (?:anyone|anybody|someone|somebody)(?: [\w-]+){0,3} who (?:can|could|has))\b([^?!.]*)/;
/** for the speaker, or access to something */
const FOR_ME = /\b(?:me|my|us|our|mine)\b|\b(?:access|role|rights|permissions?|keys?|keystore|token|credentials|invite|seat|account|admin|quota|limit|sign|signs|signing)\b/;
/** asks that are the usual way of work, and asks for access */
const ROUTINE = /\b(?:review|look at|approve|merge|release|deploy|rerun|re-run|restart)\b/;
const ACCESS = /\b(?:access|role|rights|permissions?|keys?|token|credentials|invite|seat|account|admin)\b/;
/** the line says the work waits on it */
const WAITS =
  /\b(?:waits? on (?:it|this|that)|(?:want|need|i'd like) to (?:push|test|deploy|merge|release|ship|start|run)\b|waiting on (?:it|this|that)|(?:the )?last thing (?:before|left)|before i can|so (?:i|we) can|until then|blocked|blocking|can't (?:\w+ )?(?:without|until)|need(?:s|ed)? (?:it|this|that) (?:to|for|before)|stuck|holding (?:me|us|it) up|needs? (?:them|it|those|these)|depends? on (?:it|them|this|that)|sits on top of (?:it|this|that)|(?:is |are )?stacked on (?:it|this|that)|hangs? off (?:it|this|that)|needs a second (?:approver|approval|review|reviewer))\b/;

/** The request a line makes for the speaker's work, or null. */
export function requestIn(text: string): Request | null {
  const m = [REQUEST.exec(text), HOLDS.exec(text)].find((found) => found && FOR_ME.test(found[0]));
  if (!m) return null;
  const waits = WAITS.test(text);
  // A review or a merge asked for is the usual way of work; only when the work waits on it is it in the way.
  if (!waits && ROUTINE.test(m[0]) && !ACCESS.test(m[0])) return null;
  return { heard: m[0].replace(/^[.!?,\s]+/, '').slice(0, 80), waits };
}
