/**
 * The lead's picture of the room, rebuilt from the hub (a snapshot, then every event), never kept
 * anywhere else: a restarted lead asks the hub again and carries on.
 */
import type { CommandInput } from '../collaboration-server/client.js';
import type { Escalation, HubEvent, Participant, Sprint, Task, TaskEvent } from '../collaboration-server/protocol.js';
import type { RoleSpec } from '../agents/roles.js';

export interface LeadView {
  sprint: Sprint | null;
  tasks: Task[];
  roster: Participant[];
  roles: RoleSpec[];
  escalations: Escalation[];
  /**
   * The current sprint's task events, oldest first, as the hub logged them (the lead loads them with
   * `task_events` and appends every new one): what the metrics and the completion report are computed
   * from, so work done while the lead was down still counts. Absent where nobody needs them (a terminal).
   */
  taskEvents?: TaskEvent[];
  /** the lead's own participant name, so it never answers itself */
  self: string;
  now: number;
}

/** What a behaviour asks the lead to do: frames to send to the hub, in order. */
export type LeadAction = CommandInput;

/**
 * One of the lead's jobs (planning, monitoring...). Pure: it reads the view and the event and returns
 * actions; the lead process does the I/O. Its own memory, if any, goes through `state_put` actions
 * and comes back in `restore`.
 */
export interface Behaviour {
  readonly name: string;
  restore?(saved: unknown): void;
  onEvent(event: HubEvent, view: LeadView): LeadAction[];
  onTick?(view: LeadView): LeadAction[];
}

/** Folds one hub event into the view. */
export function applyEvent(view: LeadView, event: HubEvent): LeadView {
  switch (event.type) {
    case 'sprint': {
      const isNew = view.sprint?.id !== event.sprint.id;
      const kept = isNew ? [] : view.tasks.filter((t) => !event.tasks.some((n) => n.id === t.id));
      const taskEvents = isNew && view.taskEvents ? { taskEvents: [] } : {};
      return { ...view, sprint: event.sprint, tasks: [...kept, ...event.tasks], ...taskEvents, now: event.ts };
    }
    case 'task': {
      if (view.sprint?.id !== event.task.sprintId) return { ...view, now: event.ts };
      const tasks = view.tasks.map((t) => (t.id === event.task.id ? event.task : t));
      return { ...view, tasks, ...withTaskEvent(view.taskEvents, event), now: event.ts };
    }
    case 'presence': {
      const others = view.roster.filter((p) => p.id !== event.participant.id);
      const status = event.change === 'left' ? 'offline' : event.change === 'joined' ? 'online' : event.change;
      return { ...view, roster: [...others, { ...event.participant, status }], now: event.ts };
    }
    case 'escalation':
      return { ...view, escalations: [...view.escalations, event.escalation], now: event.ts };
    case 'decision':
      return { ...view, escalations: view.escalations.map((e) => (e.id === event.escalation.id ? event.escalation : e)), now: event.ts };
    case 'message':
      return { ...view, now: event.ts };
  }
}

/** Appends a task event to the log, once: the snapshot may already hold one that was also on its way live. */
function withTaskEvent(log: TaskEvent[] | undefined, event: TaskEvent): { taskEvents?: TaskEvent[] } {
  if (!log) return {};
  const last = log[log.length - 1];
  return last && event.seq <= last.seq ? {} : { taskEvents: [...log, event] };
}
