/**
 * The lead's picture of the room, rebuilt from the hub (a snapshot, then every event), never kept
 * anywhere else: a restarted lead asks the hub again and carries on.
 */
import type { CommandInput } from '../collaboration-server/client.js';
import type { HuddleError } from '../collaboration-server/errors.js';
import type { Decision, HubEvent, Task, TaskEvent } from '../collaboration-server/protocol.js';
import { foldRoom, type RoomState } from '../collaboration-server/room.js';
import { isFinished } from '../collaboration-server/task-lifecycle.js';
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
  /** the product owner's decisions so far (the lead loads them with `escalations` and appends every new one) */
  decisions?: Decision[];
  /** unfinished tasks of closed sprints, waiting for a plan (loaded with `backlog`, then folded from events) */
  backlog?: Task[];
}

/**
 * What a behaviour asks the lead to do: frames to send to the hub, in order. `once`: the frame's id,
 * for an action that must happen once whichever path decides it (an event, a tick, a restart that lost
 * the behaviour's memory): the hub applies an id once.
 */
export type LeadAction = CommandInput & { once?: string };

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
  /** the hub refused one of this behaviour's actions; called after the events that arrived before the refusal */
  onRefused?(action: LeadAction, error: HuddleError, view: LeadView): LeadAction[];
}

/** Folds one hub event into the view, and a task event of the current sprint into its log. */
export function applyEvent(view: LeadView, event: HubEvent): LeadView {
  const next = withDecisionsAndBacklog(foldRoom(view, event), event);
  if (!view.taskEvents) return next;
  if (event.type === 'sprint' && view.sprint?.id !== event.sprint.id) return { ...next, taskEvents: [] };
  if (event.type === 'task' && view.sprint?.id === event.task.sprintId) return { ...next, ...withTaskEvent(view.taskEvents, event) };
  return next;
}

function withDecisionsAndBacklog(view: LeadView, event: HubEvent): LeadView {
  if (event.type === 'decision' && view.decisions && !view.decisions.some((d) => d.id === event.decision.id)) return { ...view, decisions: [...view.decisions, event.decision] };
  if (!view.backlog || event.type !== 'task') return view;
  const others = view.backlog.filter((t) => t.id !== event.task.id);
  const waiting = event.change.action === 'backlog' || (view.backlog.length !== others.length && event.change.action !== 'carry' && !isFinished(event.task.status));
  return { ...view, backlog: waiting ? [...others, event.task].sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2))) : others };
}

/** Appends a task event to the log, once: the snapshot may already hold one that was also on its way live. */
function withTaskEvent(log: TaskEvent[], event: TaskEvent): { taskEvents?: TaskEvent[] } {
  const last = log[log.length - 1];
  return last && event.seq <= last.seq ? {} : { taskEvents: [...log, event] };
}
