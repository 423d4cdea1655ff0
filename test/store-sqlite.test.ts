import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../collaboration-server/store/index.js';
import { storeContract } from './store-contract.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

storeContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huddle-store-'));
  dirs.push(dir);
  const file = join(dir, 'huddle.db');
  let store = SqliteStore.open(file);
  return {
    store,
    async reopen() {
      await store.close();
      return (store = SqliteStore.open(file));
    },
  };
});
