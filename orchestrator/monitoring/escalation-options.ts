/**
 * The choices an escalation puts to the product owner, built from the situation: the alternatives the
 * blocker names ("scale to multiple regions or buy a bigger database"), the cheaper and the fuller path
 * for what it is (a capacity shortfall, a paid plan, a legal question, requirements that disagree...),
 * deferring, and cutting scope to the sprint's other objectives. Each says what it costs in hours and
 * what that does to the sprint, from the team's capacity left and the work left.
 */
import type { Task } from '../../collaboration-server/protocol.js';
import { isActive } from '../../collaboration-server/task-lifecycle.js';
import { priorityRank } from '../planning/objectives.js';
import { teamOf } from '../planning/capacity.js';
import { workdaysBetween } from '../../collaboration-server/workdays.js';
import type { LeadView } from '../lead-view.js';
import type { BusinessReason } from './blocker-kind.js';

/** Effects the lead knows how to apply; anything else is recorded as a note. */
export type Effect = 'drop' | 'defer' | 'note' | 'reassign' | 'priority:high' | 'priority:low';

export type EscalationCause = { kind: 'business'; reason: BusinessReason } | { kind: 'no-reassignment' } | { kind: 'failures'; count: number };

export interface EscalationRequest {
  task: Task;
  /** the blocker in the words it was reported with */
  blocker: string;
  cause: EscalationCause;
  /** the room now: the sprint, its other tasks and the team, for costs and the sprint's slack */
  view: LeadView;
}

export interface CostedOption {
  label: string;
  effect: Effect;
  /** hours this choice adds to the sprint (negative: hours it frees) */
  hours: number;
  /** what it does to the sprint, in a few words */
  sprint: string;
}

const half = (h: number) => Math.round(h * 2) / 2;
const remaining = (t: Task) => half(Math.max(0, t.estimateHours * (1 - t.percent / 100)));

/** Hours the team can still give this sprint, less the unfinished work: what an option can spend. */
export function sprintSlack(view: LeadView): number | null {
  const sprint = view.sprint;
  if (!sprint) return null;
  const workdays = Math.max(0, workdaysBetween(view.now, sprint.endsAt));
  const capacity = teamOf(view.roster, view.roles, [], workdays).reduce((s, m) => s + m.capacityHours, 0);
  const left = view.tasks.filter((t) => t.sprintId === sprint.id && isActive(t.status)).reduce((s, t) => s + remaining(t), 0);
  return half(capacity - left);
}

function effectOn(hours: number, slack: number | null): string {
  if (hours < 0) return `frees ${-hours}h${slack === null ? '' : `, leaving ${half(slack - hours)}h of slack`}`;
  if (hours === 0) return 'no extra hours';
  if (slack === null) return `about +${hours}h`;
  return hours <= slack ? `about +${hours}h, fits the sprint (${half(slack - hours)}h of slack left)` : `about +${hours}h, the sprint runs ${half(hours - slack)}h over`;
}

const option = (label: string, effect: Effect, hours: number, slack: number | null): CostedOption => ({ label, effect, hours: half(hours), sprint: effectOn(half(hours), slack) });

