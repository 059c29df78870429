import { defineConfig } from 'vitest/config';

/**
 * Three tiers (docs/ARCHITECTURE.md): colocated unit tests, integration tests over HTTP on a freshly
 * migrated database, and browser tests against the built app. Integration files run in parallel
 * forks, each on its own database.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/**/src/**/*.test.ts', 'apps/**/src/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'int',
          sequence: { groupOrder: 1 },
          include: ['apps/**/src/**/*.int.test.ts'],
          // one migrated PGlite data folder for the run; each in-memory test database loads it
          globalSetup: ['apps/server/src/test/int-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
          maxWorkers: 2,
          // a worker runs file after file without a new process each: importing the server anew cost
          // about 8 s per file (87 files); the files share no state (each starts its own servers)
          isolate: false,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['e2e/**/*.e2e.test.ts'],
          // the demo district is seeded once for the run; each file's app starts on a copy of it
          globalSetup: ['e2e/demo-template.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // a page's answer to a click can take seconds on 2 loaded cores; the default poll gives up after 1 s
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
