/**
 * What must stay up while a change is made ("split the orders table without taking checkout down",
 * "…while the shop stays online") is a constraint on how the change is run, not a part to build: the
 * system it names brings no work of its own, only the need to change things without downtime.
 */
const STAYS_UP =
  /\b(?:without\s+(?:taking|bringing|knocking)\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){1,3}?(?:down|offline)|while\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){1,3}?(?:stays?|remains?|keeps?\s+running|is\s+live)(?:\s+(?:online|up|live|open|available))?|with\s+no\s+downtime\s+for\s+(?:the\s+|our\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+)/gi;

/** The text with what must stay up said only as "without downtime". */
export const withoutWhatStaysUp = (text: string): string => text.replace(STAYS_UP, 'without downtime');
