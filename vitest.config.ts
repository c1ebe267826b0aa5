import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Integration and e2e files each get their own database/queue prefix, so files may run in parallel,
    // but two cores cannot carry more than two heavy files at once.
    maxWorkers: 2,
  },
});
