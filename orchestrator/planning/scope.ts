/**
 * How big an objective is, from what it says: words that widen or narrow it, the number of its parts,
 * the platforms it names and the domains it touches. Each adjustment is a reason the product owner sees
 * ("3 platforms (iOS, Android, web) ×1.6"), so an estimate is never a bare number.
 */

export interface Scope {
  /** multiplies every task's hours */
  factor: number;
  /** why, one entry per adjustment */
  reasons: string[];
  /** a small change: it needs no design stage */
  small: boolean;
}

const NARROW: readonly [RegExp, string, number][] = [
  [/\b(?<!tolerate )(?:typos?|spelling(?= ['"‘“])|wording|copy change|one[- ]line|(?<!white[- ])label|tooltip)\b(?! tolerance)/i, 'a small change', 0.4],
  [/\b(?:small|tiny|minor|simple|quick|tweak|toggle|rename)\b/i, 'a small change', 0.5],
  [/\b(?:colou?r|font)\b/i, 'a visual tweak', 0.6],
];

/** Words that widen the work, each counted once, in the order they are said. */
const WIDEN: readonly [RegExp, number][] = [
  [/\b(?:from scratch|rewrite|rebuild|overhaul)\b/i, 1.5],
  [/\b(?:second|another|two|multiple|several|many)\s+(?:data\s*cent(?:re|er)s?|regions?)\b|\bmulti[- ]region\b/i, 1.8],
  [/\b(?:without|zero|no)\s+downtime\b/i, 1.3],
  [/\breal[- ]?time\b|\blive\b/i, 1.25],
  [/\b(?:scal(?:able|ability|e|ing)|at scale|millions?|\d+\s*x|\d{4,}\+?|black friday)(?![\w-])/i, 1.3],
  [/\bmigrat(?:e|ion|ing)\b|\bmove (?:from|to)\b|\bswitch (?:from|to)\b/i, 1.2],
  [/\b(?:entire|whole|every|all|across|company[- ]wide|end[- ]to[- ]end)\b/i, 1.3],
  [/\b(?:monolith|microservices?|platform)\b/i, 1.3],
];

const PLATFORMS: readonly [RegExp, string][] = [
  [/\bios\b|\biphone\b|\bipad\b/i, 'iOS'],
  [/\bandroid\b/i, 'Android'],
  [/\bweb\b|\bbrowser\b/i, 'web'],
  [/\bdesktop\b|\bwindows\b|\bmacos\b|\blinux\b/i, 'desktop'],
];

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The parts an objective lists: "date and author", "sessions, roles and permissions", "into 12 languages". */
function partsOf(text: string): number {
  const counted = /\b(?:into|in|for|across|to)\s+(\d{1,3})\s+\w+/i.exec(text);
  if (counted) return Math.min(5, Number(counted[1]));
  const separators = text.match(/,\s*(?!and\b)|\s(?:and|&|\+)\s/gi)?.length ?? 0;
  return Math.min(5, 1 + separators);
}

/** `extraDomains`: labels of the domains beyond the first, each widening the work a little. */
export function scopeOf(text: string, extraDomains: readonly string[]): Scope {
  let factor = 1;
  const reasons: string[] = [];
  let small = false;
  const apply = (label: string, f: number) => {
    factor *= f;
    reasons.push(`${label} ×${f}`);
  };
  const narrow = NARROW.find(([re]) => re.test(text));
  if (narrow) {
    const said = narrow[0].exec(text)![0].toLowerCase();
    apply(`${narrow[1]} ("${said}")`, narrow[2]);
    small = true;
  }
  const widening = WIDEN.flatMap(([re, f]) => {
    const m = re.exec(text);
    return m ? [{ at: m.index, said: m[0], f }] : [];
  }).sort((a, b) => a.at - b.at);
  for (const w of widening) apply(`"${w.said.toLowerCase()}"`, w.f);
  const platforms = PLATFORMS.filter(([re]) => re.test(text)).map(([, name]) => name);
  if (platforms.length >= 2) apply(`${platforms.length} platforms (${platforms.join(', ')})`, round2(1 + 0.3 * (platforms.length - 1)));
  const parts = partsOf(text);
  if (parts >= 2) apply(`${parts} parts`, round2(1 + 0.2 * (parts - 1)));
  for (const label of extraDomains.slice(0, 2)) apply(`also touches ${label}`, 1.15);
  factor = Math.min(4, Math.max(0.3, factor));
  return { factor, reasons, small: small && factor < 0.8 };
}
