/**
 * Who takes over a task: the planning engine's `pickAssignee` over the people present. The monitor
 * takes the picker as a parameter, so its tests can pass their own.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { pickAssignee } from '../planning/assignment.js';
import { teamOf } from '../planning/capacity.js';
import { workdaysBetween } from '../../collaboration-server/workdays.js';
import type { LeadView } from '../lead-view.js';
import { DAY } from '../../collaboration-server/units.js';

export interface Takeover {
  name: string;
  rationale: string;
}

export type Picker = (task: Task, view: LeadView, exclude: readonly string[]) => Takeover | null;

export const pickFromTeam: Picker = (task, view, exclude) => {
  const workdays = Math.max(1, workdaysBetween(view.now, view.sprint?.endsAt ?? view.now + DAY));
  const team = teamOf(view.roster, view.roles, view.tasks, workdays);
  return pickAssignee(task, team, { exclude: [...exclude, view.self] });
};
