/**
 * A consistent copy of a room's database, made while its hub runs: SQLite's online backup reads
 * one snapshot (the hub goes on writing its WAL meanwhile), and the copy is checked before it counts.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { HuddleError } from '../errors.js';
import { createPrivateFile } from '../private-files.js';

export interface BackupResult {
  bytes: number;
  /** the last event in the copy: every event up to it is there */
  lastSeq: number;
  messages: number;
}

/** every remaining page in one step: one snapshot, never restarted by the hub's writes */
const ALL_PAGES = 0x7fffffff;

/** Copies `source` to `target`, a new owner-only file; never overwrites one. */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  try {
    if (!createPrivateFile(target, '')) throw new HuddleError('CONFLICT', `${target} already exists: a backup never overwrites a file. Pick a new name, or remove it first.`);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') throw new HuddleError('NOT_FOUND', `Cannot write ${target}: its folder does not exist.`);
    throw err;
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target, { progress: () => ALL_PAGES });
    return checkCopy(target);
  } catch (err) {
    for (const f of [target, `${target}-journal`, `${target}-wal`, `${target}-shm`]) rmSync(f, { force: true });
    throw err;
  } finally {
    db.close();
  }
}

/** Makes the copy a single file (no WAL beside it) and reads it back whole. */
function checkCopy(target: string): BackupResult {
  const copy = new Database(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new HuddleError('STORAGE_FAILED', `The copy in ${target} does not read back whole (${String(check)}); it was removed. Run the backup again.`);
    const count = copy.prepare(`SELECT max(seq) AS lastSeq, sum(type = 'message') AS messages, (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS bytes FROM events`);
    const row = count.get() as { lastSeq: number | null; messages: number | null; bytes: number };
    return { bytes: row.bytes, lastSeq: row.lastSeq ?? 0, messages: row.messages ?? 0 };
  } finally {
    copy.close();
  }
}
