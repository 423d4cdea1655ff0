/**
 * How the lead reads one chat line: a blocker (it acts), unsure (it asks the person, once), or none,
 * with a confidence. It reads clause by clause (chat-cues.ts), so a later clause can settle an earlier
 * one ("I was stuck but figured it out") and a new problem after a fix still counts ("fixed the login,
 * but now the tests keep failing"). The past, the future, conditions, denials and other senses of the
 * cue words lower or cancel a reading; persistence and an effect on the work raise it. A blocker said
 * about someone else, or in another language, is only ever asked about.
 */
import { unreadableByLetters } from '../planning/readable.js';
import { classifyBlocker } from './blocker-kind.js';
import { requestIn } from './chat-requests.js';
import { shortfallIn } from './chat-shortfall.js';
import { troubleIn } from './chat-trouble.js';
import { IN_HAND, OWN_STEP } from './chat-in-hand.js';
import { beyondOwnWork } from './chat-work.js';
import { ABOUT_OTHER, ABSENT, APPROVAL_ASKED, ASKED_OUTRIGHT, ATTEMPTS, CASUAL, CHOICE, COSTS, DOUBTS, HELPED, REMEDY_PLANNED, SOON, CONDITION, DENIES, DONE_HERE, EFFECT, LATER, LAUGHTER, LINE_SIGNALS, MONEY_NAMED, OTHER_SENSES, PAST, PAST_ANCHORED, PERSISTS, REMINDER, SETTLED, SIGNALS, type Signal, type SignalCategory } from './chat-cues.js';

export type Reading = 'blocker' | 'unsure' | 'none';

export interface ChatReading {
  reading: Reading;
  /** 0..1: how sure the lead is that the line reports something in the way of the work */
  confidence: number;
  /** for a blocker or unsure line: whether the team can solve it or the product owner must decide */
  kind: 'technical' | 'business' | null;
  /** what kind of trouble it sounds like (stuck, waiting, access, error...), or null */
  category: SignalCategory | null;
  /** the words that decided it, or null */
  heard: string | null;
  /** whether it is about the speaker's own work or someone else's */
  about: 'self' | 'other';
}

/** At or above: the lead acts on it. */
export const ACT_AT = 0.75;
/** At or above (and below ACT_AT): the lead asks. */
export const ASK_AT = 0.45;
/** Long lines are read for their first part: a pasted log says no more after this. */
const READ_CHARS = 2000;

const NONE: ChatReading = { reading: 'none', confidence: 0.05, kind: null, category: null, heard: null, about: 'self' };

