/**
 * The planning behaviour: drives the planning session from the product owner's messages, creates the
 * approved sprint, then hands out tasks stage by stage as their dependencies are done. Its state goes
 * to the hub (`state_put` under its name) after every change, so a restarted lead resumes.
 */
import { MAX_TEXT_CHARS, type HubEvent, type Task, type TaskEvent } from '../../collaboration-server/protocol.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { recordDone, recordFailed } from './history.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { workedHours } from '../../collaboration-server/metrics.js';
import { hoursTaken } from '../sprint-story.js';
import type { Behaviour, LeadAction, LeadView } from '../lead-view.js';
import type { HuddleError } from '../../collaboration-server/errors.js';
import { handleMessage, resumeProposal } from './session.js';
import { lineForLead, reachesLead } from '../addressed.js';
import { initialPlanningState, restoreState, UNKNOWN_SEQ, type ActivePlan, type PlanningState, type SessionResult } from './state.js';
import { bringIn } from './sprint-commands.js';
import { requestedWork } from './mid-sprint.js';
import { rebased } from './commands.js';

export const PLANNING_STATE_KEY = 'planning';

export interface PlanningBehaviour extends Behaviour {
  /** the current state, for tests and for the lead's status line */
  state(): PlanningState;
  restore(saved: unknown): void;
  onTick(view: LeadView): LeadAction[];
}

/** A chat message holds at most MAX_TEXT_CHARS; the card carries the full detail. */
function clampText(text: string): string {
  const room = MAX_TEXT_CHARS - 100;
  return text.length <= room ? text : `${text.slice(0, room)}\n… (cut here; the card has everything)`;
}

/** Whether a message is for the lead: from a product owner, to everyone or to the lead. */
const addressedToLead = (event: Extract<HubEvent, { type: 'message' }>, view: LeadView): boolean => event.from.role === 'human' && reachesLead(event, view);

/** Work a team member brings to the lead ("bug: …", `add …`, to the lead or to everyone): the product owner agrees first. */
function memberRequest(event: Extract<HubEvent, { type: 'message' }>, view: LeadView): string | null {
  if (event.from.role === 'human' || !reachesLead(event, view)) return null;
  const text = lineForLead(event, view);
  return /^\/?add\s+(.+)$/i.exec(text)?.[1] ?? requestedWork(text);
}

/** The plan's key → id mapping: the ids the plan gave, or (a plan from before given ids) the sprint's tasks in the order they were sent. */
function bind(active: ActivePlan, sprintId: string, tasks: readonly Task[]): ActivePlan | null {
  if (active.drafts.every((d) => d.id)) {
    const ids = Object.fromEntries([...active.drafts.map((d) => [d.key ?? d.id!, d.id!]), ...(active.carry ?? []).map((c) => [c.taskId, c.taskId])]);
    return { ...active, sprintId, ids, pending: null };
  }
  const ordered = [...tasks].sort((a, b) => Number(a.id.slice(2)) - Number(b.id.slice(2)));
  if (ordered.length < active.drafts.length) return null;
  const ids: Record<string, string> = {};
  active.drafts.forEach((d, i) => {
    if (d.key) ids[d.key] = ordered[i]!.id;
  });
  return { ...active, sprintId, ids };
}

/** Whether the hub's active sprint is the one this plan created (same name, created since the approval). */
function isSprintOf(active: ActivePlan, view: LeadView): boolean {
  const sprint = view.sprint;
  return !!sprint && sprint.name === active.name && sprint.createdAt >= active.approvedAt;
}

/** Assigns every planned task whose dependencies are all done, and tells each assignee. */
function dispatch(active: ActivePlan, view: LeadView): { active: ActivePlan; actions: LeadAction[] } {
  if (!active.sprintId || view.sprint?.id !== active.sprintId) return { active, actions: [] };
  const byId = new Map(view.tasks.map((t) => [t.id, t]));
  const assigned = new Set(active.assigned);
  const actions: LeadAction[] = [];
  const perPerson = new Map<string, Task[]>();
  const keys = [...(active.carry ?? []).map((c) => c.taskId), ...active.drafts.flatMap((d) => (d.key ? [d.key] : []))];
  for (const key of keys) {
    const id = active.ids[key];
    const task = id ? byId.get(id) : undefined;
    const who = active.assignees[key] ?? null;
    if (!task || !who || task.status !== 'pending' || assigned.has(task.id)) continue;
    if (!task.dependsOn.every((d) => byId.has(d) && isFinished(byId.get(d)!.status))) continue;
    actions.push({ type: 'task_update', taskId: task.id, action: 'assign', assignee: who });
    assigned.add(task.id);
    perPerson.set(who, [...(perPerson.get(who) ?? []), task]);
  }
  if (actions.length === 0) return { active, actions };
  for (const [name, tasks] of perPerson) {
    const lines = tasks.map((t) => `  ${t.id} ${t.title} (${t.estimateHours}h) — done when: ${t.acceptance.join('; ') || 'its objective is met'}`);
    const text = [`${name}, ${tasks.length === 1 ? 'a task is' : `${tasks.length} tasks are`} yours in ${view.sprint!.name}:`, ...lines, 'Accept when you start, and tell me early if something blocks you.'].join('\n');
    actions.push({ type: 'chat', to: { kind: 'participant', name }, text: clampText(text) });
  }
  return { active: { ...active, assigned: [...assigned] }, actions };
}

