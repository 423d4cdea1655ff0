/**
 * What each Huddle tool does, as the participant the MCP process joined as: each returns a short text
 * for the model and the same facts as data (the tool's structured content), or throws a HuddleError
 * whose sentence says what went wrong and what to do next.
 */
import { parseAddress } from '../../collaboration-server/audience.js';
import type { Clock } from '../../collaboration-server/clock.js';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { HubEvent, Task } from '../../collaboration-server/protocol.js';
import { isActive } from '../../collaboration-server/task-lifecycle.js';
import { ANSWER_PREFIX } from '../../orchestrator/monitoring/questions.js';
import { emptyRoom, loadHours, type Me } from '../room.js';
import { attachmentNote, checkAttachmentName, checkAttachmentSize, readAttachmentFile } from './attachment.js';
import { CallMemory } from './call-memory.js';
import type { HubLink } from './hub-link.js';
import type { Inbox } from './inbox.js';
import { itemLines, type InboxItem } from './inbox-item.js';
import { detailLines, nextStep, taskDetails } from './task-details.js';

export interface Reply {
  text: string;
  data: Record<string, unknown>;
}

export const MAX_WAIT_SECONDS = 45;
export const TASK_ACTIONS = ['accept', 'start', 'progress', 'done', 'block', 'note'] as const;
export type AgentTaskAction = (typeof TASK_ACTIONS)[number];

export interface OperationsOptions {
  me: Me;
  link: HubLink;
  inbox: Inbox;
  roles: readonly string[];
  /** the folder files may be attached from */
  workdir: string;
  clock: Clock;
}

const seconds = (n: number | undefined, fallback: number) => Math.min(MAX_WAIT_SECONDS, Math.max(0, n ?? fallback)) * 1000;
const rounded = (hours: number) => Math.round(hours * 10) / 10;

