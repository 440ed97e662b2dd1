import type { Customer, Merchant, Transaction } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Actor } from '../../src-shared/domain/transitions';
import type { Language, Reason } from '../../src-shared/domain/vocabulary';
import type { Written } from '../store/dossiers';
import type { NewTransaction } from '../store/people';
import { Random } from './random';
import { playScenario, scenarioWeights } from './scenarios';
import { firstNames, lastNames, merchantName } from './words';

/** A generated workload (docs/targets.md, Reference workload), built by playing the real rules. */

export interface Workload {
  merchants: Merchant[];
  customers: Customer[];
  transactions: NewTransaction[];
  dossiers: Written[];
}

/** A slice of the workload: dossiers with the transactions they are about (dated by their story). */
export interface WorkloadChunk {
  transactions: NewTransaction[];
  dossiers: Written[];
}

export interface WorkloadPlan {
  merchants: Merchant[];
  customers: Customer[];
  /** Transactions no claim was ever filed on. */
  spareTransactions: NewTransaction[];
  /** Plays the dossiers' stories, `size` at a time. */
  chunks(size: number): Generator<WorkloadChunk>;
}

export interface GenerateOptions {
  dossiers: number;
  now: number;
  settings: DisputeSettings;
  agents: readonly Actor[];
  supervisors: readonly Actor[];
  seed?: number;
  /** Prefix of every id, so two workloads can live in one database (the demo's own and the bulk). */
  prefix?: string;
  /** Numbering of dossier references starts after this. */
  firstNumber?: number;
}

const DAY = 86_400_000;
const currencies = [
  ['EUR', 80],
  ['USD', 7],
  ['GBP', 6],
  ['CHF', 4],
  ['JPY', 3],
] as const;

/** Ids that sort in the order they are made, so bulk inserts append to the end of each index. */
export function counterIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${(n++).toString(36).padStart(8, '0')}`;
}

export function planWorkload(o: GenerateOptions): WorkloadPlan {
  const rng = new Random(o.seed ?? 20_260_713);
  const p = o.prefix ?? '';
  const newId = counterIds(`${p}x`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const language = (): Language => (rng.chance(0.6) ? 'fr' : 'en');

  const merchants: Merchant[] = Array.from({ length: Math.max(5, Math.round(o.dossiers * 0.02)) }, (_, i) => {
    const name = merchantName(i);
    return {
      id: `${p}m-${pad(i + 1, 5)}`,
      name,
      email: `contact@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`,
      emailValid: !rng.chance(0.03),
      language: language(),
    };
  });
  const customers: Customer[] = Array.from({ length: Math.max(10, Math.round(o.dossiers * 0.6)) }, (_, i) => {
    const lang = language();
    const first = rng.pick(firstNames[lang]);
    const last = rng.pick(lastNames[lang]);
    return {
      id: `${p}c-${pad(i + 1, 6)}`,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}@example.${lang === 'fr' ? 'fr' : 'co.uk'}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      language: lang,
    };
  });

  // A quarter more transactions than dossiers: some have no claim, as in real life.
  const transactionCount = Math.ceil(o.dossiers * 1.25);
  const transactions: Transaction[] = Array.from({ length: transactionCount }, (_, i) => {
    const merchant = rng.pick(merchants);
    const customer = rng.pick(customers);
    const currency = rng.weighted(currencies);
    const amount = currency === 'JPY' ? rng.int(500, 90_000) : rng.int(499, 250_000);
    return {
      id: `${p}t-${pad(i + 1, 7)}`,
      amount,
      currency,
      occurredAt: new Date(o.now - rng.int(2, 760) * DAY - rng.int(0, DAY)).toISOString(),
      orderReference: `${merchant.name.slice(0, 3).toUpperCase()}-${pad(rng.int(10_000, 999_999), 6)}`,
      merchantId: merchant.id,
      merchantName: merchant.name,
      merchantLanguage: merchant.language,
      customerId: customer.id,
      customerName: customer.name,
      customerEmail: customer.email,
    };
  });

  const merchantById = new Map(merchants.map((m) => [m.id, m]));
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const play = (i: number, transaction: Transaction): Written => {
    const customer = customerById.get(transaction.customerId);
    const merchant = merchantById.get(transaction.merchantId);
    if (!customer || !merchant) throw new Error('seed: transaction without its parties');
    const scenario = rng.weighted(scenarioWeights);
    const reason: Reason = rng.weighted([
      ['not_received', 35],
      ['damaged_or_defective', 18],
      ['not_as_ordered', 15],
      ['refund_problem', 17],
      ['after_sales', 8],
      ['other', 7],
    ]);
    return playScenario(scenario, {
      rng,
      now: o.now,
      settings: o.settings,
      newId,
      agents: o.agents,
      supervisors: o.supervisors,
      customer,
      merchant,
      transaction,
      reason,
      id: `${p}d-${pad(i + 1, 7)}`,
      number: (o.firstNumber ?? 0) + i + 1,
    });
  };
  return {
    merchants,
    customers,
    spareTransactions: transactions.slice(o.dossiers),
    *chunks(size) {
      for (let start = 0; start < o.dossiers; start += size) {
        const slice = transactions.slice(start, Math.min(start + size, o.dossiers));
        yield { transactions: slice, dossiers: slice.map((t, k) => play(start + k, t)) };
      }
    },
  };
}

/** The whole workload at once (small seeds and tests). */
export function generateWorkload(o: GenerateOptions): Workload {
  const plan = planWorkload(o);
  const chunks = [...plan.chunks(5_000)];
  return {
    merchants: plan.merchants,
    customers: plan.customers,
    transactions: [...chunks.flatMap((c) => c.transactions), ...plan.spareTransactions],
    dossiers: chunks.flatMap((c) => c.dossiers),
  };
}
