/**
 * Owner-only files that are never reached through a link: what the data folder keeps its secrets in.
 * A folder or a file that someone else could have planted is refused, with the command that fixes it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HuddleError } from './errors.js';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// a FIFO planted in a file's place must not hang the open
const NONBLOCK = constants.O_NONBLOCK ?? 0;
/** undefined where files have no owner and mode to check (Windows) */
const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** A path as a shell reads it back. */
export const shellQuote = (path: string): string => (/^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`);

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(4, '0');
const who = (bits: number): string => ((bits & 0o070) && (bits & 0o007) ? 'its group and everyone else' : bits & 0o070 ? 'its group' : 'everyone else');
const codeOf = (err: unknown): unknown => (err as { code?: unknown } | null)?.code;
const unsafe = (message: string): HuddleError => new HuddleError('UNSAFE_DATA', message);

/** Refuses a folder that is not the user's own, or that group or others can write to. */
export function checkPrivateDir(dir: string, st: Stats = statSync(dir)): void {
  if (!st.isDirectory()) throw unsafe(`${dir} is not a folder: move it aside, or pick another data folder with --data.`);
  if (uid === undefined) return;
  if (st.uid !== uid) {
    throw unsafe(`The data folder ${dir} belongs to another user (uid ${st.uid}; you are uid ${uid}), who could have planted its tokens: Huddle does not use it. Use a folder of your own (--data DIR).`);
  }
  if (st.mode & 0o022) {
    throw unsafe(
      `The data folder ${dir} can be written by ${who(st.mode & 0o022)} (mode ${octal(st.mode)}), so its tokens could have been planted: Huddle does not use it. ` +
        `Remove any file in it you did not put there, then run: chmod 700 ${shellQuote(dir)}`,
    );
  }
}

/** Creates a folder owner-only, or checks the one that is there. */
export function ensurePrivateDir(dir: string): void {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (err) {
    if (codeOf(err) !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    st = statSync(dir);
  }
  checkPrivateDir(dir, st);
}

/** `secret`: group and others may not even read it (a token); otherwise they may not write it. */
function checkEntry(path: string, st: Stats, secret: boolean): void {
  if (st.isSymbolicLink()) {
    throw unsafe(`${path} is a symbolic link, and Huddle never follows a link in its data folder: it was neither read nor written. Remove the link (rm ${shellQuote(path)}) and start again.`);
  }
  if (!st.isFile()) throw unsafe(`${path} is not a plain file: move it aside and start again.`);
  if (uid === undefined) return;
  if (st.uid !== uid) throw unsafe(`${path} belongs to another user (uid ${st.uid}), who could have planted it: Huddle does not use it. Remove it if you did not put it there.`);
  const open = st.mode & (secret ? 0o077 : 0o022);
  if (open) throw unsafe(`${path} can be ${secret ? 'read' : 'written'} by ${who(open)} (mode ${octal(st.mode)}). Run: chmod 600 ${shellQuote(path)}`);
}

/** Checks a file without following it; false when there is none. */
export function checkPrivateFile(path: string, secret: boolean): boolean {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return false;
    throw err;
  }
  checkEntry(path, st, secret);
  return true;
}

/** Reads a file, never through a link, refusing one others could have written; undefined when there is none. */
export function readPrivateFile(path: string, secret: boolean): string | undefined {
  if (!NOFOLLOW && !checkPrivateFile(path, secret)) return undefined;
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return undefined;
    // ELOOP (EMLINK on some systems): the path is a link; say so
    if (codeOf(err) === 'ELOOP' || codeOf(err) === 'EMLINK') checkPrivateFile(path, secret);
    throw err;
  }
  try {
    checkEntry(path, fstatSync(fd), secret);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** A new owner-only file beside `path` holding `content`, made where no one else can have opened it. */
function writeTemp(path: string, content: string): string {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  try {
    writeFileSync(fd, content);
  } catch (err) {
    closeSync(fd);
    unlinkSync(temp);
    throw err;
  }
  closeSync(fd);
  return temp;
}

/**
 * Creates `path` owner-only with all of `content` or not at all (a full disk leaves no half token);
 * false when something, a link included, is already there.
 */
export function createPrivateFile(path: string, content: string): boolean {
  const temp = writeTemp(path, content);
  try {
    linkSync(temp, path);
    return true;
  } catch (err) {
    if (codeOf(err) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(String(codeOf(err)))) throw err;
  } finally {
    unlinkSync(temp);
  }
  // a file system without hard links: create in place, still exclusively
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  } catch (err) {
    if (codeOf(err) === 'EEXIST') return false;
    throw err;
  }
  try {
    writeFileSync(fd, content);
  } catch (err) {
    closeSync(fd);
    unlinkSync(path);
    throw err;
  }
  closeSync(fd);
  return true;
}

/** Replaces `path` with `content` in one step; a link in its place is replaced, never followed. */
export function replacePrivateFile(path: string, content: string): void {
  const temp = writeTemp(path, content);
  try {
    renameSync(temp, path);
  } catch (err) {
    unlinkSync(temp);
    throw err;
  }
}
