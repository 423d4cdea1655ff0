/**
 * Slash commands as data: one table shared by the plain line mode and the ink UI. Each command
 * returns a tagged result that the UI interprets; none of them prints or renders.
 */
import type { HuddleClient } from '../../collaboration-server/client.js';
import type { TaskAction } from '../../collaboration-server/protocol.js';
import { toHuddleError, type ErrorCode } from '../../collaboration-server/errors.js';
import { PLAN_SPRINT, PLANNING_COMMANDS } from '../../orchestrator/planning/commands.js';
import { SPRINT_COMMANDS } from '../../orchestrator/planning/sprint-commands.js';
import { completion, completionWords } from '../../collaboration-server/figures.js';
import { reportMarkdown, statusLines } from '../../orchestrator/sprint-report.js';
import { describeBacklogTask, describeParticipants, describeTasks } from '../describe-event.js';
import { fetchMetrics, sprintLines } from '../sprint-metrics.js';
import { taskLines } from '../task-lines.js';
import { takeName } from './tokens.js';
import { addressOf } from './address.js';
import type { Me, Room } from '../room.js';

export interface CommandContext {
  me: Me;
  hub: Pick<HuddleClient, 'send' | 'request'>;
  /** the room as this terminal knows it now */
  room(): Room;
}

export type CommandResult =
  | { kind: 'none' }
  /** a frame the hub committed: a short confirmation */
  | { kind: 'done'; text: string }
  /** something to read: help, who, tasks */
  | { kind: 'lines'; title: string; lines: string[] }
  /** one task in full (cli/task-lines.ts): the ink UI opens it over the chat, the plain mode prints its lines */
  | { kind: 'task'; taskId: string; title: string; lines: string[] }
  /** `code` says whose fault it was: the hub's error code, or BAD_FRAME for input the terminal refused */
  | { kind: 'error'; message: string; code: ErrorCode }
  | { kind: 'quit' };

export interface SlashCommand {
  name: string;
  aliases: string[];
  /** how to call it, after the name */
  usage: string;
  description: string;
  /** only some roles see it in /help */
  roles?: string[];
  run(ctx: CommandContext, args: string): Promise<CommandResult>;
}

/** Anything thrown while talking to the hub, as a result that keeps the hub's error code (or says it failed here). */
export function errorResult(err: unknown): Extract<CommandResult, { kind: 'error' }> {
  const e = toHuddleError(err, 'local');
  return { kind: 'error', message: e.message, code: e.code };
}

const refused = (message: string): CommandResult => ({ kind: 'error', message, code: 'BAD_FRAME' });
const usageError = (cmd: string, usage: string, why: string): CommandResult => refused(`${why} Usage: /${cmd} ${usage}`);

function taskId(word: string | undefined): string | null {
  return word && /^t-\d{1,9}$/i.test(word) ? word.toUpperCase() : null;
}

/** A task command: `/NAME ID [rest]` → task_update with `action`. */
function taskCommand(
  name: string,
  aliases: string[],
  action: TaskAction,
  usage: string,
  description: string,
  build: (rest: string) => { percent?: number; note?: string } | string,
  confirm: (id: string, rest: string) => string,
): SlashCommand {
  return {
    name,
    aliases,
    usage,
    description,
    async run(ctx, args) {
      const [first, ...more] = args.trim().split(/\s+/);
      const id = taskId(first);
      if (!id) return usageError(name, usage, first ? `"${first}" is not a task id (they look like T-3).` : 'Say which task.');
      const rest = more.join(' ');
      const fields = build(rest);
      if (typeof fields === 'string') return usageError(name, usage, fields);
      await ctx.hub.send({ type: 'task_update', taskId: id, action, ...fields });
      return { kind: 'done', text: confirm(id, rest) };
    },
  };
}

const note = (rest: string) => (rest ? { note: rest } : {});

async function backlogLines(ctx: CommandContext): Promise<CommandResult> {
  const { tasks } = await ctx.hub.request({ type: 'backlog' });
  const lines = tasks.map(describeBacklogTask);
  return { kind: 'lines', title: `Backlog: ${tasks.length} task(s) waiting for a plan`, lines: lines.length ? lines : ['Nothing waits: every closed sprint finished its work, or it was carried over.'] };
}

