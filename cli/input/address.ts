/**
 * To whom `/dm TARGET` and `huddle say --to TARGET` go: `@role` for everyone in a role the room knows,
 * otherwise one participant, matched as people type names (name-match.ts). Pure.
 */
import { parseAddress } from '../../collaboration-server/audience.js';
import { matchName, unmatched, type Named } from '../../collaboration-server/name-match.js';
import type { Audience } from '../../collaboration-server/protocol.js';

export function addressOf(target: string, people: readonly Named[], roles: readonly string[]): { audience: Audience } | { problem: string } {
  const audience = parseAddress(target, target.startsWith('@') ? roles : []);
  // with nobody to match against (not connected yet), the hub decides
  if (audience.kind !== 'participant' || !people.length) return { audience };
  const match = matchName(target, people);
  return match.kind === 'one' ? { audience: { kind: 'participant', name: match.name } } : { problem: unmatched(target, match, people) };
}
