/**
 * The speaker has it in hand: a clause that says what was wrong is dealt with, worked around, ruled out
 * or answered, by the speaker or as things stand. Each pattern is a general shape, not a phrase:
 * a workaround done ("so I mocked it", "fell back to English defaults"), a value moved until it works
 * ("dropped it to 32"), a state reached ("it's training fine", "so we're good", "fine by me"), a count of
 * zero ("0 failing", "zero failing tests"), something out of scope ("which we don't ship anymore",
 * "so ignoring that"), a behaviour now in place ("are now cancelled and logged"), a question answered by
 * its asker ("Actually it takes a backoff option, I'll use that"). Like the settled clauses of
 * chat-cues.ts, such a clause ends what came before it. Patterns run on one normalised clause.
 */

/** A pattern as whole words: not part of a longer word or a hyphenated compound. */
const w = (source: string) => new RegExp(`(?<![\\w'"-])(?:${source})(?![\\w"-])`);

/** Participles that name a bad state: "is now broken" is no behaviour put in place. */
const BAD_PARTICIPLE = 'blocked|broken|stuck|locked|rejected|denied|missing|lost|stalled|disabled|suspended|expired|revoked|corrupted|deleted|wiped|throttled|delayed|dropped|failed|cancelled by \\w+';

export const IN_HAND: readonly RegExp[] = [
  // The trouble named as the speaker's own task: "…, that's the bug I'm fixing today".
  w("(?:that's|that is|this is|which is) (?:the bug|the issue|the problem|the thing|what) (?:i'm|i am|we're|we are|i've been|we've been) (?:fixing|working on|chasing|looking at|on)\\b"),
  // A workaround or an adjustment the speaker made.
  w(
    "so (?:i|we) (?:just |have |'ve )?(?:mocked|stubbed|faked|cached|skipped|hardcoded|pinned|wrapped|worked around|split|chunked|batched|lowered|raised|bumped|increased|reduced|excluded|commented out|gated|vendored|forked|patched|dropped|moved)\\b|(?:fell|falling|fall) back to (?:the |a |an |my |our )?[\\w-]+|so (?:i|we)(?: just)? [\\w' -]{2,40} instead|(?:dropped|lowered|raised|bumped|reduced|increased|capped|set) (?:it|them|the [\\w-]+(?: [\\w-]+)?) (?:to|at) \\d+",
  ),
  // A way chosen around it: "so we're staying on webpack for now", "ran unit tests instead", "working from those".
  w("so (?:we're|i'm|we are|i am|we'll|i'll) (?:staying|sticking|keeping|going) (?:on|with)|(?:staying|sticking) (?:on|with) [\\w -]{1,30} for now|^(?:i |we )?(?:ran|used|tested|read|built|checked|took|went with|tried) [\\w' -]{1,40} instead$|(?:working|going) (?:from|off) (?:those|that|these|this|them)$"),
  // Someone already dealt with what is coming: "finance already approved the paid plan from April".
  w("already (?:approved|signed|renewed|paid|sorted|arranged|agreed|granted|ordered|booked|scheduled)"),
  // A state reached: it works, we're good, fine by me.
  w(
    "(?:it's|it is|they're|they are) (?:\\w+ing )?(?:fine|ok|okay|normally|smoothly)(?: again| now)?|(?<!(?:if|whether) )(?:so )?(?:we're|we are|i'm|you're) (?:all )?(?:good|fine|ok|okay|covered)(?! to| with| eating| paying| giving| losing| dropping)|fine by (?:me|us)|(?:honestly|totally|perfectly|completely) (?:fine|ok|okay)|no worries|(?:ran|runs?|running|came back) (?:\\d+ \\w+ )?clean|(?:is|are|'s) gone (?:after|now|since (?:we|i))|(?:they're|he's|she's) in(?: now)?$|(?:it's|it is|is|are|they're|now) (?:un(?:locked|blocked|frozen|paused|suspended)|re-?enabled)|(?:he|she|they)(?:'s|'re| is| are) done|(?:it's|that's|is|are) (?:clear|good|close|fast|stable|accurate|quick) enough|(?:is|are|'s|went|dropped|fell|came) (?:way )?down from \\d+|(?:so )?(?:we're |it's |we are |all |still )?on track$|within (?:the |our )?(?:normal |expected |usual |acceptable )?(?:noise|range|limits?|levels?|slo|sla|budget|error budget|tolerance)|all (?:pass|passed|passing|green)$|(?<!(?:hasn't|has not|haven't|never|not|n't) )recovered\\b",
  ),
  // A count of zero, a list that came back clean.
  w("(?:no|zero|0|none) (?:new |more )?(?:failing|failed|broken|flaky|red|open|blocking|failures?)\\b|(?:lag|errors?|failures?|latency|backlog|queue|timeouts?|crash(?:es)?|alerts?|incidents?|retries|drops?)(?: [\\w-]+){0,2} (?:at|is|was|stays?|stayed|of|down to) (?:zero|0)\\b"),
  // Out of scope: what it touches is not shipped or supported, so it is ignored.
  w(
    "ignoring (?:it|that|this|them|those)|(?:which|that) (?:we|nobody|no one) (?:don't|do not|no longer|never|won't) (?:ship|support|use|sell|target|need|care about)|(?:which|that) we (?:dropped|deprecated|removed|retired|sunset|stopped supporting)|(?:which|that) (?:isn't|aren't|is not|are not) supported anyway|(?:is |it's |being )?(?:sunset|retired|decommissioned|phased out)(?: in| next| this| at)|(?:nobody|no one) uses (?:it|that|them|this)|(?:get|gets|getting|will get) new (?:hardware|devices|terminals|machines|laptops|phones)|(?:being|to be|will be) replaced (?:in|by|next|this)|(?:that's|it's|this is|that was|per) (?:the |a |our )?(?:[\\w-]+ )?(?:decision|policy|rule|agreement) (?:from|since|in|we|of)\\b|(?:won't|will not|shouldn't) happen again",
  ),
  // A behaviour now in place: "requests that hang past 30s are now cancelled and logged".
  new RegExp(`(?<![\\w-])(?:is|are|get|gets) now (?!(?:${BAD_PARTICIPLE})\\b)[a-z]+ed\\b|(?<![\\w-])now (?:get|gets) (?!(?:${BAD_PARTICIPLE})\\b)[a-z]+ed\\b`),
  // The asker found the answer: "Found the changelog note, it's the font licensing, makes sense."
  w("^(?:found|saw|read) (?:the|a|an|it)\\b|makes sense(?: now)?$|^(?:i )?(?:looked at|checked|read|asked about) (?:the |our |their )?(?:[\\w-]+ )?(?:doc|docs|spec|specs|policy|contract|ticket|wiki|readme|changelog|guide|handbook|rules)$"),
  // A rule everyone knows: "We can't use floats for money, obviously, so …"
  /^(?:obviously|of course)$/,
  // A question its asker answers: "Actually it takes a backoff option, I'll use that."
  w("^actually,? (?:it|there|we|they|the|that|this)\\b|i'll (?:just )?(?:use|go with|take|pick|do) (?:that|this|it|the existing|the old|the new|option|\\d+)\\b"),
];

/**
 * The speaker's next step on what they just said, under way now: "updating it", "digging into the heap
 * dumps now". Not a gerund that is the subject of what follows ("Upgrading needs a budget owner's OK").
 */
export const OWN_STEP = w(
  "^(?:(?:i'm|i am|we're|we are) )?(?:now |just )?(?:updating|upgrading|downgrading|pinning|rerunning|re-running|retrying|restarting|rebuilding|digging into|looking into|investigating|debugging|bisecting|profiling|testing a fix|reverting|patching|fixing|mocking|stubbing|rolling back|redeploying|adding|writing|removing|replacing|rewriting|changing|moving|renaming|splitting|refactoring|pushing (?:the|a) fix)\\b(?! (?:\\w+ )?(?:needs?|requires?|is|isn't|would|will|means|costs?|takes|depends)\\b)",
);
