import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { HuddleError } from '../errors.js';
import { createPrivateFile } from '../private-files.js';

export type Db = Database.Database;

/**
 * Versioned migrations: index i takes the schema from version i to i+1.
 * Never edit a shipped migration; append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    session_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    ts INTEGER NOT NULL,
    type TEXT NOT NULL,
    from_id TEXT,
    to_kind TEXT NOT NULL,
    to_value TEXT,
    sprint_id TEXT,
    body TEXT NOT NULL
  );
  CREATE INDEX events_type_seq ON events(type, seq);
  CREATE INDEX events_sprint ON events(sprint_id, seq) WHERE sprint_id IS NOT NULL;
  CREATE TABLE applied_frames (
    participant_id TEXT NOT NULL,
    frame_id TEXT NOT NULL,
    seq INTEGER,
    result TEXT,
    PRIMARY KEY (participant_id, frame_id)
  ) WITHOUT ROWID;
  CREATE TABLE sprints (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    goal TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    objectives TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE tasks (
    num INTEGER PRIMARY KEY AUTOINCREMENT,
    sprint_id TEXT NOT NULL REFERENCES sprints(id),
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    assignee TEXT
  );
  CREATE INDEX tasks_sprint ON tasks(sprint_id);
  CREATE TABLE blockers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    resolved_at INTEGER
  );
  CREATE INDEX blockers_task ON blockers(task_id);
  CREATE TABLE escalations (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE decisions (
    id TEXT PRIMARY KEY,
    escalation_id TEXT NOT NULL UNIQUE REFERENCES escalations(id),
    body TEXT NOT NULL
  );
  CREATE TABLE artifacts (
    task_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (task_id, kind)
  ) WITHOUT ROWID;
  CREATE TABLE state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Per-participant credentials, and the keys names are compared by (filled in by store/participants.ts).
  // Participants from before credentials are 'legacy': claimed by their session or an admin, or reset.
  `
  ALTER TABLE participants ADD COLUMN same_key TEXT;
  ALTER TABLE participants ADD COLUMN look_key TEXT;
  ALTER TABLE participants ADD COLUMN credential_hash TEXT;
  ALTER TABLE participants ADD COLUMN credential_state TEXT NOT NULL DEFAULT 'legacy';
  CREATE INDEX participants_same_key ON participants(same_key);
  CREATE INDEX participants_look_key ON participants(look_key);
  `,
  // Sprint lifecycle (issue 14): sprints are numbered and remember when they closed; a closed sprint
  // keeps its tasks as they were at the close (sprint_close_tasks), while its unfinished ones go on to
  // the backlog and the next sprint; a task's events are found by its id (one task, any sprint).
  `
  ALTER TABLE sprints ADD COLUMN number INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sprints ADD COLUMN closed_at INTEGER;
  UPDATE sprints SET number = (SELECT count(*) FROM sprints s WHERE s.rowid <= sprints.rowid);
  CREATE TABLE sprint_close_tasks (
    sprint_id TEXT NOT NULL REFERENCES sprints(id),
    task_num INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (sprint_id, task_num)
  ) WITHOUT ROWID;
  CREATE INDEX events_task ON events(json_extract(body, '$.task.id')) WHERE type = 'task';
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** a room was made in this folder before (its tokens are there): an empty file then means a lost database */
  heldRoom?: boolean;
}

const damaged = (file: string, detail: string): HuddleError =>
  new HuddleError('DAMAGED_DATABASE', `${file} is damaged: move it aside and restore from a backup; nothing was changed. (SQLite: ${detail}.) See "Backup and restore" in the README.`);

/**
 * Opens (or creates, owner-only) the database and brings its schema up to date. A damaged file is
 * found by a read-only check before anything is written, and an empty one where a room had been is
 * refused rather than started as an empty room; either way the file is left as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file === ':memory:') return prepare(new Database(file));
  const size = existsSync(file) ? statSync(file).size : undefined;
  if (size === 0 && options.heldRoom) {
    throw new HuddleError(
      'DAMAGED_DATABASE',
      `${file} is empty, but a room was kept in this folder (its tokens are here): the database was lost or truncated. Restore it from a backup (see "Backup and restore" in the README); nothing was changed. To start an empty room instead, delete ${file}.`,
    );
  }
  const created = size === undefined && createPrivateFile(file, '');
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  let db: Db | undefined;
  try {
    if (size) checkIntact(file);
    db = new Database(file);
    return prepare(db);
  } catch (err) {
    db?.close();
    const code = (err as { code?: unknown }).code;
    const isDamage = err instanceof HuddleError ? err.code === 'DAMAGED_DATABASE' : typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
    // leave the folder as it was: the file this attempt made, and the side files it made beside a damaged one
    if (created) for (const f of [file, ...sidecars]) rmSync(f, { force: true });
    else if (isDamage) for (const f of sidecars) rmSync(f, { force: true });
    if (isDamage && !(err instanceof HuddleError)) throw damaged(file, (err as Error).message);
    throw err;
  }
}

/** A read-only connection cannot write, not even the checkpoint a closing connection makes. */
function checkIntact(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
    const problems = rows.flatMap((r) => r.quick_check.split('\n')).filter((line) => line !== 'ok' && !line.startsWith('***'));
    if (problems.length) throw damaged(file, problems.join('; '));
  } finally {
    db.close();
  }
}

function prepare(db: Db): Db {
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a killed process; only a power cut can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new HuddleError(
      'CONFLICT',
      `The database was written by a newer Huddle (schema ${current}, this one knows ${SCHEMA_VERSION}). Upgrade Huddle or use another --data folder.`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
