import type { HuddleClient } from '../../collaboration-server/client.js';
import type { HubEvent } from '../../collaboration-server/protocol.js';

const PAGE = 500;

/**
 * The events after `after` that this participant may see, oldest first, read from the hub's history
 * page by page backwards; at most `maxPages` pages (a reader far behind gets the newest part, and
 * `complete` says whether older ones were left out).
 */
export async function eventsSince(client: Pick<HuddleClient, 'request'>, after: number, maxPages = 4): Promise<{ events: HubEvent[]; complete: boolean }> {
  const pages: HubEvent[][] = [];
  let before: number | undefined;
  for (let page = 0; page < maxPages; page++) {
    const { events } = await client.request({ type: 'history', limit: PAGE, all: true, ...(before ? { before } : {}) });
    const newer = events.filter((e) => e.seq > after);
    pages.unshift(newer);
    const oldest = events[0]?.seq;
    if (events.length < PAGE || oldest === undefined || oldest <= after + 1) return { events: pages.flat(), complete: true };
    before = oldest;
  }
  return { events: pages.flat(), complete: false };
}
