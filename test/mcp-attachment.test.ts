/** Attachments: a file inside the working folder only (symlinks resolved first), text only, bounded; listed from the task's notes. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, attachmentNote, attachmentsOf, checkAttachmentName, checkAttachmentSize, readAttachmentFile } from '../cli/mcp/attachment.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const cleanup = cleanupAfterEach();

describe('attachments', () => {
  it('reads a text file inside the working folder and refuses every way out of it', () => {
    const root = tempDir('huddle-attach-', cleanup);
    const work = join(root, 'work');
    mkdirSync(join(work, 'docs'), { recursive: true });
    writeFileSync(join(work, 'docs', 'notes.md'), 'inside');
    writeFileSync(join(root, 'secret'), 'outside');
    symlinkSync(join(root, 'secret'), join(work, 'innocent.md'));
    symlinkSync(root, join(work, 'up'));
    writeFileSync(join(work, 'blob.bin'), Buffer.from([0x89, 0x50, 0x00, 0x01]));
    writeFileSync(join(work, 'big.txt'), 'x'.repeat(MAX_ATTACHMENT_BYTES + 1));

    expect(readAttachmentFile('docs/notes.md', work)).toBe('inside');
    expect(readAttachmentFile(join(work, 'docs/../docs/notes.md'), work)).toBe('inside');
    for (const path of ['../secret', join(root, 'secret'), 'innocent.md', 'up/secret', '/etc/passwd']) {
      expect(() => readAttachmentFile(path, work), path).toThrow(/outside the working folder/);
    }
    for (const path of ['docs', '.']) expect(() => readAttachmentFile(path, work), path).toThrow(/not a regular file/);
    expect(() => readAttachmentFile('missing.md', work)).toThrow(/There is no file missing.md/);
    expect(() => readAttachmentFile('blob.bin', work)).toThrow(/looks binary/);
    expect(() => readAttachmentFile('big.txt', work)).toThrow(/at most 262144 fit/);
  });

  it('checks names and sizes, and lists attachments from the notes', () => {
    expect(() => checkAttachmentName('../x')).toThrow(/cannot name an attachment/);
    expect(() => checkAttachmentName('log')).toThrow(/kept for the task's run log/);
    expect(() => checkAttachmentName('notes.md')).not.toThrow();
    expect(() => checkAttachmentSize('')).toThrow(/empty/);
    expect(checkAttachmentSize('é')).toBe(2);
    const notes = ['Ada: parser written', `Ada: ${attachmentNote('T-1', 'notes.md', 12)}`];
    expect(attachmentsOf({ notes })).toEqual([{ name: 'notes.md', bytes: 12, by: 'Ada' }]);
  });
});
