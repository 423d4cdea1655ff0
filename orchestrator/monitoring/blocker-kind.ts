/**
 * Whether a blocker is technical (the team can solve it) or needs a business or product decision
 * (scope, budget, infrastructure investment, priorities, third parties, requirements): those go
 * straight to the product owner.
 */

export type BusinessReason = 'budget' | 'infrastructure' | 'third party' | 'scope' | 'priorities' | 'requirements';

const BUSINESS_CUES: readonly { reason: BusinessReason; re: RegExp }[] = [
  { reason: 'infrastructure', re: /\b(multiple|multi|more|several|other) ?-?regions?\b|\bscal(e|ing) (it |this |up |out )?(to|beyond|for)\b|\b(bigger|larger|dedicated|managed|more) (database|server|servers|instance|instances|cluster|machines?|hardware)\b|\binfrastructure (investment|cost|spend)\b/ },
  { reason: 'budget', re: /\bbudget\b|\b(cost|costs|pay|paid|pricing|price|purchase|buy|licen[cs]e|subscription|spend)\b/ },
  { reason: 'third party', re: /\b(third[- ]party|vendor|supplier|partner|external team|contract)\b/ },
  { reason: 'scope', re: /\b(scope|out of scope|drop (the|this) feature|mvp)\b/ },
  { reason: 'priorities', re: /\b(priorit(y|ies|ise|ize)|which (one|feature|task) (first|matters)|more important)\b/ },
  { reason: 'requirements', re: /\b(requirements?|spec|specification|acceptance criteria) (is |are )?(unclear|conflict|conflicting|contradict|missing|ambiguous)\b|\b(product|business) decision\b|\bcustomer (wants|asked)\b/ },
];

/** The business reason a blocker needs the product owner for, or null when the team can solve it. */
export function businessReason(text: string): BusinessReason | null {
  const t = text.toLowerCase().replace(/[’‘]/g, "'");
  return BUSINESS_CUES.find(({ re }) => re.test(t))?.reason ?? null;
}

export type BlockerKind = { kind: 'technical' } | { kind: 'business'; reason: BusinessReason };

export function classifyBlocker(text: string): BlockerKind {
  const reason = businessReason(text);
  return reason ? { kind: 'business', reason } : { kind: 'technical' };
}
