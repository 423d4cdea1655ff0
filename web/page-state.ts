/**
 * What the page knows: the room every client folds (collaboration-server/room.ts), plus the sprint's
 * task events (for the burndown, the history of a task and each blocked task's reason), the activity
 * feed, the decisions, and past sprints for velocity. Built from the welcome, a few start-up queries
 * and then every event. Pure: no DOM, so the tests fold it in Node.
 *
 * Start-up replies are merged, not swapped in (as in cli/room.ts): events that arrive while a query is
 * answered may be newer than its reply, so tasks keep the newer copy and event lists are united by seq.
 */
import { foldRoom, type RoomState } from '../collaboration-server/room.js';
import type { Decision, Escalation, HubEvent, ReplyData, Task, TaskEvent, WelcomeFrame } from '../collaboration-server/protocol.js';
import type { TeamRole } from '../collaboration-server/team-view.js';
import type { SprintSummary } from '../collaboration-server/sprint-summary.js';

/** The page's connection to the hub, as the header shows it. */
export type LinkState = 'connecting' | 'online' | 'reconnecting' | 'signed-out';

export interface Me {
  name: string;
  role: string;
}

export interface PageState extends RoomState {
  me: Me;
  roles: readonly TeamRole[];
  /** task events of the current sprint, oldest first */
  taskEvents: TaskEvent[];
  /** chat, task, sprint, escalation and decision events, oldest first, the latest FEED_SIZE */
  feed: HubEvent[];
  decisions: Decision[];
  /** every sprint with its figures, from GET /api/sprints */
  sprints: SprintSummary[];
  link: LinkState;
  problem: string | null;
  /** the start-up queries have answered */
  loaded: boolean;
}

export const FEED_SIZE = 500;

export const emptyPage = (me: Me, roles: readonly TeamRole[]): PageState => ({
  sprint: null,
  tasks: [],
  roster: [],
  escalations: [],
  now: 0,
  me,
  roles,
  taskEvents: [],
  feed: [],
  decisions: [],
  sprints: [],
  link: 'connecting',
  problem: null,
  loaded: false,
});

/** `a` and `b` as one list by sequence number, each event once. */
function unite<E extends HubEvent>(a: readonly E[], b: readonly E[], keep = Infinity): E[] {
  const bySeq = new Map<number, E>();
  for (const e of a) bySeq.set(e.seq, e);
  for (const e of b) bySeq.set(e.seq, e);
  const all = [...bySeq.values()].sort((x, y) => x.seq - y.seq);
  return all.length > keep ? all.slice(all.length - keep) : all;
}

const inFeed = (e: HubEvent): boolean => e.type !== 'presence';

export function foldPage(state: PageState, event: HubEvent): PageState {
  const next = foldRoom(state, event);
  let taskEvents = state.taskEvents;
  if (event.type === 'sprint' && event.sprint.id !== state.sprint?.id) taskEvents = [];
  if (event.type === 'task' && event.task.sprintId === next.sprint?.id) taskEvents = unite(taskEvents, [event]);
  let { escalations, decisions } = next;
  if (event.type === 'decision') {
    // an escalation this page never saw open is remembered answered, so a late reply cannot reopen it
    if (!escalations.some((e) => e.id === event.escalation.id)) escalations = [...escalations, event.escalation];
    if (!decisions.some((d) => d.id === event.decision.id)) decisions = [...decisions, event.decision];
  }
  const feed = inFeed(event) ? unite(state.feed, [event], FEED_SIZE) : state.feed;
  return { ...next, taskEvents, escalations, decisions, feed, now: Math.max(state.now, event.ts) };
}

export function withWelcome(state: PageState, welcome: WelcomeFrame, replayed: readonly HubEvent[]): PageState {
  const folded = replayed.reduce(foldPage, state);
  return { ...folded, roster: welcome.roster, feed: unite(folded.feed, welcome.history.filter(inFeed), FEED_SIZE), problem: null };
}

export function withTasks(state: PageState, reply: Extract<ReplyData, { kind: 'tasks' }>): PageState {
  if (!reply.sprint) return state;
  if (state.sprint && state.sprint.id !== reply.sprint.id && state.sprint.createdAt >= reply.sprint.createdAt) return state;
  const known = new Map((state.sprint?.id === reply.sprint.id ? state.tasks : []).map((t) => [t.id, t]));
  const merged = reply.tasks.map((t): Task => {
    const seen = known.get(t.id);
    return seen && seen.updatedAt >= t.updatedAt ? seen : t;
  });
  const extra = [...known.values()].filter((t) => !reply.tasks.some((r) => r.id === t.id));
  const sprint = state.sprint?.id === reply.sprint.id ? state.sprint : reply.sprint;
  return { ...state, sprint, tasks: [...merged, ...extra] };
}

export function withTaskEvents(state: PageState, reply: Extract<ReplyData, { kind: 'task_events' }>): PageState {
  if (!reply.sprint || reply.sprint.id !== state.sprint?.id) return state;
  return { ...state, taskEvents: unite(state.taskEvents, reply.events) };
}

export function withEscalations(state: PageState, reply: Extract<ReplyData, { kind: 'escalations' }>): PageState {
  const byId = new Map<string, Escalation>(reply.escalations.map((e) => [e.id, e]));
  // what the page already knows is as new or newer; an answered escalation stays answered
  for (const e of state.escalations) if (e.status === 'answered' || !byId.has(e.id)) byId.set(e.id, e);
  const decisions = [...state.decisions, ...reply.decisions.filter((d) => !state.decisions.some((k) => k.id === d.id))];
  return { ...state, escalations: [...byId.values()], decisions };
}

export function withHistory(state: PageState, reply: Extract<ReplyData, { kind: 'history' }>): PageState {
  return { ...state, feed: unite(state.feed, reply.events.filter(inFeed), FEED_SIZE) };
}

/** Why each blocked task is blocked: the note of its latest block report. */
export function blockReasons(state: Pick<PageState, 'tasks' | 'taskEvents'>): Map<string, { reason: string; by: string; at: number }> {
  const reasons = new Map<string, { reason: string; by: string; at: number }>();
  const blocked = new Set(state.tasks.filter((t) => t.status === 'blocked').map((t) => t.id));
  for (const e of state.taskEvents) {
    if (e.change.action === 'block' && blocked.has(e.task.id)) reasons.set(e.task.id, { reason: e.change.note ?? '', by: e.change.by, at: e.ts });
  }
  return reasons;
}
