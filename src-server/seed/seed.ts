import { Worker } from 'node:worker_threads';
import type { ServerContext } from '../services/context';
import { hashPassword } from '../services/passwords';
import { prepareChunk, withoutSecondaryIndexes, writeChunk, writeParties } from './bulk';
import { demoAccounts, demoCustomer, demoDossiers, demoMerchant, staffActors } from './demo';
import type { GenerateOptions, WorkloadPlan } from './generate';
import { counterIds, planWorkload } from './generate';
import type { FromWorker } from './worker';

/**
 * `--seed demo` / `--seed N`: on an empty database only, the demo accounts and a deterministic,
 * realistic workload (the demo set is 250 generated dossiers plus the demo customer's own).
 * Large workloads are generated on a worker thread while this one writes them.
 */

/** From this many dossiers on, generation runs on its own thread. */
export const workerThreshold = 5_000;

export async function seedIfEmpty(
  ctx: ServerContext,
  seed: 'demo' | number,
  log: { info(msg: string): void },
): Promise<boolean> {
  const [row] = await ctx.db.query<{ empty: boolean }>(
    'select not exists (select 1 from users) and not exists (select 1 from dossiers) as empty',
  );
  if (!row?.empty) return false;
  const started = Date.now();
  const now = ctx.clock.now();
  const count = seed === 'demo' ? 250 : seed;
  const { agents, supervisors } = staffActors();
  const options: GenerateOptions = { dossiers: count, now, settings: ctx.settings, agents, supervisors };
  const demo = demoDossiers(now, ctx.settings, counterIds('demo-x'), count);
  const accounts = demoAccounts(await hashPassword('demo'));
  const at = new Date(now).toISOString();
  let messages = demo.dossiers.reduce((n, w) => n + w.messages.length, 0);

  await withoutSecondaryIndexes(ctx.db, async () => {
    const writeAll = async (parties: Pick<WorkloadPlan, 'merchants' | 'customers' | 'spareTransactions'>) => {
      await writeParties(
        ctx.db,
        at,
        [...parties.merchants, demoMerchant],
        [...parties.customers, demoCustomer],
        [...parties.spareTransactions, ...demo.transactions],
        accounts,
      );
    };
    if (count < workerThreshold) {
      const plan = planWorkload(options);
      await writeAll(plan);
      for (const c of plan.chunks(workerThreshold)) {
        messages += c.dossiers.reduce((n, w) => n + w.messages.length, 0);
        await writeChunk(ctx.db, prepareChunk(c.transactions, c.dossiers));
      }
    } else {
      messages += await loadOnWorker(options, ctx, writeAll);
    }
    await writeChunk(ctx.db, prepareChunk([], demo.dossiers));
  });
  await ctx.db.query("select setval('dossier_number', $1)", [count + demo.dossiers.length]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log.info(
    `seeded ${count + demo.dossiers.length} dossiers, ${messages} messages and the demo accounts in ${seconds} s`,
  );
  return true;
}

/** Generation on a worker thread (TypeScript loaded through tsx), writing here as chunks arrive. */
function loadOnWorker(
  options: GenerateOptions,
  ctx: ServerContext,
  writeParties: (parties: Extract<FromWorker, { type: 'parties' }>['parties']) => Promise<void>,
): Promise<number> {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  let messages = 0;
  let writing: Promise<void> = Promise.resolve();
  return new Promise<number>((resolve, reject) => {
    const fail = (error: unknown) => {
      void worker.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.on('error', fail);
    worker.on('message', (message: FromWorker) => {
      // Writes happen one after another, in the order the worker made them.
      writing = writing
        .then(async () => {
          if (message.type === 'parties') await writeParties(message.parties);
          else if (message.type === 'chunk') {
            await writeChunk(ctx.db, message.chunk);
            messages += message.messages;
            worker.postMessage('more');
          } else resolve(messages);
        })
        .catch(fail);
    });
  });
}
