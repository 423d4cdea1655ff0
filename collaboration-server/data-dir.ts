/**
 * The data folder (`.huddle/`): the database, the two tokens and where the hub listens.
 * Found by walking up from the current directory, like git, so on one machine nothing has to be typed.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { HuddleError } from './errors.js';
import { isAdminRole } from './protocol.js';

export const DATA_DIR_NAME = '.huddle';
const ADMIN_TOKEN = 'admin.token';
const MEMBER_TOKEN = 'member.token';
const HUB_FILE = 'hub.url';
const LOCK_FILE = 'hub.pid';

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

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** Creates the folder (owner-only) and its tokens on first start; returns the tokens. */
export function ensureDataDir(dir: string): Tokens {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of [ADMIN_TOKEN, MEMBER_TOKEN]) {
    const file = join(dir, name);
    if (!existsSync(file)) writeSecret(file, randomBytes(24).toString('base64url') + '\n');
  }
  return readTokens(dir)!;
}

export function readTokens(dir: string): Tokens | undefined {
  try {
    return {
      admin: readFileSync(join(dir, ADMIN_TOKEN), 'utf8').trim(),
      member: readFileSync(join(dir, MEMBER_TOKEN), 'utf8').trim(),
    };
  } catch {
    return undefined;
  }
}

export function writeHubUrl(dir: string, url: string): void {
  writeSecret(join(dir, HUB_FILE), url + '\n');
}

export function readHubUrl(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, HUB_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** One hub per data folder: a second one would number events twice. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  try {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new HuddleError('CONFLICT', `Another hub (pid ${holder}) already serves ${dir}. Stop it first, or start this one with another --data folder.`);
    }
  } catch (err) {
    if (err instanceof HuddleError) throw err;
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) unlinkSync(file);
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
