/** Which store a hub runs on: SQLite in its data folder unless `--store` (HUDDLE_STORE) names a PostgreSQL database. */
import { join } from 'node:path';
import { DATABASE_FILE } from '../data-dir.js';
import { HuddleError } from '../errors.js';
import { SqliteStore, type SqliteOptions, type Store } from './index.js';
import { PostgresStore } from './postgres/index.js';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** The database a URL names, without its user or password, for messages. */
function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the --store URL';
  }
}

export function openStore(storeUrl: string | undefined, dataDir: string, sqlite?: SqliteOptions): Store {
  if (!storeUrl) return SqliteStore.open(join(dataDir, DATABASE_FILE), sqlite);
  if (!POSTGRES_URL.test(storeUrl)) {
    throw new HuddleError('BAD_FRAME', '--store (HUDDLE_STORE) takes a PostgreSQL URL, postgres://USER@HOST:PORT/DATABASE; leave it out to keep the room in SQLite in the data folder.');
  }
  try {
    return PostgresStore.open(storeUrl);
  } catch (err) {
    // PostgreSQL's own words (what the hub would say of a frame is beside the point here)
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.?$/, '.');
    throw new HuddleError('STORAGE_FAILED', `Could not open the PostgreSQL store at ${shownUrl(storeUrl)}: ${reason} Check that PostgreSQL is running and that --store (HUDDLE_STORE) names a database this user may create tables in.`, { cause: err });
  }
}
