/**
 * What a blocker sounds like in team chat, by category rather than by phrase list: a stuck state said
 * outright, an error that keeps happening or a broken state, not knowing how to go on, waiting on a
 * person, access or decision before going on, work running far past its estimate, and not being able
 * to do something. And what only looks like one: exclamations ("can't believe"), spec statements
 * ("by design"), work already done ("fixed the bug where..."), appointments ("waiting for the demo at
 * 4"), reminders of a rule, and personal logistics ("can't make standup").
 *
 * Patterns run on one clause of normalised text (lower case, straight apostrophes). `w()` keeps a
 * cue from matching inside a hyphenated compound ("stuck-job", "error-free").
 */

export type BlockerCategory = 'stuck' | 'error' | 'uncertain' | 'waiting' | 'overrun' | 'unable';

export interface Cue {
  category: BlockerCategory;
  /** a short name for what was heard, shown with the recorded blocker */
  cue: string;
  re: RegExp;
}

/** A pattern as whole words: not part of a longer word or of a hyphenated compound. */
const w = (source: string) => new RegExp(`(?<![\\w-])(?:${source})(?![\\w-])`);

const NEG = "(?:doesn't|does not|don't|do not|isn't|is not|aren't|are not|won't|will not|not|never)";
const CANT = "(?:can't|cannot|can not|couldn't|could not|unable to|not able to)";
/** what a person waits on when it blocks them: someone, something they must be given, or a decision */
const DEPENDENCY =
  "(?:\\w+'s|someone|somebody|anyone|them|him|her|the \\w+ team|[\\w ]{0,20}\\b(?:team|vendor|access|approval|review|credentials|keys?|secret|token|password|permissions?|reply|answer|response|decision|sign-?off|go-ahead|feedback|input|mockups?|designs?|specs?|requirements|fix|merge|account|licen[cs]e|environment|server|database))";
/** failing, said of something now (not "if it fails", not "make sure it fails") */
const FAILING =
  "(?:fails?|failing|failed|errors? out|erroring|throws?|throwing|crash(?:es|ing|ed)?|panics|hangs|hanging|freezes|freezing|times? out|timing out|timed out|runs? out of (?:memory|disk|space)|out of memory|segfaults?|returns? (?:an? )?(?:http )?[45]\\d\\d|(?:permission|access) denied|(?:is|are|'s) broken|breaks|blows up|dies|died|dying|(?:rejects|rejecting|refuses|refusing)(?: to)?|keeps? (?:failing|crashing|breaking|timing out|erroring|dying|rejecting|refusing|hanging))";
/** an error named (a status code, an errno, a refusal...), as opposed to "error messages" in general */
const ERROR_NAMED =
  "(?:\\w+ )?(?:errors?|exceptions?|stack ?traces?|tracebacks?|segfaults?|forbidden|unauthori[sz]ed|(?:permission|access) denied|connection refused|no space left(?: on device)?|out of memory|oom|white screen|blank (?:page|screen)|[45]\\d\\d|econnrefused|econnreset|eacces|eaddrinuse|enoent|etimedout|eperm|enotfound)";

