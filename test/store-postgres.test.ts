import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHuddleError } from '../collaboration-server/errors.js';
import type { Store } from '../collaboration-server/store/index.js';
import { PostgresStore } from '../collaboration-server/store/postgres/index.js';
import { assertBuilt } from './helpers/cli.js';
import { postgresSkip, startPostgres, type TestPostgres } from './helpers/postgres.js';
import { storeContract } from './store-contract.js';

const lead = { id: 'p-lead', name: 'Lead', role: 'orchestrator' };
const say = (store: Store, text: string) =>
  store.events.append({ type: 'message', from: lead, to: { kind: 'all' }, text }, 1, lead.id);
const seqs = (store: Store) => store.events.since(0, lead, 10_000).map((e) => e.seq);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A hub of its own: a separate process on the built store, writing `count` transactions of two events each. */
const WRITER = `
const { PostgresStore } = await import(process.argv[1]);
const store = PostgresStore.open(process.argv[2]);
const lead = { id: 'p-lead', name: 'Lead', role: 'orchestrator' };
const seqs = [];
for (let i = 0; i < Number(process.argv[3]); i++) {
  seqs.push(store.transaction(() => [1, 2].map(() => store.events.append({ type: 'message', from: lead, to: { kind: 'all' }, text: 'x' }, 1, lead.id).event.seq)));
}
await store.close();
console.log(JSON.stringify(seqs));
`;
const builtStore = fileURLToPath(new URL('../dist/collaboration-server/store/postgres/index.js', import.meta.url));

if (postgresSkip) console.warn(`skipping the PostgreSQL store tests: ${postgresSkip}`);

describe.skipIf(!!postgresSkip)('PostgreSQL', () => {
  let cluster: TestPostgres;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  storeContract('PostgreSQL', async () => {
    const url = await cluster.newDatabase();
    let store = PostgresStore.open(url);
    return {
      store,
      async reopen() {
        await store.close();
        return (store = PostgresStore.open(url));
      },
    };
  });

  describe('shared by several hubs', () => {
    const opened: Store[] = [];
    const open = (url: string) => {
      const store = PostgresStore.open(url);
      opened.push(store);
      return store;
    };
    afterAll(() => Promise.all(opened.map((s) => s.close())));

    it('numbers without a gap after a rolled-back transaction', async () => {
      const store = open(await cluster.newDatabase());
      store.transaction(() => say(store, 'one'));
      expect(() => store.transaction(() => {
        say(store, 'rolled back');
        throw new Error('refused');
      })).toThrow('refused');
      store.transaction(() => say(store, 'two'));
      expect(seqs(store)).toEqual([1, 2]);
    });

    it('numbers from the log, not from what one hub has seen: two stores on one database take turns', async () => {
      const url = await cluster.newDatabase();
      const [a, b] = [open(url), open(url)];
      expect(a.transaction(() => say(a, 'a1')).event.seq).toBe(1);
      expect(b.transaction(() => say(b, 'b1')).event.seq).toBe(2);
      expect(a.transaction(() => say(a, 'a2')).event.seq).toBe(3);
      expect(a.events.lastSeq()).toBe(3);
      a.frames.put('p1', 'f1', { seq: 3, result: undefined });
      expect(b.frames.get('p1', 'f1')).toEqual({ seq: 3, result: undefined });
    });

    it('gives concurrent hubs in separate processes gapless numbers in commit order, each transaction contiguous', async () => {
      assertBuilt();
      const url = await cluster.newDatabase();
      const run = promisify(execFile);
      const outputs = await Promise.all([1, 2, 3].map(() => run(process.execPath, ['--input-type=module', '-e', WRITER, builtStore, url, '40'])));
      const perProcess = outputs.map((o) => JSON.parse(o.stdout) as [number, number][]);
      for (const transactions of perProcess) {
        for (const [first, second] of transactions) expect(second).toBe(first + 1);
        const flat = transactions.flat();
        expect(flat).toEqual([...flat].sort((x, y) => x - y));
      }
      expect(perProcess.flat(2).sort((x, y) => x - y)).toEqual(range(240));
      const store = open(url);
      expect(seqs(store)).toEqual(range(240));
    }, 60_000);

    it('fails the open transaction when PostgreSQL restarts, commits none of it, and reconnects for the next', async () => {
      const store = open(await cluster.newDatabase());
      store.transaction(() => say(store, 'before'));
      let code = 'no error';
      try {
        store.transaction(() => {
          say(store, 'during');
          cluster.restart();
          say(store, 'after the restart');
        });
      } catch (err) {
        code = toHuddleError(err, 'hub').code;
      }
      expect(code).toBe('STORAGE_FAILED');
      store.transaction(() => say(store, 'after'));
      expect(store.events.since(0, lead, 10).map((e) => (e.type === 'message' ? e.text : ''))).toEqual(['before', 'after']);
      expect(seqs(store)).toEqual([1, 2]);
    }, 60_000);
  });
});
