/**
 * The page reads the hub's frames with the protocol module's types and checks only their outline.
 *
 * Why not the zod schemas, as the Node client does: the page's own code is served by the hub it talks
 * to, so a check in the page guards against nothing the hub could not do anyway by serving other
 * code; the defence that matters here is against participant text, and that is escaping at the edge
 * (html.ts). Loading zod in the browser without a bundler would also cost about a hundred module
 * requests on every start. The outline check still catches a hub of another protocol version, or a
 * frame this page does not know, with a clear message instead of a broken view.
 */
import type { HubEvent, ServerFrame } from '../collaboration-server/protocol.js';

const FRAME_TYPES = new Set<ServerFrame['type']>(['welcome', 'ack', 'reply', 'error', 'event']);
const EVENT_TYPES = new Set<HubEvent['type']>(['message', 'presence', 'sprint', 'task', 'escalation', 'decision']);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isHubEvent(x: unknown): x is HubEvent {
  return isObject(x) && Number.isInteger(x.seq) && typeof x.ts === 'number' && EVENT_TYPES.has(x.type as HubEvent['type']);
}

/** The frame in `text`, or a sentence saying why it is not one this page reads. */
export function readServerFrame(text: string): { frame: ServerFrame } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'The hub sent a frame that is not JSON.' };
  }
  if (!isObject(raw) || !FRAME_TYPES.has(raw.type as ServerFrame['type'])) return { problem: 'The hub sent a frame of a kind this page does not know: reload the page.' };
  if (raw.type === 'event' && !isHubEvent(raw.event)) return { problem: 'The hub sent an event this page does not know: reload the page.' };
  if (raw.type === 'welcome' && (!Array.isArray(raw.history) || !raw.history.every(isHubEvent) || !Number.isInteger(raw.lastSeq) || !isObject(raw.participant))) {
    return { problem: 'The hub sent a welcome this page does not understand: reload the page.' };
  }
  if ((raw.type === 'ack' || raw.type === 'reply') && typeof raw.id !== 'string') return { problem: `The hub sent an ${raw.type} without an id.` };
  return { frame: raw as ServerFrame };
}
