import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { serverConfigSchema } from '../src-server/config';
import type { RunningServer } from '../src-server/server';
import { startServer } from '../src-server/server';
import { pullThroughput, pushThroughput, signIn } from './api';
import { measureDashboard, measureDesk } from './desk';
import type { Run } from './report';
import { figure, machine, percentile, table, write } from './report';
import { seededCopy } from './seeded';

/**
 * `npm run bench [-- --dossiers N]`: the reference workload (100,000 dossiers by default; 20,000 is
 * the quick profile) served by the API on a copy of a cached seeded database, the back office driven
 * in headless Chromium, and every figure of docs/targets.md beside its baseline from the same run.
 */

const { values } = parseArgs({
  options: {
    dossiers: { type: 'string', default: '100000' },
    out: { type: 'string', default: 'bench/results' },
    'sync-timeout-min': { type: 'string', default: '30' },
    'no-build': { type: 'boolean', default: false },
    // Only the API's figures (P8), without the back office: for work on the server.
    'api-only': { type: 'boolean', default: false },
  },
});
const apiOnly = values['api-only'];
const dossiers = Number(values.dossiers);
if (!Number.isInteger(dossiers) || dossiers < 10) throw new Error('--dossiers must be a whole number ≥ 10');
const syncTimeoutMs = Number(values['sync-timeout-min']) * 60_000;

async function serve(dataDir: string, seed?: number): Promise<RunningServer> {
  return startServer(
    serverConfigSchema.parse({
      port: 0,
      dataDir,
      web: true,
      logLevel: 'warn',
      ...(seed ? { seed } : {}),
    }),
  );
}

async function main(): Promise<void> {
  if (!values['no-build'] && !apiOnly) {
    // The product as `npm run build` makes it: the back office, and the portal the API serves beside it.
    for (const args of [
      ['electron-vite', 'build', '--logLevel', 'warn'],
      ['vite', 'build', '--config', 'vite.portal.config.ts', '--logLevel', 'warn'],
    ]) {
      const build = spawnSync('npx', args, { stdio: 'inherit' });
      if (build.status !== 0) throw new Error(`the build failed: ${args.join(' ')}`);
    }
  }
  console.log(`Preparing ${dossiers.toLocaleString('en')} dossiers…`);
  const copy = await seededCopy(dossiers);
  console.log(
    copy.reused ? 'Seeded database reused.' : `Seeded in ${((copy.seedMs ?? 0) / 1000).toFixed(0)} s.`,
  );
  const server = await serve(copy.dir);
  try {
    const [count] = await server.ctx.db.query<{ messages: string; changes: string }>(
      'select (select count(*) from messages)::text as messages, (select entries from change_log_size)::text as changes',
    );
    const agent = await signIn(server.url, 'agent@klikpay.test', 'demo');
    const supervisor = await signIn(server.url, 'supervisor@klikpay.test', 'demo');
    const desk = apiOnly
      ? {
          figures: [],
          browser: 'not used (--api-only)',
          dossierIds: (
            await server.ctx.db.query<{ id: string }>(
              "select id from dossiers where status <> 'closed' order by id limit 500",
            )
          ).map((r) => r.id),
        }
      : await measureDesk(server.url, agent, supervisor, syncTimeoutMs);
    const dashboard = apiOnly ? [] : await measureDashboard(server.url, supervisor, syncTimeoutMs);

    console.log('API figures…');
    const pull = await pullThroughput(agent, 10_000);
    const pages = await pullThroughput(agent, 1_000).then((p) => p.pageMs.slice(0, 20));
    const push = await pushThroughput(agent, desk.dossierIds, 4, 500);
    const small = await serve('memory://', Math.max(100, Math.round(dossiers / 100)));
    const smallPages = await pullThroughput(
      await signIn(small.url, 'agent@klikpay.test', 'demo'),
      1_000,
    ).then((p) => p.pageMs.slice(0, 20));
    await small.close();

    const run: Run = {
      workload: { dossiers, messages: Number(count?.messages ?? 0), changes: Number(count?.changes ?? 0) },
      machine: machine(desk.browser),
      startedAt: new Date().toISOString(),
      seed: { reused: copy.reused, seedMs: copy.seedMs },
      figures: [
        ...desk.figures,
        figure({
          id: 'P8.pull',
          what: 'pull, whole feed',
          value: pull.perSecond,
          unit: 'changes/s',
          baseline: null,
          target: 50_000,
          better: 'higher',
        }),
        figure({
          id: 'P8.push',
          what: 'push, batches of 500',
          value: push,
          unit: 'mutations/s',
          baseline: null,
          target: 2_000,
          better: 'higher',
        }),
        figure({
          id: 'P8.page',
          what: `pull page (1,000) median, vs ${Math.max(100, Math.round(dossiers / 100)).toLocaleString('en')} dossiers`,
          value: percentile(pages, 50),
          unit: 'ms',
          baseline: percentile(smallPages, 50),
          target: 1.5,
          targetIsRatio: true,
          better: 'lower',
        }),
        ...dashboard,
      ],
    };
    console.log(`\n${table(run)}`);
    const files = write(run, values.out);
    console.log(`\nWritten: ${files.json}, ${files.html}`);
  } finally {
    await server.close();
    copy.remove();
  }
}

await main();
