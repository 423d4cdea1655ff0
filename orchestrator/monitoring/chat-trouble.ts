import { NOT_PRESSING, PERSISTS } from './chat-cues.js';

/**
 * The broad middle of chat: a line that sounds like trouble in general terms though no cue or shape
 * knows its words. Each marker is a general kind of evidence, not a phrase: something in a bad state,
 * something not done or not there, the work depending on it, a question put to others, an effect on the
 * speaker's work, sarcasm. One kind alone says little ("what's the wifi password?"); two kinds together
 * are worth a question, never an action, so the person says whether it is a blocker. Runs on the
 * clauses still live (after the last settled one), each read without other senses of its words.
 */

/** A thing in a bad state: an HTTP error, died, expired, read-only, throttled, locked, denied, lagging… */
const BAD_STATE =
  /(?<![\w#.-])(?:[45]\d\d(?:s|'s)?(?![\w.%])|died|dead|expired|lapsed|deallocated|deprovisioned|read-only|readonly|throttled|locked|frozen|froze|suspended|denied|unhealthy|evict\w*|bricked|corrupt\w*|missing|lag(?:ging)?|backed up|backlog|broke|broken|drops?|dropped|rejected|rejecting|refus\w+|crash\w*|fail\w*|errors?|timeouts?|timed out|down|outage|offline|flaky|hangs?|hanging|stuck|pending|queued|spins?|wrong|empty|ran out|run out|mismatch\w*|unreachable|unavailable|invalid|garbled|mangled|question marks|mojibake|breaking change|lost (?:its|their|the|all)(?: \w+)?|blank|0 bytes|zero bytes|went quiet|gone quiet|went silent|gone silent|flatlined|all-zeros?|all zeros?|all (?:my|the|our) [\w -]{1,30} (?:are|is) gone|grey (?:square|screen|box)|white screen|idle|not (?:one )?single)(?![\w-])/;
/** Something not done, not there or not possible: "hasn't delivered", "still no", "nothing from", "without it". */
const UNMET =
  /(?<![\w-])(?:hasn't|haven't|has not|have not|isn't|aren't|is not|are not|doesn't|does not|don't|do not|didn't|won't|will not|can't|cannot|couldn't|no longer|never (?:sees?|gets?|receives?|arrives?|arrived|came|shows? up|showed up|loads?|fires?|reaches?|reached|got through)|still no|still not|nothing(?! (?:is |'s )?(?:stuck|blocked|broken|wrong|failing|down|pending))|none of|nobody|no one|no (?:[\w-]+ )?(?:word|reply|answer|news|access|login|response|go|idea|results|matches)|zero (?:\w+)|not (?:yet )?(?:approved|signed|merged|delivered|shared|ready|there|in|allowed|given)|only (?:lets|allows|has|have|gives|covers))(?![\w-])/;
/** The work depends on it: "until", "needs … before", "waiting", "parked", "sitting there". */
const DEPENDS =
  /(?<![\w-])(?:until|till|before (?:i|we) can|depends? (?:on|entirely on)|needs?|requires?|waiting|wait(?:s)? (?:on|for)|sitting|sits|parked|stalled|on hold|held|holding|has(?:n't| not) started|(?:doesn't|won't|can't) (?:really )?(?:start|begin|move)|to go further|without (?:it|them|that|this|knowing|an?|the)|before (?:we're|we are|i'm|i am) allowed|allowed to)(?![\w-])/g;
/** A question put to others, or a call that is someone else's to make. */
const ASKS_OTHERS =
  /(?<![\w-])(?:(?:could|can|would|will) (?:someone|somebody|anyone|anybody|you|one of you)|(?:is )?(?:anyone|anybody|someone|somebody) chasing|who (?:owns|decides|can|knows|changed|approves|is)|which (?:one|do i|do we|should|matters)|(?:someone|somebody|one person) (?:needs|has|have) to|need (?:someone|somebody) to|anyone know|(?:get|need) (?:one person|someone|somebody|a person) to|or do we|(?:^|(?<=, ))(?:do|should|shall) (?:we|i)\b|(?:product|po|legal|finance|design|security)[, ]+(?:your call|thoughts|please))(?![\w-])/;
/** A call someone else has to make: decide, pick, approve, a go/no-go. */
const A_CALL = /(?<![\w-])(?:decides?|decision|pick|choose|approve|approval|go\/no-go|sign(?:s)? off|your call|not my call|either way|(?:do|should|shall|can) (?:we|i) [^,]{3,60} or)(?![\w-])/;
/** The speaker's work takes the hit: my task, my events, my PR, the release, the sprint. */
const MY_WORK =
  /(?<![\w-])(?:my (?:\w+ ){0,2}(?:task|tasks|pr|prs|ticket|work|branch|events|frontend|backend|tests|build|builds|feature|change|migration|laptop|machine|phone|device|account|consumer|service|worker|job|app|client|pipeline|endpoint)|(?:so|and) the [\w ]{1,30}(?:is|are) (?:on hold|stalled|parked|sitting|just sitting)|for me|because of (?:it|this|that)|i (?:have|had) to|i'm not going to|i can only)(?![\w-])/;
/** Sarcasm about a bad state: "oh good", "love that for me", "fantastic, …", "super productive". */
const SARCASM = /(?:^|[.!?,;]\s+)(?:oh (?:good|great|joy|fun|wonderful|fantastic|perfect|lovely|brilliant|nice)|great|fantastic|awesome|wonderful|perfect|lovely|brilliant|cool)(?:,|$)|love that for me|super productive|just what i needed|living the dream|my favourite/;

/** A deadline close by: "the release branch is cut tomorrow", "the sprint ends Friday". */
const DEADLINE =
  /(?<![\w-])(?:(?:release|sprint|launch|branch|demo|deadline|cut-?off|go-live)(?: [\w-]+){0,3} (?:is |gets )?(?:cut|ends|closes|is due|due) (?:tomorrow|today|tonight|on \w+day|\w+day)|(?:we|i) (?:deliver|ship|launch|present|demo) (?:it |them )?(?:on )?(?:tomorrow|\w+day)|(?:supposed|meant|due) to (?:\w+ ){1,3}(?:for|by) (?:tomorrow|\w+day))(?![\w-])/;

/** People back to doing the work without the tool: "the crew is sketching on paper", "phoning around". */
const BY_HAND = /(?<![\w-])(?:on paper|by hand|pen and paper|sketching|phoning (?:around|the office|each other|in)|ringing (?:round|around|the office)|copying (?:it|them) (?:out|over) by hand)(?![\w-])/;

const MARKERS = [BAD_STATE, UNMET, ASKS_OTHERS, A_CALL, MY_WORK, SARCASM, PERSISTS, DEADLINE, BY_HAND] as const;

/** The speaker already deals with it: a fix in hand, a workaround, nothing to wait for. */
const HANDLED = new RegExp(
  `(?<![\\w-])(?:fixing|quarantin\\w+|workaround|work around it|i(?:'ve| have) got it|think i've got it|i'm on it|on it(?:!|$)|i'm (?:holding|keeping|saving) (?:the|my|it|them)|patching|writing (?:a|the) (?:test|fix|patch)|i'll (?:fix|handle|sort|write|take|look|raise|pick|choose|go with)|on purpose|deliberately|happy to (?:write|do|take|help|pick|draft)|${NOT_PRESSING}|otherwise|when you (?:have|get) a (?:minute|sec|second|moment|chance)|small one|quick one|then i'll)(?![\\w-])`,
);

export interface Trouble {
  /** how many kinds of evidence the line gives */
  kinds: number;
  /** the marker words heard, for the reading's "heard" */
  heard: string;
}

/** The general trouble a line sounds like, or null when fewer than two kinds of evidence point to it. */
export function troubleIn(liveText: string, wholeLine: string): Trouble | null {
  if (HANDLED.test(wholeLine)) return null;
  const heard: string[] = [];
  for (const re of MARKERS) {
    const m = re.exec(liveText);
    if (m) heard.push(m[0].replace(/^[.!?,;\s]+/, ''));
  }
  // Two different ways of saying the work depends on it ("parked … until finance tells me") count as two.
  const depends = new Set(liveText.match(DEPENDS) ?? []);
  heard.push(...[...depends].slice(0, 2));
  return heard.length >= 2 ? { kinds: heard.length, heard: heard.join(' … ').slice(0, 80) } : null;
}
