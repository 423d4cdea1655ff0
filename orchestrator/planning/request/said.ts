/** What a line asks for, and the words every reading of a request shares. */

export interface Request {
  /** the request, said as an objective */
  text: string;
  /** the problem it answers: its words say what the work touches */
  problem: string | null;
  /** why it is asked: said back, but its words bring no work */
  why: string | null;
}

/** Up to three words naming people, ending in a plural or a word for people: "bank customers", "front desk staff". */
export const PEOPLE = String.raw`(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+(?<!ss|us|is|'s|’s)s|people|staff|everyone|we|police|personnel|crew|team|management)`;

/** a sentence that tells how things are, not what to do */
export const STATEMENT = /\b(?:is|are|was|were|takes?|took|lands?|has|have|had|keeps?|don't|doesn't|can't|cannot|no idea|fails?|breaks?|crash(?:es)?|times out|gets?|loses?|shows?)\b/i;

/** A statement after a topic: "billing: customers on annual plans get charged twice…". */
export const STATEMENT_SAID = /^(?:[\w'’-]+\s+){1,6}?(?:get|gets|got|want|wants|is|are|was|were|has|have|keeps?|fails?|takes?|can't|cannot|don't|doesn't|won't|isn't|aren't|never|shows?|lands?|goes|go|returns|gives|finds|throws|sends|crashes|hangs|breaks|times\s+out|errors|looks|feels|seems|stops|appears|disappears)\b/i;

export const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const bare = (s: string) => s.trim().replace(/[.!]+$/, '');

/** "Fix before wedding season", "Fix asap": a fix that names only when, asks for no more than what was told. */
export const BARE_FIX = /^(?:please\s+)?(?:fix|sort|solve|resolve|address|patch|remediate)(?:\s+(?:asap|now|today|tomorrow|soon|urgently|quickly|please|first|(?:before|by|until|ahead\s+of|in\s+time\s+for)\s+[^,;]{1,40}|(?:this|next)\s+\w+))*\s*[.!]*$/i;
