/** The real technical lead, in process, on a test hub: started as the orchestrator, stopped like a kill. */
import { vi } from 'vitest';
import { BUILT_IN_ROLES } from '../../agents/roles.js';
import type { HuddleClient } from '../../collaboration-server/client.js';
import { createBehaviours } from '../../orchestrator/behaviours.js';
import { createLead, type Lead, type LeadOptions } from '../../orchestrator/lead-runtime.js';
import type { TestHub } from './hub.js';

export interface RunningLead {
  lead: Lead;
  client: HuddleClient;
}

/** Starts the lead with the shipped behaviours (or `options.behaviours`); `leads` collects it for cleanup. */
export async function startLeadOn(hub: TestHub, leads: Lead[], options: Partial<Omit<LeadOptions, 'client'>> = {}): Promise<RunningLead> {
  // A lead stopped a moment ago may still hold the name until the hub sees its socket close.
  const client = await vi.waitFor(() => hub.client('Tech Lead', 'orchestrator', { historyLimit: 0 }), { timeout: 5000 });
  const lead = await createLead({ client, behaviours: createBehaviours(), roles: [...BUILT_IN_ROLES], ...options });
  leads.push(lead);
  return { lead, client };
}

/** Lets the lead finish what it was doing, then takes it away: what a restart of the lead looks like. */
export async function stopLead({ lead, client }: RunningLead): Promise<void> {
  await lead.settled();
  lead.close();
  client.close();
}
