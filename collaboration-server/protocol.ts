/**
 * The wire protocol: every frame in both directions, as zod schemas.
 * Hub and clients import this module; nothing else declares a frame's shape.
 */
import { z } from 'zod';
import { CardSchema } from './cards.js';
import { PrioritySchema } from './priority.js';

export { PrioritySchema, type Priority } from './priority.js';

export const PROTOCOL_VERSION = 1;
export const MAX_FRAME_BYTES = 1024 * 1024;
export const MAX_TEXT_CHARS = 32_000;

const text = (max = MAX_TEXT_CHARS) => z.string().max(max);
export const FrameIdSchema = z.string().min(1).max(64);
export const NameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^@\s\p{Cc}][^\p{Cc}]*$/u, 'a name may not start with @ or a space, nor hold control characters');
export const RoleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a role is lower-case letters, digits and dashes, like backend-dev');
export const TaskIdSchema = z.string().regex(/^T-\d{1,9}$/, 'a task id looks like T-12');

export { ADMIN_ROLES, isAdminRole } from './admin-roles.js';
/** the role the technical lead joins as */
export const LEAD_ROLE = 'orchestrator';

// ---------------------------------------------------------------- shared shapes

export const ParticipantSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  status: z.enum(['online', 'away', 'offline']),
});
export type Participant = z.infer<typeof ParticipantSchema>;
/** A participant as the product owner manages it: where its credential stands, and when it joined and was last seen. */
export const ParticipantRecordSchema = ParticipantSchema.extend({
  credential: z.enum(['active', 'open', 'revoked', 'legacy']),
  createdAt: z.number(),
  lastSeen: z.number(),
});
export type ParticipantRecord = z.infer<typeof ParticipantRecordSchema>;

export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('participant'), name: NameSchema }),
  z.object({ kind: z.literal('role'), role: RoleSchema }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** Bytes of events in one page of a replay or a history answer (at least one event, however large). */
export const PAGE_BYTES = 256 * 1024;
/**
 * Where the next page of a paged answer starts: send the same `history` query again with these
 * fields merged in. Absent when the answer is complete.
 */
export const PageCursorSchema = z.union([
  z.object({ after: z.number().int().nonnegative() }),
  z.object({ before: z.number().int().positive() }),
]);
export type PageCursor = z.infer<typeof PageCursorSchema>;

export const SenderSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type Sender = z.infer<typeof SenderSchema>;

export const TASK_STATUSES = [
  'pending', // waiting for its dependencies; not yet given to anyone
  'assigned',
  'accepted',
  'in_progress',
  'blocked',
  'done',
  'failed',
  'cancelled',
] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export const TaskDraftSchema = z.object({
  key: z.string().max(64).optional(),
  title: text(200).min(1),
  description: text(4000).default(''),
  objective: text(500).default(''),
  domain: z.string().max(40).default('general'),
  role: RoleSchema,
  estimateHours: z.number().positive().max(1000),
  points: z.number().nonnegative().max(1000).default(0),
  priority: PrioritySchema.default('medium'),
  acceptance: z.array(text(500)).max(20).default([]),
  /** keys (or ids) of tasks in the same frame or sprint this one waits for */
  dependsOn: z.array(z.string().max(64)).max(50).default([]),
  assignee: NameSchema.nullable().default(null),
  /** who the plan gives it to once its dependencies are done, while it waits unassigned */
  plannedAssignee: NameSchema.nullable().default(null),
  rationale: text(500).default(''),
  due: z.number().int().nullable().default(null),
});
export type TaskDraft = z.input<typeof TaskDraftSchema>;

export const TaskSchema = z.object({
  id: TaskIdSchema,
  sprintId: z.string(),
  title: z.string(),
  description: z.string(),
  objective: z.string(),
  domain: z.string(),
  role: z.string(),
  estimateHours: z.number(),
  points: z.number(),
  priority: PrioritySchema,
  acceptance: z.array(z.string()),
  dependsOn: z.array(TaskIdSchema),
  assignee: z.string().nullable(),
  /** who the plan gives it to once its dependencies are done (absent on tasks from before plans kept it) */
  plannedAssignee: z.string().nullable().optional(),
  rationale: z.string(),
  status: TaskStatusSchema,
  percent: z.number(),
  due: z.number().nullable(),
  atRisk: z.boolean(),
  startedAt: z.number().nullable(),
  completedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  notes: z.array(z.string()),
});
export type Task = z.infer<typeof TaskSchema>;

export const SprintSchema = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  status: z.enum(['active', 'completed', 'cancelled']),
  objectives: z.array(z.string()),
  createdAt: z.number(),
});
export type Sprint = z.infer<typeof SprintSchema>;

