/**
 * The PostgreSQL schema, as versioned migrations: index i takes it from version i to i+1. Never edit
 * a shipped migration; append a new one. The tables are SQLite's (store/database.ts) with its rowid
 * order made explicit (`pos`), and times as bigint. One database (or schema, through the URL's
 * search_path) holds one room.
 */
import { HuddleError } from '../../errors.js';
import type { SyncClient } from './sync-client.js';

const MIGRATIONS: string[] = [
  `
  CREATE TABLE participants (
    id text PRIMARY KEY,
    pos bigserial NOT NULL UNIQUE,
    name text NOT NULL UNIQUE,
    role text NOT NULL,
    session_id text NOT NULL,
    created_at bigint NOT NULL,
    last_seen bigint NOT NULL,
    same_key text NOT NULL,
    look_key text NOT NULL,
    credential_hash text,
    credential_state text NOT NULL
  );
  CREATE INDEX participants_same_key ON participants(same_key);
  CREATE INDEX participants_look_key ON participants(look_key);
  CREATE TABLE events (
    seq bigint PRIMARY KEY,
    ts bigint NOT NULL,
    type text NOT NULL,
    from_id text,
    to_kind text NOT NULL,
    to_value text,
    sprint_id text,
    body text NOT NULL
  );
  CREATE INDEX events_type_seq ON events(type, seq);
  CREATE INDEX events_sprint ON events(sprint_id, seq) WHERE sprint_id IS NOT NULL;
  CREATE TABLE applied_frames (
    participant_id text NOT NULL,
    frame_id text NOT NULL,
    seq bigint,
    result text,
    PRIMARY KEY (participant_id, frame_id)
  );
  CREATE TABLE sprints (
    id text PRIMARY KEY,
    pos bigserial NOT NULL UNIQUE,
    name text NOT NULL,
    goal text NOT NULL,
    starts_at bigint NOT NULL,
    ends_at bigint NOT NULL,
    status text NOT NULL,
    objectives text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE tasks (
    num bigint PRIMARY KEY,
    sprint_id text NOT NULL REFERENCES sprints(id),
    body text NOT NULL,
    status text NOT NULL,
    assignee text
  );
  CREATE INDEX tasks_sprint ON tasks(sprint_id);
  CREATE TABLE blockers (
    id bigserial PRIMARY KEY,
    task_id text NOT NULL,
    reported_by text NOT NULL,
    reason text NOT NULL,
    opened_at bigint NOT NULL,
    resolved_at bigint
  );
  CREATE INDEX blockers_task ON blockers(task_id);
  CREATE TABLE escalations (
    id text PRIMARY KEY,
    pos bigserial NOT NULL UNIQUE,
    body text NOT NULL,
    status text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE decisions (
    id text PRIMARY KEY,
    pos bigserial NOT NULL UNIQUE,
    escalation_id text NOT NULL UNIQUE REFERENCES escalations(id),
    body text NOT NULL
  );
  CREATE TABLE artifacts (
    task_id text NOT NULL,
    kind text NOT NULL,
    content text NOT NULL,
    PRIMARY KEY (task_id, kind)
  );
  CREATE TABLE state (
    key text PRIMARY KEY,
    value text NOT NULL
  );
  `,
  // several hubs on one database (store/postgres/cluster.ts): who is online on which hub until when,
  // the join tokens every hub hands out, and the lead's epoch
  `
  CREATE TABLE presence (
    participant_id text NOT NULL,
    node_id text NOT NULL,
    status text NOT NULL,
    expires_at bigint NOT NULL,
    PRIMARY KEY (participant_id, node_id)
  );
  CREATE INDEX presence_expires ON presence(expires_at);
  CREATE TABLE secrets (
    name text PRIMARY KEY,
    value text NOT NULL
  );
  CREATE TABLE lead (
    id integer PRIMARY KEY CHECK (id = 1),
    epoch bigint NOT NULL,
    holder text NOT NULL
  );
  `,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys (arbitrary constants, "hudl" and neighbours). */
export const LOCKS = {
  /** held by every write transaction, from BEGIN to COMMIT: one writer at a time, sequence numbers in commit order */
  room: 0x6875_646c,
  /** held while migrating, so that hubs starting together migrate once */
  migrate: 0x6875_646d,
  /** held for as long as one connection of one hub is the lead (a session lock, on its own connection) */
  lead: 0x6875_646e,
} as const;

/** The channel a commit that appended events notifies: a wake-up only, the log stays the truth. */
export const EVENTS_CHANNEL = 'huddle_events';

/** Brings the schema to this version; several hubs may run it at once. */
export function migrate(sql: SyncClient): void {
  sql.control('begin', 'BEGIN');
  try {
    sql.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.migrate]);
    sql.query('CREATE TABLE IF NOT EXISTS huddle_schema (version integer NOT NULL)');
    const row = sql.query<{ version: number }>('SELECT version FROM huddle_schema').at(0);
    const current = row?.version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new HuddleError(
        'STORAGE_FAILED',
        `The database was written by a newer Huddle (schema ${current}, this one knows ${PG_SCHEMA_VERSION}). Upgrade Huddle or point --store at another database.`,
      );
    }
    for (let version = current; version < PG_SCHEMA_VERSION; version++) sql.query(MIGRATIONS[version]!);
    if (!row) sql.query('INSERT INTO huddle_schema (version) VALUES ($1)', [PG_SCHEMA_VERSION]);
    else sql.query('UPDATE huddle_schema SET version = $1', [PG_SCHEMA_VERSION]);
    sql.control('commit', 'COMMIT');
  } catch (err) {
    sql.control('rollback', 'ROLLBACK');
    throw err;
  }
}
