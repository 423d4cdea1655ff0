/**
 * The planning session's state, plain JSON so the lead keeps it in the hub (`state_put`):
 * idle → (plan sprint) → objectives → (objectives) → proposed → (approve) → idle with an active plan.
 */
import type { TaskDraft } from '../../collaboration-server/protocol.js';
import type { Strategy } from './assignment.js';
import { DEFAULT_SPRINT_DAYS } from './capacity.js';
import type { Reply } from './cards.js';
import { emptyHistory, type TeamHistory } from './history.js';
import type { LeadView } from '../lead-view.js';
import type { Advisor } from '../advisor/advisor.js';

export type Phase = 'idle' | 'objectives' | 'proposed';

/** An approved plan: the sprint to create, and who gets each task when its dependencies are done. */
export interface ActivePlan {
  name: string;
  goal: string;
  startsAt: number;
  endsAt: number;
  objectives: string[];
  approvedAt: number;
  drafts: TaskDraft[];
  /** plan key → planned assignee */
  assignees: Record<string, string | null>;
  sprintId: string | null;
  /** plan key → hub task id, once the hub created them */
  ids: Record<string, string>;
  /** task ids the lead has sent an `assign` for */
  assigned: string[];
}

export interface PlanningState {
  version: 1;
  phase: Phase;
  days: number;
  startsAt: number;
  objectives: string[];
  strategy: Strategy;
  pins: Record<string, string>;
  drops: string[];
  estimates: Record<string, number>;
  active: ActivePlan | null;
  history: TeamHistory;
  /** the last task event (hub sequence number) folded into `history`, so each counts once */
  historySeq: number;
  /** set while the advisor thinks about the plan: what to show once it has (see session.ts `resumeProposal`) */
  waiting?: { withObjectives: boolean; lead?: string };
}

export interface SessionResult {
  state: PlanningState;
  replies: Reply[];
  /** set when this message approved a plan: the behaviour creates the sprint */
  approved?: ActivePlan;
}

export type TeamView = Pick<LeadView, 'roster' | 'roles' | 'tasks' | 'now'>;

/** The team, and the advisor whose judgement a plan is built from. */
export interface PlanContext {
  view: TeamView;
  advisor: Advisor;
}

export function initialPlanningState(): PlanningState {
  return { version: 1, phase: 'idle', days: DEFAULT_SPRINT_DAYS, startsAt: 0, objectives: [], strategy: 'expertise', pins: {}, drops: [], estimates: {}, active: null, history: emptyHistory(), historySeq: 0 };
}

/** `historySeq` of a state saved before it existed: the lead takes the log's end as already counted. */
export const UNKNOWN_SEQ = -1;

/** A saved state if it looks like one, else a fresh one that keeps nothing. */
export function restoreState(saved: unknown): PlanningState {
  const s = saved as Partial<PlanningState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.phase !== 'string') return initialPlanningState();
  return { ...initialPlanningState(), historySeq: UNKNOWN_SEQ, ...s };
}

/** What outlives a planning session: the sprint being run and the team's history. */
export const kept = (s: PlanningState): Pick<PlanningState, 'active' | 'history' | 'historySeq'> => ({ active: s.active, history: s.history, historySeq: s.historySeq });
