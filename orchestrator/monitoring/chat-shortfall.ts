/**
 * A shortfall told by its numbers: what there is ("handles 100", "falls over at 300 requests per
 * second", "capped at 500 SMS a day") against what the work needs ("needs 1000+", "Black Friday needs
 * 2,000", "the customer is sending 400"). Each number is read by the words around it; when a need is
 * larger than what there is, the line reports a shortfall, whatever words it uses for it. A limit said
 * to be hit ("hits the 15 minute limit") is one too. A rate is compared per the same time: "20 reports a
 * minute" against "3,000 reports in an hour" is 1,200 an hour against 3,000. Runs on normalised text
 * (lower case).
 */

export interface Shortfall {
  /** what was heard: "handles 100 … needs 1000" */
  heard: string;
  /**
   * a platform's hard limit on time or size ("the 15 minute limit"): the work has to change shape,
   * which is the team's to solve; a limit on how much (calls, messages, seats) is bought up or not
   */
  hardLimit: boolean;
}

interface Quantity {
  value: number;
  at: number;
  said: string;
  role: 'have' | 'need' | null;
  /** how many seconds the amount is counted over ("a minute", "in an hour"), or null when it is no rate */
  per: number | null;
}

/** What a number is counted over: "20 reports a minute", "3,000 in an hour", "500 sms per day". */
const RATE_AFTER = /^\S*\s+(?:[\w-]+\s+){0,2}?(?:a|an|per|each|every|in an?|in one|\/)\s?(second|sec|minute|min|hour|hr|day|week|month)s?\b/;
const SECONDS: Record<string, number> = { second: 1, sec: 1, minute: 60, min: 60, hour: 3600, hr: 3600, day: 86400, week: 604800, month: 2592000 };

/** Words before a number that say it is what there is: a capacity, a limit, a plan's allowance. */
const HAVE_BEFORE =
  /(?:handles?|handling|supports?|supporting|takes|serves?|holds?|processes|processing|manages|copes with|tops? out(?: at| around)?|maxes out(?: at| around)?|max(?:imum)?(?: of| is)?|falls? over at|falling over at|fell over at|breaks? at|dies at|chokes at|capped at|caps? (?:us|it|them) at|cap(?: of| is)|limit(?:ed)?(?: of| to| is| at)?|allows?(?: us)?|lets us(?: \w+)?|gives us|quota(?: of| is)|includes|covers|can (?:only )?(?:do|handle|take|serve|hold|send|process)|up to|at most|only)(?: about| around| roughly| some)?\s*$/;
/** Words before a number that say it is what is needed or coming. */
const NEED_BEFORE =
  /(?:needs?|need about|requires?|required|expects?|expecting|expected|sending|will send|sends|send|opens?|opening|peaks?(?: at| around)?|will (?:be|hit|reach|need|get)|must (?:handle|support|take|serve)|wants?|asking for|forecast(?: is)?|projected|comes to|traffic(?: alone)? is|is about|is around|alone is(?: about)?|generates?|produces?|open|we (?:get|see|have)|there are|we're at|at peak|(?:batch|load|volume|peak|demand|run|backlog|import|campaign)(?: alone)? is)(?: about| around| roughly| some| at least| over)?\s*$/;
/** Words after a number that say what it is: "the 300 we see at peak", "2,000 we need". */
const NEED_AFTER = /^\S*\s+(?:\w+\s+)?(?:we|they|it|customers|users) (?:see|need|get|expect|send|peak)/;
/** It is enough after all: "which is plenty", "comfortably above". */
const ENOUGH = /\b(?:plenty|comfortably|headroom|well (?:above|within|below|under)|more than enough|enough for|which is fine|no problem|not an issue)\b/;
/** Numbers that are not amounts: times, dates, versions, percentiles, ordinals. */
const NOT_AMOUNT = /^(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)|\d+(?:st|nd|rd|th)\b)/;
const NOT_AMOUNT_BEFORE = /(?:\bp|\bv|version |react |node |python |ios |android |at |from |to |by |since |q|the )$/;
/** A limit said to be hit: "hits the 15 minute limit", "over the 10k quota". */
const LIMIT_HIT = /\b(?:hits?|hitting|exceeds?|exceeding|over|above|past|beyond|runs? into|running into|ran into)(?: the| our| its| their)? [\d,.]+\s*k?(?: [\w-]+){0,3} (?:limit|quota|cap|maximum|ceiling)\b/;

/** Units of a hard limit: time and size. */
const HARD_UNITS = /\b(?:seconds?|minutes?|hours?|ms|mb|gb|kb|bytes?|characters?|chars|memory|timeout|size|payload|length)\b/;

function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const m of text.matchAll(/(?<![\w.])(\d[\d,]*(?:\.\d+)?)\s*(k|m|million|thousand)?\+?(?![\w])/g)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 60), at);
    if (NOT_AMOUNT.test(text.slice(at)) || (NOT_AMOUNT_BEFORE.test(before) && !/(?:up to|at most|falls? over at|falling over at|capped at|tops? out at|maxes out at|peaks? at|breaks? at) $/.test(before))) continue;
    const scale = m[2] === 'k' || m[2] === 'thousand' ? 1000 : m[2] === 'm' || m[2] === 'million' ? 1e6 : 1;
    const value = Number(m[1]!.replace(/,/g, '')) * scale;
    if (!Number.isFinite(value) || value < 2) continue;
    const after = text.slice(at + m[0].length, at + m[0].length + 40);
    const role = HAVE_BEFORE.test(before) ? 'have' : NEED_BEFORE.test(before) || NEED_AFTER.test(after) ? 'need' : null;
    const unit = RATE_AFTER.exec(text.slice(at + m[0].length - 1, at + m[0].length + 40))?.[1];
    found.push({ value, at, said: m[0], role, per: unit ? SECONDS[unit] ?? null : null });
  }
  return found;
}

/** The shortfall a line reports, or null. */
export function shortfallIn(text: string): Shortfall | null {
  if (ENOUGH.test(text)) return null;
  const hit = LIMIT_HIT.exec(text);
  if (hit) return { heard: hit[0], hardLimit: HARD_UNITS.test(hit[0]) };
  const qs = quantities(text);
  const have = qs.filter((q) => q.role === 'have');
  const need = qs.filter((q) => q.role === 'need');
  // Two rates are compared over the same time; a rate and a plain amount as they are said.
  const more = (n: Quantity, h: Quantity) => (n.per && h.per ? n.value / n.per > h.value / h.per : n.value > h.value);
  for (const h of have) {
    const over = need.find((n) => more(n, h));
    if (over) return { heard: `${h.said.trim()} … ${over.said.trim()}`, hardLimit: false };
  }
  return null;
}
