import { afterEach, describe, expect, it } from 'vitest';
import { recorder, startTestHub, type TestHub } from './helpers/hub.js';

let hub: TestHub;
afterEach(async () => hub?.close());

describe('a full disk', () => {
  it('refuses the frame with STORAGE_FULL, relays nothing, and serves again once there is room', async () => {
    hub = await startTestHub();
    const alice = await hub.client('Alice', 'backend-dev');
    const bob = await hub.client('Bob', 'qa');
    const seen = recorder(bob);
    const db = hub.db;
    // SQLite answers SQLITE_FULL when the file may not grow: the same error as a full disk.
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(200_000);
    const error = await alice.send({ type: 'chat', text: big.slice(0, 30_000) + ' lost?' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'STORAGE_FULL' });
    expect((error as Error).message).toMatch(/disk is full/);

    db.pragma('max_page_count = 1073741823');
    await alice.send({ type: 'chat', text: 'after the disk was freed' });
    await seen.until((e) => e.type === 'message' && e.text === 'after the disk was freed');
    expect(seen.messages()).toEqual(['after the disk was freed']);
  });
});
