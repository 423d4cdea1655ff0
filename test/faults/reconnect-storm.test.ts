/**
 * 200 clients reconnecting at once after a kill -9 and restart of the real hub: all come back by
 * themselves, each resumes its own session, and each gets what it missed exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HuddleClient } from '../../collaboration-server/client.js';
import { readTokens } from '../../collaboration-server/data-dir.js';
import { startHubProcess } from '../helpers/cli.js';
import { recorder } from '../helpers/hub.js';

const CLIENTS = 200;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('a reconnect storm', () => {
  it(`brings ${CLIENTS} clients back after a restart, each with what it missed, once`, { timeout: 90_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'huddle-storm-'));
    cleanup.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, '.huddle');
    const first = await startHubProcess(dataDir);
    cleanup.push(() => first.kill('SIGKILL'));
    const port = new URL(first.url).port;
    const { member } = readTokens(dataDir)!;

    const clients = Array.from({ length: CLIENTS }, (_, i) => {
      const client = new HuddleClient({ url: first.url, token: member, name: `Agent ${i}`, role: 'qa', minBackoffMs: 50, maxBackoffMs: 1000, historyLimit: 0 });
      cleanup.push(() => client.close());
      return { client, seen: recorder(client) };
    });
    for (let i = 0; i < CLIENTS; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.client.connect()));
    const sessions = clients.map((c) => c.client.sessionId);

    const before = await clients[0]!.client.send({ type: 'chat', text: 'before the kill' });
    await first.kill('SIGKILL');
    await vi.waitFor(() => expect(clients.every((c) => c.client.state === 'reconnecting')).toBe(true), { timeout: 10_000 });

    const second = await startHubProcess(dataDir, 'server', ['--port', port]);
    cleanup.push(() => second.kill('SIGKILL'));
    const restartedAt = performance.now();
    await vi.waitFor(() => expect(clients.filter((c) => c.client.state !== 'online')).toHaveLength(0), { timeout: 60_000, interval: 100 });
    const seconds = (performance.now() - restartedAt) / 1000;
    console.log(`${CLIENTS} clients back online ${seconds.toFixed(2)} s after the restart`);

    // every one resumed its own session (no new identities, no name clashes)
    expect(clients.map((c) => c.client.sessionId)).toEqual(sessions);
    const { participants } = await clients[1]!.client.request({ type: 'who' });
    expect(participants.filter((p) => p.status === 'online')).toHaveLength(CLIENTS);

    const after = await clients[CLIENTS - 1]!.client.send({ type: 'chat', text: 'after the restart' });
    await Promise.all(clients.map((c) => c.seen.until((e) => e.seq === after.seq)));
    for (const { seen } of clients) {
      const seqs = seen.events.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      // live before the kill, or replayed on resume: either way exactly once
      expect(seen.events.filter((e) => e.seq === before.seq)).toHaveLength(1);
      expect(seen.messages().filter((t) => t === 'after the restart')).toHaveLength(1);
    }
  });
});