/** Lower case, straight quotes, and the apostrophe a hurried "cant" or "doesnt" left out. */
const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\b(can|won|don|doesn|isn|didn|haven|hasn|couldn|wasn|aren|shouldn|wouldn)t\b/g, "$1't")
    .replace(/\b(?:acess|acces|accesss)\b/g, 'access')
    // "Rodrigo's stuck": the 's of a name before a state is "is".
    .replace(/\b([a-z]+)'s (stuck|blocked|waiting|down|out|locked out|unable|off sick)\b/g, '$1 is $2')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Clauses: sentences, then their parts around "but", "though", commas and dashes, kept in the original
 * case. A quoted error message stays whole; the standup field "Blockers: …" stays with what follows it.
 */
function clausesOf(t: string): string[] {
  const quoted: string[] = [];
  // A quote opens and closes outside a word: the apostrophes of "bank's … I'll" are no quotation.
  const masked = t.replace(/(?<!\w)'[^']{2,80}'(?!\w)|"[^"]{2,80}"|`[^`]{1,80}`/g, (q) => `\u0000${quoted.push(q) - 1}\u0000`);
  return masked
    .split(/[.!?;]+(?:\s|$)|,|(?<!\b(?:blockers?|impediments?|today|yesterday))\s[-–—]\s|(?<!\b(?:blockers?|blocked by|impediments?|today|yesterday))\s*:\s|\bbut\b|\band (?=(?:i'll|we'll|i will|we will)\s)|\s*\p{Extended_Pictographic}+\s*|\bthough\b|\balthough\b|\bhowever\b/iu)
    .map((c) => c.replace(/\u0000(\d+)\u0000/g, (_, i: string) => quoted[Number(i)]!).trim())
    .filter(Boolean);
}

interface Heard {
  category: SignalCategory;
  score: number;
  heard: string;
  other: boolean;
  /** said of the past ("was blocked"): a later clause saying it was dealt with ends it */
  past?: boolean;
}

/** Troubles a plan of the speaker's own answers ("…, going to fix them in batches"); waits, decisions and shortfalls it does not. */
const OWN_TROUBLES = new Set<SignalCategory>(['error', 'unable', 'uncertain', 'overrun', 'access']);

const withoutOtherSenses = (text: string) => OTHER_SENSES.reduce((t, re) => t.replace(new RegExp(re.source, 'g'), ' '), text);
/** Quoted error messages say what was seen, not when: "'no profiles were found'" is not the past. */
const unquoted = (text: string) => text.replace(/(?<!\w)'[^']{3,80}'(?!\w)|"[^"]{3,80}"/g, ' ');

/** The strongest signal in one piece of text, with what changes it; null when it says nothing in the way. */
function readClause(original: string, persistsInLine: boolean, signals: readonly Signal[] = SIGNALS): Heard | null {
  const clause = normalise(original);
  const sense = withoutOtherSenses(clause);
  // "We'll need a bigger instance if traffic doubles": a shortfall on a condition is a plan, not a need now.
  const conditional = CONDITION.test(sense);
  const text = sense.replace(CONDITION, '').trim();
  if (!text) return null;
  let best: { category: SignalCategory; weight: number; heard: string } | null = null;
  const categories = new Set<SignalCategory>();
  for (const s of signals) {
    const m = s.re.exec(text);
    if (!m) continue;
    categories.add(s.category);
    if (!best || s.weight > best.weight) best = { category: s.category, weight: s.weight, heard: m[0].trim() };
  }
  if (!best) return null;
  let score = best.weight;
  // Said to go on ("every branch", "since this morning"): the more ways it says so, the surer.
  const persisting = new Set(text.match(new RegExp(PERSISTS.source, 'g')) ?? []).size;
  const persists = persisting > 0;
  if (persists) score += persisting > 1 ? 0.25 : 0.15;
  else if (persistsInLine) score += 0.05;
  if (EFFECT.test(text) && best.category !== 'stuck') score += 0.15;
  if (ATTEMPTS.test(text)) score += 0.1;
  if (categories.size > 1) score += 0.05;
  // A shortfall is said about what is coming ("we'll blow through that in a week"); everything else is about now.
  const when = unquoted(text);
  // "since their release on Monday" runs from then to now.
  // "somebody has to tell me which one we launch on Friday": the call is needed now, for then.
  const now = /\b(?:can't|cannot|isn't|aren't|doesn't|don't|still|keeps?|since|nobody knows|no one knows|(?:has|have|needs?) to (?:tell|decide|pick|choose|say))\b/.test(when);
  // A past with its own time ("last sprint we were stuck for days") is over, however long it lasted.
  const over = PAST_ANCHORED.test(when) && !/\b(?:still|again|now|since)\b/.test(when);
  // "it's" is now; "the vendor's SSO" is a possessive, not a tense.
  const past = PAST.test(when) && (!persists || over) && !/\b(?:is|are|isn't|aren't|(?:it|that|he|she|there|what|who|this|everything|nothing)'s|'re|i'm|keeps?|now|still|since|won't|doesn't|don't|does not|do not|can't|cannot|have|has)\b/.test(when);
  // ("ran out on Monday": a weekday after a lasting state said in the past is when it began, not later.)
  if ((best.category !== 'capacity' || conditional) && LATER.test(when) && !persists && !now && !LASTING.test(when)) score *= 0.3;
  // A lasting state said in the past is still so, unless a later clause says it was dealt with.
  else if (past && !LASTING.test(when)) score *= over ? 0.3 : 0.5;
  return { category: best.category, score: Math.min(0.98, score), heard: best.heard, other: ABOUT_OTHER.test(original.trim()), past };
}

/** A lasting state said in the past ("was suspended", "got revoked") is still so. */
const LASTING = /\bcut (?:us|me|them|it) off\b|\bran out\b|\b(?:went|has gone|have gone) (?:quiet|silent|dark|offline)\b|\bnever (?:arrived|came|showed up|got through|reached (?:us|me|it))\b|\b(?:was|were|got|has been|have been) (?:suspended|expired|revoked|locked|disabled|declined|rejected|banned|frozen|deleted|removed|lapsed|wiped|lost|corrupted)\b|\b(?:lapsed|expired)\b|\b(?:froze|suspended|locked|closed|disabled|revoked|cancell?ed|deleted|wiped) (?:our|my)\b|\b(?:owner|admin|maintainer|contractor|person) (?:who )?(?:left|quit)\b/;

/** A clause as the general trouble markers read it (chat-trouble.ts): null when it speaks of later, of a past that is over, or of a condition. */
function liveForm(clause: string): string | null {
  const text = withoutOtherSenses(normalise(clause));
  const when = unquoted(text);
  // A lasting state said in the past ("was suspended", "got revoked") is still so.
  const now = /\b(?:still|again|now|since|keeps?|is|are|isn't|aren't|can't|cannot|doesn't|don't|won't|hasn't|haven't)\b/.test(when) || LASTING.test(when);
  if ((LATER.test(when) || PAST.test(when)) && !now) return null;
  if (PAST_ANCHORED.test(when) && !/\b(?:still|again|now|since)\b/.test(when) && !LASTING.test(when)) return null;
  // "Would anyone be able to…" is a polite request, not a condition.
  return /^(?:would|could|can|will) (?:you|anyone|anybody|someone|somebody)\b/.test(text) ? text : text.replace(CONDITION, '').trim() || null;
}

/** A line that is only a plan ("Planned: a circuit breaker so an outage doesn't take us down"): no "but", no blocker field. */
const PLAN_ONLY = /^(?:planned|plan|next up|next|to-?do|tomorrow|roadmap|idea)\s*:(?!.*\b(?:but|blockers?|blocked|stuck|waiting)\b)/;

/** A full disk on a build agent is the team's to clean, not an investment to decide. */
const OWN_MACHINE = /\b(?:disk|drive|volume|inode)s? (?:quota|is full|full|space)\b|\bout of disk\b/;

/** "p95 went from 900ms to 120ms": a figure that fell, in the same unit, is an improvement told. */
function fellBy(clause: string): boolean {
  const m = /\bwent from (\d+(?:\.\d+)?) ?([a-z%]*) to (\d+(?:\.\d+)?) ?([a-z%]*)/.exec(clause);
  return !!m && (m[2] === m[4] || !m[2]) && Number(m[3]) < Number(m[1]);
}

/**
 * A change reported done and described by what it now does ("Finished the embargo feature: a story …
 * now can't be published before it", "the approval step is live — adjusters now need…", "closes #903"),
 * or an agent's completion report: the failure words are the feature, unless a "but" or a blocker follows.
 */
const REPORTED_DONE = /^(?:[\w-]+(?: [\w-]+)?: )?(?:completed|finished|shipped|implemented|landed|spent the (?:morning|day|afternoon) on|(?:task )?[\w-]+-\d+ (?:is )?(?:complete|completed|done|finished))\b|\b(?:closes|fixes|resolves) #\d+|\bdemoed\b|\bis live\b|which is the whole point|\btested it with\b/;
const STILL_IN_THE_WAY = /\bblockers?\s*[:\-–—]\s*(?!none|nothing|n\/a|no\b|nope|nah)|\b(?:but|however|blocked|stuck|unable|blocking issue|(?:can't|cannot) (?:continue|proceed|deploy|merge|finish|start|test|push)|waiting (?:on|for)(?! it\b)|awaiting|paused|stopped (?:at|before|there)|needs? (?:an? )?(?:someone|access|decision|help|approval|sign-?off|grant|review))\b/;
/** An agent's report of work done that names the errors it handled on the way: "Handled QuotaExceededError … 52/52 tests pass". */
const AGENT_REPORT = /^(?:agent [\w-]+: )?.*\b(?:handled|handles|falls back|fall back|retried)\b.*\b\d[\d,]*(?:\/\d[\d,]*)? (?:tests?|specs?)(?: all)? (?:pass|passed|passing|green)\b/;
const describesDone = (whole: string) => ((REPORTED_DONE.test(whole) && (/\bnow\b/.test(whole) || /^(?:[\w-]+(?: [\w-]+)?: )?(?:completed|(?:task )?[\w-]+-\d+ (?:is )?(?:complete|completed|done|finished))/.test(whole))) || AGENT_REPORT.test(whole)) && !STILL_IN_THE_WAY.test(whole.replace(/\bnothing is waiting on it\b|no action is required/g, ''));

/** Someone's claim, not what the speaker sees: "their status page says all green", "supposedly fixed". */
const CLAIMED = /\b(?:says?|claims?|claimed|insists?|supposedly|allegedly|according to)\b/;

/**
 * A clause that settles what came before it; "until that's sorted" is a condition still to be met, not a
 * fix, and a fix someone claims ("their status page says all green") is no fix the speaker sees.
 */
const settles = (clause: string) => {
  // "Otherwise all fine": apart from what was just said, which stands.
  // ("…, I'll go with what the style guide says": what the speaker follows is no claim of a fix.)
  if ((CLAIMED.test(clause) && !/\bwhat (?:the |our |their )?[\w' -]{1,30} says\b/.test(clause)) || /^(?:otherwise|apart from that|other than that|besides that)\b|\botherwise$/.test(clause)) return false;
  if (fellBy(clause)) return true;
  const now = clause.replace(/\b(?:until|till|once|as soon as|before|unless)\b.*$/, '');
  return SETTLED.some((re) => re.test(now)) || IN_HAND.some((re) => re.test(now));
};

const strongest = (a: Heard | null, b: Heard | null): Heard | null => (!b ? a : !a || b.score > a.score ? b : a);

/**
 * Blockers known by the shape of the whole line rather than a cue word: a shortfall told by its numbers
 * (chat-shortfall.ts), a polite request for what the work waits on (chat-requests.ts), a plan
 * doubted as a question, which is a decision, the surer when the line says what it costs, approval
 * asked for a cost, and two ways to go put to someone.
 */
function shapesOf(whole: string): Heard | null {
  let found: Heard | null = null;
  const short = shortfallIn(whole);
  if (short && !SETTLED.some((re) => re.test(whole))) found = { category: short.hardLimit ? 'error' : 'capacity', score: 0.8, heard: short.heard, other: false };
  const asked = requestIn(whole);
  if (asked) found = strongest(found, { category: 'access', score: asked.waits ? 0.8 : 0.6, heard: asked.heard, other: false });
  const doubt = DOUBTS.exec(whole);
  if (doubt) found = strongest(found, { category: 'decision', score: COSTS.test(whole) ? 0.8 : 0.55, heard: doubt[0], other: false });
  const approval = APPROVAL_ASKED.exec(whole);
  if (approval && MONEY_NAMED.test(whole)) found = strongest(found, { category: 'decision', score: 0.75, heard: approval[0], other: false });
  const choice = CHOICE.exec(whole);
  if (choice) found = strongest(found, { category: 'decision', score: ASKED_OUTRIGHT.test(whole) ? 0.75 : 0.55, heard: choice[0].slice(0, 80), other: false });
  return found;
}

/** Reads one chat line. Never throws, whatever the text (empty, 100 KB, another script, a stack trace). */
export function readChat(rawText: string): ChatReading {
  const raw = rawText.slice(0, READ_CHARS);
  const whole = normalise(raw);
  if (!whole || !/\p{L}/u.test(whole) || REMINDER.test(whole) || PLAN_ONLY.test(whole) || describesDone(whole)) return NONE;
  if (DENIES.some((re) => re.test(whole))) {
    // "No blockers, but the staging DB is down since 9": a denial only covers what comes before a "but".
    const after = /\bbut\b(.*)$/.exec(whole)?.[1];
    if (!after) return NONE;
  }
  const clauses = clausesOf(raw);
  const persistsInLine = PERSISTS.test(whole);
  let best = null as Heard | null;
  let seen = new Set<SignalCategory>();
  let live: string[] = [];
  let settledOnce = false;
  for (const said of clauses) {
    const c = normalise(said);
    if (settles(c) || DENIES.some((re) => re.test(c))) {
      // A settled clause cancels what came before it; what comes after can still be a new problem.
      settledOnce = true;
      best = null;
      seen = new Set();
      live = [];
      continue;
    }
    // A problem said of the past, then dealt with ("was blocked on X yesterday but Priya found the race and it's merged").
    if (best?.past && (DONE_HERE.test(c) || HELPED.test(c))) {
      best = null;
      seen = new Set();
      live = [];
      continue;
    }
    // The speaker's own plan or next step for what they just said ("…, going to fix them in batches",
    // "…, digging into the heap dumps now") is work, not a blocker.
    if ((!best || OWN_TROUBLES.has(best.category)) && (REMEDY_PLANNED.test(c) || OWN_STEP.test(c)) && !readClause(said, false)) {
      if (best) best = { ...best, score: best.score * 0.4 };
      live = [];
      continue;
    }
    // "Adding retries for the 503s": the trouble is what the speaker works on; only what follows it is read.
    const beyond = beyondOwnWork(c);
    const clause = beyond === c ? said : beyond;
    if (!clause) continue;
    const form = liveForm(clause);
    if (form) live.push(form);
    if (DONE_HERE.test(c)) continue;
    const heard = readClause(clause, persistsInLine);
    if (!heard) continue;
    seen.add(heard.category);
    if (!best || heard.score > best.score || (heard.score === best.score && best.other && !heard.other)) best = heard;
  }
  // Some things are said across a "but": "need 1000 connections but our infrastructure handles 100".
  const across = best === null || best.score < 0.8 ? readClause(raw, persistsInLine, LINE_SIGNALS) : null;
  // …unless the line is settled: at its end, or by an approval it opens with ("finance approved the budget for the pro plan").
  // (…or by a clause that settled it, with nothing in the way said after: "capped at 20 MB by design, the form says so".)
  const settledLine = settles(normalise(clauses.at(-1) ?? '')) || /^(?:[\w-]+ ){0,2}(?:approved|signed off on|signed|agreed to)\b/.test(normalise(clauses[0] ?? '')) || (settledOnce && best === null);
  if (across && !settledLine && (!best || across.score > best.score)) best = across;
  best = strongest(best, shapesOf(whole));
  // Nothing the cues know, but the line sounds like trouble in general terms: worth a question.
  const trouble = !best || best.score < ASK_AT ? troubleIn(live.join(', '), whole) : null;
  if (trouble) best = { category: 'trouble', score: trouble.kinds > 2 ? 0.6 : 0.5, heard: trouble.heard, other: ABOUT_OTHER.test(raw.trim()) };
  if (!best) return NONE;
  let confidence = best.score + (seen.size > 1 ? 0.05 : 0);
  // Someone the work waits on is away: it will not clear soon, and their offsite is no casual aside.
  const absent = ABSENT.test(whole);
  if (absent && (best.category === 'waiting' || best.category === 'unable' || best.category === 'decision')) confidence += 0.15;
  const aside = whole.replace(new RegExp(ABSENT.source, 'g'), ' ');
  // ("…lol so nothing works until someone renews it": a laugh does not lighten what waits on someone.)
  const waitsOnSomeone = /\buntil (?:someone|somebody|anyone)\b/.test(aside);
  if (CASUAL.test(aside) || SOON.test(aside) || (LAUGHTER.test(aside) && !PERSISTS.test(aside) && !EFFECT.test(aside) && !waitsOnSomeone)) confidence *= 0.5;
  const foreign = unreadableByLetters(raw);
  if (foreign && /language|script/.test(foreign)) confidence = Math.min(confidence, ACT_AT - 0.05);
  confidence = Math.round(Math.min(0.98, confidence) * 100) / 100;
  if (confidence < ASK_AT) return { ...NONE, confidence };
  const acts = confidence >= ACT_AT && !best.other && !foreign;
  return {
    reading: acts ? 'blocker' : 'unsure',
    confidence,
    // A shortfall between what the work needs and what there is, is an investment decision.
    kind: best.category === 'capacity' && !OWN_MACHINE.test(whole) ? 'business' : classifyBlocker(raw).kind,
    category: best.category,
    heard: best.heard,
    about: best.other ? 'other' : 'self',
  };
}