export const TASK_ACTIONS = [
  'assign', // lead/product owner gives a pending or reassigned task to someone
  'accept',
  'start',
  'progress',
  'block',
  'unblock',
  'done',
  'fail',
  'cancel',
  'reassign',
  'note',
  'at_risk',
  'update', // change estimate, priority, due, title
] as const;
export const TaskActionSchema = z.enum(TASK_ACTIONS);
export type TaskAction = z.infer<typeof TaskActionSchema>;

export const TaskChangeSchema = z.object({
  taskId: TaskIdSchema,
  action: TaskActionSchema,
  by: z.string(),
  from: TaskStatusSchema,
  to: TaskStatusSchema,
  note: z.string().nullable(),
  percent: z.number().nullable(),
  assignee: z.string().nullable(),
  previousAssignee: z.string().nullable(),
});
export type TaskChange = z.infer<typeof TaskChangeSchema>;

export const EscalationOptionSchema = z.object({
  key: z.string().min(1).max(16),
  label: text(300).min(1),
  /** what the lead does when this option is picked, for example `drop`, `defer`, `note`, `reassign` */
  effect: z.string().max(40).default('note'),
});
export type EscalationOption = z.infer<typeof EscalationOptionSchema>;

export const EscalationSchema = z.object({
  id: z.string(),
  taskId: z.string().nullable(),
  title: z.string(),
  blocker: z.string(),
  impact: z.string(),
  reason: z.string(),
  options: z.array(EscalationOptionSchema),
  status: z.enum(['open', 'answered']),
  createdAt: z.number(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const DecisionSchema = z.object({
  id: z.string(),
  escalationId: z.string(),
  option: z.string().nullable(),
  text: z.string(),
  by: z.string(),
  createdAt: z.number(),
});
export type Decision = z.infer<typeof DecisionSchema>;

// ---------------------------------------------------------------- events (hub → client, sequenced)

const eventBase = { seq: z.number().int().positive(), ts: z.number() };

export const MessageEventSchema = z.object({
  ...eventBase,
  type: z.literal('message'),
  from: SenderSchema,
  to: AudienceSchema,
  text: z.string(),
  card: CardSchema.optional(),
});
export const PresenceEventSchema = z.object({
  ...eventBase,
  type: z.literal('presence'),
  participant: ParticipantSchema,
  change: z.enum(['joined', 'left', 'online', 'away']),
});
export const SprintEventSchema = z.object({
  ...eventBase,
  type: z.literal('sprint'),
  by: z.string(),
  sprint: SprintSchema,
  tasks: z.array(TaskSchema),
});
export const TaskEventSchema = z.object({
  ...eventBase,
  type: z.literal('task'),
  task: TaskSchema,
  change: TaskChangeSchema,
});
export const EscalationEventSchema = z.object({
  ...eventBase,
  type: z.literal('escalation'),
  escalation: EscalationSchema,
});
export const DecisionEventSchema = z.object({
  ...eventBase,
  type: z.literal('decision'),
  decision: DecisionSchema,
  escalation: EscalationSchema,
});

export const EventSchema = z.discriminatedUnion('type', [
  MessageEventSchema,
  PresenceEventSchema,
  SprintEventSchema,
  TaskEventSchema,
  EscalationEventSchema,
  DecisionEventSchema,
]);
export type HubEvent = z.infer<typeof EventSchema>;
export type MessageEvent = z.infer<typeof MessageEventSchema>;
export type PresenceEvent = z.infer<typeof PresenceEventSchema>;
export type SprintEvent = z.infer<typeof SprintEventSchema>;
export type TaskEvent = z.infer<typeof TaskEventSchema>;
export type EscalationEvent = z.infer<typeof EscalationEventSchema>;
export type DecisionEvent = z.infer<typeof DecisionEventSchema>;
/** An event before the store gives it its sequence number and time. */
export type NewEvent = HubEvent extends infer E ? (E extends HubEvent ? Omit<E, 'seq' | 'ts'> : never) : never;

// ---------------------------------------------------------------- client → hub frames

const frameBase = { id: FrameIdSchema };

export const HelloFrameSchema = z.object({
  ...frameBase,
  type: z.literal('hello'),
  protocol: z.number().int(),
  name: NameSchema,
  role: RoleSchema,
  sessionId: z.string().max(64).optional(),
  /** the last sequence number this client saw; the hub replays what came after it */
  lastSeq: z.number().int().nonnegative().optional(),
  /** how many past messages a new session wants in its welcome */
  historyLimit: z.number().int().min(0).max(500).optional(),
  /** a one-shot command: its joining and leaving are not announced, and a name that has not joined may only read */
  transient: z.boolean().optional(),
  /**
   * a second live connection of a participant who has joined (the MCP server an `--exec` agent's
   * command starts): it receives the participant's events, but like a one-shot command it is not
   * announced, takes no name and leaves the participant's own session alone
   */
  companion: z.boolean().optional(),
  /** the participant's own secret, given in the welcome of its first join; needed for every later join as this name */
  credential: z.string().max(128).optional(),
});
export const ChatFrameSchema = z.object({
  ...frameBase,
  type: z.literal('chat'),
  text: text().min(1),
  to: AudienceSchema.default({ kind: 'all' }),
  card: CardSchema.optional(),
});
export const PresenceFrameSchema = z.object({
  ...frameBase,
  type: z.literal('presence'),
  status: z.enum(['online', 'away']),
});
export const WhoFrameSchema = z.object({ ...frameBase, type: z.literal('who') });
export const HistoryFrameSchema = z.object({
  ...frameBase,
  type: z.literal('history'),
  limit: z.number().int().min(1).max(1000).default(50),
  /** only events with a sequence number below this one */
  before: z.number().int().positive().optional(),
  /** only events with a sequence number above this one, and the oldest of them first (paging forward) */
  after: z.number().int().nonnegative().optional(),
  /** all event types instead of messages only */
  all: z.boolean().default(false),
});
export const SprintCreateFrameSchema = z.object({
  ...frameBase,
  type: z.literal('sprint_create'),
  sprint: z.object({
    name: text(200).min(1),
    goal: text(2000).default(''),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    objectives: z.array(text(500)).max(20).default([]),
  }),
  tasks: z.array(TaskDraftSchema).min(1).max(20_000),
});
export const TasksAddFrameSchema = z.object({
  ...frameBase,
  type: z.literal('tasks_add'),
  sprintId: z.string().max(64),
  tasks: z.array(TaskDraftSchema).min(1).max(1000),
});
export const TaskUpdateFrameSchema = z.object({
  ...frameBase,
  type: z.literal('task_update'),
  taskId: TaskIdSchema,
  action: TaskActionSchema,
  percent: z.number().min(0).max(100).optional(),
  note: text(4000).optional(),
  assignee: NameSchema.optional(),
  fields: z
    .object({
      title: text(200).min(1).optional(),
      estimateHours: z.number().positive().max(1000).optional(),
      priority: PrioritySchema.optional(),
      due: z.number().int().nullable().optional(),
    })
    .optional(),
});
export const TasksFrameSchema = z.object({
  ...frameBase,
  type: z.literal('tasks'),
  /** the active sprint when omitted */
  sprintId: z.string().max(64).optional(),
  assignee: NameSchema.optional(),
});
export const TaskEventsFrameSchema = z.object({
  ...frameBase,
  type: z.literal('task_events'),
  sprintId: z.string().max(64).optional(),
});
export const EscalateFrameSchema = z.object({
  ...frameBase,
  type: z.literal('escalate'),
  taskId: TaskIdSchema.nullable().default(null),
  title: text(300).min(1),
  blocker: text(2000).default(''),
  impact: text(2000).default(''),
  reason: text(2000).default(''),
  options: z.array(EscalationOptionSchema).min(2).max(4),
});
export const EscalationAnswerFrameSchema = z.object({
  ...frameBase,
  type: z.literal('escalation_answer'),
  escalationId: z.string().max(64),
  option: z.string().max(16).optional(),
  text: text(4000).optional(),
});
export const EscalationsFrameSchema = z.object({
  ...frameBase,
  type: z.literal('escalations'),
  status: z.enum(['open', 'answered', 'all']).default('open'),
});
export const ArtifactPutFrameSchema = z.object({
  ...frameBase,
  type: z.literal('artifact_put'),
  taskId: TaskIdSchema,
  kind: z.string().min(1).max(40),
  /** appended to what the task's artifact of this kind already holds */
  content: z.string().max(512 * 1024),
});
export const ArtifactGetFrameSchema = z.object({
  ...frameBase,
  type: z.literal('artifact_get'),
  taskId: TaskIdSchema,
  kind: z.string().min(1).max(40).default('log'),
});
/** Deepest nesting a free-form JSON value may have: the store serializes it recursively. */
export const MAX_JSON_DEPTH = 64;
function depthWithin(value: unknown, limit: number): boolean {
  if (limit < 0) return false;
  if (value === null || typeof value !== 'object') return true;
  return Object.values(value).every((v) => depthWithin(v, limit - 1));
}
export const StatePutFrameSchema = z.object({
  ...frameBase,
  type: z.literal('state_put'),
  key: z.string().min(1).max(100),
  value: z.unknown().refine((v) => depthWithin(v, MAX_JSON_DEPTH), `a value may nest at most ${MAX_JSON_DEPTH} levels deep`),
});
export const StateGetFrameSchema = z.object({
  ...frameBase,
  type: z.literal('state_get'),
  key: z.string().min(1).max(100),
});

export const ParticipantsFrameSchema = z.object({ ...frameBase, type: z.literal('participants') });
export const ParticipantCredentialFrameSchema = z.object({
  ...frameBase,
  type: z.literal('participant_credential'),
  name: NameSchema,
  /** revoke: nobody may join as the name; reset: the next join takes the name (and may pick its role) and gets a new credential */
  action: z.enum(['revoke', 'reset']),
});

/**
 * The technical lead asks for the lead's seat (and asks again every few seconds to keep it): one lead
 * at a time per room, fenced by an epoch. Acknowledged with result { granted, epoch, holder }.
 */
export const LeadClaimFrameSchema = z.object({ ...frameBase, type: z.literal('lead_claim') });

export const ClientFrameSchema = z.discriminatedUnion('type', [
  HelloFrameSchema,
  ChatFrameSchema,
  PresenceFrameSchema,
  WhoFrameSchema,
  HistoryFrameSchema,
  SprintCreateFrameSchema,
  TasksAddFrameSchema,
  TaskUpdateFrameSchema,
  TasksFrameSchema,
  TaskEventsFrameSchema,
  EscalateFrameSchema,
  EscalationAnswerFrameSchema,
  EscalationsFrameSchema,
  ArtifactPutFrameSchema,
  ArtifactGetFrameSchema,
  StatePutFrameSchema,
  StateGetFrameSchema,
  ParticipantsFrameSchema,
  ParticipantCredentialFrameSchema,
  LeadClaimFrameSchema,
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;
export type HelloFrame = z.infer<typeof HelloFrameSchema>;
export type ClientFrameInput = z.input<typeof ClientFrameSchema>;
export type ClientFrameType = ClientFrame['type'];
export const CLIENT_FRAME_TYPES = ClientFrameSchema.options.map((o) => o.shape.type.value);
/** Frames that change state: committed once per client frame id and acknowledged with `ack`. */
export const COMMAND_TYPES = [
  'chat',
  'presence',
  'sprint_create',
  'tasks_add',
  'task_update',
  'escalate',
  'escalation_answer',
  'artifact_put',
  'state_put',
  'participant_credential',
  'lead_claim',
] as const satisfies readonly ClientFrameType[];
export type CommandType = (typeof COMMAND_TYPES)[number];
/** Frames that only read: answered with `reply`. */
export type QueryType = Exclude<ClientFrameType, CommandType | 'hello'>;
export type CommandFrame = Extract<ClientFrame, { type: CommandType }>;
export type QueryFrame = Extract<ClientFrame, { type: QueryType }>;

// ---------------------------------------------------------------- hub → client replies (not sequenced)

export const WelcomeFrameSchema = z.object({
  type: z.literal('welcome'),
  id: FrameIdSchema,
  protocol: z.number(),
  participant: ParticipantSchema,
  sessionId: z.string(),
  resumed: z.boolean(),
  /** online participants first, then the most recently seen, at most the hub's roster bound; `who` lists everyone */
  roster: z.array(ParticipantSchema),
  /** how many participants the room has, of which `roster` may show only some */
  rosterTotal: z.number().int().nonnegative().optional(),
  /** a new credential for this participant (its first join, or after a reset): keep it, and send it in every later hello */
  credential: z.string().optional(),
  /** a new session: recent messages; a resumed one: the first page of the events it missed, in order */
  history: z.array(EventSchema),
  /** a resumed session with more to replay: ask `history` with `all: true` and this cursor, page by page */
  next: PageCursorSchema.optional(),
  lastSeq: z.number().int().nonnegative(),
});
export const AckFrameSchema = z.object({
  type: z.literal('ack'),
  id: FrameIdSchema,
  /** the sequence number of the event the frame produced, if any */
  seq: z.number().int().nullable(),
  /** true when this frame id had already been applied: nothing was done twice */
  duplicate: z.boolean(),
  /** what the command created, for example a sprint id, task ids or an escalation id */
  result: z.record(z.string(), z.unknown()).optional(),
});
export const ReplyDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('who'), participants: z.array(ParticipantSchema) }),
  z.object({ kind: z.literal('history'), events: z.array(EventSchema), next: PageCursorSchema.optional() }),
  z.object({ kind: z.literal('tasks'), sprint: SprintSchema.nullable(), tasks: z.array(TaskSchema) }),
  z.object({ kind: z.literal('task_events'), sprint: SprintSchema.nullable(), events: z.array(TaskEventSchema) }),
  z.object({ kind: z.literal('escalations'), escalations: z.array(EscalationSchema), decisions: z.array(DecisionSchema) }),
  z.object({ kind: z.literal('artifact'), taskId: z.string(), artifactKind: z.string(), content: z.string() }),
  z.object({ kind: z.literal('state'), key: z.string(), value: z.unknown() }),
  z.object({ kind: z.literal('participants'), participants: z.array(ParticipantRecordSchema) }),
]);
export type ReplyData = z.infer<typeof ReplyDataSchema>;
/** The reply to a query: its kind is the query's type, except `artifact_get` → `artifact` and `state_get` → `state`. */
export type ReplyTo<Q extends QueryType> = Extract<ReplyData, { kind: Q extends 'artifact_get' ? 'artifact' : Q extends 'state_get' ? 'state' : Q }>;
export const ReplyFrameSchema = z.object({ type: z.literal('reply'), id: FrameIdSchema, data: ReplyDataSchema });
export const ErrorFrameSchema = z.object({
  type: z.literal('error'),
  /** the client frame id this answers, when the frame was readable enough to have one */
  id: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const EventFrameSchema = z.object({ type: z.literal('event'), event: EventSchema });

export const ServerFrameSchema = z.discriminatedUnion('type', [
  WelcomeFrameSchema,
  AckFrameSchema,
  ReplyFrameSchema,
  ErrorFrameSchema,
  EventFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;
export type AckFrame = z.infer<typeof AckFrameSchema>;
export type ReplyFrame = z.infer<typeof ReplyFrameSchema>;
export type ErrorFrame = z.infer<typeof ErrorFrameSchema>;
export type EventFrame = z.infer<typeof EventFrameSchema>;
