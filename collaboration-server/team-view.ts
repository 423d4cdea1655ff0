/**
 * The team at a glance, as the web page and `GET /api/agents` show it: each participant's presence,
 * the work they hold against the hours they have left in the sprint, and two badges — blocked (they
 * hold a blocked task) and quiet (their work in progress has not moved for a while). Pure: the room's
 * roster and tasks, the roles' hours and a time in, rows out.
 */
import type { Participant, Sprint, Task } from './protocol.js';
import { isActive, openHours } from './task-lifecycle.js';
import { MINUTE, round1 } from './units.js';
import { workdaysBetween } from './workdays.js';

/** What the team view needs of a role (agents/roles.ts RoleSpec has it). */
export interface TeamRole {
  role: string;
  title: string;
  hoursPerDay: number;
  takesTasks: boolean;
}

/** Work in progress this long without an update is quiet: the lead's default before it asks how it goes. */
export const QUIET_AFTER_MS = 30 * MINUTE;
/** Hours a day of a role the hub was not told about (the role catalog's usual day). */
const DEFAULT_HOURS_PER_DAY = 6;

export interface TeamRow {
  name: string;
  role: string;
  title: string;
  status: Participant['status'];
  takesTasks: boolean;
  /** unfinished tasks they hold (assigned, accepted, in progress, blocked) */
  activeTasks: number;
  doneTasks: number;
  /** estimate less the share reported done, over their unfinished tasks */
  loadHours: number;
  /** hours per day × working days left in the sprint; null for roles that take no tasks, or without a sprint */
  capacityHours: number | null;
  /** load as a percent of the capacity; null without any (no sprint, no hours left, or a role that takes no tasks) */
  loadPercent: number | null;
  /** ids of the blocked tasks they hold */
  blocked: string[];
  /** their work in progress has not been updated for QUIET_AFTER_MS */
  quiet: boolean;
  /** when their work in progress last moved, if they have any */
  lastUpdate: number | null;
}

const PRESENCE_ORDER = { online: 0, away: 1, offline: 2 } as const;

export function teamRows(
  roster: readonly Participant[],
  tasks: readonly Task[],
  sprint: Sprint | null,
  roles: readonly TeamRole[],
  now: number,
  quietAfterMs = QUIET_AFTER_MS,
): TeamRow[] {
  const workdays = sprint && sprint.endsAt > now ? workdaysBetween(now, sprint.endsAt) : 0;
  return [...roster]
    .sort((a, b) => PRESENCE_ORDER[a.status] - PRESENCE_ORDER[b.status] || a.name.localeCompare(b.name))
    .map((p) => {
      const spec = roles.find((r) => r.role === p.role);
      const takesTasks = spec?.takesTasks ?? true;
      const mine = tasks.filter((t) => t.assignee === p.name);
      const active = mine.filter((t) => isActive(t.status));
      const moving = mine.filter((t) => t.status === 'in_progress');
      const lastUpdate = moving.length ? Math.max(...moving.map((t) => t.updatedAt)) : null;
      const loadHours = round1(mine.reduce((sum, t) => sum + openHours(t), 0));
      const capacityHours = takesTasks && sprint ? round1((spec?.hoursPerDay ?? DEFAULT_HOURS_PER_DAY) * workdays) : null;
      return {
        name: p.name,
        role: p.role,
        title: spec?.title ?? p.role,
        status: p.status,
        takesTasks,
        activeTasks: active.length,
        doneTasks: mine.filter((t) => t.status === 'done').length,
        loadHours,
        capacityHours,
        loadPercent: capacityHours ? round1((loadHours / capacityHours) * 100) : null,
        blocked: mine.filter((t) => t.status === 'blocked').map((t) => t.id),
        quiet: lastUpdate !== null && now - lastUpdate >= quietAfterMs,
        lastUpdate,
      };
    });
}
