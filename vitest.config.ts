import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
    // End-to-end files start many CLI processes; two cores shared by parallel files make them slow, not stuck.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Integration and e2e files each get their own database/queue prefix, so files may run in parallel,
    // but two cores cannot carry more than two heavy files at once.
    maxWorkers: 2,
  },
});
