import type { Customer, Merchant } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Actor } from '../../src-shared/domain/transitions';
import type { Written } from '../store/dossiers';
import type { NewTransaction } from '../store/people';
import type { SeedAccount } from './bulk';
import { Random } from './random';
import type { Scenario } from './scenarios';
import { playScenario } from './scenarios';

/** The demo accounts of the README (password `demo`), and the demo customer's and merchant's own dossiers. */

export const demoStaff = [
  { id: 'u-agent', email: 'agent@klikpay.test', name: 'Camille Laurent', role: 'agent' },
  { id: 'u-agent2', email: 'agent2@klikpay.test', name: 'James Whitfield', role: 'agent' },
  { id: 'u-supervisor', email: 'supervisor@klikpay.test', name: 'Sophie Marchand', role: 'supervisor' },
] as const;

export const demoCustomer: Customer = {
  id: 'c-demo',
  name: 'Claire Dumont',
  email: 'client@klikpay.test',
  language: 'fr',
};
export const demoMerchant: Merchant = {
  id: 'm-demo',
  name: 'La Boutique du Voyageur',
  email: 'merchant@klikpay.test',
  emailValid: true,
  language: 'fr',
};

export function demoAccounts(passwordHash: string): SeedAccount[] {
  return [
    ...demoStaff.map((s) => ({ ...s, passwordHash, merchantId: null, customerId: null })),
    {
      id: 'u-client',
      email: demoCustomer.email,
      name: demoCustomer.name,
      role: 'customer',
      passwordHash,
      merchantId: null,
      customerId: demoCustomer.id,
    },
    {
      id: 'u-merchant',
      email: demoMerchant.email,
      name: 'Paul Girard (La Boutique du Voyageur)',
      role: 'merchant',
      passwordHash,
      merchantId: demoMerchant.id,
      customerId: null,
    },
    // A merchant's team has several accounts: each sees the shop's claims and answers as the shop.
    {
      id: 'u-merchant2',
      email: 'merchant2@klikpay.test',
      name: 'Inès Roche (La Boutique du Voyageur)',
      role: 'merchant',
      passwordHash,
      merchantId: demoMerchant.id,
      customerId: null,
    },
  ];
}

export const staffActors = (): { agents: Actor[]; supervisors: Actor[] } => ({
  agents: demoStaff.filter((s) => s.role === 'agent').map((s) => ({ role: 'agent', id: s.id, name: s.name })),
  supervisors: demoStaff
    .filter((s) => s.role === 'supervisor')
    .map((s) => ({ role: 'supervisor', id: s.id, name: s.name })),
});

/**
 * The demo customer's transactions: several with a dossier in different situations (with the demo
 * merchant, so the merchant account has work too), and two without a dossier, to file one.
 */
export function demoDossiers(
  now: number,
  settings: DisputeSettings,
  newId: () => string,
  firstNumber: number,
) {
  const rng = new Random(42);
  const { agents, supervisors } = staffActors();
  const plan: [Scenario, number][] = [
    ['delivery_waiting', 12_990],
    ['merchant_overdue', 4_590],
    ['awaiting_customer', 89_900],
    ['closed_by_klikpay', 2_499],
    ['payment_new', 15_000],
  ];
  const transactions: NewTransaction[] = [];
  const dossiers: Written[] = [];
  plan.forEach(([scenario, amount], i) => {
    const transaction = {
      id: `t-demo-${i + 1}`,
      amount,
      currency: 'EUR',
      occurredAt: new Date(now).toISOString(),
      orderReference: `BL-${String(204_311 + i * 17)}`,
      merchantId: demoMerchant.id,
      merchantName: demoMerchant.name,
      merchantLanguage: demoMerchant.language,
      customerId: demoCustomer.id,
      customerName: demoCustomer.name,
      customerEmail: demoCustomer.email,
    };
    const reason =
      (['not_received', 'damaged_or_defective', 'not_as_ordered', 'refund_problem', 'other'] as const)[i] ??
      'other';
    dossiers.push(
      playScenario(scenario, {
        rng,
        now,
        settings,
        newId,
        agents,
        supervisors,
        customer: demoCustomer,
        merchant: demoMerchant,
        transaction,
        reason,
        id: `d-demo-${i + 1}`,
        number: firstNumber + i + 1,
      }),
    );
    transactions.push(transaction);
  });
  for (const [i, amount] of [3_450, 27_800].entries()) {
    transactions.push({
      id: `t-demo-free-${i + 1}`,
      amount,
      currency: 'EUR',
      occurredAt: new Date(now - (i + 2) * 86_400_000).toISOString(),
      orderReference: `BL-${String(205_000 + i)}`,
      merchantId: demoMerchant.id,
      customerId: demoCustomer.id,
    });
  }
  return { transactions, dossiers };
}
