/**
 * What a terminal knows about the room: the room state every client folds (sprint, tasks, roster,
 * escalations), the roles, and who I am; built from the welcome, two start-up queries and then every
 * event. Pure helpers only.
 */
import type { WelcomeFrame, HubEvent, Task, Escalation, ReplyData } from '../collaboration-server/protocol.js';
import { completion, loadOf, type Completion } from '../collaboration-server/figures.js';
import { foldRoom, type RoomState } from '../collaboration-server/room.js';
import type { RoleSpec } from '../agents/roles.js';

export interface Room extends RoomState {
  roles: RoleSpec[];
  /** my own participant name */
  self: string;
}
export interface Me {
  name: string;
  role: string;
}

export const emptyRoom = (me: Me, roles: RoleSpec[]): Room => ({ sprint: null, tasks: [], roster: [], roles, escalations: [], self: me.name, now: 0 });

export const withWelcome = (room: Room, welcome: WelcomeFrame): Room => ({ ...room, roster: welcome.roster });

/*
 * Start-up replies are merged, not swapped in: a reply's promise settles a microtask late, after
 * events that arrived in the same network chunk, so the room may already know newer facts.
 */
export function withTasks(room: Room, reply: Extract<ReplyData, { kind: 'tasks' }>): Room {
  if (!reply.sprint) return room;
  if (room.sprint && room.sprint.id !== reply.sprint.id) return room.sprint.createdAt >= reply.sprint.createdAt ? room : { ...room, sprint: reply.sprint, tasks: reply.tasks };
  const known = new Map(room.tasks.map((t) => [t.id, t]));
  const merged = reply.tasks.map((t) => {
    const seen = known.get(t.id);
    return seen && seen.updatedAt >= t.updatedAt ? seen : t;
  });
  const extra = room.tasks.filter((t) => !reply.tasks.some((r) => r.id === t.id));
  return { ...room, sprint: room.sprint ?? reply.sprint, tasks: [...merged, ...extra] };
}

export function withEscalations(room: Room, reply: Extract<ReplyData, { kind: 'escalations' }>): Room {
  const known = new Set(room.escalations.map((e) => e.id));
  return { ...room, escalations: [...room.escalations, ...reply.escalations.filter((e) => !known.has(e.id))] };
}

export function foldEvent(room: Room, event: HubEvent): Room {
  const next = foldRoom(room, event);
  // remember a decision on an escalation this terminal never saw open, so a late reply cannot reopen it
  if (event.type === 'decision' && !room.escalations.some((e) => e.id === event.escalation.id)) return { ...next, escalations: [...next.escalations, event.escalation] };
  return next;
}

export const myTasks = (room: Room): Task[] => room.tasks.filter((t) => t.assignee === room.self && t.status !== 'cancelled');

/** Open task hours: what a participant still has on their plate (figures.ts). */
export const loadHours = (room: Room, name: string): number => loadOf(room.tasks, name);

const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

/** The team as a side panel lists it: online first, then away, then offline, by name; with open hours. */
export const teamList = (room: Room): { participant: Room['roster'][number]; loadHours: number }[] =>
  [...room.roster]
    .sort((a, b) => PRESENCE_ORDER[a.status] - PRESENCE_ORDER[b.status] || a.name.localeCompare(b.name))
    .map((participant) => ({ participant, loadHours: loadHours(room, participant.name) }));

/** The sprint's completion, as every other view shows it (figures.ts: tasks done of those not cancelled). */
export function sprintProgress(room: Room): Completion | null {
  const sprint = room.sprint;
  return sprint ? completion(room.tasks.filter((t) => t.sprintId === sprint.id)) : null;
}

export const openEscalations = (room: Room): Escalation[] => room.escalations.filter((e) => e.status === 'open');

/** A message for me by name or role, or one that mentions my name. */
export function isForMe(event: HubEvent, me: Me): boolean {
  if (event.type === 'task') return event.task.assignee === me.name && event.change.by !== me.name;
  if (event.type !== 'message' || event.from.name === me.name) return false;
  if (event.to.kind === 'participant') return event.to.name === me.name;
  if (event.to.kind === 'role') return event.to.role === me.role;
  return event.text.toLowerCase().includes(`@${me.name.toLowerCase()}`);
}

/** A task just given to me that waits for my accept. */
export const isOfferedToMe = (event: HubEvent, me: Me): event is Extract<HubEvent, { type: 'task' }> =>
  event.type === 'task' && event.task.assignee === me.name && event.task.status === 'assigned' && event.change.by !== me.name;
