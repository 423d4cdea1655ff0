/**
 * Where a client keeps its participants' credentials between runs: `credentials/` in the data folder,
 * one owner-only file per name, so that every command run from that folder as a name proves it is that
 * name with nothing typed. A file is written exclusively (never through a symlink) and moved into place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HuddleError } from './errors.js';

export interface CredentialStore {
  /** the credential kept for `name`, if any */
  load(name: string): string | undefined;
  save(name: string, credential: string): void;
}

const FOLDER = 'credentials';
// Windows has no O_NOFOLLOW; the symlink checks below still hold there.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** One file per name: a hash of it, so that any name makes a safe file name. */
export const credentialFile = (dataDir: string, name: string): string =>
  join(dataDir, FOLDER, `${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 32)}.json`);

const ownUid = (): number | undefined => process.getuid?.();

/** Refuses a file or folder that is a symlink, not ours, or open to others: someone else may have planted it. */
function checkOwned(path: string, mode: number, uid: number, kind: 'file' | 'folder'): void {
  const mine = ownUid();
  if (mine !== undefined && uid !== mine) {
    throw new HuddleError('UNAUTHORIZED', `${path} belongs to another user, so its credential cannot be trusted: remove it (\`rm -r ${path}\`) and ask the product owner to reset the name.`);
  }
  if (mode & 0o077) {
    throw new HuddleError('UNAUTHORIZED', `${path} can be read or changed by other users: run \`chmod ${kind === 'file' ? '600' : '700'} ${path}\` (and, if others may have read it, ask the product owner to reset the name).`);
  }
}

function credentialsFolder(dataDir: string, create: boolean): string | undefined {
  const folder = join(dataDir, FOLDER);
  if (create) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      mkdirSync(folder, { mode: 0o700 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  let stat;
  try {
    stat = lstatSync(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!stat.isDirectory()) throw new HuddleError('UNAUTHORIZED', `${folder} is not a folder (a symlink?): remove it, and the next join makes it again.`);
  checkOwned(folder, stat.mode, stat.uid, 'folder');
  return folder;
}

/** The credentials kept in `dataDir/credentials/`. */
export function fileCredentialStore(dataDir: string): CredentialStore {
  return {
    load(name) {
      if (!credentialsFolder(dataDir, false)) return undefined;
      const file = credentialFile(dataDir, name);
      let fd: number;
      try {
        fd = openSync(file, constants.O_RDONLY | NOFOLLOW);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return undefined;
        if (code === 'ELOOP') throw new HuddleError('UNAUTHORIZED', `${file} is a symlink; a credential is never read through one: remove it.`);
        throw err;
      }
      try {
        const stat = fstatSync(fd);
        if (!stat.isFile()) throw new HuddleError('UNAUTHORIZED', `${file} is not a regular file: remove it.`);
        checkOwned(file, stat.mode, stat.uid, 'file');
        const kept = JSON.parse(readFileSync(fd, 'utf8')) as { name?: unknown; credential?: unknown };
        return kept.name === name && typeof kept.credential === 'string' ? kept.credential : undefined;
      } catch (err) {
        if (err instanceof SyntaxError) throw new HuddleError('UNAUTHORIZED', `${file} is damaged: remove it and ask the product owner to reset "${name}".`);
        throw err;
      } finally {
        closeSync(fd);
      }
    },
    save(name, credential) {
      const folder = credentialsFolder(dataDir, true)!;
      const file = credentialFile(dataDir, name);
      // A new file of our own, then a rename over the old one: rename replaces a planted symlink, never follows it.
      const temp = join(folder, `.${randomBytes(8).toString('hex')}.tmp`);
      const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
      try {
        writeSync(fd, JSON.stringify({ name, credential }) + '\n');
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        renameSync(temp, file);
      } catch (err) {
        unlinkSync(temp);
        throw err;
      }
    },
  };
}

/** Credentials kept in memory only: for a client that should leave nothing behind. */
export function memoryCredentialStore(): CredentialStore {
  const kept = new Map<string, string>();
  return { load: (name) => kept.get(name), save: (name, credential) => void kept.set(name, credential) };
}
