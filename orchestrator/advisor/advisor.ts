/**
 * The advisor: the one seam for the technical lead's judgement calls. Everything the lead *judges*
 * (what an objective is and what tasks it takes, what a chat line means, what to tell someone who is
 * stuck, which choices to put to the product owner, what to ask about a quiet task) goes through this
 * interface; everything it *does* (state machines, timers, frames, who may do what) stays in the
 * behaviours. The offline engine (`offline.ts`) answers every call, always, at once.
 *
 * Why the calls return plain values, not promises. A behaviour is pure and synchronous: an event and
 * the view in, actions out, with frame ids derived from the event so a restarted lead sends the same
 * frames again and the hub applies them once. If the behaviours awaited an advisor, a slow model would
 * hold the lead's event queue, and every message after it would wait (issue 13: "a slow model never
 * delays a message"). So an LLM-backed advisor (issue 13) implements this same interface by answering
 * from its cache of model answers that the offline engine has already checked, and otherwise with the
 * offline answer at once, while it asks the model in the background (bounded, cached by a hash of the
 * input). When a checked answer lands, it tells the lead runtime, which gives the behaviours a tick;
 * the behaviour asks again and now gets the model's answer (a revised plan, a re-read line). The
 * offline answer is therefore both the fallback and the checker, and nothing here changes for it.
 *
 * The engines this imports never import it back: the seam depends on them, not the other way round.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import type { PlannedTask } from '../planning/breakdown.js';
import type { TeamHistory } from '../planning/history.js';
import type { Objective, ObjectiveAnalysis } from '../planning/objectives.js';
import type { BlockerKind } from '../monitoring/blocker-kind.js';
import type { ChatReading } from '../monitoring/chat-reading.js';
import type { CostedOption, EscalationRequest } from '../monitoring/escalation-options.js';
import type { Guidance } from '../monitoring/knowledge-base.js';
import type { QuietJudgement, QuietTaskRequest } from '../monitoring/quiet-task.js';

export interface Advisor {
  /** which brain answered, for logs and `huddle explain` */
  readonly name: string;
  /**
   * The product owner's messages as objectives: priority, domains, effort and why; and what could not be
   * read. `capacityHours`: what the sprint being planned has (its --days, its team), for an advisor that
   * weighs a plan against it; without it, an advisor takes the running sprint's, else a default sprint's.
   */
  analyseObjectives(messages: readonly string[], history?: TeamHistory, capacityHours?: number): ObjectiveAnalysis;
  /** Tasks for analysed objectives: titles, roles, hours, dependencies (plan keys), acceptance criteria. */
  breakDown(objectives: readonly Objective[]): PlannedTask[];
  /** One chat line: a blocker (act), unsure (ask the person), or none; with a confidence and its kind. */
  readChat(text: string): ChatReading;
  /** Whether a blocker needs the product owner (and why) or the team can solve it. */
  classifyBlocker(blocker: string): BlockerKind;
  /** Technical guidance for a blocked task, from its domain, title and the blocker's words. */
  guidance(task: Task, blocker: string): Guidance;
  /** 2-4 choices for the product owner, each with its cost in hours and what it does to the sprint. */
  escalationOptions(request: EscalationRequest): CostedOption[];
  /** What to ask about a task that has gone quiet (asked only once its silence passed the threshold). */
  judgeQuietTask(request: QuietTaskRequest): QuietJudgement;
  /**
   * Optional, for an advisor with a slower brain behind it (issue 13, `llm/`): true while a better
   * answer to this call with this input is on its way (asking starts it). A behaviour that can wait
   * holds its reply and asks again on a later tick; the advisor ticks the lead when the answer lands
   * or its time is up. The offline engine has none: it never makes anyone wait.
   */
  thinking?(about: JudgementInput): boolean;
}

/** The judgement calls, by name. */
export type JudgementCall = Exclude<keyof Advisor, 'name' | 'thinking'>;
/** One judgement call and its arguments, as `thinking` takes them. */
export type JudgementInput = { [C in JudgementCall]: { call: C; input: Parameters<Advisor[C]> } }[JudgementCall];
