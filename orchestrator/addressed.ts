/**
 * Lines said to the lead. A message reaches the lead when it goes to everyone, to the lead by name, or
 * to its role; people also name it at the start of a line said to everyone ("@Tech Lead status",
 * "Tech Lead: bug: the export crashes"). The behaviours read such a line without the name.
 */
import type { MessageEvent } from '../collaboration-server/protocol.js';
import type { LeadView } from './lead-view.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The line without the lead's name at its start ("@Tech Lead", "Tech Lead,", "@lead:"), or null when it does not open with it. */
export function withoutLeadName(text: string, self: string): string | null {
  const named = new RegExp(`^\\s*(?:@(?:${escape(self)}|lead)(?=[\\s,:]|$)|${escape(self)}\\s*[,:])[\\s,:]*`, 'i').exec(text);
  return named ? text.slice(named[0].length).trim() : null;
}

/** The message is for the lead: sent to everyone, to the lead, or to its role, by someone else. */
export function reachesLead(event: MessageEvent, view: Pick<LeadView, 'self'>): boolean {
  if (event.from.name === view.self || event.from.role === 'orchestrator') return false;
  const to = event.to;
  return to.kind === 'all' || (to.kind === 'participant' && to.name === view.self) || (to.kind === 'role' && to.role === 'orchestrator');
}

/** What the lead reads of a message: the line without its name at the start. */
export const lineForLead = (event: MessageEvent, view: Pick<LeadView, 'self'>): string => withoutLeadName(event.text, view.self) ?? event.text.trim();
