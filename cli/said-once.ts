/**
 * Each thing said once. The hub opens an escalation (an event every terminal shows, or the product
 * owner's prompt), and the lead then announces it with a card that says the same: a terminal that
 * knows the escalation already skips the announcement. Pure.
 */
import type { HubEvent } from '../collaboration-server/protocol.js';
import type { Room } from './room.js';

/** A lead's message whose escalation card repeats an escalation this terminal has shown. */
export function repeatsEscalation(event: HubEvent, room: Room): boolean {
  if (event.type !== 'message' || event.card?.kind !== 'escalation') return false;
  const id = event.card.escalationId;
  return room.escalations.some((e) => e.id === id);
}
