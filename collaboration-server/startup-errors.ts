/** What stopped a hub from starting, said so that its owner knows what to do next. */
import { HuddleError } from './errors.js';

const FULL = ['ENOSPC', 'EDQUOT', 'SQLITE_FULL'];
const NOT_WRITABLE = ['EACCES', 'EPERM', 'EROFS', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];

/** `err` in start-up words when it is about the data folder's storage; anything else as it was. */
export function startupError(err: unknown, dataDir: string): unknown {
  if (err instanceof HuddleError) return err;
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  const is = (codes: string[]) => codes.some((c) => code === c || code.startsWith(`${c}_`));
  if (is(FULL)) {
    return new HuddleError('STORAGE_FULL', `The disk that holds ${dataDir} is full, so the hub did not start. Free some space and start it again; nothing was lost (the room's database was not changed).`, { cause: err });
  }
  if (is(NOT_WRITABLE)) {
    return new HuddleError('STORAGE_FAILED', `The hub cannot write in ${dataDir} (${code}), so it did not start: check that the folder and its files are yours and writable. Nothing was changed.`, { cause: err });
  }
  if (code.startsWith('SQLITE_')) {
    return new HuddleError('STORAGE_FAILED', `The hub could not open its database in ${dataDir} (${code}: ${(err as Error).message}), so it did not start. Nothing was changed.`, { cause: err });
  }
  return err;
}
