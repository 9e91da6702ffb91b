import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src-main/**/*.test.ts', 'src-server/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests open real SQLite files and spawn processes: two cores, two workers.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
