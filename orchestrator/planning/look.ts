/**
 * An objective that changes only how something looks or reads on screen: "Make the 'Sold' ribbon green
 * instead of red", "Switch the site font and use the new green (#2E7D32) for headings", "Rename 'Basket'
 * to 'Cart' everywhere on the site". Nothing behind the screen changes: no server, no review, no architect.
 */

const COLOUR = String.raw`(?:gold|golden|silver|bronze|red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|teal|navy)`;
/** words that name a look */
const LOOK = new RegExp(
  String.raw`#[0-9a-f]{3}(?:[0-9a-f]{3})?\b|\bcolou?rs?\b|\bfonts?\b|\btypeface\b|\bbrand\s+(?:guide|colou?rs?|palette)\b|\blook\s+(?:less|more|like|nicer|better|modern|fresh)\b|\b${COLOUR}\s+(?:instead\s+of|rather\s+than|not)\s+${COLOUR}\b|\b(?:our|the)\s+new\s+${COLOUR}\b|\b(?:bigger|larger|smaller|bolder)\s+(?:[\w-]+\s+)?(?:labels?|buttons?|text|photos?|images?|icons?|headings?|logos?)\b|\b(?:carousel|masonry|layout|rounded\s+(?:corners|cards))\b|\b(?:is|are|looks?)\s+(?:so\s+|really\s+|very\s+|a\s+bit\s+|kind\s+of\s+)?(?:ugly|dated|old[- ]fashioned|cluttered|messy|a\s+mess)\b`,
  'i',
);
/** a label's words changed: "Rename 'Basket' to 'Cart'", "'Super Like' becomes 'Crush'" */
const WORDING = /^(?:rename|change|replace)\s+(['"‘“])[^'"‘’“”]{1,40}['"’”]\s+(?:to|with|into)\s+(['"‘“])[^'"‘’“”]{1,40}['"’”]/i;
/** words that say something behind the screen changes too */
const BEHIND = /\b(?:their\s+own|let|allow|custom\w*|white[- ]label\w*|api|database|db|server|backend|store[sd]?|save[sd]?|sync|emails?|sms|notif\w*|export|import|upload|search|filter|login|log\s+in|sign[- ]in|password|payments?|prices?\s+(?:in|per|for)|permissions?|roles?|data|reports?|schema|column|table|field|endpoint|webhook|cache|load(?:s|ing)?\s+(?:in|faster|time)|speed|fast(?:er)?|slow|seconds|performance|translat\w*|languages?|flags?|toggles?|turn(?:s|ed)?\s+(?:off|on)|per\s+(?:country|user|customer|region|market)|accessib\w*|wcag|contrast|screen\s+readers?|mobile|phones?|app\s+store)\b/i;

/** "Make the winner's name gold (on the final card)": a thing given a colour or a weight (a size may be a limit). */
const GIVEN_A_LOOK = new RegExp(String.raw`\s(?:${COLOUR}|bold|italic)(?:\s+(?:on|in|at|across)\s+.*)?$`, 'i');
/** "Make the 'accept job' button bigger", "Make the job tags print bigger": a thing on screen or paper given another size. */
const RESIZED = /\b(?:buttons?|icons?|text|fonts?|logos?|labels?|headings?|links?|tabs?|tags?|checkboxes?|toggles?)\s+(?:print\s+)?(?:much\s+|a\s+(?:bit|lot)\s+)?(?:bigger|larger|smaller|wider|narrower|taller|bolder)$/i;

/** What "Make <object>" asks for, when it is only a look: a colour, a weight or a size. */
export const madeALook = (object: string): boolean => GIVEN_A_LOOK.test(object) || RESIZED.test(object);

/** Whether the objective only changes a look ('look'), only a label's words ('wording'), or more (null). */
export function onlyALook(text: string): 'look' | 'wording' | null {
  if (BEHIND.test(text)) return null;
  if (WORDING.test(text.trim())) return 'wording';
  return LOOK.test(text) ? 'look' : null;
}