export const BLOCKER_CUES: readonly Cue[] = [
  // Said outright.
  { category: 'stuck', cue: 'stuck', re: w('stuck') },
  { category: 'stuck', cue: 'blocked', re: w('blocked|blocker|blocking me') },
  { category: 'stuck', cue: 'having trouble', re: w('(?:having|have|had|got|running into|hitting) (?:a lot of |some |real |serious |more )?(?:trouble|problems?|issues?|difficult(?:y|ies))') },
  { category: 'stuck', cue: 'struggling', re: w('struggl(?:e|ing)') },
  { category: 'stuck', cue: 'need help', re: w('(?:need|needs|could use) (?:some |a bit of )?(?:help|a hand|guidance|advice|pointers)|help me') },
  // An error that is happening: a failing verb, or an error seen.
  { category: 'error', cue: 'error report', re: w(FAILING) },
  { category: 'error', cue: 'error report', re: w(`(?:getting|get|got|gets|seeing|see|sees|hit|hitting|shows?|showing|says|saying|gives|giving|logs|logging|with|throws|returns) (?:an? |the |this |that |me |me an? )?['"]?${ERROR_NAMED}(?! (?:message|messages|handling|handler|handlers|page|pages|code|codes|boundary|tracking|rate|rates|budget|reporting))`) },
  // Trying again and again without success.
  { category: 'error', cue: 'still failing', re: w("still (?:wrong|broken|failing|fails|red|flaky|crashing|the same|not|no|doesn't|does not|can't|won't|empty|null|missing)|no luck|rabbit hole|(?:nothing|none of (?:it|them|these|those)) (?:works|worked|helps|helped)|(?:tried|rewritten|rewrote|restarted|rebuilt|reinstalled|attempted|retried)(?: [\\w'-]+){0,6} (?:times|different|ways|approaches|options|variations)") },
  { category: 'error', cue: 'not working', re: w(`${NEG} (?:work|working|pass|passing|compile|compiling|build|building|connect|connecting|reconnect|start|starting|load|loading|run|running|rebase|merge|install|deploy|apply|boot|render|sync|respond|save)`) },
  // Something is in a broken state, rather than failing as it runs.
  { category: 'error', cue: 'broken state', re: w("(?:expired|been revoked|(?:went|is|are|'s) down(?! (?:to|by|from|\\d))|ends? up (?:empty|null|blank|missing|wrong|broken|corrupted|duplicated)|comes? back (?:empty|null|blank|wrong)|conflicts (?:everywhere|all over)|(?:nothing|no one|nobody) can (?:talk|connect|reach|log in|access|see|load|read|write))") },
  // Not knowing how to go on.
  { category: 'uncertain', cue: 'not sure how', re: w("(?:not sure|unsure|no idea|no clue|don't know|do not know|can't figure out|cannot figure out|can't work out) (?:how|what|which|where|why|whether|if)") },
  { category: 'uncertain', cue: 'out of ideas', re: w('out of ideas|(?:tried|trying) everything|at a loss|(?:no|not any) (?:closer|further)|not getting anywhere|going (?:in circles|nowhere)|dead end|(?:hit|hitting) (?:a|the) wall') },
  { category: 'uncertain', cue: 'confusing', re: w("confus(?:ed|ing)|unclear|makes? no sense|(?:don't|do not) (?:understand|get it)") },
  { category: 'uncertain', cue: 'lost', re: w("(?:i'm|i am|i feel|feeling|i got|getting|totally|completely|a bit|so|quite) lost") },
  { category: 'uncertain', cue: 'missing information', re: w('(?:is|are) there (?:any |some )?(?:docs|documentation|examples?|a spec|specs)|guessing|undocumented|(?:no|missing) (?:docs|documentation)') },
  { category: 'uncertain', cue: 'asks why', re: w('(?:anyone|anybody|someone|somebody) (?:know|knows|have an idea|got an idea) why|any (?:idea|ideas|clue) why') },
  // Waiting on a person, access or decision before going on.
  { category: 'waiting', cue: 'waiting on', re: w(`(?:waiting|wait) (?:on|for) ${DEPENDENCY}`) },
  { category: 'waiting', cue: 'needs something first', re: w('(?:need|needs|require|requires|waiting|wait)(?: [\\w\'-]+){0,8} (?:before|until) (?:i|we) (?:can|could)') },
  { category: 'waiting', cue: 'waiting on', re: w(`${CANT} (?:proceed|continue|go (?:any )?further|move (?:on|forward)|start|finish|merge|deploy|test) (?:until|without)`) },
  { category: 'waiting', cue: 'waiting on', re: w('(?:idle|stalled|on hold) until|(?:still )?no (?:reply|answer|response|word|news) (?:from|on|about|yet)') },
  { category: 'waiting', cue: 'needs someone', re: w('(?:need|needs) (?:someone|somebody|anyone|a person|an admin|admin)(?: (?:from|in|on) [\\w ]{1,30}?)? to') },
  { category: 'waiting', cue: 'not here yet', re: w("(?:haven't|hasn't|have not|has not) (?:landed|arrived|come in|come through|shown up|been (?:approved|merged|reviewed|shared|delivered|provisioned|granted))(?: yet)?") },
  { category: 'waiting', cue: 'idle', re: w("(?:i'm|i am|we're|we are|i've been|sitting)(?: [\\w']+){0,2} idle") },
  { category: 'waiting', cue: 'no access', re: w("(?:don't|do not|doesn't|does not) have (?:the |any |write |read |admin |push )?(?:access|permissions?|rights|credentials|keys|an account|the password)|(?:no|without) (?:access|permissions?|credentials) (?:to|for)") },
  // Far past the estimate.
  { category: 'overrun', cue: 'longer than expected', re: w('(?:taking|took|takes|is|was|getting) (?:much |way |far |a lot |a lot more )?(?:longer|harder|more complex|more complicated|bigger|slower) than (?:expected|planned|estimated|anticipated|i thought|we thought)') },
  { category: 'overrun', cue: 'bigger than its estimate', re: w('(?:way|far|much|a lot|many times) (?:bigger|larger|harder|more complex|more complicated|more work) than (?:\\d+ (?:points|hours|days)|the (?:estimate|ticket|task) (?:says|said))') },
  { category: 'overrun', cue: 'running for ages', re: w('(?:has|have|had|is|was)(?: been)? (?:running|building|deploying|spinning|loading|hanging|migrating|compiling) (?:for )?(?:over |more than |almost |nearly )?(?:\\d+|an?|two|three|several) (?:minutes|mins|hours|hrs|hour|days)') },
  { category: 'overrun', cue: 'fighting it', re: w('(?:fighting|wrestling|battling)(?: with)? (?:the|this|that|it|my|our)|fights me|(?:way|far|well) (?:over|past) (?:the |my )?estimate|behind schedule') },
  // Cannot do something, said by the person doing the work (not "users can't log in").
  { category: 'unable', cue: "can't", re: new RegExp(`(?:^|(?<![\\w-])(?:i|we|i'm|we're|i am|we are|still|just|so|and|but|now)\\s)${CANT}(?![\\w-])(?! (?:believe|wait|complain|stress|thank|imagine|recommend|tell you|help (?:but|it)|stop|make (?:it|standup|stand-up|the \\w+)|attend|join|come (?:in|to)|be there))`) },
];

