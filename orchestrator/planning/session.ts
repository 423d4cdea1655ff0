/**
 * The planning conversation with the product owner, as a state machine over plain JSON (state.ts):
 * idle → (plan sprint) → objectives → (objectives) → proposed → (approve) → idle with an active plan.
 * What may be said while planning is the table in commands.ts. Pure: a message and the team in, the
 * new state and the lead's replies out.
 */
import { capacityCard, capacityText, DEFAULT_SPRINT_DAYS, teamCapacity } from './capacity.js';
import { CANCEL, PLAN_SPRINT, PLANNING_COMMANDS, planningHelp, say, showPlan } from './commands.js';
import { initialPlanningState, kept, type PlanContext, type PlanningState, type SessionResult, type TeamView } from './state.js';
import type { Advisor } from '../advisor/advisor.js';
import { offlineAdvisor } from '../advisor/offline.js';

/** Reads a `plan sprint` command: its `--days N`, or an error sentence. */
function parsePlan(rest: string): { days: number } | string {
  const m = /--days[=\s]+(\S+)/.exec(rest);
  if (!m) return { days: DEFAULT_SPRINT_DAYS };
  const days = Number(m[1]);
  if (!Number.isInteger(days) || days < 1 || days > 60) return `--days takes a whole number of days from 1 to 60, not "${m[1]}". Try: plan sprint --days 10`;
  return { days };
}

function startPlanning(state: PlanningState, rest: string, view: TeamView): SessionResult {
  const parsed = parsePlan(rest);
  if (typeof parsed === 'string') return { state, replies: [say(parsed)] };
  const next: PlanningState = { ...initialPlanningState(), ...kept(state), phase: 'objectives', days: parsed.days, startsAt: view.now };
  const capacity = teamCapacity(view, view.now, parsed.days);
  const ask = 'What should this sprint achieve? Give me 2-3 objectives in one message (order sets priority; words like "must", "urgent" or "nice to have" count too). You can `add` more afterwards.';
  return { state: next, replies: [{ text: `${capacityText(capacity)}\n${ask}`, card: capacityCard(capacity) }] };
}

/** Handles one message from a product owner. Messages that are not about planning get no reply. */
export function handleMessage(state: PlanningState, rawText: string, view: TeamView, advisor: Advisor = offlineAdvisor): SessionResult {
  const ctx: PlanContext = { view, advisor };
  const text = rawText.trim().replace(/^chat\s+/i, '');
  const plan = PLAN_SPRINT.pattern.exec(text);
  if (plan && state.phase === 'idle') return startPlanning(state, plan[1] ?? '', view);
  if (state.phase === 'idle') return { state, replies: [] };
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
  if (advisor.thinking?.({ call: 'analyseObjectives', input: [state.objectives, state.history] })) return null;
  return showPlan(rest, { view, advisor }, waiting.withObjectives, waiting.lead);
}
