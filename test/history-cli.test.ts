/** `huddle history` follows the hub's pages: --limit N prints the N latest, oldest first, however many pages they take. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HuddleClient } from '../collaboration-server/client.js';
import { readTokens } from '../collaboration-server/data-dir.js';
import { assertBuilt, runHuddle, startHubProcess } from './helpers/cli.js';
import { cleanupAfterEach, tempDir } from './helpers/cleanup.js';

const onCleanup = cleanupAfterEach();
beforeAll(assertBuilt);

describe('huddle history', () => {
  it('prints the latest --limit messages across several 256 KB pages, oldest first, each once', async () => {
    const dataDir = join(tempDir('huddle-history-', onCleanup), '.huddle');
    const hub = await startHubProcess(dataDir);
    onCleanup(() => hub.kill('SIGKILL'));
    const alice = new HuddleClient({ url: hub.url, token: readTokens(dataDir)!.member, name: 'Alice', role: 'qa', reconnect: false, historyLimit: 0 });
    onCleanup(() => alice.close());
    await alice.connect();
    const sent: string[] = [];
    for (let i = 0; i < 40; i++) {
      const text = `${i} ${'h'.repeat(30_000)}`;
      await alice.send({ type: 'chat', text });
      sent.push(text);
    }
    // 30 messages of 30 KB: four pages or more
    const { code, stdout, stderr } = await runHuddle(['history', '--data', dataDir, '--limit', '30', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const texts = stdout.trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toEqual(sent.slice(-30));
  });
});