/**
 * A clause that settles things: a problem solved, a denial, work reported done, a spec statement.
 * It cancels what came before it in the same message ("I was stuck but figured it out").
 */
export const SETTLED: readonly RegExp[] = [
  w('figured (?:it )?out|sorted (?:it )?out|solved|fixed it|resolved|(?:works|working|passes|passing|green|fine|ok) now|got it working|that (?:fixed|did) it|all good|all set|back to normal'),
  w('unblocked|no longer (?:stuck|blocked)|(?:stuck|blocked|trouble) (?:anymore|any more)'),
  w('by design|as designed|as intended|on purpose|expected behaviou?r'),
  // Good news about errors: none, fewer, gone.
  w("(?:no|zero|without|fewer|less) (?:errors?|failures?|crashes|timeouts|exceptions)|(?:hasn't|haven't|didn't|never|no longer|not) (?:once )?(?:failed|crashed|errored|broken|timed out)|down to (?:zero|\\d)|error-free"),
  // Work reported done: the clause opens with what was done ("fixed the bug where users got blocked").
  /^(?:(?:i|we) (?:just |have |'ve )?)?(?:fixed|merged|added|wrote|written|pushed|deployed|finished|shipped|reviewed|released|landed|implemented|refactored|updated|closed|completed|removed|renamed|documented|tested)\b/,
];

/** A whole message that denies being blocked: nothing in it counts ("not blocked, just slower than I expected"). */
export const DENIES: readonly RegExp[] = [
  w("(?:no longer|not|never|wasn't|isn't|aren't|nobody is|no one is|i'm not|i am not) (?:stuck|blocked)"),
  w('not a blocker|no (?:blockers?|problems?|issues?)'),
];

/** A condition or a purpose: what follows it is not happening now ("if it fails we retry", "make sure it fails"). */
export const CONDITION = /(?<![\w-])(?:(?<!(?:know|sure|idea|clue|wonder|ask|asking) )(?:if|whether)|unless|in case|so that|make sure|makes sure|ensure|ensures|should|would|to avoid|prevents?)(?![\w-]).*$/;

/** An appointment is something to wait for, not on ("waiting for the demo at 4"). */
export const APPOINTMENT = w("(?:waiting|wait) (?:on|for) (?:the |our |a |my )?(?:demo|meeting|standup|stand-up|lunch|coffee|call|retro|train|bus)(?: at \\d[\\w:]*)?|at \\d{1,2}(?::\\d\\d)? ?(?:am|pm)?");

/** Stuck somewhere, not on the work: traffic, a meeting, a queue. */
export const ELSEWHERE = w('stuck (?:in|at|on) (?:the |a |an |my )?(?:traffic|meetings?|calls?|airport|train|bus|queue|line|lift|elevator|rain|snow|home|\\w+ (?:meeting|call))');

/** A clause that asks someone else to act ("can someone grant it?"): a request, not a report. */
export const REQUEST = /^(?:can|could|would) (?:you|someone|somebody|anyone|anybody|we)\b/;

/** A reminder states a rule for everyone ("reminder that failing tests block the merge"), not a problem of mine. */
export const REMINDER = /^(?:(?:just|a|friendly|quick|gentle) )*(?:reminder|remember)\b/;
