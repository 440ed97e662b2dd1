import type { Written } from '../store/dossiers';
import type { ServerContext } from '../services/context';
import { hashPassword } from '../services/passwords';
import { writeDossiers, writeParties } from './bulk';
import { demoAccounts, demoCustomer, demoDossiers, demoMerchant, staffActors } from './demo';
import { counterIds, generateWorkload } from './generate';

/**
 * `--seed demo` / `--seed N`: on an empty database only, the demo accounts and a deterministic,
 * realistic workload (the demo set is 250 generated dossiers plus the demo customer's own).
 */
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
  const workload = generateWorkload({ dossiers: count, now, settings: ctx.settings, agents, supervisors });
  const demo = demoDossiers(now, ctx.settings, counterIds('demo-x'), count);
  const at = new Date(now).toISOString();
  await writeParties(
    ctx.db,
    at,
    [...workload.merchants, demoMerchant],
    [...workload.customers, demoCustomer],
    [...workload.transactions, ...demo.transactions],
    demoAccounts(await hashPassword('demo')),
  );
  // In the order they were generated: ids ascend, so every index grows at its end.
  const dossiers: Written[] = [...workload.dossiers, ...demo.dossiers];
  await writeDossiers(ctx.db, dossiers);
  await ctx.db.query("select setval('dossier_number', $1)", [count + demo.dossiers.length]);
  const messages = dossiers.reduce((n, w) => n + w.messages.length, 0);
  log.info(
    `seeded ${dossiers.length} dossiers, ${messages} messages and the demo accounts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return true;
}