/** What a shortfall says: "need 1000+ concurrent connections but our infrastructure handles 100". */
export function shortfallOf(text: string): { need: string; have: string; unit: string } | null {
  const t = text.toLowerCase();
  const m =
    /\b(?:need|needs|require|requires|want|wants|would need|has|have)(?: about| around| at least| roughly)? (\d[\d,.]*k?\+?)((?: [a-z'-]+){0,3})[^.?!]*?\b(?:but|and|while)\b[^.?!]*?\b(?:handles?|supports?|can (?:only )?(?:handle|take|do|hold)|allows?|caps?(?: us)? at|holds?|is|maxes out at|limited to|lets us(?: \w+)?)(?: only| up to| about)? (\d[\d,.]*k?)/.exec(t) ??
    /\b(?:limit|quota|cap|capacity|maximum|max|plan)(?: [a-z'-]+){0,3} (?:is|of|allows?) (?:only )?(\d[\d,.]*k?)((?: [a-z'-]+){0,3})[^.?!]{0,60}?\b(?:need|needs|want|require|send|have|has)(?: about| around| at least)? (\d[\d,.]*k?\+?)/.exec(t);
  if (!m) return null;
  const reversed = !/\b(?:need|needs|require|requires|want|wants|would need|has|have)\b/.test(m[0].split(/\d/)[0] ?? '');
  const unit = (m[2] ?? '').trim().replace(/^(?:of|for)\s+/, '').split(' ').filter((w) => !/^(?:but|and|the|our|a|an|for|of|on|to)$/.test(w)).join(' ');
  return reversed ? { need: m[3]!, have: m[1]!, unit } : { need: m[1]!, have: m[3]!, unit };
}

/** Two alternatives the blocker asks between: "should we scale to multiple regions or buy a bigger database?". */
export function alternativesOf(text: string): [string, string] | null {
  const m = /\b(?:should (?:we|i)|do (?:we|i)|can (?:we|i)|shall (?:we|i)|either|whether to|whether we)\s+([^?.!]{3,80}?)\s+or\s+([^?.!,]{3,80})/i.exec(text);
  if (!m) return null;
  const clean = (s: string) => s.trim().replace(/^(?:we|i)\s+/i, '').replace(/\s+(?:instead|first|now)$/i, '');
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [cap(clean(m[1]!)), cap(clean(m[2]!))];
}

/** A fuller path, a cheaper one and a fallback, by the task's domain, for a capacity shortfall. */
function scalePaths(task: Task, s: { need: string; have: string; unit: string }): { fuller: [string, number]; cheaper: [string, number]; fallback: [string, number] | null } {
  const unit = s.unit || 'load';
  const est = Math.max(4, task.estimateHours);
  switch (task.domain) {
    case 'realtime':
      return {
        cheaper: [`Basic WebSockets at today's scale (up to ${s.have} ${unit}), and measure real demand`, 1],
        fuller: [`Redis-backed scale-out: several WebSocket servers sharing a Redis pub/sub, for ${s.need} ${unit} (needs infrastructure spend)`, Math.max(12, est)],
        fallback: [`Polling fallback for clients beyond ${s.have} ${unit} (slower updates, no new infrastructure)`, Math.max(4, est * 0.4)],
      };
    case 'database':
    case 'data':
      return {
        cheaper: [`Stay within today's ${s.have} ${unit} and queue the rest`, 2],
        fuller: [`A bigger managed database (or read replicas) for ${s.need} ${unit} (monthly cost goes up)`, Math.max(6, est * 0.5)],
        fallback: [`A cache in front of the hot queries so fewer ${unit} reach the database`, Math.max(4, est * 0.5)],
      };
    case 'messaging':
      return {
        cheaper: [`Send within today's ${s.have} ${unit} and spread the rest over the following days`, 2],
        fuller: [`A higher sending tier for ${s.need} ${unit} (paid)`, 1],
        fallback: null,
      };
    default:
      return {
        cheaper: [`Ship at today's scale (up to ${s.have} ${unit}) and revisit with real numbers`, 1],
        fuller: [`Scale the infrastructure to ${s.need} ${unit} (needs investment)`, Math.max(8, est * 0.75)],
        fallback: null,
      };
  }
}

/** Cutting scope: this task waits for a later sprint, and the sprint goes to its most important other objective. */
function cutScope(task: Task, view: LeadView, slack: number | null): CostedOption {
  const others = view.tasks
    .filter((t) => t.sprintId === task.sprintId && t.objective && t.objective !== task.objective && isActive(t.status))
    .sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority));
  const focus = others[0]?.objective;
  const label = focus ? `Cut scope to "${focus}" first: move "${task.title}" to a later sprint` : `Cut scope: move "${task.title}" to a later sprint`;
  return option(label, 'defer', -remaining(task), slack);
}

function businessOptions(req: EscalationRequest, reason: BusinessReason, slack: number | null): CostedOption[] {
  const { task, blocker, view } = req;
  const est = Math.max(2, task.estimateHours);
  const named = alternativesOf(blocker);
  const shortfall = shortfallOf(blocker);
  const options: CostedOption[] = [];
  if (named) {
    const costly = (s: string) => /\b(?:buy|bigger|more|multiple|several|scale|second|another|paid|upgrade|enterprise|build)\b/i.test(s);
    for (const alt of named) options.push(option(alt, 'note', costly(alt) ? est * 0.5 : 0, slack));
  }
  if (shortfall && options.length < 2) {
    const paths = scalePaths(task, shortfall);
    options.push(option(paths.cheaper[0], 'note', paths.cheaper[1], slack), option(paths.fuller[0], 'note', paths.fuller[1], slack));
    if (paths.fallback) options.push(option(paths.fallback[0], 'note', paths.fallback[1], slack));
  }
  if (options.length === 0) {
    const paths: Record<BusinessReason, [cheaper: string, fuller: string]> = {
      infrastructure: ['Keep today’s infrastructure and ship within its limits', 'Approve the infrastructure investment and carry on'],
      budget: ['Stay within the current plan and its limits for now', 'Approve the spend and carry on'],
      legal: ['Leave out the part the legal question touches and ship the rest', 'Wait for the legal answer and carry on once it is given'],
      'third party': ['Work around the vendor for this sprint', 'Renew or renegotiate with the vendor and carry on'],
      scope: ['Keep the sprint as planned and put the request in the backlog', `Take it on this sprint (about +${half(est * 0.5)}h)`],
      priorities: [`Make "${task.title}" the top priority`, 'Keep the current priorities and finish the other work first'],
      requirements: ['Go with the simplest reading of the requirement (noted on the task)', 'Ask the stakeholder for the requirement and park the task meanwhile'],
    };
    const [cheaper, fuller] = paths[reason];
    options.push(option(cheaper, reason === 'priorities' ? 'priority:high' : 'note', reason === 'legal' ? -est * 0.3 : 0, slack));
    options.push(option(fuller, reason === 'priorities' ? 'priority:low' : 'note', reason === 'scope' ? est * 0.5 : 0, slack));
  }
  return [...options.slice(0, 3), cutScope(task, view, slack)];
}

export function escalationOptions(req: EscalationRequest): CostedOption[] {
  const { cause, task, view } = req;
  const slack = sprintSlack(view);
  if (cause.kind === 'business') return businessOptions(req, cause.reason, slack);
  return [
    option('Try once more with someone else', 'reassign', 0, slack),
    option(`Defer "${task.title}" to a later sprint`, 'defer', -remaining(task), slack),
    option(`Drop "${task.title}"`, 'drop', -remaining(task), slack),
    option('Raise its priority so the team swarms on it', 'priority:high', 0, slack),
  ];
}

