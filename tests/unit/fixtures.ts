import type { Command } from '../../src-shared/domain/commands';
import type { ClaimFiling } from '../../src-shared/domain/lifecycle';
import { decide, fileClaim } from '../../src-shared/domain/lifecycle';
import type { AuditEvent, Dossier, Message, Transaction } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { defaultSettings } from '../../src-shared/domain/settings';
import type { TemplateFacts, TemplateId } from '../../src-shared/domain/templates';
import { renderTemplate } from '../../src-shared/domain/templates';
import { applyTimeRules } from '../../src-shared/domain/time-rules';
import type { Actor, Decided, Decision } from '../../src-shared/domain/transitions';
import { factsOf } from '../../src-shared/domain/transitions';
import type { Audience, Language, Outcome } from '../../src-shared/domain/vocabulary';

/**
 * Dossiers for the domain's tests, always reached through the real rules (`fileClaim`, `decide`,
 * `applyTimeRules`), never written by hand: every fixture is a state the product can really be in.
 */

export const settings: DisputeSettings = defaultSettings;
/** A department that sends the Good Practices reminder and the rights information by hand. */
export const manualLetters: DisputeSettings = { ...defaultSettings, overdueLetters: 'manual' };
export const timeZone = settings.calendar.timeZone;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An instant from an ISO string (with its offset: `2026-07-13T10:00+02:00` is 10:00 in Paris in summer). */
export const at = (isoString: string): number => {
  const parsed = Date.parse(isoString);
  if (Number.isNaN(parsed)) throw new Error(`not an instant: ${isoString}`);
  return parsed;
};
/** The UTC ISO form the domain stores. */
export const iso = (instant: number): string => new Date(instant).toISOString();

/** Monday 13 July 2026, 10:00 in Paris (the next day, 14 July, is a French public holiday). */
export const MONDAY = at('2026-07-13T10:00:00+02:00');
/** Friday 17 July 2026, 10:00 in Paris. */
export const FRIDAY = at('2026-07-17T10:00:00+02:00');
/** `days` (fractional allowed) after Monday 13 July 2026, 10:00 Paris. */
export const later = (days: number): number => MONDAY + days * DAY;

// ---------------------------------------------------------------------------------------------
// Actors

export const customer: Actor = { role: 'customer', id: 'c-1', name: 'Claire Dumont' };
export const merchant: Actor = { role: 'merchant', id: 'm-1', name: 'La Boutique du Voyageur' };
export const agent: Actor = { role: 'agent', id: 'a1', name: 'Camille Laurent' };
export const agent2: Actor = { role: 'agent', id: 'a2', name: 'James Whitfield' };
export const supervisor: Actor = { role: 'supervisor', id: 's1', name: 'Sophie Marchand' };
export const system: Actor = { role: 'system', id: null, name: 'Klik & Pay' };
export const everyone: readonly Actor[] = [customer, merchant, agent, agent2, supervisor, system];

