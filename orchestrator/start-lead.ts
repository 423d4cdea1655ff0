/** Starts the lead with its usual behaviours: shared by `huddle orchestrator` and `huddle up`. */
import type { HuddleClient } from '../collaboration-server/client.js';
import type { RoleSpec } from '../agents/roles.js';
import { terminalSafe } from '../collaboration-server/terminal-text.js';
import type { LlmConfig } from './advisor/llm/config.js';
import { loadLlmAdvisor } from './advisor/llm/load.js';
import { createLlmBehaviour } from './advisor/llm/llm-behaviour.js';
import { createBehaviours } from './behaviours.js';
import { createLead, type Lead } from './lead-runtime.js';
import type { MonitorOptions } from './monitoring/options.js';

export const DEFAULT_LEAD_NAME = 'Tech Lead';
export const DEFAULT_TICK_MS = 30_000;

/** With `llm`, the lead thinks with that model, checked by the offline engine; without it, offline alone. */
export async function startLead(client: HuddleClient, roles: RoleSpec[], tickMs = DEFAULT_TICK_MS, monitor: Partial<MonitorOptions> = {}, llm: LlmConfig | null = null): Promise<Lead> {
  // the lead's log quotes room text (a refused frame, a failed behaviour) and model answers: shown safe, as everywhere
  const log = (line: string) => process.stderr.write(`${terminalSafe(line, { indent: '  ' })}\n`);
  const advisor = llm ? await loadLlmAdvisor(llm, roles, log) : null;
  let lead: Lead | undefined;
  let woken = false;
  advisor?.onWake(() => (lead ? lead.tick() : (woken = true)));
  lead = await createLead({
    client,
    roles,
    behaviours: advisor ? [createLlmBehaviour(advisor), ...createBehaviours(monitor, advisor)] : createBehaviours(monitor),
    tickMs,
    log,
  });
  if (woken) lead.tick();
  return lead;
}
