/**
 * An objective's purpose, said after what it asks for: "Redesign the onboarding screens to lift sign-up
 * conversion", "Write a guide so new engineers ship on day one". The purpose says why, not what: its
 * words do not bring their domains' work (a sign-up metric is no sign-in change to review).
 */

/** Verbs that open a purpose after "to": what the work is meant to move or meet. */
const PURPOSE_VERBS =
  'lift|raise|boost|increase|improve|grow|drive|reduce|cut|lower|decrease|halve|match|meet|comply|satisfy|attract|retain|win|keep|avoid|prevent|help|encourage|save|hit|reach|support|speed up|make it easier|make sure|stop|cope|unblock|please';

// "whether to keep…", "how to keep…" is what is asked, not why.
const PURPOSE = new RegExp(`(?<!\\b(?:whether|how|what|when|where|which))\\s+(?:(?:in order )?to\\s+(?:${PURPOSE_VERBS})\\b|so\\s+that\\b|so\\s+(?:that\\s+)?(?:we|they|users?|customers?|new|people|the|our|it|admins?|teams?|engineers?)\\b)`, 'i');

/** The objective without its purpose clause, and the purpose (or null). */
export function withoutPurpose(text: string): { main: string; purpose: string | null } {
  const m = PURPOSE.exec(text);
  if (!m || m.index < 8) return { main: text, purpose: null };
  return { main: text.slice(0, m.index).trim(), purpose: text.slice(m.index).trim() };
}
