/** One readable line (or a few) per hub event: used by `huddle history` and the plain line mode. */
import type { HubEvent, Participant, Sprint, Task } from '../collaboration-server/protocol.js';
import { utcDate, utcTime } from '../collaboration-server/units.js';
import { completion, completionWords, pointsWords } from '../collaboration-server/figures.js';
import { columns, padStartWidth } from './text-width.js';

/** In line-oriented output, the lines after an event's first hang past its time: none can pass for an event. */
export const EVENT_INDENT = ' '.repeat(6);

export function describeEvent(event: HubEvent): string {
  const at = utcTime(event.ts);
  switch (event.type) {
    case 'message': {
      const to = event.to.kind === 'participant' ? ` → ${event.to.name}` : event.to.kind === 'role' ? ` → @${event.to.role}` : '';
      return `${at} [${event.from.role}] ${event.from.name}${to}: ${event.text}`;
    }
    case 'presence':
      return `${at} * ${event.participant.name} (${event.participant.role}) ${event.change}`;
    case 'sprint': {
      const { sprint } = event;
      if (sprint.status === 'active') return `${at} # sprint ${sprint.name}: ${event.tasks.length} task(s) ${event.tasks.map((t) => t.id).join(' ')} by ${event.by}`;
      const open = event.tasks.filter((t) => t.status !== 'done' && t.status !== 'cancelled').map((t) => t.id);
      return `${at} # sprint ${sprint.name} ${sprint.status} by ${event.by}: ${completionWords(completion(event.tasks))}${open.length ? `; to the backlog: ${open.join(' ')}` : ''}`;
    }
    case 'task': {
      const { change, task } = event;
      const who = change.assignee && (change.action === 'assign' || change.action === 'reassign') ? ` → ${change.assignee}` : '';
      const pct = change.percent !== null ? ` ${change.percent}%` : '';
      const note = change.note ? `: ${change.note}` : '';
      const moved = change.from !== change.to ? ` (${change.from} → ${change.to})` : '';
      return `${at} # ${task.id} ${change.action}${moved}${pct}${who} by ${change.by} — ${task.title}${note}`;
    }
    case 'escalation': {
      const e = event.escalation;
      const options = e.options.map((o) => `${o.key}) ${o.label}`).join('  ');
      return `${at} ! ${e.id} needs the product owner: ${e.title}. ${options}  (/answer ${e.id} KEY)`;
    }
    case 'decision':
      return `${at} ! ${event.decision.id} decided on ${event.escalation.id} by ${event.decision.by}: ${event.decision.text}`;
  }
}

/** Who has a task, or who the plan gives it to while it waits: `Ann`, `Ann (planned)`; undefined for nobody. */
export const heldBy = (task: Task): string | undefined =>
  task.assignee ?? (task.plannedAssignee && task.status === 'pending' ? `${task.plannedAssignee} (planned)` : undefined);

const holder = (task: Task): string => {
  const who = heldBy(task);
  return who ? ` → ${who}` : ` (${task.role}, unassigned)`;
};

/** One line per task in aligned columns, for `/tasks` and `huddle tasks`: `T-3  in_progress   40%  6h  Title → Ann`. */
export function describeTasks(tasks: readonly Task[]): string[] {
  const hours = tasks.map((t) => `${t.estimateHours}h`);
  const hoursWidth = Math.max(0, ...hours.map((h) => h.length));
  return columns(
    tasks.map((task, i) => {
      const pct = task.status === 'done' ? 100 : task.percent;
      return [task.id, task.status, `${String(Math.round(pct)).padStart(3)}%`, padStartWidth(hours[i]!, hoursWidth), `${task.title}${holder(task)}${task.atRisk ? ' [at risk]' : ''}`];
    }),
  );
}

/** A backlog task: where it comes from and how far it got, for `/backlog` and `huddle backlog`. */
export function describeBacklogTask(task: Task): string {
  const had = task.assignee ? `, was with ${task.assignee}` : '';
  return `${task.id.padEnd(5)} ${String(Math.round(task.percent)).padStart(3)}%  ${String(task.estimateHours).padStart(3)}h  ${task.title} (${task.role}${had})`;
}

/**
 * One line per sprint in aligned columns, with its outcome as completion is counted everywhere
 * (figures.ts), the name last as it is the widest: `2  closed  2026-01-05 → 2026-01-19  3/4 tasks done (75%)  8/10 points  1 to the backlog  Sprint 2`.
 */
export function describeSprints(records: readonly { sprint: Sprint; tasks: readonly Task[] }[]): string[] {
  const numberWidth = Math.max(0, ...records.map((r) => String(r.sprint.number).length));
  return columns(
    records.map(({ sprint, tasks }) => {
      const c = completion(tasks);
      const left = sprint.status === 'closed' ? `${c.open} to the backlog` : '';
      return [padStartWidth(String(sprint.number), numberWidth), sprint.status, `${utcDate(sprint.startsAt)} → ${utcDate(sprint.endsAt)}`, completionWords(c), pointsWords(c), left, sprint.name];
    }),
  );
}

/** One line per participant in aligned columns: status, role, name. */
export const describeParticipants = (participants: readonly Participant[]): string[] => columns(participants.map((p) => [p.status, p.role, p.name]));
