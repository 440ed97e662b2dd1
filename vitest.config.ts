import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { PostgresNoticeReporter } from './tests/postgres-notice';

const serverProject = (
  name: string,
  env: Record<string, string>,
  exclude: string[] = [],
): TestProjectInlineConfiguration => ({
  test: {
    name,
    include: ['tests/server/**/*.test.ts'],
    exclude,
    environment: 'node',
    env,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    // Two cores: two test files at a time (each server file boots its own database).
    maxWorkers: 2,
    // Without DATABASE_URL, a boxed warning after the summary: the PostgreSQL suite did not run.
    reporters: ['default', new PostgresNoticeReporter()],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests take seconds alone, and several times that on a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // `tests/server/postgres/` needs several connections to one server: PostgreSQL only.
      serverProject('server', {}, ['tests/server/postgres/**']),
      {
        // The local-first client core against the real API, on fake-indexeddb.
        test: {
          name: 'sync',
          include: ['tests/sync/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/sync/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Components and data hooks of the back office in a DOM (happy-dom), over fake-indexeddb.
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/renderer/setup.ts'],
          // Above the 30 s `waitFor`/`findBy…` budget of tests/renderer/setup.ts.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The parties' portal: its screens and wording in a DOM (happy-dom), over a stand-in API.
        test: {
          name: 'portal',
          include: ['tests/portal/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['tests/portal/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // The same suite on PostgreSQL, when one is there (`.ci/run` starts one and sets DATABASE_URL).
      ...(process.env.DATABASE_URL ? [serverProject('server-postgres', { KLIKPAY_TEST_POSTGRES: '1' })] : []),
    ],
  },
});
