import type { Customer, Merchant, Transaction } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { Actor } from '../../src-shared/domain/transitions';
import type { MerchantContact, Reason, Subject } from '../../src-shared/domain/vocabulary';
import type { Written } from '../store/dossiers';
import type { Random } from './random';
import { Story } from './story';
import {
  agentReplies,
  claims,
  closingSummaries,
  customerReplies,
  internalNotes,
  merchantAnswers,
} from './words';

/**
 * The situations a dossier can be in right now, each as a short history. Weights give about 20%
 * open dossiers, with every status and deadline situation of the back office's queues present.
 */

export type Scenario =
  | 'payment_new'
  | 'delivery_waiting'
  | 'merchant_overdue'
  | 'merchant_reminded'
  | 'escalated_automatically'
  | 'escalated_by_customer'
  | 'awaiting_customer'
  | 'closing_soon'
  | 'reopened'
  | 'closed_by_customer'
  | 'closed_by_klikpay'
  | 'closed_for_inactivity';

export const scenarioWeights: readonly (readonly [Scenario, number])[] = [
  ['payment_new', 4],
  ['delivery_waiting', 3],
  ['merchant_overdue', 2],
  ['merchant_reminded', 1.5],
  ['escalated_automatically', 1.5],
  ['escalated_by_customer', 1],
  ['awaiting_customer', 5],
  ['closing_soon', 1.2],
  ['reopened', 0.3],
  ['closed_by_customer', 30],
  ['closed_by_klikpay', 30],
  ['closed_for_inactivity', 20],
];

