/**
 * Replay amplification: a log of 4,000 messages of 32 KB (128 MB), then 30 connections that resume
 * from sequence 0 and 30 that ask for the last 1,000 messages, none of them reading what comes back.
 * Every answer is paged by bytes, so the real hub process (a child, measured through /proc) keeps
 * its peak memory far below what sending the whole log to each would take (3.8 GB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { HuddleClient } from '../../collaboration-server/client.js';
import { ensureDataDir, readTokens } from '../../collaboration-server/data-dir.js';
import { PROTOCOL_VERSION } from '../../collaboration-server/protocol.js';
import { SqliteStore } from '../../collaboration-server/store/index.js';
import { startHubProcess } from '../helpers/cli.js';
import { cleanupAfterEach, tempDir } from '../helpers/cleanup.js';

const MESSAGES = 4000;
const TEXT = 'x'.repeat(32_000);
const RESUMERS = 30;
const READERS = 30;
/** the bound this test holds the hub to: its peak resident memory, everything included */
const PEAK_RSS_BOUND_MB = 400;

const onCleanup = cleanupAfterEach();

async function fillLog(dataDir: string): Promise<void> {
  ensureDataDir(dataDir);
  const store = SqliteStore.open(join(dataDir, 'huddle.db'));
  const from = { id: 'p-filler', name: 'Filler', role: 'backend-dev' };
  store.transaction(() => {
    store.participants.create({ ...from, sessionId: 's-filler', createdAt: 1, lastSeen: 1 }, 'filler-credential-hash');
    for (let i = 0; i < MESSAGES; i++) store.events.append({ type: 'message', from, to: { kind: 'all' }, text: `${i} ${TEXT}` }, 1 + i, from.id);
  });
  await store.close();
}

/** Peak and current resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

/** A socket that says hello (and maybe more), then stops reading: its TCP window fills, then the hub's buffer. */
async function openSilent(url: string, token: string, frames: object[], readWelcome: boolean): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, perMessageDeflate: false });
  ws.on('error', () => {}); // the hub may drop it: that is allowed
  onCleanup(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const [hello, ...rest] = frames;
  if (readWelcome) {
    const welcome = new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.send(JSON.stringify(hello));
    await welcome;
  } else {
    ws.send(JSON.stringify(hello));
  }
  for (const frame of rest) ws.send(JSON.stringify(frame));
  ws.pause();
  return ws;
}

describe.skipIf(process.platform !== 'linux')('replay amplification', () => {
  it(`keeps the hub under ${PEAK_RSS_BOUND_MB} MB while ${RESUMERS} resume from 0 and ${READERS} ask for 1,000 messages of a 128 MB log without reading`, { timeout: 60_000 }, async () => {
    const dataDir = join(tempDir('huddle-replay-', onCleanup), '.huddle');
    await fillLog(dataDir);
    const hub = await startHubProcess(dataDir, 'server', ['--log-format', 'text']); // its readable log says when each resumer joined
    onCleanup(() => hub.kill('SIGKILL'));
    const pid = hub.proc.pid!;
    const { member } = readTokens(dataDir)!;
    const before = memoryOf(pid);

    const hello = (name: string, extra: object) => ({ type: 'hello', id: 'h', protocol: PROTOCOL_VERSION, name, role: 'qa', ...extra });
    await Promise.all([
      ...Array.from({ length: RESUMERS }, (_, i) => openSilent(hub.url, member, [hello(`Resumer ${i}`, { lastSeq: 0 })], false)),
      ...Array.from({ length: READERS }, (_, i) => openSilent(hub.url, member, [hello(`Reader ${i}`, { historyLimit: 0 }), { type: 'history', id: 'q', limit: 1000 }], true)),
    ]);
    // every resumer's hello has been answered once the hub logs its join
    await vi.waitFor(() => expect(hub.err().match(/hub: Resumer \d+ \(qa\) joined/g) ?? []).toHaveLength(RESUMERS), { timeout: 50_000, interval: 100 });
    // a client that reads: its round trip comes after every frame the silent ones sent before it connected
    const probe = new HuddleClient({ url: hub.url, token: member, name: 'Probe', role: 'qa', reconnect: false, historyLimit: 0 });
    onCleanup(() => probe.close());
    await probe.connect();
    const { participants } = await probe.request({ type: 'who' });
    expect(participants.length).toBeGreaterThanOrEqual(1 + RESUMERS + READERS);

    const after = memoryOf(pid);
    console.log(`hub RSS: ${before.now.toFixed(0)} MB at start, peak ${after.peak.toFixed(0)} MB, now ${after.now.toFixed(0)} MB (bound ${PEAK_RSS_BOUND_MB} MB)`);
    expect(after.peak).toBeLessThan(PEAK_RSS_BOUND_MB);
  });
});
