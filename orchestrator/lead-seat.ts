/**
 * One lead at a time, from the lead's side (the hub's half is collaboration-server/lead-seat.ts): the
 * lead claims the seat once joined and every `claimEveryMs` after, and acts only while it holds it.
 * A second `huddle orchestrator` is a standby: joined and quiet, claiming, and it starts leading when
 * the seat frees (its holder's process or hub died). A lead that finds its seat taken stops acting
 * and stands by. Each new epoch starts the lead afresh from the hub, as a restart does; its actions'
 * frame ids come from the events, so what the previous lead already did is not done twice.
 */
import type { HuddleClient } from '../collaboration-server/client.js';
import { HuddleError } from '../collaboration-server/errors.js';
import type { Lead } from './lead-runtime.js';

export const CLAIM_EVERY_MS = 2000;

export interface SeatedLead {
  /** the lead while this process holds the seat */
  lead(): Lead | undefined;
  close(): void;
}

interface Claim {
  granted: boolean;
  epoch: number;
  holder: string;
}

export function holdLeadSeat(client: HuddleClient, start: () => Promise<Lead>, log: (line: string) => void, claimEveryMs = CLAIM_EVERY_MS): SeatedLead {
  let lead: Lead | undefined;
  let epoch = 0;
  let claiming = false;
  let closed = false;
  let standingBy = '';

  const stop = () => {
    lead?.close();
    lead = undefined;
    epoch = 0;
  };

  async function takeSeat(claim: Claim): Promise<void> {
    if (claim.epoch === epoch) return;
    stop();
    log(`${client.name} leads the room (epoch ${claim.epoch})`);
    standingBy = '';
    epoch = claim.epoch;
    const started = await start();
    if (closed || epoch !== claim.epoch) started.close();
    else lead = started;
  }

  async function claimSeat(): Promise<void> {
    if (claiming || closed) return;
    claiming = true;
    try {
      const claim = (await client.send({ type: 'lead_claim' })).result as unknown as Claim;
      if (closed) return;
      if (claim.granted) return await takeSeat(claim);
      const who = `${claim.holder} leads (epoch ${claim.epoch})`;
      if (lead) log(`${who}: ${client.name} stops and stands by`);
      else if (standingBy !== who) log(`${client.name} stands by: ${who}`);
      standingBy = who;
      stop();
    } catch (err) {
      // a hub from before the lead's seat: lead as before, alone
      if (err instanceof HuddleError && err.code === 'UNKNOWN_TYPE') {
        clearInterval(timer);
        if (!lead) lead = await start();
      }
      // otherwise (disconnected, storage down) the next round claims again
    } finally {
      claiming = false;
    }
  }

  const timer = setInterval(() => void claimSeat(), claimEveryMs);
  void claimSeat();
  return {
    lead: () => lead,
    close() {
      closed = true;
      clearInterval(timer);
      stop();
    },
  };
}

/**
 * Connects as the lead; while another lead of the same name is connected to that hub (NAME_TAKEN),
 * waits as a standby and tries again, so `huddle orchestrator` may be started twice.
 */
export async function connectAsStandby(connect: () => Promise<HuddleClient>, log: (line: string) => void, retryMs = CLAIM_EVERY_MS): Promise<HuddleClient> {
  let told = false;
  for (;;) {
    try {
      return await connect();
    } catch (err) {
      if (!(err instanceof HuddleError) || err.code !== 'NAME_TAKEN') throw err;
      if (!told) log('another lead of this name is connected to the hub: waiting as a standby');
      told = true;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
