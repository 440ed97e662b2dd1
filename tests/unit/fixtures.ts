import type { Command } from '../../src-shared/domain/commands';
import type { ClaimFiling } from '../../src-shared/domain/lifecycle';
import { decide, fileClaim } from '../../src-shared/domain/lifecycle';
import type { Dossier, Transaction } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { Actor, Decided, Decision } from '../../src-shared/domain/transitions';

/** Dossiers for the domain's tests, always reached through the real rules (never written by hand). */

export const settings = defaultSettings;
export const at = (iso: string): number => Date.parse(iso);
export const DAY = 86_400_000;

export const customer: Actor = { role: 'customer', id: 'u-claire', name: 'Claire Dumont' };
export const merchant: Actor = { role: 'merchant', id: 'u-shop', name: 'La Boutique du Voyageur' };
export const agent: Actor = { role: 'agent', id: 'a1', name: 'Camille Laurent' };
export const agent2: Actor = { role: 'agent', id: 'a2', name: 'James Whitfield' };
export const supervisor: Actor = { role: 'supervisor', id: 's1', name: 'Sophie Marchand' };

export function ids(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

export const transaction: Transaction = {
  id: 't-1',
  amount: 12_990,
  currency: 'EUR',
  occurredAt: '2026-06-20T10:00:00.000Z',
  orderReference: 'BL-204311',
  merchantId: 'm-1',
  merchantName: 'La Boutique du Voyageur',
  merchantLanguage: 'fr',
  customerId: 'c-1',
  customerName: 'Claire Dumont',
};

/** Monday 13 July 2026, 10:00 in Paris. */
export const monday = at('2026-07-13T08:00:00Z');

export function claim(over: Partial<ClaimFiling> = {}): ClaimFiling {
  return {
    id: 'd-1',
    reference: 'KP-2026-000123',
    transaction,
    subject: 'delivery',
    reason: 'not_received',
    merchantContact: 'merchant_no_answer',
    description: 'Commande payée le 20 juin, jamais reçue.',
    desiredOutcome: 'delivery',
    language: 'fr',
    merchantEmailValid: true,
    ...over,
  };
}

export function ok(decided: Decided): Decision {
  if (!decided.ok) throw new Error(`refused: ${decided.error.message}`);
  return decided.value;
}

export function file(over: Partial<ClaimFiling> = {}, now = monday): Dossier {
  return ok(fileClaim(claim(over), { now, settings, actor: customer, newId: ids('f') })).dossier;
}

export function run(d: Dossier, actor: Actor, command: Command, now: number): Decided {
  return decide(d, command, { now, settings, actor, newId: ids('r') });
}

/** Runs a command that must be accepted, and returns its decision. */
export function step(d: Dossier, actor: Actor, command: Command, now: number): Decision {
  return ok(run(d, actor, command, now));
}
