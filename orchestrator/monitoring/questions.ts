/**
 * Questions to the lead: a team member who writes to the lead (a direct message, or to @orchestrator)
 * and asks something gets an answer from the task's record: its status, what it waits for and what
 * waits for it, when it counts as done, the notes so far, the usual approach for its topic, and who to
 * ask. The lead knows no more than the record; the answer says so rather than invent.
 */
import type { MessageEvent, Participant, Task } from '../../collaboration-server/protocol.js';
import type { Behaviour, LeadAction, LeadView } from '../lead-view.js';
import { sayTo } from './actions.js';
import { isFromBot, linkToActiveTask } from './blocker-detector.js';
import { findGuidance, GENERAL_GUIDANCE } from './knowledge-base.js';

/** Every answer starts with this, so the asker's client can tell the answer from other messages. */
export const ANSWER_PREFIX = 'Re your question';

const QUESTION_START = /^\s*(question\b|how|what|why|where|when|who|whom|which|can|could|should|would|is|are|do|does|did|will|may|must)\b/i;

/** Whether a line reads as a question: a question mark, or a question word first. */
export const readsAsQuestion = (text: string): boolean => text.includes('?') || QUESTION_START.test(text);

/** A member's message to the lead alone (by name or @orchestrator); the product owner's go to planning. */
function askedOfLead(event: MessageEvent, view: LeadView): boolean {
  if (isFromBot(event, view.self) || event.from.role === 'human') return false;
  const to = event.to;
  return (to.kind === 'participant' && to.name === view.self) || (to.kind === 'role' && to.role === 'orchestrator');
}

const status = (t: Task) => t.status.replace('_', ' ');
const owner = (t: Task) => t.assignee ?? `unassigned, ${t.role}`;
const named = (t: Task) => `${t.id} "${t.title}"`;
const productOwners = (roster: readonly Participant[]) => roster.filter((p) => p.role === 'human').map((p) => p.name);

/** The task a question is about: one it names, else the asker's active task. */
function taskOf(event: MessageEvent, view: LeadView): Task | undefined {
  const id = /\bT-\d+\b/i.exec(event.text)?.[0].toUpperCase();
  if (id) return view.tasks.find((t) => t.id === id);
  return linkToActiveTask(event.from.name, event.text, view.tasks);
}

/** The answer, as plain lines: only what the task's record says. */
export function answerQuestion(event: MessageEvent, view: LeadView): string {
  const asker = event.from.name;
  const owners = productOwners(view.roster);
  const po = owners.length ? `the product owner (${owners.join(', ')})` : 'the product owner';
  const task = taskOf(event, view);
  if (!task) {
    const mine = view.tasks.filter((t) => t.assignee === asker && t.status !== 'done' && t.status !== 'cancelled');
    return [
      `${ANSWER_PREFIX}: I could not tell which task it is about.`,
      mine.length ? `Your open tasks: ${mine.map((t) => `${named(t)} (${status(t)})`).join('; ')}.` : 'You have no open task in this sprint.',
      `Name one (like T-3) and ask again; for scope or priorities ask ${po}.`,
    ].join('\n');
  }
  const byId = new Map(view.tasks.map((t) => [t.id, t]));
  const deps = task.dependsOn.map((id) => byId.get(id)).filter((t): t is Task => !!t);
  const dependents = view.tasks.filter((t) => t.dependsOn.includes(task.id) && t.status !== 'cancelled');
  const guidance = findGuidance(task.domain, event.text, task.title);
  const lines = [
    `${ANSWER_PREFIX} about ${named(task)}: it is ${status(task)}, ${Math.round(task.status === 'done' ? 100 : task.percent)}% done, ${task.estimateHours}h estimated, ${task.priority} priority, with ${owner(task)}.`,
    task.acceptance.length ? `Done when: ${task.acceptance.join('; ')}.` : `No acceptance criteria were written for it: ${po} decides what done means.`,
    deps.length ? `It waits for: ${deps.map((d) => `${named(d)} (${status(d)}, ${owner(d)})`).join('; ')}.` : 'It waits for no other task.',
    ...(dependents.length ? [`Waiting for it: ${dependents.map((d) => `${named(d)} (${owner(d)})`).join('; ')}.`] : []),
    ...(task.notes.length ? [`Notes so far: ${task.notes.slice(-3).join(' | ')}`] : []),
    ...(guidance !== GENERAL_GUIDANCE ? [`The usual approach for ${guidance.topic}: ${guidance.steps.map((s, i) => `${i + 1}. ${s}`).join(' ')}`] : []),
    `Who to ask: ${[
      ...deps.filter((d) => d.assignee && d.assignee !== asker).map((d) => `${d.assignee} about ${d.id}`),
      ...dependents.filter((d) => d.assignee && d.assignee !== asker).map((d) => `${d.assignee} about what ${d.id} needs from it`),
      `${po} about scope and priorities`,
    ].join('; ')}. If something stops you, report it as a blocker and I will help.`,
    'I answer from the task record only; what it does not say, I do not know.',
  ];
  return lines.join('\n');
}

export function createQuestionBehaviour(): Behaviour {
  return {
    name: 'questions',
    onEvent(event, view): LeadAction[] {
      if (event.type !== 'message' || !askedOfLead(event, view) || !readsAsQuestion(event.text)) return [];
      return [sayTo(event.from.name, answerQuestion(event, view))];
    },
  };
}
