/** Findings of a report (a pen test, an audit) and an incident's follow-up: what each asks to be done. */
import { fixOf } from '../problem.js';
import { isPeople, leadingVerb, lowerFirst, parsePhrase } from '../phrasing.js';
import { BARE_FIX, sentenceCase, STATEMENT_SAID } from './said.js';

/**
 * What a finding asks to be done: "no rate limit on the login endpoint" → "Add a rate limit to the login
 * endpoint"; a statement the phrasing cannot turn round is the case to fix.
 */
export function findingFix(text: string): string {
  // "…(IDOR). Fix before wedding season.": a fix that names only when asks for no more than the finding.
  const finding = text.split(/(?<=[.!?])\s+/).filter((s, i) => i === 0 || !BARE_FIX.test(s)).join(' ');
  const none = /^(?:no|missing)\s+(.+?)\s+(?:on|for|in|to|at)\s+(.+?)[.!]*$/i.exec(finding);
  if (none && !/[.!?]\s/.test(finding)) return `Add ${none[1]} to ${none[2]}`;
  const said = sentenceCase(finding);
  const several = /[.!?;]\s/.test(finding.trim().replace(/[.!?]+$/, ''));
  // "technicians share one login per depot": what people are found doing is the case to fix.
  const done = !several && isPeople(said.split(/\s+/)[0] ?? '') && !fixOf(said) ? fixOf(said, true) : null;
  if (done) return done;
  // (…"Bill PDFs are untagged images" opens with a word that could be a verb, but tells what is.)
  if (several || (leadingVerb(said) && !/^\S+\s+\S+\s+(?:are|is|was|were|has|have)\b/i.test(said))) return said;
  const told = fixOf(said);
  // (…a statement the phrasing cannot turn round either is the case to fix.)
  if (told && (told !== said || parsePhrase(said).verb !== null)) return said;
  // (…nor one the phrasing turns into a fix itself: "…can be opened by anyone".)
  if (parsePhrase(said).cls === 'fix') return said;
  // What is found is a problem: a thing found ("Stored XSS in the bio field") or what happens.
  return `Fix ${STATEMENT_SAID.test(finding) ? 'the case where ' : ''}${lowerFirst(finding).replace(/[.!]+$/, '')}`;
}

/** "Pen test finding: …", "Audit finding 3: …": a finding, whose fix is asked; its source says what it touches. */
const SOURCE = String.raw`(?:(?:external|internal|annual|latest|our)\s+)?(?:pen(?:etration)?[ -]?test|pentest|security(?:\s+review|\s+audit)?|audit(?:or)?(?:['’]?s)?|accessibility(?:\s+audit)?|a11y|compliance|soc\s?2|iso\s?27001|gdpr|pci(?:[ -]dss)?|qa|code\s+review|usability|ux)`;
/** "(high)", "(P1)": how bad a finding is. */
const RANK = String.raw`\((?:critical|high|medium|moderate|low|minor|major|info(?:rmational)?|p[0-4]|sev(?:erity)?[ -]?\d)\)`;
/** "(high)", "#4", ", item 7": how bad a finding is, or its number in the report. */
const RANKED = String.raw`(?:\s*#?\s*\d+|\s+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|\s*${RANK}|,?\s+(?:item|point|issue|no\.?|number)\s*#?\s*\d+)*`;
const FINDING = new RegExp(String.raw`^(?:(${SOURCE})\s+)?(finding|observation|recommendation|complaint|feedback|note)s?${RANKED}\s*[:—–-]\s+(\S.*)$`, 'i');
/** "SEC-2026-118 (high): …", "PEN-7 (Medium): …": a finding known by its ID and its rank alone. */
const FINDING_ID = new RegExp(String.raw`^([A-Z]{2,}(?:-[A-Z0-9]+)*-\d+[A-Z0-9]*)\s*${RANK}\s*[:—–-]\s+(\S.*)$`, 'i');
/** "Finding A-19 from the audit: …": the report named after the finding. */
const FINDING_FROM = new RegExp(String.raw`^(finding|observation|recommendation|note)s?${RANKED}\s+(?:from|of|in)\s+(?:the\s+|our\s+|an?\s+)?((?:[\w-]+\s+)?(?:audit|review|pen(?:etration)?[ -]?test|pentest|assessment|report))\s*[:—–-]\s+(\S.*)$`, 'i');
/** "Incident follow-up INC-2231: …", "Follow-up to INC-0412 (the site was down 47 minutes): …": what an incident asks for. */
export const INCIDENT = /^(?:incident\s+follow[- ]?up|follow[- ]?up\s+(?:to|from|on|for)|post[- ]?mortem(?:\s+actions?)?|after[- ]action)\s*(?:(?:incident\s+)?[A-Z][A-Z0-9]*-\d+)?\s*(?:\(([^)]{0,300})\))?\s*[:—–-]\s+(\S.*)$/i;
/** "Penetration test, item 7: …": a report's item, with no word for a finding. */
const REPORT_ITEM = new RegExp(String.raw`^(${SOURCE}),?\s+(?:item|point|issue|no\.?|number)\s*#?\s*\d+${RANKED}\s*[:—–-]\s+(\S.*)$`, 'i');

export interface Finding {
  /** where it was found and what it is called: "pen test finding", "audit finding", "finding sec-44" */
  source: string;
  /** what was found */
  text: string;
}

/**
 * Whether a sentence is one item of a report's list ("Finding 14: …", "Penetration test, item 7: …"). A
 * finding said with its report ("Finding A-19 from the audit: …") or by its ID alone stands as a line of
 * its own, not as an item under a title.
 */
export const isListedFinding = (sentence: string): boolean => FINDING.test(sentence) || REPORT_ITEM.test(sentence);

/** A line that reports a finding, in any of the shapes a report's findings are pasted in, or null. */
export function findingIn(line: string): Finding | null {
  const found = (where: string | undefined, called: string, text: string): Finding => ({ source: `${(where ?? '').trim()} ${called.toLowerCase()}`.trim(), text });
  let m: RegExpExecArray | null;
  if ((m = FINDING.exec(line))) return found(m[1], m[2]!, m[3]!);
  if ((m = REPORT_ITEM.exec(line))) return found(m[1], 'finding', m[2]!);
  if ((m = FINDING_FROM.exec(line))) return found(m[2], m[1]!, m[3]!);
  if ((m = FINDING_ID.exec(line))) return found(undefined, `finding ${m[1]}`, m[2]!);
  return null;
}