export function createPlanningBehaviour(advisor: Advisor = offlineAdvisor): PlanningBehaviour {
  let state = initialPlanningState();
  let createSent = false;

  const createSprint = (a: ActivePlan): LeadAction => ({
    type: 'sprint_create',
    sprint: { name: a.name, goal: a.goal, startsAt: a.startsAt, endsAt: a.endsAt, objectives: a.objectives },
    tasks: a.drafts,
    carry: a.carry ?? [],
  });

  /** The replies and frames of a session result, as actions. */
  const said = (result: SessionResult): LeadAction[] => [
    ...result.replies.map((r): LeadAction => ({ type: 'chat', text: clampText(r.text), ...(r.card ? { card: r.card } : {}) })),
    ...(result.actions ?? []),
  ];

  /**
   * Folds finished and failed tasks into the team's history, each event once: from the view's task
   * events, so work that finished while the lead was down still feeds the next sprint's estimates.
   */
  function learn(events: readonly TaskEvent[]): void {
    let { history, historySeq } = state;
    if (historySeq === UNKNOWN_SEQ) {
      // Saved before the cursor existed: what is in the log was already counted live.
      state = { ...state, historySeq: events.at(-1)?.seq ?? 0 };
      return;
    }
    for (const { seq, task, change } of events) {
      if (seq <= historySeq || !task.assignee) continue;
      if (change.to === 'done' && change.from !== 'done') {
        // the hours it was worked on, as the sprint report counts them (sprint-story.ts)
        const worked = workedHours(events.filter((e) => e.seq <= seq && e.task.id === task.id), events.find((e) => e.seq === seq)?.ts ?? task.updatedAt);
        history = recordDone(history, task.domain, task.assignee, task.estimateHours, hoursTaken(task, worked));
      }
      else if (change.to === 'failed' && change.from !== 'failed') history = recordFailed(history, task.assignee);
      else continue;
      historySeq = seq;
    }
    if (historySeq !== state.historySeq) state = { ...state, history, historySeq };
  }

  /** Binds the approved plan to its sprint once the hub has it, then hands out what is ready. */
  function advance(view: LeadView): LeadAction[] {
    let active = state.active;
    if (!active) return [];
    const actions: LeadAction[] = [];
    if (!active.sprintId) {
      const sprint = view.sprint;
      if (sprint && isSprintOf(active, view)) {
        active = bind(active, sprint.id, view.tasks.filter((t) => t.sprintId === sprint.id)) ?? active;
      } else if (!createSent) {
        // Approved before a restart, but the sprint never reached the hub: send it again.
        createSent = true;
        actions.push(createSprint(active));
      }
    }
    const dispatched = dispatch(active, view);
    if (dispatched.active !== state.active) state = { ...state, active: dispatched.active };
    return [...actions, ...dispatched.actions];
  }

  function onEvent(event: HubEvent, view: LeadView): LeadAction[] {
    const before = state;
    const actions: LeadAction[] = [];
    switch (event.type) {
      case 'message': {
        const work = memberRequest(event, view);
        if (work) {
          const result = bringIn(state, work, event.from.name, false, { view, advisor });
          state = result.state;
          actions.push(...said(result));
          break;
        }
        if (!addressedToLead(event, view)) return [];
        const result = handleMessage(state, lineForLead(event, view), view, advisor);
        state = result.state;
        actions.push(...said(result));
        if (result.approved && isSprintOf(result.approved, view)) {
          // An approval heard again after a restart (the lead stopped before saving it): the hub
          // already has the sprint, so bind it and hand out what is ready instead of creating it twice.
          actions.push(...advance(view));
        } else if (result.approved) {
          createSent = true;
          actions.push(createSprint(result.approved));
        }
        break;
      }
      case 'sprint':
      case 'presence':
        actions.push(...advance(view));
        break;
      case 'task':
        learn(view.taskEvents ?? [event]);
        actions.push(...advance(view));
        break;
      default:
        return [];
    }
    if (state !== before) actions.push({ type: 'state_put', key: PLANNING_STATE_KEY, value: state });
    return actions;
  }

  /**
   * The hub refused the sprint (an id or the name was taken meanwhile, a carried task is no longer in
   * the backlog): the plan goes back to the product owner under the next free ids, nothing half-made.
   */
  function onRefused(action: LeadAction, error: HuddleError, view: LeadView): LeadAction[] {
    const active = state.active;
    if (action.type !== 'sprint_create' || !active?.pending || active.sprintId || error.code !== 'CONFLICT') return [];
    createSent = false;
    const back: PlanningState = { ...state, ...active.pending.choices, phase: 'proposed', active: active.pending.replaces };
    const result = rebased(back, { view, advisor }, `The hub did not create ${active.name}: ${error.message}`);
    state = result.state;
    return [...said(result), { type: 'state_put', key: PLANNING_STATE_KEY, value: state }];
  }

  return {
    name: PLANNING_STATE_KEY,
    onRefused,
    state: () => state,
    restore(saved) {
      state = restoreState(saved);
    },
    onEvent,
    onTick(view) {
      const before = state;
      learn(view.taskEvents ?? []);
      const actions = advance(view);
      // A plan the advisor was thinking about: shown once its answer is in.
      const resumed = resumeProposal(state, view, advisor);
      if (resumed) {
        state = resumed.state;
        actions.push(...said(resumed));
      }
      if (state !== before) actions.push({ type: 'state_put', key: PLANNING_STATE_KEY, value: state });
      return actions;
    },
  };
}
