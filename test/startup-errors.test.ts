/**
 * A hub that cannot start says why and what to do, and leaves its data as it was: a damaged
 * database, an empty one where a room had been, a full disk.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { startHub } from '../collaboration-server/server.js';
import { assertBuilt, runHuddle } from './helpers/cli.js';
import { cleanupAfterEach, tempDir, type OnCleanup } from './helpers/cleanup.js';

const onCleanup = cleanupAfterEach();
beforeAll(assertBuilt);

const DAMAGED = 'huddle.db is damaged: move it aside and restore from a backup; nothing was changed';
const fingerprint = (dir: string) => ({
  files: readdirSync(dir).sort(),
  db: createHash('sha256').update(readFileSync(join(dir, 'huddle.db'))).digest('hex'),
});

/** A room with some messages in `dir`, its hub stopped (the database checkpointed into one file). */
async function roomWith(dir: string, texts: string[]): Promise<void> {
  const running = await startHub({ dataDir: dir, port: 0, limits: { framesPerSecond: 1e6, burst: 1e6 } });
  const client = new HuddleClient({ url: running.url, token: running.tokens.member, name: 'Alice', role: 'qa', reconnect: false });
  await client.connect();
  for (const text of texts) await client.send({ type: 'chat', text });
  client.close();
  await running.close();
}

const startCli = (dir: string) => runHuddle(['server', '--port', '0', '--data', dir]);

describe('start-up errors', () => {
  it('a database that is not SQLite at all: says it is damaged, and the file keeps every byte', async () => {
    const dir = join(tempDir('huddle-garbage-', onCleanup), '.huddle');
    await roomWith(dir, ['hello']);
    writeFileSync(join(dir, 'huddle.db'), Buffer.concat([Buffer.from('not a database at all '), Buffer.alloc(8192, 7)]));
    const before = fingerprint(dir);
    const { code, stdout, stderr } = await startCli(dir);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${join(dir, DAMAGED)}`);
    expect(stderr).not.toMatch(/send it again/i);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('a database with damaged pages inside: found before anything is written, the file untouched', async () => {
    const dir = join(tempDir('huddle-corrupt-', onCleanup), '.huddle');
    await roomWith(dir, Array.from({ length: 300 }, (_, i) => `message ${i} ${'x'.repeat(500)}`));
    const file = join(dir, 'huddle.db');
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(60 * 4096);
    bytes.fill(0x5a, 40 * 4096, 50 * 4096); // ten pages of the event log turned to noise
    writeFileSync(file, bytes);
    const before = fingerprint(dir);
    const { code, stderr } = await startCli(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(DAMAGED);
    expect(fingerprint(dir)).toEqual(before);
  });

  it('an empty database where a room had been: refused rather than started as an empty room', async () => {
    const dir = join(tempDir('huddle-empty-', onCleanup), '.huddle');
    await roomWith(dir, ['hello']);
    truncateSync(join(dir, 'huddle.db'), 0);
    const before = fingerprint(dir);
    const { code, stderr } = await startCli(dir);
    expect(code).toBe(1);
    expect(stderr).toContain('huddle.db is empty, but a room was kept in this folder');
    expect(stderr).toContain('Restore it from a backup');
    expect(fingerprint(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'huddle.db')).length).toBe(0);
  });

  it('an empty database in a folder that never held a room starts as a new room', async () => {
    const dir = join(tempDir('huddle-new-', onCleanup), '.huddle');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'huddle.db'), '', { mode: 0o600 });
    const running = await startHub({ dataDir: dir, port: 0 });
    onCleanup(() => running.close());
    expect(running.store.events.lastSeq()).toBe(0);
  });
});

/** A tiny file system of its own (tmpfs needs root and a kernel that lets it mount); undefined where it cannot. */
function smallDisk(onCleanup: OnCleanup): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const mount = tempDir('huddle-disk-', onCleanup);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  onCleanup(() => execFileSync('umount', ['-l', mount]));
  return mount;
}

function fill(disk: string): void {
  const chunk = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(disk, `filler-${i}`), chunk);
    } catch {
      writeFileSync(join(disk, `filler-small`), Buffer.alloc(0));
      break;
    }
  }
}

describe('a full disk at start-up', () => {
  it('says the disk is full, loses nothing, and the hub starts once there is room', async (ctx) => {
    const disk = smallDisk(onCleanup);
    if (!disk) return ctx.skip();
    const dir = join(disk, '.huddle');
    await roomWith(dir, ['said before the disk filled up']);
    fill(disk);
    const before = fingerprint(dir);
    const { code, stderr } = await startCli(dir);
    expect(code).toBe(1);
    expect(stderr).toContain(`The disk that holds ${dir} is full, so the hub did not start. Free some space and start it again; nothing was lost`);
    expect(stderr).not.toMatch(/send it again/i);
    expect(fingerprint(dir)).toEqual(before);

    for (const name of readdirSync(disk)) if (name.startsWith('filler')) rmSync(join(disk, name));
    const running = await startHub({ dataDir: dir, port: 0 });
    onCleanup(() => running.close());
    const page = running.store.events.page({ id: 'x', name: 'x', role: 'orchestrator' }, { all: false, limit: 10, maxBytes: 1e6 });
    expect(page.events.map((e) => (e.type === 'message' ? e.text : ''))).toEqual(['said before the disk filled up']);
  });
});
