import { spawnSync } from 'node:child_process';

/**
 * `npm run fuzz [-- RUNS]`: the fuzz suites of `npm test` (every HTTP operation, every push
 * mutation, the client core against the API) run much longer — 300 runs per property by default.
 * A failure prints fast-check's seed and counterexample.
 */
const runs = process.argv[2] ?? process.env.KLIKPAY_FUZZ_RUNS ?? '300';
if (!/^\d+$/.test(runs)) {
  console.error(`fuzz: the number of runs must be a whole number, not "${runs}"`);
  process.exit(2);
}
const files = [
  'tests/server/fuzz.test.ts',
  'tests/server/push-fuzz.test.ts',
  'tests/sync/client-fuzz.test.ts',
];
const result = spawnSync('npx', ['vitest', 'run', '--project', 'server', '--project', 'sync', ...files], {
  stdio: 'inherit',
  env: { ...process.env, KLIKPAY_FUZZ_RUNS: runs },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
