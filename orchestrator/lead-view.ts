/**
 * The lead's picture of the room, rebuilt from the hub (a snapshot, then every event), never kept
 * anywhere else: a restarted lead asks the hub again and carries on.
 */
import type { CommandInput } from '../collaboration-server/client.js';
import type { HubEvent, TaskEvent } from '../collaboration-server/protocol.js';
import { foldRoom, type RoomState } from '../collaboration-server/room.js';
import type { RoleSpec } from '../agents/roles.js';

export interface LeadView extends RoomState {
  roles: RoleSpec[];
  /**
   * The current sprint's task events, oldest first, as the hub logged them (the lead loads them with
   * `task_events` and appends every new one): what the metrics and the completion report are computed
   * from, so work done while the lead was down still counts. Absent where nobody needs them (a terminal).
   */
  taskEvents?: TaskEvent[];
  /** the lead's own participant name, so it never answers itself */
  self: string;
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

/** Folds one hub event into the view, and a task event of the current sprint into its log. */
export function applyEvent(view: LeadView, event: HubEvent): LeadView {
  const next = foldRoom(view, event);
  if (!view.taskEvents) return next;
  if (event.type === 'sprint' && view.sprint?.id !== event.sprint.id) return { ...next, taskEvents: [] };
  if (event.type === 'task' && view.sprint?.id === event.task.sprintId) return { ...next, ...withTaskEvent(view.taskEvents, event) };
  return next;
}

/** Appends a task event to the log, once: the snapshot may already hold one that was also on its way live. */
function withTaskEvent(log: TaskEvent[], event: TaskEvent): { taskEvents?: TaskEvent[] } {
  const last = log[log.length - 1];
  return last && event.seq <= last.seq ? {} : { taskEvents: [...log, event] };
}
