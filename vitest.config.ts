import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src-main/**/*.test.ts', 'src-server/**/*.test.ts'],
    // A browser test with its accessibility checks takes 15 s alone here, twice that while the
    // other worker runs a browser too: the limit catches a hang, not a loaded machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Tests open real SQLite files and spawn processes: two cores, two workers.
    maxWorkers: 2,
    globalSetup: ['test/global-setup.ts'],
  },
});
