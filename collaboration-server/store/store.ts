/**
 * The contract every store keeps: the hub's durable state behind one interface, implemented by SQLite
 * (`index.ts`, the default, embedded) and PostgreSQL (`postgres/`, shared by several hubs). The
 * contract test suite (test/store-contract.ts) runs against each.
 *
 * Calls are synchronous, as the hub's group commit needs: a batch of frames runs inside one
 * `transaction`, and nothing it produces leaves the hub before that transaction has committed. The
 * PostgreSQL store keeps that shape by waiting for each statement (see docs/scale-out.md).
 *
 * The row types live beside the SQLite code that first defined them; they are the contract's too.
 */
import type { AppliedFrame } from './applied-frames.js';
import type { ClusterStore } from './cluster.js';
import type { EventPage, PageQuery, StoredEvent, Viewer } from './events.js';
import type { Credential, ParticipantRecord, ParticipantRow } from './participants.js';
import type { Audience, Decision, Escalation, HubEvent, NewEvent, Sprint, Task } from '../protocol.js';

/** The sequenced event log: gapless numbers in commit order, every event the hub relays. */
export interface EventStore {
  /** Appends an event; call inside the transaction that makes the change it reports. */
  append(event: NewEvent, ts: number, fromId: string | null, to?: Audience, sprintId?: string | null): StoredEvent;
  /** the highest sequence number in the log (0 when empty) */
  lastSeq(): number;
  /** Everything the viewer may see after `after`, oldest first. */
  since(after: number, viewer: Viewer, limit: number): HubEvent[];
  /** The latest `limit` events (messages only unless `all`) before `before`, oldest first; given `after`, the first `limit` after it. */
  history(viewer: Viewer, limit: number, before?: number, all?: boolean, after?: number): HubEvent[];
  /** One page of what the viewer may see, bounded by events and bytes, with where the next page starts (see `pageOf`). */
  page(viewer: Viewer, query: PageQuery): EventPage;
  ofSprint(sprintId: string, type: HubEvent['type']): HubEvent[];
  /** The latest `limit` events of one task, in whichever sprint they happened, oldest first; and how many it has in all. */
  ofTask(taskId: string, limit: number): { events: HubEvent[]; total: number };
}

/** Everyone who ever joined the room, with their credentials. */
export interface ParticipantStore {
  byName(name: string): ParticipantRow | undefined;
  /** The participant whose standing (`active`) credential hashes to `hash`: who a script's Bearer credential is. */
  byCredential(hash: string): ParticipantRow | undefined;
  /** Another participant whose name reads like `name` (not `name` itself). */
  lookalikeOf(name: string): ParticipantRow | undefined;
  all(): ParticipantRow[];
  /** The `limit` participants seen most recently. */
  recent(limit: number): ParticipantRow[];
  records(): ParticipantRecord[];
  count(): number;
  create(row: ParticipantRow, credentialHash: string): void;
  update(row: ParticipantRow): void;
  seen(id: string, at: number): void;
  credential(id: string): Credential;
  setCredential(id: string, credential: Credential): void;
}

/** Client frame ids already applied: unique per participant, so a retried frame is applied once. */
export interface AppliedFrameStore {
  get(participantId: string, frameId: string): AppliedFrame | undefined;
  put(participantId: string, frameId: string, applied: AppliedFrame): void;
}

/** The lead's named documents and task artifacts. */
export interface KeyValueStore {
  state(key: string): unknown;
  setState(key: string, value: unknown): void;
  deleteState(key: string): void;
  artifact(taskId: string, kind: string): string;
  /** The kinds of artifact a task has, with their length in characters. */
  artifactKinds(taskId: string): { kind: string; chars: number }[];
  appendToArtifact(taskId: string, kind: string, content: string): void;
}

/** Sprints, tasks, blockers, escalations and decisions. */
export interface WorkStore {
  createSprint(sprint: Sprint): void;
  sprint(id: string): Sprint | undefined;
  /** The active sprint, or else the most recent one. */
  currentSprint(): Sprint | undefined;
  setSprint(id: string, status: Sprint['status']): void;
  /** The number the next sprint gets: 1, 2, 3… */
  nextSprintNumber(): number;
  sprintNamed(name: string): Sprint | undefined;
  /** The latest `limit` sprints (default 100), oldest first. */
  sprints(limit?: number): Sprint[];
  /** Marks the sprint closed (or completed) and keeps its tasks as they are now: the sprint's record. */
  closeSprint(id: string, status: 'completed' | 'closed', at: number, tasks: readonly Task[]): void;
  /** A sprint's tasks as people should read them: as they were at its close, or live while it runs. */
  sprintRecord(sprintId: string): Task[];
  /** Unfinished tasks whose sprint is over, the latest `limit` (default 200): they wait for a plan to take them. */
  backlog(limit?: number): Task[];
  /** The number T-n of the last task ever made (0 before the first). */
  lastTaskNumber(): number;
  /** Reserves the next task id (T-n). */
  newTaskId(sprintId: string): string;
  /** Reserves a given task id; the caller checked that no task has it. */
  newTaskIdAt(id: string, sprintId: string): string;
  /** Moves a task to another sprint (a plan took it from the backlog). */
  moveTask(task: Task): void;
  saveTask(task: Task): void;
  task(id: string): Task | undefined;
  tasks(sprintId: string): Task[];
  openBlockerFor(taskId: string, by: string, reason: string, at: number): void;
  resolveBlockersOf(taskId: string, at: number): void;
  createEscalation(escalation: Escalation): void;
  escalation(id: string): Escalation | undefined;
  escalations(status: 'open' | 'answered' | 'all'): Escalation[];
  decide(escalation: Escalation, decision: Decision): void;
  /** Tasks of the sprint that are not finished (task-lifecycle.ts). */
  unfinishedTasks(sprintId: string): number;
  /** How many rows a table holds: the next escalation or decision number. */
  count(table: 'escalations' | 'decisions'): number;
  decisions(): Decision[];
}

/** Background work on the store that may ask new batches to wait a moment (SQLite's checkpoint, wal-checkpoint.ts). */
export interface WriteHold {
  /** Returns true while new batches must wait, and then calls `resume` once they may go ahead. */
  holdsWrites(resume: () => void): boolean;
}

export interface Store {
  readonly events: EventStore;
  readonly participants: ParticipantStore;
  readonly frames: AppliedFrameStore;
  readonly kv: KeyValueStore;
  readonly work: WorkStore;
  /** present when several hubs may share this store (PostgreSQL): what they need of each other (cluster.ts) */
  readonly cluster?: ClusterStore;
  /** Runs `fn` in one transaction: all of it is committed, or none of it. Nested calls are savepoints. */
  transaction<T>(fn: () => T): T;
  /** absent when the store has nothing that holds writes back */
  readonly checkpoints?: WriteHold | undefined;
  /** Closes the store; resolves once its files or connections are let go. */
  close(): Promise<void>;
}
