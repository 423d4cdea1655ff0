/**
 * Work carried over into a new plan: the unfinished tasks of the sprint that is closing (planned while
 * it still runs) or that just closed, and any older backlog task the product owner takes in with
 * `carry T-n`. They keep their ids, progress and notes; each is shown with what is left of it and who
 * takes it (whoever had it, if present). Their hours left are booked on their owner before the new
 * work is assigned, so the capacity the plan shows is what is really free.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import type { LeadView } from '../lead-view.js';
import { pickAssignee } from './assignment.js';
import type { TeamMember } from './capacity.js';
import { taskNumber } from './task-ids.js';

export interface CarriedTask {
  id: string;
  title: string;
  role: string;
  domain: string;
  priority: Task['priority'];
  /** its progress so far, and its status now */
  percent: number;
  status: Task['status'];
  /** the estimate less the share done (or what the product owner set with `estimate`) */
  hoursLeft: number;
  owner: string | null;
  rationale: string;
  /** where it comes from: the sprint's name, or the backlog */
  from: string;
}

export interface CarryChoices {
  drops: readonly string[];
  pins: Readonly<Record<string, string>>;
  estimates: Readonly<Record<string, number>>;
  /** backlog tasks taken in with `carry T-n` beyond those carried by default */
  carryIn?: readonly string[];
}

export type CarryView = Pick<LeadView, 'tasks'> & Partial<Pick<LeadView, 'sprint' | 'backlog'>>;

/** Carried by default: the unfinished tasks of the running sprint, or of the sprint that just closed. */
export function carryCandidates(view: CarryView): Task[] {
  const sprint = view.sprint;
  if (!sprint) return [];
  if (sprint.status === 'active') return view.tasks.filter((t) => t.sprintId === sprint.id && !isFinished(t.status));
  return (view.backlog ?? []).filter((t) => t.sprintId === sprint.id);
}

/** Tasks the product owner may take in with `carry T-n`: the whole backlog, and the running sprint's open work. */
export const carryable = (view: CarryView): Task[] => [...carryCandidates(view), ...(view.backlog ?? [])];

const halfHours = (h: number) => Math.max(0.5, Math.round(h * 2) / 2);

export function carriedTasks(choices: CarryChoices, view: CarryView, team: readonly TeamMember[]): CarriedTask[] {
  const dropped = new Set(choices.drops);
  const chosen = new Map<string, Task>();
  for (const t of carryCandidates(view)) chosen.set(t.id, t);
  for (const id of choices.carryIn ?? []) {
    const t = carryable(view).find((x) => x.id === id);
    if (t) chosen.set(t.id, t);
  }
  const sprintName = (t: Task) => (view.sprint?.id === t.sprintId ? view.sprint.name : 'the backlog');
  return [...chosen.values()]
    .filter((t) => !dropped.has(t.id))
    .sort((a, b) => taskNumber(a.id) - taskNumber(b.id))
    .map((t) => {
      const hoursLeft = choices.estimates[t.id] ?? halfHours(t.estimateHours * (1 - t.percent / 100));
      const carried = `carried over from ${sprintName(t)} at ${Math.round(t.percent)}%`;
      const pinned = choices.pins[t.id];
      const had = t.assignee && team.some((m) => m.name === t.assignee) ? t.assignee : null;
      let owner: string | null = null;
      let rationale: string;
      if (pinned && team.some((m) => m.name === pinned)) {
        owner = pinned;
        rationale = `${carried}; chosen by the product owner`;
      } else if (had) {
        owner = had;
        rationale = `${carried}; stays with ${had}, who had it`;
      } else {
        const pick = pickAssignee(t, team);
        owner = pick?.name ?? null;
        rationale = pick ? `${carried}; ${t.assignee ? `${t.assignee} is not here, so ` : ''}${pick.name}: ${pick.rationale}` : `${carried}; nobody who takes tasks is online`;
      }
      return { id: t.id, title: t.title, role: t.role, domain: t.domain, priority: t.priority, percent: Math.round(t.percent), status: t.status, hoursLeft, owner, rationale, from: sprintName(t) };
    });
}

/** The carried tasks as hours already booked on their owners, for the capacity engine. */
export function bookedLoad(carried: readonly CarriedTask[], like: (id: string) => Task | undefined): Task[] {
  return carried.flatMap((c) => {
    const t = like(c.id);
    return t && c.owner ? [{ ...t, assignee: c.owner, status: 'assigned' as const, estimateHours: c.hoursLeft, percent: 0 }] : [];
  });
}