/** A deterministic id source: `prefix-1`, `prefix-2`, … */
export function ids(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n)}`;
}

// ---------------------------------------------------------------------------------------------
// Transactions and claims

export function transaction(over: Partial<Transaction> = {}): Transaction {
  return {
    id: 't-1',
    amount: 12_990,
    currency: 'EUR',
    occurredAt: '2026-06-20T10:00:00.000Z',
    orderReference: 'BL-204311',
    merchantId: merchant.id ?? 'm-1',
    merchantName: 'La Boutique du Voyageur',
    merchantLanguage: 'fr',
    customerId: customer.id ?? 'c-1',
    customerName: 'Claire Dumont',
    ...over,
  };
}

export interface ClaimOptions extends Partial<ClaimFiling> {
  /** The merchant's language (set on the transaction). */
  merchantLanguage?: Language;
}

export function claim(over: ClaimOptions = {}): ClaimFiling {
  const { merchantLanguage, ...rest } = over;
  const tx = rest.transaction ?? transaction(merchantLanguage ? { merchantLanguage } : {});
  return {
    id: 'd-1',
    reference: 'KP-2026-000123',
    subject: 'delivery',
    reason: 'not_received',
    merchantContact: 'merchant_no_answer',
    description: 'Commande payée le 20 juin, jamais reçue.',
    desiredOutcome: 'delivery',
    language: 'fr',
    merchantEmailValid: true,
    ...rest,
    transaction: tx,
  };
}

export function ok(decided: Decided): Decision {
  if (!decided.ok) throw new Error(`refused (${decided.error.code}): ${decided.error.message}`);
  return decided.value;
}

/** The whole decision of a filing by the customer. */
export function filing(over: ClaimOptions = {}, now = MONDAY, s = settings): Decision {
  return ok(fileClaim(claim(over), { now, settings: s, actor: customer, newId: ids('f') }));
}

/** A dossier just filed by the customer (delivery, merchant reachable, by default: awaiting the merchant). */
export function file(over: ClaimOptions = {}, now = MONDAY, s = settings): Dossier {
  return filing(over, now, s).dossier;
}

// ---------------------------------------------------------------------------------------------
// Commands

export const cmd = {
  customerMessage: (body = 'Toujours rien reçu.'): Command => ({ name: 'customer.message', args: { body } }),
  escalate: (body?: string): Command => ({
    name: 'customer.escalate',
    args: body === undefined ? {} : { body },
  }),
  resolve: (): Command => ({ name: 'customer.resolve', args: {} }),
  merchantMessage: (body = 'Colis renvoyé ce jour.'): Command => ({
    name: 'merchant.message',
    args: { body },
  }),
  reply: (audience: Exclude<Audience, 'internal'>, body = 'Nous revenons vers vous.'): Command => ({
    name: 'dossier.reply',
    args: { body, audience },
  }),
  note: (body = 'Marchand déjà signalé.'): Command => ({ name: 'dossier.note', args: { body } }),
  remind: (body?: string): Command => ({
    name: 'dossier.remind_merchant',
    args: body === undefined ? {} : { body },
  }),
  inform: (body?: string): Command => ({
    name: 'dossier.inform_customer',
    args: body === undefined ? {} : { body },
  }),
  forward: (body = 'Merci de répondre au client.'): Command => ({
    name: 'dossier.forward_to_merchant',
    args: { body },
  }),
  takeOver: (): Command => ({ name: 'dossier.take_over', args: {} }),
  assign: (assigneeId: string | null): Command => ({ name: 'dossier.assign', args: { assigneeId } }),
  tag: (tags: string[]): Command => ({ name: 'dossier.tag', args: { tags } }),
  followUp: (until: number | null): Command => ({
    name: 'dossier.follow_up',
    args: { until: until === null ? null : iso(until) },
  }),
  close: (summary = 'Remboursement confirmé par le marchand.', outcome?: Outcome): Command => ({
    name: 'dossier.close',
    args: outcome === undefined ? { summary } : { summary, outcome },
  }),
  reopen: (reason = 'Le client indique ne pas avoir été remboursé.'): Command => ({
    name: 'dossier.reopen',
    args: { reason },
  }),
};

/** One command, as the rules see it (no time rules caught up). */
export function run(
  d: Dossier,
  actor: Actor,
  command: Command,
  now: number,
  newId: () => string = ids('r'),
  s = settings,
): Decided {
  return decide(d, command, { now, settings: s, actor, newId });
}

/** Runs a command that must be accepted, and returns its decision. */
export function step(d: Dossier, actor: Actor, command: Command, now: number, s = settings): Decision {
  return ok(run(d, actor, command, now, ids('r'), s));
}

/** Runs a command that must be refused, and returns the refusal. */
export function refusal(d: Dossier, actor: Actor, command: Command, now: number) {
  const decided = run(d, actor, command, now);
  if (decided.ok) throw new Error(`accepted, but expected a refusal: ${command.name}`);
  return decided.error;
}

/** The time rules up to `now`. */
export const tick = (d: Dossier, now: number, s = settings, newId: () => string = ids('t')): Decision =>
  applyTimeRules(d, now, s, newId);

// ---------------------------------------------------------------------------------------------
// Histories

/** A step of a history: a command by an actor at an instant, or only time passing. */
export type Move = { at: number; by: Actor; do: Command } | { at: number; wait: true };

export interface History extends Decision {
  /** The decisions of the history, in order (time rules then command, per move). */
  decisions: Decision[];
}

/**
 * Plays moves in order as the server does: the time rules are caught up to each move's instant,
 * then its command runs. Every command must be accepted (a refusal throws: the fixture is wrong).
 */
export function play(start: Dossier, moves: readonly Move[], s = settings): History {
  const newId = ids('h');
  const history: History = { dossier: start, messages: [], events: [], decisions: [] };
  const keep = (decision: Decision) => {
    history.dossier = decision.dossier;
    history.messages.push(...decision.messages);
    history.events.push(...decision.events);
    history.decisions.push(decision);
  };
  for (const move of moves) {
    keep(applyTimeRules(history.dossier, move.at, s, newId));
    if ('by' in move) {
      const decided = decide(history.dossier, move.do, { now: move.at, settings: s, actor: move.by, newId });
      if (!decided.ok) {
        throw new Error(
          `${move.do.name} by ${move.by.role} at ${iso(move.at)} refused (${decided.error.code}): ${decided.error.message}`,
        );
      }
      keep(decided.value);
    }
  }
  return history;
}

/** Files a claim on Monday 13 July 2026 10:00 Paris, then plays the moves. */
export function story(over: ClaimOptions, moves: readonly Move[], s = settings): Dossier {
  return play(file(over, MONDAY, s), moves, s).dossier;
}

// ---------------------------------------------------------------------------------------------
// Reachable states, one per situation of docs/product.md (Lifecycle)

export const states = {
  /** A payment claim: Klik & Pay's move, unassigned. */
  klikpay: (): Dossier => file({ subject: 'payment' }),
  /** Escalated by the customer after the merchant's answer. */
  escalated: (): Dossier =>
    story({}, [
      { at: later(1), by: merchant, do: cmd.merchantMessage('Proposition : un avoir de 10 €.') },
      { at: later(2), by: customer, do: cmd.escalate('Proposition insuffisante.') },
    ]),
  /** A delivery claim forwarded to the merchant, within its deadline. */
  merchantAnswerDue: (): Dossier => file(),
  /**
   * The merchant missed its 7 days (Monday 20 July 10:00) and the department sends its letters by
   * hand: the scheduler recorded it overdue, nothing was sent yet.
   */
  merchantOverdue: (): Dossier => story({}, [{ at: later(7.5), wait: true }], manualLetters),
  /**
   * The merchant missed its 7 days: at that instant the Good Practices reminder (a new deadline,
   * 5 days later: Saturday 25 July 10:00) and the rights information went out by themselves.
   */
  merchantReminded: (): Dossier => story({}, [{ at: later(7.5), wait: true }]),
  /** The department sends its letters by hand: an agent reminded the overdue merchant at 20:00. */
  merchantRemindedByHand: (): Dossier =>
    story(
      {},
      [
        { at: later(7.4), wait: true },
        { at: later(7.5), by: agent, do: cmd.remind() },
      ],
      manualLetters,
    ),
  /** The merchant answered: the customer's move, the merchant answered last. */
  customerAfterMerchant: (): Dossier =>
    story({}, [{ at: later(1), by: merchant, do: cmd.merchantMessage() }]),
  /** Klik & Pay answered a payment claim: the customer's move, Klik & Pay answered last. */
  customerAfterKlikpay: (): Dossier =>
    story({ subject: 'payment' }, [{ at: later(0.5), by: agent, do: cmd.reply('customer') }]),
  /** Closed by an agent with a resolution summary. */
  closed: (): Dossier => story({}, [{ at: later(2), by: agent, do: cmd.close() }]),
  /** Closed by the customer. */
  closedByClient: (): Dossier => story({}, [{ at: later(2), by: customer, do: cmd.resolve() }]),
  /** Closed by the inactivity rule. */
  closedForInactivity: (): Dossier =>
    story({}, [
      { at: later(1), by: merchant, do: cmd.merchantMessage() },
      { at: later(200), wait: true },
    ]),
};
export type StateName = keyof typeof states;

// ---------------------------------------------------------------------------------------------
// Expectations helpers

/** The letter the rules should have written, rendered independently from the dossier it describes. */
export const letter = (
  id: TemplateId,
  d: Dossier,
  language: Language,
  extra: Partial<TemplateFacts> = {},
): string => renderTemplate(id, { ...factsOf(d, language, settings), ...extra });

/** The fields of the dossier that differ, as the audit trail should record them. */
export function changedFields(before: Dossier, after: Dossier): AuditEvent['changes'] {
  const changes: AuditEvent['changes'] = {};
  for (const key of Object.keys(after) as (keyof Dossier)[]) {
    if (key === 'updatedAt' || key === 'version') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes[key] = { before: before[key], after: after[key] };
    }
  }
  return changes;
}

export const summaryOf = (m: Message) => [m.author.role, m.audience, m.kind] as const;

/** Freezes a value deeply: a rule that changes its input in place then throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
