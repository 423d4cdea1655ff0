/** The lead's model usage this sprint, as it keeps it in the hub; null when the lead runs offline. */
import type { HuddleClient } from '../collaboration-server/client.js';
import { restoreLlmState } from '../orchestrator/advisor/llm/llm-state.js';
import { LLM_STATE_KEY, type LlmUsage } from '../orchestrator/advisor/llm/usage.js';

export async function llmUsage(client: HuddleClient): Promise<LlmUsage | null> {
  // The lead's state is for admin roles; anyone else simply does not see the line.
  const saved = await client.request({ type: 'state_get', key: LLM_STATE_KEY }).catch(() => null);
  return restoreLlmState(saved?.value)?.usage ?? null;
}
