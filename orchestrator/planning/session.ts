/**
 * The planning conversation with the product owner, as a state machine over plain JSON (state.ts):
 * idle → (plan sprint) → objectives → (objectives) → proposed → (approve) → idle with an active plan.
 * What may be said while planning is the table in commands.ts. Pure: a message and the team in, the
 * new state and the lead's replies out.
 */
import { capacityCard, capacityText, DEFAULT_SPRINT_DAYS } from './capacity.js';
import { CANCEL, PLAN_SPRINT, PLANNING_COMMANDS, planningHelp, say, showPlan } from './commands.js';
import { planCapacity, planQuestion } from './proposal.js';
import { beforePlanning, handleSprintCommand } from './sprint-commands.js';
import { initialPlanningState, kept, type PlanContext, type PlanningState, type SessionResult, type TeamView } from './state.js';
import { nextFreeTaskNumber } from './task-ids.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';
import { isRoomQuestion } from '../room-questions.js';

/** Reads a `plan sprint` command: its `--days N`, or an error sentence. */
function parsePlan(rest: string): { days: number } | string {
  const m = /--days[=\s]+(\S+)/.exec(rest);
  if (!m) return { days: DEFAULT_SPRINT_DAYS };
  const days = Number(m[1]);
  if (!Number.isInteger(days) || days < 1 || days > 60) return `--days takes a whole number of days from 1 to 60, not "${m[1]}". Try: plan sprint --days 10`;
  return { days };
}

function startPlanning(state: PlanningState, rest: string, ctx: PlanContext): SessionResult {
  const view = ctx.view;
  const parsed = parsePlan(rest);
  if (typeof parsed === 'string') return { state, replies: [say(parsed)] };
  const next: PlanningState = {
    ...initialPlanningState(),
    ...kept(state),
    phase: 'objectives',
    days: parsed.days,
    startsAt: view.now,
    // the ids this plan's new tasks get, after every task and every promised one (task-ids.ts)
    firstTaskNumber: nextFreeTaskNumber(view, state.requests.map((r) => r.id)),
    objectives: state.nextObjectives,
    nextObjectives: [],
  };
  const { capacity, carried } = planCapacity(next, view);
  const lines = [capacityText(capacity)];
  if (carried.length) lines.push(`Booked first: ${carried.length} task(s) carried over, ${carried.reduce((s, c) => s + c.hoursLeft, 0)}h left (${carried.map((c) => `${c.id} ${c.hoursLeft}h → ${c.owner ?? 'unassigned'}`).join(', ')}).`);
  if (next.objectives.length) lines.push(`Waiting from the last sprint as objectives: ${next.objectives.map((o) => `"${o}"`).join(', ')}.`);
  const replies = [{ text: lines.join('\n'), card: capacityCard(capacity) }];
  if (carried.length || next.objectives.length) {
    // there is a plan already: the carried work and the waiting objectives; more come with `add`
    const shown = showPlan({ ...next, phase: 'proposed' }, ctx, next.objectives.length > 0, 'Proposed plan so far (`add OBJECTIVE` for new work)');
    return { ...shown, replies: [...replies, ...shown.replies] };
  }
  const ask = 'What should this sprint achieve? Give me 2-3 objectives in one message (order sets priority; words like "must", "urgent" or "nice to have" count too). You can `add` more afterwards.';
  return { state: next, replies: [{ ...replies[0]!, text: `${replies[0]!.text}\n${ask}` }] };
}

/** Handles one message from a product owner. Messages that are not about planning get no reply. */
export function handleMessage(state: PlanningState, rawText: string, view: TeamView, advisor: Advisor = offlineAdvisor): SessionResult {
  const ctx: PlanContext = { view, advisor };
  const text = rawText.trim().replace(/^chat\s+/i, '');
  // `status`, `report`: answered by status-answers.ts for everyone, never planning input
  if (isRoomQuestion(text)) return { state, replies: [] };
  const plan = PLAN_SPRINT.pattern.exec(text);
  if (plan && state.phase === 'idle') return beforePlanning(state, plan[1] ?? '', ctx, startPlanning);
  if (state.phase === 'idle') return handleSprintCommand(state, text, ctx, startPlanning);
  if (plan) return { state, replies: [say('We are already planning a sprint. Say `cancel` to start over, or carry on.')] };

  const line = text.replace(/^\//, '');
  if (state.waiting && !CANCEL.test(line)) return { state, replies: [say('I am still thinking about the plan; it follows in a moment (`cancel` starts over).')] };
  const waiting = state.phase === 'objectives';
  for (const command of PLANNING_COMMANDS) {
    if (waiting && command.beforePlan === 'refuse' && new RegExp(`^${command.name}\\b`, 'i').test(text)) {
      return { state, replies: [say('There is no plan yet: first tell me the sprint’s objectives, for example "implement login, add notifications".')] };
    }
    if (waiting && command.beforePlan !== 'run') continue;
    const match = command.pattern.exec(line);
    if (match) return command.run(state, match, ctx);
  }
  if (waiting) return showPlan({ ...state, phase: 'proposed', objectives: [...state.objectives, text] }, ctx, true);
  return { state, replies: [say(planningHelp(`I did not understand "${line.slice(0, 80)}".`))] };
}

/** The plan the advisor was thinking about, once it has an answer (or gave up); null while it still thinks. */
export function resumeProposal(state: PlanningState, view: TeamView, advisor: Advisor = offlineAdvisor): SessionResult | null {
  const { waiting, ...rest } = state;
  if (!waiting || state.phase !== 'proposed') return null;
  if (advisor.thinking?.(planQuestion(state, view))) return null;
  return showPlan(rest, { view, advisor }, waiting.withObjectives, waiting.lead);
}
