/**
 * The data folder cannot be planted: a folder others can write to is refused with the chmod to
 * run, a link in it is neither followed, written, chmodded nor read, and what the hub makes there is
 * owner-only. Each refusal leaves the folder exactly as it was.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readHubUrl, readTokens, resolveConnection } from '../collaboration-server/data-dir.js';
import { startHub } from '../collaboration-server/server.js';
import { assertBuilt, runHuddle } from './helpers/cli.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const onCleanup = cleanupAfterEach();
beforeAll(assertBuilt);
const posix = process.platform !== 'win32';

/** Every entry of a folder with its mode and content: what "nothing changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = lstatSync(path);
    entries[name] = `${(st.mode & 0o777).toString(8)} ${st.isSymbolicLink() ? '-> link' : readFileSync(path, 'utf8')}`;
  }
  return entries;
}

/** A folder that someone else prepared: mode 0777, a token of theirs in it. */
function plantedFolder(): string {
  const dir = join(tempDir('huddle-planted-', onCleanup), '.huddle');
  mkdirSync(dir);
  chmodSync(dir, 0o777);
  writeFileSync(join(dir, 'admin.token'), 'planted-admin-token\n', { mode: 0o600 });
  return dir;
}

/** A WebSocket-looking server that records every request: a planted hub.url would point clients here. */
async function trap(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(String(req.headers.authorization));
    res.end();
  });
  server.on('upgrade', (req, socket) => {
    requests.push(String(req.headers.authorization));
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe.skipIf(!posix)('a planted data folder', () => {
  it('is refused when others can write to it, with the chmod to run; the planted token is not used and nothing changes', async () => {
    const dir = plantedFolder();
    const before = snapshot(dir);
    const refused = await startHub({ dataDir: dir, port: 0 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNSAFE_DATA' });
    expect((refused as Error).message).toContain(`can be written by its group and everyone else (mode 0777)`);
    expect((refused as Error).message).toContain(`chmod 700 ${dir}`);
    expect(snapshot(dir)).toEqual(before);

    // a client does not read it either: a planted hub.url would send the token to someone else's hub
    const { url, requests } = await trap();
    writeFileSync(join(dir, 'hub.url'), url + '\n', { mode: 0o600 });
    writeFileSync(join(dir, 'member.token'), 'planted-member-token\n', { mode: 0o600 });
    const planted = snapshot(dir);
    expect(() => resolveConnection({ data: dir, role: 'qa' })).toThrow(/chmod 700/);
    const say = await runHuddle(['say', '--data', dir, '--name', 'Alice', '--role', 'qa', 'hello']);
    expect(say.code).not.toBe(0);
    expect(say.stderr).toContain(`chmod 700 ${dir}`);
    const server = await runHuddle(['server', '--port', '0', '--data', dir]);
    expect(server.code).not.toBe(0);
    expect(server.stderr).toContain(`chmod 700 ${dir}`);
    expect(requests).toEqual([]);
    expect(snapshot(dir)).toEqual(planted);
  });

  it('is refused when it belongs to someone else, or a token in it can be read by others', async () => {
    const dir = join(tempDir('huddle-open-token-', onCleanup), '.huddle');
    const first = await startHub({ dataDir: dir, port: 0 });
    await first.close();
    chmodSync(join(dir, 'member.token'), 0o644);
    const before = snapshot(dir);
    const refused = await startHub({ dataDir: dir, port: 0 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNSAFE_DATA' });
    expect((refused as Error).message).toContain(`chmod 600 ${join(dir, 'member.token')}`);
    expect(() => readTokens(dir)).toThrow(/chmod 600/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('never follows a linked hub.url: the hub refuses to start, and the link’s target is neither overwritten nor chmodded', async () => {
    const root = tempDir('huddle-link-url-', onCleanup);
    const dir = join(root, '.huddle');
    await (await startHub({ dataDir: dir, port: 0 })).close();
    const target = join(root, 'precious.txt');
    writeFileSync(target, 'precious content\n', { mode: 0o644 });
    chmodSync(target, 0o644);
    rmSync(join(dir, 'hub.url'));
    symlinkSync(target, join(dir, 'hub.url'));
    const before = snapshot(dir);

    const refused = await startHub({ dataDir: dir, port: 0 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UNSAFE_DATA' });
    expect((refused as Error).message).toMatch(/hub\.url is a symbolic link.*neither read nor written/);
    expect(() => readHubUrl(dir)).toThrow(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious content\n');
    expect(statSync(target).mode & 0o777).toBe(0o644);
    expect(snapshot(dir)).toEqual(before);
  });

  it('never reads a linked member.token: not the hub, not a client', async () => {
    const root = tempDir('huddle-link-token-', onCleanup);
    const dir = join(root, '.huddle');
    await (await startHub({ dataDir: dir, port: 0 })).close();
    const target = join(root, 'someone-elses.token');
    writeFileSync(target, 'a token the link would hand over\n', { mode: 0o600 });
    const past = new Date('2001-01-01T00:00:00Z');
    utimesSync(target, past, past); // with atime older than mtime a read would move it (relatime)
    const tokenFile = join(dir, 'member.token');
    rmSync(tokenFile);
    symlinkSync(target, tokenFile);
    const before = snapshot(dir);

    const refused = await startHub({ dataDir: dir, port: 0 }).catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(/member\.token is a symbolic link/);
    expect(() => readTokens(dir)).toThrow(/member\.token is a symbolic link/);
    const say = await runHuddle(['say', '--data', dir, '--url', 'ws://127.0.0.1:9', '--name', 'Alice', '--role', 'qa', 'hello']);
    expect(say.code).not.toBe(0);
    expect(say.stderr).toMatch(/member\.token is a symbolic link/);
    expect(statSync(target).atimeMs).toBe(past.getTime());
    expect(snapshot(dir)).toEqual(before);
  });
});

describe.skipIf(!posix)('a new data folder', () => {
  it('is made owner-only, and so is everything the hub writes in it', async () => {
    const dir = join(tempDir('huddle-fresh-', onCleanup), '.huddle');
    const running = await startHub({ dataDir: dir, port: 0 });
    onCleanup(() => running.close());
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of ['admin.token', 'member.token', 'hub.url', 'hub.pid', 'huddle.db']) {
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
    expect(readFileSync(join(dir, 'hub.pid'), 'utf8')).toBe(String(process.pid));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await running.close();
    expect(existsSync(join(dir, 'hub.pid'))).toBe(false);
  });

  it('replaces the pid file of a hub that is gone', async () => {
    const dir = join(tempDir('huddle-stale-', onCleanup), '.huddle');
    await (await startHub({ dataDir: dir, port: 0 })).close();
    writeFileSync(join(dir, 'hub.pid'), '999999999', { mode: 0o600 });
    const running = await startHub({ dataDir: dir, port: 0 });
    onCleanup(() => running.close());
    expect(readFileSync(join(dir, 'hub.pid'), 'utf8')).toBe(String(process.pid));
  });
});
