import type { Message, Proposal } from '../../src-shared/domain/model';
import type { DesiredOutcome } from '../../src-shared/domain/vocabulary';
import type { Problem } from './problems';

/**
 * A merchant's proposed settlement, as their reply box takes it: no proposal (just a message), or
 * one of the outcomes a customer can ask for; a partial refund with its amount, typed in the
 * currency's units ("20", "19.90", "19,90") and checked against what the customer paid.
 */

export type ProposalChoice = 'none' | DesiredOutcome;

/** Digits after the decimal point of a currency (EUR 2, JPY 0), as Intl knows them. */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** An amount typed in a currency's units, in minor units; null when it is not one. */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const typed = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,12})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,12})$/;
  const match = pattern.exec(typed);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return whole * 10 ** digits + fraction;
}

/** The proposal to send, or the problem with the amount; `paid` is the transaction's amount. */
export function proposalFrom(
  choice: ProposalChoice,
  amountText: string,
  paid: number,
  currency: string,
): { proposal: Proposal | null; problem: Problem | null } {
  if (choice === 'none') return { proposal: null, problem: null };
  if (choice !== 'partial_refund') return { proposal: { outcome: choice, amount: null }, problem: null };
  if (amountText.trim() === '') return { proposal: null, problem: { code: 'blank' } };
  const amount = parseAmount(amountText, currency);
  if (amount === null || amount === 0) return { proposal: null, problem: { code: 'amount_invalid' } };
  // A partial refund of everything is a full refund: the API refuses it, so the box says so first.
  if (amount >= paid) return { proposal: null, problem: { code: 'amount_not_below_paid' } };
  return { proposal: { outcome: 'partial_refund', amount }, problem: null };
}

/**
 * The merchant's latest proposal, while it is still the last word: a later message from the
 * merchant without one withdraws it from the customer's attention (it stays in the thread).
 */
export function standingProposal(messages: readonly Message[]): (Message & { proposal: Proposal }) | null {
  const last = messages.findLast((m) => m.author.role === 'merchant');
  return last?.proposal ? { ...last, proposal: last.proposal } : null;
}
