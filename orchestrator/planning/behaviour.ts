/**
 * The planning behaviour: drives the planning session from the product owner's messages, creates the
 * approved sprint, then hands out tasks stage by stage as their dependencies are done. Its state goes
 * to the hub (`state_put` under its name) after every change, so a restarted lead resumes.
 */
import { MAX_TEXT_CHARS, type HubEvent, type Task, type TaskEvent } from '../../collaboration-server/protocol.js';
import { isFinished } from '../../collaboration-server/task-lifecycle.js';
import { actualHours, recordDone, recordFailed } from './history.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import type { Behaviour, LeadAction, LeadView } from '../lead-view.js';
import type { Reply } from './cards.js';
import { handleMessage, resumeProposal } from './session.js';
import { initialPlanningState, restoreState, UNKNOWN_SEQ, type ActivePlan, type PlanningState } from './state.js';

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

const chats = (replies: readonly Reply[]): LeadAction[] => replies.map((r) => ({ type: 'chat', text: clampText(r.text), ...(r.card ? { card: r.card } : {}) }));

/** Whether a message is for the lead: from a product owner, to everyone or to the lead. */
function addressedToLead(event: Extract<HubEvent, { type: 'message' }>, view: LeadView): boolean {
  if (event.from.name === view.self || event.from.role !== 'human') return false;
  const to = event.to;
  return to.kind === 'all' || (to.kind === 'participant' && to.name === view.self) || (to.kind === 'role' && to.role === 'orchestrator');
}

/** The plan's key → id mapping from the sprint's tasks, which the hub keeps in the order they were sent. */
function bind(active: ActivePlan, sprintId: string, tasks: readonly Task[]): ActivePlan | null {
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
  for (const draft of active.drafts) {
    const id = draft.key ? active.ids[draft.key] : undefined;
    const task = id ? byId.get(id) : undefined;
    const who = draft.key ? active.assignees[draft.key] : null;
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
  });

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
      if (change.to === 'done' && change.from !== 'done') history = recordDone(history, task.domain, task.assignee, task.estimateHours, actualHours(task));
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
        if (!addressedToLead(event, view)) return [];
        const result = handleMessage(state, event.text, view, advisor);
        state = result.state;
        actions.push(...chats(result.replies));
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

  return {
    name: PLANNING_STATE_KEY,
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
        actions.push(...chats(resumed.replies));
      }
      if (state !== before) actions.push({ type: 'state_put', key: PLANNING_STATE_KEY, value: state });
      return actions;
    },
  };
}
