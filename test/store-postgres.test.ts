import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresStore } from '../collaboration-server/store/postgres/index.js';
import { postgresSkip, startPostgres, type TestPostgres } from './helpers/postgres.js';
import { storeContract } from './store-contract.js';

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
      reopen() {
        store.close();
        return (store = PostgresStore.open(url));
      },
    };
  });
});
