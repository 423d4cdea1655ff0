/**
 * What any client knows of the room: the current sprint, its tasks, the roster and the escalations,
 * folded from hub events. The lead's view and a terminal's room both build on it.
 */
import type { Escalation, HubEvent, Participant, Sprint, Task } from './protocol.js';

export interface RoomState {
  sprint: Sprint | null;
  tasks: Task[];
  roster: Participant[];
  escalations: Escalation[];
  now: number;
}

/** Folds one hub event into the room. */
export function foldRoom<R extends RoomState>(room: R, event: HubEvent): R {
  switch (event.type) {
    case 'sprint': {
      const isNew = room.sprint?.id !== event.sprint.id;
      const kept = isNew ? [] : room.tasks.filter((t) => !event.tasks.some((n) => n.id === t.id));
      return { ...room, sprint: event.sprint, tasks: [...kept, ...event.tasks], now: event.ts };
    }
    case 'task': {
      if (room.sprint?.id !== event.task.sprintId) return { ...room, now: event.ts };
      return { ...room, tasks: room.tasks.map((t) => (t.id === event.task.id ? event.task : t)), now: event.ts };
    }
    case 'presence': {
      const others = room.roster.filter((p) => p.id !== event.participant.id);
      const status = event.change === 'left' ? 'offline' : event.change === 'joined' ? 'online' : event.change;
      return { ...room, roster: [...others, { ...event.participant, status }], now: event.ts };
    }
    case 'escalation':
      return { ...room, escalations: [...room.escalations, event.escalation], now: event.ts };
    case 'decision':
      return { ...room, escalations: room.escalations.map((e) => (e.id === event.escalation.id ? event.escalation : e)), now: event.ts };
    case 'message':
      return { ...room, now: event.ts };
  }
}
