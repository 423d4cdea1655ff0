/**
 * Presence noise folded: a row of joins and leaves (a hub restart brings every terminal back at once)
 * becomes one line, "3 terminals reconnected". A name the room knew before is back, not new. Pure.
 */
import type { HubEvent } from '../collaboration-server/protocol.js';

export interface PresenceGroup {
  /** first joins */
  joined: string[];
  /** names the room knew before: back after a restart or a lost connection */
  back: string[];
  left: string[];
}

/** Presence events closer together than this fold into one line. */
export const FOLD_MS = 2 * 60_000;

type Presence = Extract<HubEvent, { type: 'presence' }>;

const without = (names: string[], name: string) => names.filter((n) => n !== name);

/** `group` with one more join or leave; `known`: the room had this name before the event. */
export function foldPresence(group: PresenceGroup, event: Presence, known: boolean): PresenceGroup {
  const name = event.participant.name;
  if (event.change === 'left') {
    return { joined: without(group.joined, name), back: without(group.back, name), left: [...without(group.left, name), name] };
  }
  const returning = known || group.left.includes(name);
  const others = { joined: without(group.joined, name), back: without(group.back, name), left: without(group.left, name) };
  return returning ? { ...others, back: [...others.back, name] } : { ...others, joined: [...others.joined, name] };
}

export const emptyGroup = (): PresenceGroup => ({ joined: [], back: [], left: [] });

const people = (names: string[], many: string): string =>
  names.length > 2 ? `${names.length} ${many}` : names.join(' and ');

export function presenceText(g: PresenceGroup): string {
  return [
    g.joined.length ? `${people(g.joined, 'people')} joined` : '',
    g.back.length ? `${people(g.back, 'terminals')} reconnected` : '',
    g.left.length ? `${people(g.left, 'terminals')} left` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
