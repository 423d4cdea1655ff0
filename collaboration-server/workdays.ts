/**
 * The working-day calendar: Monday to Friday, counted in UTC from a sprint's own start time. Planning
 * (capacity, due times), monitoring (overload), the burndown and the web page's team all count with it.
 */
import { DAY } from './units.js';

/** The start of each Monday-to-Friday day in [startsAt, endsAt), stepping a day at a time from startsAt. */
export function workdayStarts(startsAt: number, endsAt: number): number[] {
  const starts: number[] = [];
  for (let t = startsAt; t < endsAt; t += DAY) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) starts.push(t);
  }
  return starts;
}

/** Monday-to-Friday days in [startsAt, endsAt), counted in UTC. */
export const workdaysBetween = (startsAt: number, endsAt: number): number => workdayStarts(startsAt, endsAt).length;
