import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the fault tests that take longer than a minute (test/faults/*.fault.ts). */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