export interface ScenarioInput {
  rng: Random;
  now: number;
  settings: DisputeSettings;
  newId: () => string;
  agents: readonly Actor[];
  supervisors: readonly Actor[];
  customer: Customer;
  merchant: Merchant;
  /** Its date is set to shortly before the claim, so the story is plausible. */
  transaction: Transaction;
  reason: Reason;
  id: string;
  number: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function playScenario(scenario: Scenario, s: ScenarioInput): Written {
  const { rng, now } = s;
  const daysAgo = (min: number, max: number) => now - (min + rng.next() * (max - min)) * DAY;
  const filedAt = {
    payment_new: () => daysAgo(0.05, 2.5),
    delivery_waiting: () => daysAgo(0.1, 6),
    merchant_overdue: () => daysAgo(7.5, 11.5),
    merchant_reminded: () => daysAgo(8.5, 11.5),
    escalated_automatically: () => daysAgo(13, 40),
    escalated_by_customer: () => daysAgo(4, 30),
    awaiting_customer: () => daysAgo(2, 80),
    closing_soon: () => daysAgo(108, 119),
    reopened: () => daysAgo(25, 60),
    closed_by_customer: () => daysAgo(3, 700),
    closed_by_klikpay: () => daysAgo(3, 700),
    closed_for_inactivity: () => daysAgo(125, 700),
  }[scenario]();
  s.transaction.occurredAt = new Date(filedAt - rng.int(1, 25) * DAY - rng.int(0, 20) * HOUR).toISOString();

  const subject: Subject =
    scenario === 'payment_new' || (scenario.startsWith('closed') && rng.chance(0.3)) ? 'payment' : 'delivery';
  const merchantContact: MerchantContact = rng.weighted([
    ['merchant_no_answer', 45],
    ['proposal_unsatisfactory', 25],
    ['not_contacted', 25],
    ['merchant_email_invalid', subject === 'payment' ? 5 : 0],
  ]);
  const customerActor: Actor = { role: 'customer', id: s.customer.id, name: s.customer.name };
  const merchantActor: Actor = { role: 'merchant', id: s.merchant.id, name: s.merchant.name };
  const agent = rng.pick(s.agents);
  const supervisor = rng.pick(s.supervisors);
  const lang = s.customer.language;
  const story = new Story(
    {
      id: s.id,
      reference: `KP-${new Date(filedAt).getUTCFullYear()}-${String(s.number).padStart(6, '0')}`,
      transaction: s.transaction,
      subject,
      reason: s.reason,
      merchantContact,
      description: rng.pick(claims[lang][s.reason]),
      desiredOutcome: rng.weighted([
        ['refund', 50],
        ['partial_refund', 10],
        ['replacement', 15],
        ['delivery', 20],
        ['other', 5],
      ]),
      language: lang,
      merchantEmailValid: s.merchant.emailValid,
    },
    customerActor,
    filedAt,
    s.settings,
    s.newId,
    now,
  );
  const d = () => story.current;
  const after = (from: number, minHours: number, maxHours: number) =>
    from + (minHours + rng.next() * (maxHours - minHours)) * HOUR;
  const merchantAnswer = (at: number) =>
    story.act(at, merchantActor, {
      name: 'merchant.message',
      args: { body: rng.pick(merchantAnswers[s.merchant.language]) },
    });
  const agentReply = (at: number) =>
    story.act(at, agent, {
      name: 'dossier.reply',
      args: { body: rng.pick(agentReplies[lang]), audience: 'customer' },
    });
  const customerReply = (at: number) =>
    story.act(at, customerActor, {
      name: 'customer.message',
      args: { body: rng.pick(customerReplies[lang]) },
    });
  const takeOver = (at: number) => story.act(at, agent, { name: 'dossier.take_over', args: {} });
  const remind = (at: number) => {
    story.act(at, agent, { name: 'dossier.remind_merchant', args: {} });
    story.act(at + 60_000, agent, { name: 'dossier.inform_customer', args: {} });
  };
  const note = (at: number) =>
    story.act(at, agent, { name: 'dossier.note', args: { body: rng.pick(internalNotes) } });

  let t = filedAt;
  const step = (minHours: number, maxHours: number) => (t = after(t, minHours, maxHours));
  if (rng.chance(0.15))
    story.act(step(0.2, 3), agent, {
      name: 'dossier.tag',
      args: { tags: [rng.pick(['urgent', 'transporteur', 'récidive', 'gros montant', 'chargeback'])] },
    });

  switch (scenario) {
    case 'payment_new':
      if (rng.chance(0.5))
        story.act(Math.min(now, step(0.5, 6)), agent, {
          name: 'dossier.assign',
          args: { assigneeId: agent.id },
        });
      break;
    case 'delivery_waiting':
    case 'merchant_overdue':
      if (rng.chance(0.3)) note(Math.min(now, step(1, 24)));
      break;
    case 'merchant_reminded':
      takeOverThenForward();
      remind(after(Date.parse(d().dueAt ?? new Date(now).toISOString()), 1, 18));
      break;
    case 'escalated_automatically':
      remind(after(Date.parse(d().dueAt ?? new Date(now).toISOString()), 1, 20));
      break;
    case 'escalated_by_customer':
      merchantAnswer(step(20, 60));
      story.act(step(4, 48), customerActor, {
        name: 'customer.escalate',
        args: { body: rng.pick(customerReplies[lang]) },
      });
      break;
    case 'awaiting_customer':
      if (d().status === 'awaiting_merchant') merchantAnswer(step(10, 100));
      else agentReply(step(2, 20));
      if (rng.chance(0.3))
        story.act(step(1, 4), agent, {
          name: 'dossier.follow_up',
          args: { until: new Date(t + rng.int(1, 20) * DAY).toISOString() },
        });
      break;
    case 'closing_soon':
      if (d().status === 'awaiting_merchant') merchantAnswer(step(10, 48));
      else agentReply(step(2, 20));
      break;
    case 'reopened':
      conversation();
      story.act(step(24, 72), agent, {
        name: 'dossier.close',
        args: { summary: rng.pick(closingSummaries), outcome: 'refunded' },
      });
      story.act(daysAgo(0.2, 3), supervisor, {
        name: 'dossier.reopen',
        args: { reason: 'Le client indique ne pas avoir été remboursé.' },
      });
      break;
    case 'closed_by_customer':
      conversation();
      story.act(step(24, 200), customerActor, { name: 'customer.resolve', args: {} });
      break;
    case 'closed_by_klikpay':
      conversation();
      story.act(step(24, 200), agent, {
        name: 'dossier.close',
        args: {
          summary: rng.pick(closingSummaries),
          outcome: rng.pick([
            'refunded',
            'partially_refunded',
            'replaced',
            'delivered',
            'claim_unfounded',
          ] as const),
        },
      });
      break;
    case 'closed_for_inactivity':
      if (d().status === 'awaiting_merchant') merchantAnswer(step(10, 100));
      break;
  }
  return story.finish(now);

  function takeOverThenForward(): void {
    if (d().status === 'awaiting_klikpay') {
      takeOver(step(1, 6));
      story.act(step(1, 6), agent, {
        name: 'dossier.forward_to_merchant',
        args: { body: rng.pick(agentReplies[lang]) },
      });
    }
  }

  function conversation(): void {
    if (d().status === 'awaiting_klikpay') {
      takeOver(step(1, 20));
      agentReply(step(1, 6));
    } else {
      merchantAnswer(step(10, 120));
    }
    if (rng.chance(0.35)) customerReply(step(5, 72));
    if (rng.chance(0.25)) note(step(1, 10));
    if (d().status === 'awaiting_merchant') merchantAnswer(step(10, 100));
    else if (d().status === 'awaiting_klikpay') agentReply(step(1, 20));
  }
}
