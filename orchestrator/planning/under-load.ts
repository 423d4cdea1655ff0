/**
 * Something that fails when many people use it at once ("the live page falls over when 20k viewers open
 * it"): the fix is capacity, run and watched in production, and code that holds under the load; how it
 * looks is no part of it.
 */
const CROWD =
  /\b(?:\d[\d,.]*\s*k?|thousands\s+of|hundreds\s+of|tens\s+of\s+thousands\s+of)\s+(?:concurrent\s+|simultaneous\s+)?(?:viewers|users|visitors|people|fans|players|customers|shoppers|buyers|requests|connections|listeners|spectators|students|voters)\b/i;
const GIVES_WAY =
  /\b(?:(?:falls?|falling|fell)\s+over|crash(?:es|ed|ing)?|(?:goes|going|went)\s+down|dies|died|dying|(?:times?|timing|timed)\s+out|grinds?\s+to\s+a\s+halt|buckl(?:es?|ing)|chok(?:es?|ing)|melts?\s+down|can(?:no|')t\s+cope|breaks|breaking|broke)\b/i;

export const failsUnderLoad = (text: string): boolean => CROWD.test(text) && GIVES_WAY.test(text);
