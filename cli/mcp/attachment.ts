/**
 * Attachments: an artifact an agent stores with its task (`huddle_attach`), from text it gives or from
 * a file inside its working folder (never outside: the path is resolved through symlinks first). It is
 * kept through the task's artifact frames under its name, and a note on the task lists it, so it shows
 * in the task's details and `huddle task log T-3 --kind NAME` prints it.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { HuddleError } from '../../collaboration-server/errors.js';
import type { Task } from '../../collaboration-server/protocol.js';

export const MAX_ATTACHMENT_BYTES = 256 * 1024;
/** The artifact kind the --exec runner keeps its output log under. */
const RESERVED = new Set(['log']);
export const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export function checkAttachmentName(name: string): void {
  if (!ATTACHMENT_NAME.test(name)) throw new HuddleError('BAD_FRAME', `"${name.slice(0, 60)}" cannot name an attachment: use 1 to 40 letters, digits, dots, dashes or underscores, like notes.md.`);
  if (RESERVED.has(name.toLowerCase())) throw new HuddleError('BAD_FRAME', `"${name}" is kept for the task's run log; pick another name.`);
}

export function checkAttachmentSize(content: string): number {
  const bytes = Buffer.byteLength(content, 'utf8');
  if (bytes === 0) throw new HuddleError('BAD_FRAME', 'The attachment is empty: give some content, or a file that has some.');
  if (bytes > MAX_ATTACHMENT_BYTES) {
    throw new HuddleError('BAD_FRAME', `The attachment has ${bytes} bytes; at most ${MAX_ATTACHMENT_BYTES} fit. Attach a summary, or split it into parts.`);
  }
  return bytes;
}

/** The text of a file inside `workdir`; a path outside it (also through a symlink), a folder or a binary file is refused. */
export function readAttachmentFile(path: string, workdir: string): string {
  const root = realpathSync(workdir);
  let real: string;
  try {
    real = realpathSync(resolve(root, path));
  } catch {
    throw new HuddleError('NOT_FOUND', `There is no file ${path} in the working folder ${root}.`);
  }
  const inside = relative(root, real);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new HuddleError('FORBIDDEN', `${path} is outside the working folder ${root}; only files inside it can be attached (or pass the text as content).`);
  }
  const stat = statSync(real);
  if (!stat.isFile()) throw new HuddleError('BAD_FRAME', `${path} is not a regular file; attach a file, or pass the text as content.`);
  if (stat.size > MAX_ATTACHMENT_BYTES) throw new HuddleError('BAD_FRAME', `${path} has ${stat.size} bytes; at most ${MAX_ATTACHMENT_BYTES} fit. Attach a summary, or split it into parts.`);
  const content = readFileSync(real, 'utf8');
  if (content.includes('\u0000')) throw new HuddleError('BAD_FRAME', `${path} looks binary; only text files can be attached.`);
  return content;
}

/** The note that lists an attachment in the task's details. */
export const attachmentNote = (taskId: string, name: string, bytes: number): string =>
  `attached ${name} (${bytes} bytes); read it with: huddle task log ${taskId} --kind ${name}`;

const NOTE = /^(.*): attached (\S+) \((\d+) bytes\); read it with: /;

export interface Attachment {
  name: string;
  bytes: number;
  by: string;
}

/** The attachments a task's notes list, newest last. */
export function attachmentsOf(task: Pick<Task, 'notes'>): Attachment[] {
  return task.notes.flatMap((note) => {
    const m = NOTE.exec(note);
    return m ? [{ by: m[1]!, name: m[2]!, bytes: Number(m[3]) }] : [];
  });
}