export const COMMANDS: SlashCommand[] = [
  {
    name: 'help',
    aliases: ['h', '?'],
    usage: '',
    description: 'list the commands',
    async run(ctx) {
      const lines = commandsFor(ctx.me.role).map(
        (c) => `/${`${c.name} ${c.usage}`.trim().padEnd(28)} ${c.description}`,
      );
      lines.push('Anything else is chat. The technical lead also understands, as typed:');
      lines.push(`while planning: ${[PLAN_SPRINT, ...PLANNING_COMMANDS].map((c) => c.usage).join(' · ')}`);
      lines.push(`while a sprint runs: ${SPRINT_COMMANDS.map((c) => c.usage).join(' · ')} · status · report`);
      return { kind: 'lines', title: 'Commands', lines };
    },
  },
  {
    name: 'who',
    aliases: ['w'],
    usage: '',
    description: 'who is here, online and offline',
    async run(ctx) {
      const reply = await ctx.hub.request({ type: 'who' });
      return { kind: 'lines', title: 'Participants', lines: describeParticipants(reply.participants) };
    },
  },
  {
    name: 'tasks',
    aliases: ['t'],
    usage: '[all|backlog]',
    description: 'my tasks in the sprint (all: every task; backlog: the work waiting for a plan)',
    async run(ctx, args) {
      const which = args.trim().toLowerCase();
      if (which === 'backlog') return backlogLines(ctx);
      const all = which === 'all';
      const reply = await ctx.hub.request({ type: 'tasks' });
      if (!reply.sprint) return { kind: 'lines', title: 'Tasks', lines: ['No active sprint yet. The product owner starts one with: plan sprint'] };
      const shown = all ? reply.tasks : reply.tasks.filter((t) => t.assignee === ctx.me.name);
      const lines = describeTasks(shown);
      if (!lines.length) lines.push(all ? 'The sprint has no tasks.' : 'No tasks for you in this sprint. /tasks all shows every task.');
      const closed = reply.sprint.status === 'active' ? '' : ` (${reply.sprint.status})`;
      return { kind: 'lines', title: `Tasks — ${reply.sprint.name}${closed}: ${completionWords(completion(reply.tasks))}${all ? '' : ` — ${ctx.me.name}`}`, lines };
    },
  },
  {
    name: 'task',
    aliases: [],
    usage: 'ID',
    description: 'one task in full: description, dependencies, assignee and why, acceptance, notes, history',
    async run(ctx, args) {
      const id = taskId(args.trim().split(/\s+/)[0]);
      if (!id) return usageError('task', 'ID', args.trim() ? `"${args.trim()}" is not a task id (they look like T-3).` : 'Say which task.');
      const reply = await ctx.hub.request({ type: 'task', taskId: id });
      const siblings = await ctx.hub.request({ type: 'tasks', sprintId: reply.task.sprintId });
      return { kind: 'task', taskId: reply.task.id, ...taskLines(reply, siblings.tasks) };
    },
  },
  {
    name: 'status',
    aliases: [],
    usage: '',
    description: 'where the sprint stands: completion, velocity, blockers, risks, per person',
    async run(ctx) {
      const [report, open] = await Promise.all([fetchMetrics(ctx.hub), ctx.hub.request({ type: 'escalations', status: 'open' })]);
      if (!report) return { kind: 'lines', title: 'Status', lines: ['No sprint yet. The product owner starts one with: plan sprint'] };
      const [head = '', ...rest] = statusLines(report, open.escalations.length);
      return { kind: 'lines', title: head.replace(/^# /, ''), lines: rest };
    },
  },
  {
    name: 'report',
    aliases: [],
    usage: '[SPRINT-ID]',
    description: 'the sprint report: burndown, decisions, reassignments, blocked tasks, accuracy, what was learned',
    async run(ctx, args) {
      const report = await fetchMetrics(ctx.hub, args.trim() || undefined);
      if (!report) return { kind: 'lines', title: 'Report', lines: ['No sprint yet. The product owner starts one with: plan sprint'] };
      const [head = '', ...rest] = reportMarkdown(report).split('\n');
      return { kind: 'lines', title: head.replace(/^# /, ''), lines: rest.filter((l, i) => l || rest[i - 1]) };
    },
  },
  {
    name: 'sprints',
    aliases: [],
    usage: '',
    description: 'every sprint, numbered, with its dates and outcome',
    async run(ctx) {
      return { kind: 'lines', title: 'Sprints', lines: await sprintLines(ctx.hub) };
    },
  },
  {
    name: 'backlog',
    aliases: [],
    usage: '',
    description: 'unfinished work of closed sprints, waiting for a plan',
    run: (ctx) => backlogLines(ctx),
  },
  {
    name: 'dm',
    aliases: ['msg', 'tell'],
    usage: 'NAME|@role TEXT',
    description: 'a message to one participant or one role',
    async run(ctx, args) {
      const room = ctx.room();
      const target = takeName(args, room.roster.map((p) => p.name));
      if (!target || !target.rest) return usageError('dm', 'NAME|@role TEXT', 'Say to whom and what.');
      const to = addressOf(target.name, room.roster, room.roles.map((r) => r.role));
      if ('problem' in to) return refused(to.problem);
      await ctx.hub.send({ type: 'chat', text: target.rest, to: to.audience });
      return { kind: 'none' };
    },
  },
  {
    name: 'plan',
    aliases: [],
    usage: '[--days N]',
    description: 'plan a sprint with the technical lead',
    roles: ['human'],
    async run(ctx, args) {
      const rest = args.trim();
      // the lead reads the number and answers a wrong one; the terminal only checks the shape
      if (rest && !/^--days[=\s]+\S+$/.test(rest)) return usageError('plan', '[--days N]', `"${rest}" is not a sprint length.`);
      await ctx.hub.send({ type: 'chat', text: `plan sprint${rest ? ` ${rest}` : ''}` });
      return { kind: 'none' };
    },
  },
  taskCommand('accept', [], 'accept', 'ID', 'take a task the lead gave you', () => ({}), (id) => `${id} accepted.`),
  taskCommand('start', [], 'start', 'ID', 'start working on a task', () => ({}), (id) => `${id} started.`),
  taskCommand(
    'progress',
    ['p'],
    'progress',
    'ID PCT [note]',
    'report progress in percent',
    (rest) => {
      const [pct = '', ...words] = rest.split(/\s+/);
      const percent = Number(pct.replace(/%$/, ''));
      if (!pct || !Number.isFinite(percent) || percent < 0 || percent > 100) return `Give a percentage from 0 to 100${pct ? `, not "${pct}"` : ''}.`;
      return { percent, ...note(words.join(' ')) };
    },
    (id, rest) => `${id} at ${rest.split(/\s+/)[0]?.replace(/%$/, '')}%.`,
  ),
  taskCommand('done', ['finish'], 'done', 'ID [summary]', 'mark a task done', note, (id) => `${id} done.`),
  taskCommand(
    'blocked',
    ['block'],
    'block',
    'ID REASON',
    'say what blocks a task; the lead helps',
    (rest) => (rest ? { note: rest } : 'Say what blocks it.'),
    (id) => `${id} blocked; the technical lead has been told.`,
  ),
  taskCommand('unblock', [], 'unblock', 'ID [note]', 'the blocker is gone', note, (id) => `${id} unblocked.`),
  {
    name: 'answer',
    aliases: ['a'],
    usage: 'E-ID OPTION [text]',
    description: 'answer an escalation: pick an option, or write an answer',
    roles: ['human'],
    async run(ctx, args) {
      const [id, second, ...more] = args.trim().split(/\s+/);
      if (!id || !second) return usageError('answer', 'E-ID OPTION [text]', 'Say which escalation and your answer.');
      const escalation = ctx.room().escalations.find((e) => e.id.toLowerCase() === id.toLowerCase());
      const option = escalation?.options.find((o) => o.key.toLowerCase() === second.toLowerCase());
      const text = (option ? more : [second, ...more]).join(' ');
      await ctx.hub.send({ type: 'escalation_answer', escalationId: escalation?.id ?? id, ...(option ? { option: option.key } : {}), ...(text ? { text } : {}) });
      return { kind: 'done', text: `Answered ${escalation?.id ?? id}${option ? `: ${option.key}) ${option.label}` : ''}.` };
    },
  },
  {
    name: 'quit',
    aliases: ['exit', 'q'],
    usage: '',
    description: 'leave (what you typed is sent first)',
    async run() {
      return { kind: 'quit' };
    },
  },
];

const isFor = (command: SlashCommand, role: string) => !command.roles || command.roles.includes(role);
/** The commands a role may use, as /help lists them. */
export const commandsFor = (role: string): SlashCommand[] => COMMANDS.filter((c) => isFor(c, role));

const whoMay = (command: SlashCommand, room: Room) =>
  (command.roles ?? []).map((role) => `the ${room.roles.find((r) => r.role === role)?.title ?? role} (role ${role})`).join(' or ');

export function findCommand(word: string): SlashCommand | undefined {
  const w = word.toLowerCase();
  return COMMANDS.find((c) => c.name === w || c.aliases.includes(w));
}

/**
 * One typed line: a slash command, or chat sent exactly as typed (the technical lead reads
 * `plan sprint`, `approve`, `assign T-3 to NAME`... from chat). Failures come back as an error result.
 */
export async function runInput(ctx: CommandContext, line: string): Promise<CommandResult> {
  const text = line.trim();
  if (!text) return { kind: 'none' };
  try {
    if (text.startsWith('/')) {
      const [word = '', ...rest] = text.slice(1).split(/\s+/);
      const command = findCommand(word);
      if (!command) return refused(`There is no /${word} command. The commands are ${commandsFor(ctx.me.role).map((c) => `/${c.name}`).join(' ')}; /help says what they do.`);
      if (!isFor(command, ctx.me.role)) return refused(`/${command.name} is for ${whoMay(command, ctx.room())}; you joined as ${ctx.me.role}.`);
      return await command.run(ctx, rest.join(' '));
    }
    await ctx.hub.send({ type: 'chat', text });
    return { kind: 'none' };
  } catch (err) {
    return errorResult(err);
  }
}
