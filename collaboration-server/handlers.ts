/**
 * What each frame does to the hub's state. Commands run inside the transaction that commits them and
 * return the events to relay; queries only read.
 */
import { HuddleError } from './errors.js';
import { PAGE_BYTES, type CommandFrame, type Participant, type QueryFrame, type ReplyData } from './protocol.js';
import { viewerOf } from './store/index.js';
import type { CommandOutcome, HandlerContext } from './handler-context.js';
import { changeCredential } from './identity.js';
import { createEscalation, answerEscalation, addTasks, createSprint, applyTaskUpdate, findTask, requireAdmin } from './work-commands.js';
import { requireTaskWriter } from './task-lifecycle.js';

export function applyCommand(ctx: HandlerContext, frame: CommandFrame): CommandOutcome {
  const { store, now, actor } = ctx;
  if (actor.role === 'orchestrator' && frame.type !== 'lead_claim') ctx.lead?.check();
  switch (frame.type) {
    case 'chat': {
      if (frame.card && actor.role !== 'orchestrator') {
        throw new HuddleError('FORBIDDEN', 'Only the technical lead sends cards (the typed `card` of a chat frame); send the text alone.');
      }
      if (frame.to.kind === 'participant' && !store.participants.byName(frame.to.name)) {
        throw new HuddleError('NOT_FOUND', `Nobody called "${frame.to.name}" has joined. /who lists the participants.`);
      }
      const from = { id: actor.id, name: actor.name, role: actor.role };
      const event = { type: 'message' as const, from, to: frame.to, text: frame.text, ...(frame.card ? { card: frame.card } : {}) };
      return { deliveries: [{ stored: store.events.append(event, now, actor.id, frame.to), fromId: actor.id, to: frame.to }] };
    }
    case 'presence': {
      const participant = { id: actor.id, name: actor.name, role: actor.role, status: frame.status };
      const stored = store.events.append({ type: 'presence', participant, change: frame.status }, now, actor.id);
      return { deliveries: [{ stored, fromId: actor.id, to: { kind: 'all' } }] };
    }
    case 'sprint_create':
      return createSprint(ctx, frame);
    case 'tasks_add':
      return addTasks(ctx, frame);
    case 'task_update':
      return applyTaskUpdate(ctx, frame);
    case 'escalate':
      return createEscalation(ctx, frame);
    case 'escalation_answer':
      return answerEscalation(ctx, frame);
    case 'artifact_put': {
      requireTaskWriter(findTask(ctx, frame.taskId), ctx.actor);
      store.kv.appendToArtifact(frame.taskId, frame.kind, frame.content);
      return { deliveries: [] };
    }
    case 'state_put': {
      requireAdmin(ctx, 'keep the lead’s state');
      store.kv.setState(frame.key, frame.value);
      return { deliveries: [] };
    }
    case 'participant_credential':
      return changeCredential(ctx, frame);
    case 'lead_claim':
      if (actor.role !== 'orchestrator' || !ctx.lead) throw new HuddleError('FORBIDDEN', 'Only the technical lead, joined as itself (not a one-shot command), claims the lead’s seat.');
      return { deliveries: [], result: ctx.lead.claim() };
  }
}

export function answerQuery(ctx: HandlerContext, frame: QueryFrame, roster: () => Participant[]): ReplyData {
  const { store } = ctx;
  switch (frame.type) {
    case 'who':
      return { kind: 'who', participants: roster() };
    case 'history':
      return {
        kind: 'history',
        ...store.events.page(viewerOf(ctx.actor), { after: frame.after, before: frame.before, all: frame.all, limit: frame.limit, maxBytes: ctx.pageBytes ?? PAGE_BYTES }),
      };
    case 'tasks': {
      const sprint = frame.sprintId ? store.work.sprint(frame.sprintId) : store.work.currentSprint();
      if (frame.sprintId && !sprint) throw new HuddleError('NOT_FOUND', `No sprint ${frame.sprintId}.`);
      const tasks = sprint ? store.work.tasks(sprint.id) : [];
      return { kind: 'tasks', sprint: sprint ?? null, tasks: frame.assignee ? tasks.filter((t) => t.assignee === frame.assignee) : tasks };
    }
    case 'task_events': {
      const sprint = frame.sprintId ? store.work.sprint(frame.sprintId) : store.work.currentSprint();
      const events = sprint ? store.events.ofSprint(sprint.id, 'task') : [];
      return { kind: 'task_events', sprint: sprint ?? null, events: events.filter((e) => e.type === 'task') };
    }
    case 'escalations':
      return { kind: 'escalations', escalations: store.work.escalations(frame.status), decisions: store.work.decisions() };
    case 'artifact_get':
      if (!store.work.task(frame.taskId)) throw new HuddleError('NOT_FOUND', `No task ${frame.taskId}. \`huddle tasks\` lists them.`);
      return { kind: 'artifact', taskId: frame.taskId, artifactKind: frame.kind, content: store.kv.artifact(frame.taskId, frame.kind) };
    case 'state_get':
      requireAdmin(ctx, 'read the lead’s state');
      return { kind: 'state', key: frame.key, value: store.kv.state(frame.key) };
    case 'participants': {
      requireAdmin(ctx, 'list the participants’ credentials');
      const status = new Map(roster().map((p) => [p.id, p.status]));
      const participants = store.participants.records().map(({ id, name, role, credential, createdAt, lastSeen }) => ({ id, name, role, status: status.get(id) ?? ('offline' as const), credential, createdAt, lastSeen }));
      return { kind: 'participants', participants };
    }
  }
}