export function createOperations({ me, link, inbox, roles, workdir, clock }: OperationsOptions) {
  const calls = new CallMemory(clock);
  const sprintTasks = () => link.query((c) => c.request({ type: 'tasks' }));
  const mineOf = (tasks: readonly Task[]) => tasks.filter((t) => t.assignee === me.name && t.status !== 'cancelled');
  const connectionNote = () => (link.state === 'online' ? [] : [`(hub ${link.state}: this server reconnects by itself; news arrives once it is back)`]);

  return {
    async whoami(): Promise<Reply> {
      const [who, { sprint, tasks }] = await link.query((c) => Promise.all([c.request({ type: 'who' }), c.request({ type: 'tasks' })]));
      const leads = who.participants.filter((p) => p.role === 'orchestrator').sort((a, b) => Number(b.status === 'online') - Number(a.status === 'online'));
      const open = mineOf(tasks).filter((t) => isActive(t.status));
      const hours = rounded(loadHours({ ...emptyRoom(me, []), tasks }, me.name));
      const lead = leads[0] ? { name: leads[0].name, status: leads[0].status } : null;
      const data = {
        name: me.name,
        role: me.role,
        connection: link.state,
        sprint: sprint ? { id: sprint.id, name: sprint.name, goal: sprint.goal, status: sprint.status, endsAt: new Date(sprint.endsAt).toISOString() } : null,
        lead,
        load: { openTasks: open.length, openHours: hours, taskIds: open.map((t) => t.id) },
      };
      const text = [
        `You are ${me.name} (${me.role}) in the Huddle room.`,
        sprint ? `Sprint: ${sprint.name} (${sprint.status}, ends ${data.sprint!.endsAt.slice(0, 10)})${sprint.goal ? ` — ${sprint.goal}` : ''}.` : 'No sprint is running yet.',
        lead ? `Lead: ${lead.name} (${lead.status}).` : 'No technical lead has joined yet.',
        `Your load: ${open.length} open task(s), ${hours}h left${open.length ? ` (${open.map((t) => t.id).join(', ')})` : ''}.`,
      ].join('\n');
      return { text, data };
    },

    async myTasks(): Promise<Reply> {
      const { sprint, tasks } = await sprintTasks();
      const mine = mineOf(tasks);
      const open = mine.filter((t) => t.status !== 'done').map((t) => taskDetails(t, tasks));
      const done = mine.filter((t) => t.status === 'done').map((t) => t.id);
      const next = nextStep(mine);
      const data = { sprint: sprint ? { id: sprint.id, name: sprint.name } : null, tasks: open, done, next };
      if (!sprint) return { text: 'No sprint is running yet; the lead gives out tasks once the product owner approves a plan. huddle_inbox waits for news.', data };
      const text = [
        `${sprint.name}: ${open.length} open task(s) for ${me.name}${done.length ? `, done: ${done.join(', ')}` : ''}.`,
        ...open.flatMap(detailLines),
        next ? `Next: ${next.why}` : 'Nothing to take right now; huddle_inbox waits for news.',
      ].join('\n');
      return { text, data };
    },

    async updateTask(args: { taskId: string; action: AgentTaskAction; percent?: number | undefined; note?: string | undefined }): Promise<Reply> {
      const taskId = args.taskId.toUpperCase();
      if (args.action === 'progress' && args.percent === undefined) throw new HuddleError('BAD_FRAME', 'Progress needs a percent from 0 to 100.');
      if ((args.action === 'block' || args.action === 'note') && !args.note?.trim()) {
        throw new HuddleError('BAD_FRAME', args.action === 'block' ? 'Say what blocks it in note: the lead reads it to help.' : 'A note needs its text.');
      }
      const frame = {
        type: 'task_update' as const,
        taskId,
        action: args.action,
        ...(args.percent !== undefined ? { percent: args.percent } : {}),
        ...(args.note?.trim() ? { note: args.note } : {}),
      };
      const ack = await calls.once('huddle_task_update', frame, (id) => link.command((c) => c.send(frame, { id })));
      const status = String(ack.result?.status ?? '');
      const again = ack.duplicate ? ' (the same call had already been applied; nothing was done twice)' : '';
      const hint = args.action === 'done' ? ' huddle_my_tasks shows what comes next.' : args.action === 'block' ? ' The lead has been told; its guidance comes to huddle_inbox.' : '';
      return { text: `${taskId} ${args.action}: now ${status.replace('_', ' ')}.${again}${hint}`, data: { taskId, action: args.action, status, duplicate: ack.duplicate, seq: ack.seq } };
    },

    async send(args: { text: string; to?: string | undefined }): Promise<Reply> {
      const to = args.to?.trim() ? parseAddress(args.to.trim(), roles) : { kind: 'all' as const };
      const ack = await calls.once('huddle_send', { text: args.text, to }, (id) => link.command((c) => c.send({ type: 'chat', text: args.text, to }, { id })));
      const whom = to.kind === 'all' ? 'everyone' : to.kind === 'role' ? `@${to.role}` : to.name;
      return {
        text: `Sent to ${whom}.${ack.duplicate ? ' (the same call had already been applied; it was not sent twice)' : ''}`,
        data: { to: whom, seq: ack.seq, duplicate: ack.duplicate },
      };
    },

    async inbox(args: { waitSeconds?: number | undefined }, signal?: AbortSignal): Promise<Reply> {
      const { items, more } = await inbox.next(seconds(args.waitSeconds, 0), signal);
      const lines = items.length ? items.flatMap(itemLines) : ['Nothing new.'];
      if (more) lines.push(`(${more} more: call huddle_inbox again)`);
      return { text: [...lines, ...connectionNote()].join('\n'), data: { items, more, connection: link.state } };
    },

    async askLead(args: { question: string; taskId?: string | undefined; waitSeconds?: number | undefined }, signal?: AbortSignal): Promise<Reply> {
      const taskId = args.taskId?.toUpperCase();
      const text = `Question${taskId ? ` about ${taskId}` : ''}: ${args.question}`;
      const ack = await calls.once('huddle_ask_lead', { text }, (id) => link.command((c) => c.send({ type: 'chat', text, to: { kind: 'role', role: 'orchestrator' } }, { id })));
      const asked = ack.seq ?? 0;
      const isAnswer = (e: HubEvent) => e.type === 'message' && e.seq > asked && e.from.role === 'orchestrator' && e.to.kind === 'participant' && e.to.name === me.name && e.text.startsWith(ANSWER_PREFIX);
      const answer: InboxItem | undefined = await inbox.waitFor(isAnswer, seconds(args.waitSeconds, 30), signal);
      if (!answer) {
        return {
          text: `Asked the lead. No answer yet; it will come to huddle_inbox.${connectionNote().join(' ')}`,
          data: { asked: true, answer: null, seq: ack.seq },
        };
      }
      return { text: itemLines(answer).join('\n'), data: { asked: true, answer, seq: ack.seq } };
    },

    async attach(args: { taskId: string; name: string; content?: string | undefined; path?: string | undefined }): Promise<Reply> {
      const taskId = args.taskId.toUpperCase();
      checkAttachmentName(args.name);
      if ((args.content === undefined) === (args.path === undefined)) throw new HuddleError('BAD_FRAME', 'Give either content (the text) or path (a file in the working folder), not both and not neither.');
      const content = args.content ?? readAttachmentFile(args.path!, workdir);
      const bytes = checkAttachmentSize(content);
      const stored = await calls.once('huddle_attach', { taskId, name: args.name, content }, async (id, repeat) => {
        // a retried call may have stored it already: the same frame ids make the hub apply it once
        if (!repeat) {
          const existing = await link.query((c) => c.request({ type: 'artifact_get', taskId, kind: args.name }));
          if (existing.content) throw new HuddleError('CONFLICT', `${taskId} already has an attachment called ${args.name}; pick another name.`);
        }
        const put = await link.command((c) => c.send({ type: 'artifact_put', taskId, kind: args.name, content }, { id: `${id}:a` }));
        await link.command((c) => c.send({ type: 'task_update', taskId, action: 'note', note: attachmentNote(taskId, args.name, bytes) }, { id: `${id}:n` }));
        return put;
      });
      return {
        text: `Attached ${args.name} (${bytes} bytes) to ${taskId}; it is listed in the task's details.${stored.duplicate ? ' (the same call had already been applied; it was stored once)' : ''}`,
        data: { taskId, name: args.name, bytes, duplicate: stored.duplicate, read: `huddle task log ${taskId} --kind ${args.name}` },
      };
    },

    /** huddle://sprint/current */
    async sprint(): Promise<Record<string, unknown>> {
      const { sprint, tasks } = await sprintTasks();
      return { sprint, tasks: tasks.map((t) => ({ id: t.id, title: t.title, status: t.status, percent: t.percent, assignee: t.assignee, dependsOn: t.dependsOn })) };
    },

    /** huddle://task/{id} */
    async task(id: string): Promise<Record<string, unknown>> {
      const { tasks } = await sprintTasks();
      const task = tasks.find((t) => t.id === id.toUpperCase());
      if (!task) throw new HuddleError('NOT_FOUND', `No task ${id} in the current sprint. huddle_my_tasks lists yours.`);
      return { ...taskDetails(task, tasks) };
    },

    async taskIds(): Promise<{ id: string; title: string }[]> {
      const { tasks } = await sprintTasks();
      return tasks.map((t) => ({ id: t.id, title: t.title }));
    },
  };
}

export type Operations = ReturnType<typeof createOperations>;
