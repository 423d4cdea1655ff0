/** One readable line (or a few) per hub event: used by `huddle history` and the plain line mode. */
import type { HubEvent } from '../collaboration-server/protocol.js';

export const clockTime = (ts: number): string => new Date(ts).toISOString().slice(11, 16);

export function describeEvent(event: HubEvent): string {
  const at = clockTime(event.ts);
  switch (event.type) {
    case 'message': {
      const to = event.to.kind === 'participant' ? ` → ${event.to.name}` : event.to.kind === 'role' ? ` → @${event.to.role}` : '';
      return `${at} [${event.from.role}] ${event.from.name}${to}: ${event.text}`;
    }
    case 'presence':
      return `${at} * ${event.participant.name} (${event.participant.role}) ${event.change}`;
    case 'sprint':
      return `${at} # sprint ${event.sprint.name}: ${event.tasks.length} task(s) ${event.tasks.map((t) => t.id).join(' ')} by ${event.by}`;
    case 'task': {
      const { change, task } = event;
      const who = change.assignee && change.action !== 'progress' ? ` → ${change.assignee}` : '';
      const pct = change.percent !== null ? ` ${change.percent}%` : '';
      const note = change.note ? `: ${change.note}` : '';
      return `${at} # ${task.id} ${change.action} (${change.from} → ${change.to})${pct}${who} by ${change.by} — ${task.title}${note}`;
    }
    case 'escalation': {
      const e = event.escalation;
      const options = e.options.map((o) => `${o.key}) ${o.label}`).join('  ');
      return `${at} ! ${e.id} needs the product owner: ${e.title}. ${options}  (answer ${e.id} KEY)`;
    }
    case 'decision':
      return `${at} ! ${event.decision.id} decided on ${event.escalation.id} by ${event.decision.by}: ${event.decision.text}`;
  }
}
