/** Small words and numbers the views share: statuses, hours, times in the reader's own time zone. */
import type { TaskStatus } from '../../collaboration-server/protocol.js';

export const STATUS_LABELS: Record<TaskStatus, string> = {
  pending: 'Waiting',
  assigned: 'Assigned',
  accepted: 'Accepted',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Every status, in the order of the board's columns (the labels' keys: the type makes sure none is missing). */
export const STATUS_ORDER = Object.keys(STATUS_LABELS) as TaskStatus[];

export const hours = (h: number): string => `${Math.round(h * 10) / 10}h`;

export const percent = (ratio: number): string => `${Math.round(ratio * 100)}%`;

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const weekdayDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric' });
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "Wed 7 Jan, 14:00" */
export const when = (t: number): string => dateTime.format(t);
/** "Wed 7 Jan" */
export const day = (t: number): string => dateOnly.format(t);
/** "Wed 7" */
export const weekday = (t: number): string => weekdayDay.format(t);
/** "14:00" */
export const time = (t: number): string => clock.format(t);

/** "5 min", "3 h", "2 d": how long ago or how long for. */
export function span(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}
