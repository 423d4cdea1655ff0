/**
 * `huddle backup` while the real hub runs and clients write, then the README's restore into a fresh
 * folder and a hub started on it: every message acknowledged before the backup began is there, and
 * the copy is a clean cut (every acknowledged message up to its last event, nothing else).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { readTokens } from '../collaboration-server/data-dir.js';
import { assertBuilt, runHuddle, startHubProcess } from './helpers/cli.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const onCleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const WRITERS = 3;

describe('huddle backup', () => {
  it('copies a running room that keeps writing; restored into a fresh folder, every acknowledged message is there', { timeout: 60_000 }, async () => {
    const root = tempDir('huddle-backup-', onCleanup);
    const dataDir = join(root, '.huddle');
    const hub = await startHubProcess(dataDir, 'server', ['--rate', '100000', '--burst', '100000']);
    onCleanup(() => hub.kill('SIGKILL'));
    const { member } = readTokens(dataDir)!;

    // writers go on until the backup has finished
    const acked = new Map<number, string>();
    let backupDone = false;
    let startBackup!: () => void;
    const warmedUp = new Promise<void>((resolve) => (startBackup = resolve));
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      const client = new HuddleClient({ url: hub.url, token: member, name: `Writer ${w}`, role: 'backend-dev', reconnect: false, historyLimit: 0 });
      onCleanup(() => client.close());
      await client.connect();
      for (let i = 0; !backupDone; i++) {
        const text = `writer ${w} message ${i} ${'w'.repeat(100)}`;
        const ack = await client.send({ type: 'chat', text });
        acked.set(ack.seq!, text);
        if (acked.size === 300) startBackup();
      }
    });

    await warmedUp;
    const beforeBackup = new Map(acked);
    const file = join(root, 'room.backup');
    const backup = await runHuddle(['backup', file, '--data', dataDir]);
    const duringBackup = acked.size - beforeBackup.size;
    backupDone = true;
    await Promise.all(writers);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(duringBackup, 'the writers kept writing while the backup ran').toBeGreaterThan(0);
    const lastSeq = Number(/every event up to #(\d+)/.exec(backup.stdout)?.[1]);
    expect(lastSeq).toBeGreaterThanOrEqual(Math.max(...beforeBackup.keys()));

    // the README's restore: a fresh folder, the backup copied in as huddle.db, a hub started on it
    const fresh = join(tempDir('huddle-restored-', onCleanup), '.huddle');
    mkdirSync(fresh, { mode: 0o700 });
    copyFileSync(file, join(fresh, 'huddle.db'));
    await hub.kill();
    const restored = await startHubProcess(fresh);
    onCleanup(() => restored.kill('SIGKILL'));
    const reader = new HuddleClient({ url: restored.url, token: readTokens(fresh)!.member, name: 'Reader', role: 'qa', reconnect: false, historyLimit: 0 });
    onCleanup(() => reader.close());
    await reader.connect();
    const found = new Map<number, string>();
    for await (const page of reader.history({ after: 0 })) for (const e of page) if (e.type === 'message') found.set(e.seq, e.text);

    for (const [seq, text] of beforeBackup) expect(found.get(seq), `message #${seq}, acknowledged before the backup began`).toBe(text);
    // a clean cut: exactly the acknowledged messages up to the copy's last event
    const upToCut = [...acked].filter(([seq]) => seq <= lastSeq).sort(([a], [b]) => a - b);
    expect([...found].sort(([a], [b]) => a - b)).toEqual(upToCut);
    console.log(`backup begun after ${beforeBackup.size} acknowledged messages, ${duringBackup} more while it ran; the copy holds ${found.size} (up to #${lastSeq}) of ${acked.size}`);
  });
});
