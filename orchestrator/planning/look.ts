/**
 * An objective that changes only how something looks or reads on screen: "Make the 'Sold' ribbon green
 * instead of red", "Switch the site font and use the new green (#2E7D32) for headings", "Rename 'Basket'
 * to 'Cart' everywhere on the site". Nothing behind the screen changes: no server, no review, no architect.
 */

const COLOUR = String.raw`(?:gold|golden|silver|bronze|red|green|blue|yellow|orange|purple|pink|grey|gray|black|white|teal|navy)`;
/** words that name a look */
const LOOK = new RegExp(
  String.raw`#[0-9a-f]{3}(?:[0-9a-f]{3})?\b|\bcolou?rs?\b|\bfonts?\b|\btypeface\b|\bbrand\s+(?:guide|colou?rs?|palette)\b|\blook\s+(?:less|more|like|nicer|better|modern|fresh)\b|\b${COLOUR}\s+(?:instead\s+of|rather\s+than|not)\s+${COLOUR}\b|\b(?:our|the)\s+new\s+${COLOUR}\b|\b(?:bigger|larger|smaller|bolder)\s+(?:[\w-]+\s+)?(?:labels?|buttons?|text|photos?|images?|icons?|headings?|logos?)\b`,
  'i',
);
/** a label's words changed: "Rename 'Basket' to 'Cart'", "'Super Like' becomes 'Crush'" */
const WORDING = /^(?:rename|change|replace)\s+(['"‘“])[^'"‘’“”]{1,40}['"’”]\s+(?:to|with|into)\s+(['"‘“])[^'"‘’“”]{1,40}['"’”]/i;
/** words that say something behind the screen changes too */
const BEHIND = /\b(?:their\s+own|let|allow|custom\w*|white[- ]label\w*|api|database|db|server|backend|store[sd]?|save[sd]?|sync|emails?|sms|notif\w*|export|import|upload|search|filter|login|log\s+in|sign[- ]in|password|payments?|prices?\s+(?:in|per|for)|permissions?|roles?|data|reports?|schema|column|table|field|endpoint|webhook|cache|load(?:s|ing)?\s+(?:in|faster|time)|speed|fast(?:er)?|slow|seconds|performance|translat\w*|languages?|accessib\w*|wcag|contrast|screen\s+readers?|mobile|phones?|app\s+store)\b/i;

/** Whether the objective only changes a look ('look'), only a label's words ('wording'), or more (null). */
export function onlyALook(text: string): 'look' | 'wording' | null {
  if (BEHIND.test(text)) return null;
  if (WORDING.test(text.trim())) return 'wording';
  return LOOK.test(text) ? 'look' : null;
}
