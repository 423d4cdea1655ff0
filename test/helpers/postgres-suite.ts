/**
 * The PostgreSQL tests' one set-up: a describe block that runs only where PostgreSQL is installed
 * (saying once, on stderr, what is skipped and why elsewhere), with a throw-away cluster
 * (postgres.ts) started before its tests and stopped after them.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresSkip, startPostgres, type TestPostgres } from './postgres.js';

/** `body` gets the cluster through a getter: it exists once the block's beforeAll has run. */
export function describeWithPostgres(title: string, body: (cluster: () => TestPostgres) => void, before?: () => void): void {
  if (postgresSkip) console.warn(`skipping "${title}": ${postgresSkip}`);
  describe.skipIf(!!postgresSkip)(title, () => {
    let cluster: TestPostgres | undefined;
    beforeAll(async () => {
      before?.();
      cluster = await startPostgres();
    }, 60_000);
    afterAll(() => cluster?.stop());
    body(() => cluster!);
  });
}
