/**
 * The data folder (`.huddle/`): the database, the two tokens and where the hub listens.
 * Found by walking up from the current directory, like git, so on one machine nothing has to be typed.
 *
 * Whoever can write to it can plant tokens or point clients at another hub, so it must be the user's
 * own and closed to group and others; its files are made owner-only and exclusively, and a link in
 * it is never followed (see private-files.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HuddleError } from './errors.js';
import { checkPrivateDir, checkPrivateFile, createPrivateFile, ensurePrivateDir, readPrivateFile, replacePrivateFile } from './private-files.js';
import { isAdminRole } from './protocol.js';

export const DATA_DIR_NAME = '.huddle';
const ADMIN_TOKEN = 'admin.token';
const MEMBER_TOKEN = 'member.token';
const HUB_FILE = 'hub.url';
const LOCK_FILE = 'hub.pid';
export const DATABASE_FILE = 'huddle.db';
/** the files the hub keeps here; true: a secret that group and others may not even read */
const KNOWN_FILES: Record<string, boolean> = {
  [ADMIN_TOKEN]: true,
  [MEMBER_TOKEN]: true,
  [DATABASE_FILE]: true,
  [`${DATABASE_FILE}-wal`]: true,
  [`${DATABASE_FILE}-shm`]: true,
  [HUB_FILE]: false,
  [LOCK_FILE]: false,
};

export interface Tokens {
  admin: string;
  member: string;
}

/** The nearest `.huddle/` at or above `from`. */
export function findDataDir(from = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, DATA_DIR_NAME);
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** --data, else HUDDLE_DATA, else the nearest `.huddle/`, else `./.huddle`. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const named = flag ?? env.HUDDLE_DATA;
  if (named) return resolve(named);
  return findDataDir() ?? resolve(DATA_DIR_NAME);
}

/**
 * Before a hub uses the folder: creates it owner-only if it is new, and refuses it, changing
 * nothing, when it or a file in it could have been planted.
 */
export function prepareDataDir(dir: string): void {
  ensurePrivateDir(dir);
  for (const [name, secret] of Object.entries(KNOWN_FILES)) checkPrivateFile(join(dir, name), secret);
}

/** Refuses a folder someone else could have written to; false when there is none. */
function checkDataDir(dir: string): boolean {
  if (!existsSync(dir)) return false;
  checkPrivateDir(dir);
  return true;
}

/** The room's database in the data folder (`--data`, HUDDLE_DATA, or the nearest), checked like every file read there. */
export function databaseOf(flag?: string, env: NodeJS.ProcessEnv = process.env): { dir: string; database: string } {
  const dir = resolveDataDir(flag, env);
  const database = join(dir, DATABASE_FILE);
  if (!checkDataDir(dir) || !checkPrivateFile(database, true)) {
    throw new HuddleError('NOT_FOUND', `No room in ${dir} (no ${DATABASE_FILE}). Run this where the hub keeps its data, or pass --data DIR.`);
  }
  return { dir, database };
}

/** Whether a room was made here before: its tokens are made on the first start. */
export function heldRoom(dir: string): boolean {
  return [ADMIN_TOKEN, MEMBER_TOKEN].some((name) => {
    try {
      lstatSync(join(dir, name));
      return true;
    } catch {
      return false;
    }
  });
}

/** Makes the tokens that are missing (each exclusively, whole or not at all) and returns both. */
export function ensureTokens(dir: string): Tokens {
  for (const name of [ADMIN_TOKEN, MEMBER_TOKEN]) createPrivateFile(join(dir, name), randomBytes(24).toString('base64url') + '\n');
  return readTokens(dir)!;
}

/** Keeps `tokens` in the folder in place of its own (a hub on a shared store hands out the room's); returns them. */
export function adoptTokens(dir: string, tokens: Tokens): Tokens {
  const own = readTokens(dir);
  if (own?.admin === tokens.admin && own.member === tokens.member) return tokens;
  replacePrivateFile(join(dir, ADMIN_TOKEN), tokens.admin + '\n');
  replacePrivateFile(join(dir, MEMBER_TOKEN), tokens.member + '\n');
  return tokens;
}

/** Creates the folder (owner-only) and its tokens on first start; returns the tokens. */
export function ensureDataDir(dir: string): Tokens {
  prepareDataDir(dir);
  return ensureTokens(dir);
}

function readToken(dir: string, name: string): string | undefined {
  const file = join(dir, name);
  const token = readPrivateFile(file, true)?.trim();
  if (token === '') throw new HuddleError('UNSAFE_DATA', `${file} is empty: remove it, and the hub makes a new one when it starts (hand the new token out again).`);
  return token;
}

/** The tokens, read without following links, from a folder only the user can write; undefined when missing. */
export function readTokens(dir: string): Tokens | undefined {
  if (!checkDataDir(dir)) return undefined;
  const admin = readToken(dir, ADMIN_TOKEN);
  const member = readToken(dir, MEMBER_TOKEN);
  return admin && member ? { admin, member } : undefined;
}

export function writeHubUrl(dir: string, url: string): void {
  replacePrivateFile(join(dir, HUB_FILE), url + '\n');
}

/** Where the hub listens; a planted folder or a linked file is refused (it could send the token elsewhere). */
export function readHubUrl(dir: string): string | undefined {
  if (!checkDataDir(dir)) return undefined;
  return readPrivateFile(join(dir, HUB_FILE), false)?.trim() || undefined;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One hub per data folder: a second one would number events twice. The pid file is created
 * exclusively (owner-only); one left by a hub that is gone is replaced. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; !createPrivateFile(file, String(process.pid)); attempt++) {
    const holder = Number(readPrivateFile(file, false));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new HuddleError('CONFLICT', `Another hub (pid ${holder}) already serves ${dir}. Stop it first, or start this one with another --data folder.`);
    }
    if (attempt > 0) throw new HuddleError('CONFLICT', `Another hub is starting on ${dir} at the same time. Start only one.`);
    rmSync(file, { force: true });
  }
  return () => {
    try {
      if (Number(readPrivateFile(file, false)) === process.pid) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

export interface ConnectionTarget {
  url: string;
  token: string;
}

export interface ConnectionFlags {
  url?: string | undefined;
  token?: string | undefined;
  data?: string | undefined;
  role: string;
}

/** Where to connect and with which token: flags, then HUDDLE_URL/HUDDLE_TOKEN, then the data folder. */
export function resolveConnection(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): ConnectionTarget {
  const dir = resolveDataDir(flags.data, env);
  const url = flags.url ?? env.HUDDLE_URL ?? readHubUrl(dir);
  if (!url) {
    throw new HuddleError('DISCONNECTED', `No hub found (looked for ${join(dir, HUB_FILE)}). Start one with \`huddle up\`, or pass --url and --token.`);
  }
  const tokens = readTokens(dir);
  const token = flags.token ?? env.HUDDLE_TOKEN ?? (tokens ? (isAdminRole(flags.role) ? tokens.admin : tokens.member) : undefined);
  if (!token) {
    throw new HuddleError('UNAUTHORIZED', `No token found in ${dir}. Pass --token (\`huddle token\` on the hub's machine prints them) or set HUDDLE_TOKEN.`);
  }
  return { url, token };
}
