/** Starts the lead with its usual behaviours: shared by `huddle orchestrator` and `huddle up`. */
import type { HuddleClient } from '../collaboration-server/client.js';
import type { RoleSpec } from '../agents/roles.js';
import { terminalSafe } from '../collaboration-server/terminal-text.js';
import { createBehaviours } from './behaviours.js';
import { createLead, type Lead } from './lead-runtime.js';
import type { MonitorOptions } from './monitoring/options.js';

export const DEFAULT_LEAD_NAME = 'Tech Lead';
export const DEFAULT_TICK_MS = 30_000;

export function startLead(client: HuddleClient, roles: RoleSpec[], tickMs = DEFAULT_TICK_MS, monitor: Partial<MonitorOptions> = {}): Promise<Lead> {
  return createLead({
    client,
    roles,
    behaviours: createBehaviours(monitor),
    tickMs,
    // the lead's log quotes room text (a refused frame, a failed behaviour): shown safe, as everywhere
    log: (line) => process.stderr.write(`${terminalSafe(line, { indent: '  ' })}\n`),
  });
}
