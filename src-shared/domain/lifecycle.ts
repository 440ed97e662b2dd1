import type { Command } from './commands';
import { commandRoles } from './commands';
import type { Attachment, Dossier, Transaction } from './model';
import { limits } from './model';
import { isMerchantOverdue } from './queues';
import { iso, ms, reminderDueAt } from './settings';
import type { Decided, RuleContext } from './transitions';
import { Draft, refuse, systemActor } from './transitions';
import type { DesiredOutcome, Language, MerchantContact, Reason, Subject } from './vocabulary';

/**
 * The dossier lifecycle of docs/product.md (Lifecycle) as pure functions:
 * (dossier, command, now, settings) -> new dossier + audit events + messages, or a refusal a person
 * can read. The server applies it as the authority; the desktop applies it optimistically.
 */

export interface ClaimFiling {
  id: string;
  reference: string;
  transaction: Transaction;
  subject: Subject;
  reason: Reason;
  merchantContact: MerchantContact;
  description: string;
  desiredOutcome: DesiredOutcome | null;
  language: Language;
  /** False when mail to the merchant bounces: the claim cannot be forwarded to it. */
  merchantEmailValid: boolean;
  attachments?: readonly Attachment[];
}

/**
 * Where a new claim goes: a delivery claim to the merchant, when the merchant can be reached;
 * payment claims, and claims on a merchant whose e-mail bounces (known, or said by the customer), to Klik & Pay.
 */
export const claimGoesToMerchant = (
  claim: Pick<ClaimFiling, 'subject' | 'merchantContact' | 'merchantEmailValid'>,
): boolean =>
  claim.subject === 'delivery' &&
  claim.merchantEmailValid &&
  claim.merchantContact !== 'merchant_email_invalid';

/** Files a claim and routes it (`claimGoesToMerchant`). */
export function fileClaim(claim: ClaimFiling, ctx: RuleContext): Decided {
  if (ctx.actor.role !== 'customer') return refuse('forbidden', { reason: 'customer_only' });
  const at = iso(ctx.now);
  const blank: Dossier = {
    id: claim.id,
    reference: claim.reference,
    status: 'awaiting_klikpay',
    subject: claim.subject,
    reason: claim.reason,
    merchantContact: claim.merchantContact,
    description: claim.description,
    desiredOutcome: claim.desiredOutcome,
    language: claim.language,
    transaction: claim.transaction,
    assigneeId: null,
    tags: [],
    dueAt: null,
    merchantStage: null,
    lastAnswerBy: null,
    escalatedAt: null,
    remindedAt: null,
    customerInformedAt: null,
    firstResponseAt: null,
    lastCommunicationAt: at,
    reopenedAt: null,
    autoCloseAt: null,
    preCloseNoticeAt: null,
    closure: null,
    followUps: {},
    createdAt: at,
    updatedAt: at,
    version: 0,
  };
  const draft = new Draft(blank, ctx.settings, ctx.newId);
  if (claimGoesToMerchant(claim)) draft.toMerchant(ctx.now);
  else draft.toKlikpay(ctx.now);
  draft.addMessage(ctx.actor, 'both', 'claim', claim.description, ctx.now, claim.attachments);
  draft.restartInactivityClock();
  draft.addMessage(
    systemActor,
    'customer',
    'notice',
    draft.letter('filing_acknowledgement', claim.language),
    ctx.now,
  );
  if (draft.dossier.status === 'awaiting_merchant') {
    const letter = draft.letter('merchant_forward', claim.transaction.merchantLanguage);
    draft.addMessage(systemActor, 'merchant', 'notice', letter, ctx.now);
  }
  const decision = draft.finish('dossier.filed', ctx.actor, ctx.now, { routedTo: draft.dossier.status });
  // The filing is the dossier's first version; `finish` counted it as a change to the blank.
  return { ok: true, value: { ...decision, dossier: { ...decision.dossier, version: 1 } } };
}

const closedRefusal = (d: Dossier): Decided => refuse('conflict', { reason: 'dossier_closed' }, d.reference);

/** One file listed twice in a message: it is stored once, under its id, and bound to one message. */
function listedTwice(attachments: readonly Attachment[] | undefined, d: Dossier): Decided | null {
  const seen = new Set<string>();
  for (const { id } of attachments ?? []) {
    if (seen.has(id))
      return refuse('invalid_request', { reason: 'duplicate_attachment', attachmentId: id }, d.reference);
    seen.add(id);
  }
  return null;
}

export function decide(d: Dossier, cmd: Command, ctx: RuleContext): Decided {
  const { actor, now } = ctx;
  if (!commandRoles[cmd.name].includes(actor.role)) {
    return refuse('forbidden', { reason: 'role_cannot', role: actor.role, command: cmd.name });
  }
  const open = d.status !== 'closed';
  const draft = new Draft(d, ctx.settings, ctx.newId);
  const x = draft.dossier;
  const done = (data: Record<string, unknown> = {}): Decided => ({
    ok: true,
    value: draft.finish(cmd.name, actor, now, data),
  });

  switch (cmd.name) {
    case 'customer.message': {
      if (!open) return closedRefusal(d);
      const twice = listedTwice(cmd.args.attachments, d);
      if (twice) return twice;
      draft.addMessage(actor, 'both', 'message', cmd.args.body, now, cmd.args.attachments);
      if (d.status === 'awaiting_customer') {
        if (d.lastAnswerBy === 'merchant') draft.toMerchant(now);
        else draft.toKlikpay(now);
      }
      return done();
    }
    case 'customer.escalate': {
      if (!open) return closedRefusal(d);
      if (d.status === 'awaiting_klikpay') {
        return refuse('conflict', { reason: 'already_in_hand' }, d.reference);
      }
      if (cmd.args.body !== undefined) draft.addMessage(actor, 'both', 'message', cmd.args.body, now);
      draft.toKlikpay(now);
      x.escalatedAt = iso(now);
      return done({ escalatedBy: 'customer' });
    }
    case 'customer.resolve': {
      if (!open) return closedRefusal(d);
      draft.close({
        reason: 'resolved_by_client',
        outcome: null,
        summary: null,
        at: iso(now),
        by: ref(actor),
      });
      draft.notifyBoth('closure_notice', now);
      return done();
    }
    case 'merchant.message': {
      if (!open) return closedRefusal(d);
      const { proposal } = cmd.args;
      const twice = listedTwice(cmd.args.attachments, d);
      if (twice) return twice;
      if (proposal?.amount != null && proposal.amount >= d.transaction.amount) {
        return refuse('invalid_request', { reason: 'proposal_exceeds_amount' }, d.reference);
      }
      draft.addMessage(actor, 'both', 'message', cmd.args.body, now, cmd.args.attachments, proposal);
      // Whoever wrote to the customer last answered last: the customer's next message goes to them.
      if (d.status === 'awaiting_merchant') draft.toCustomer('merchant');
      else x.lastAnswerBy = 'merchant';
      return done();
    }
    case 'dossier.reply': {
      if (!open) return closedRefusal(d);
      const { body, audience, attachments } = cmd.args;
      const twice = listedTwice(attachments, d);
      if (twice) return twice;
      if (audience === 'merchant') {
        draft.addMessage(actor, 'merchant', 'forward', body, now, attachments);
        draft.toMerchant(now);
      } else {
        draft.addMessage(actor, audience, 'message', body, now, attachments);
        draft.toCustomer('klikpay');
      }
      return done();
    }
    case 'dossier.note': {
      draft.addMessage(actor, 'internal', 'note', cmd.args.body, now);
      return done();
    }
    case 'dossier.remind_merchant': {
      if (!open) return closedRefusal(d);
      if (d.status !== 'awaiting_merchant') {
        return refuse('conflict', { reason: 'not_awaiting_merchant' }, d.reference);
      }
      // A formal step after a missed deadline, never before it.
      if (!isMerchantOverdue(d, now)) return refuse('conflict', { reason: 'merchant_not_late' }, d.reference);
      // Once per missed deadline: a second reminder repeats the letter, not the 5 days.
      if (d.merchantStage !== 'reminded') {
        x.merchantStage = 'reminded';
        x.remindedAt = iso(now);
        x.dueAt = reminderDueAt(now, ctx.settings);
      }
      const body = cmd.args.body ?? draft.letter('good_practices_reminder', d.transaction.merchantLanguage);
      draft.addMessage(actor, 'merchant', 'good_practices_reminder', body, now);
      return done();
    }
    case 'dossier.inform_customer': {
      if (!open) return closedRefusal(d);
      x.customerInformedAt = iso(now);
      const body = cmd.args.body ?? draft.letter('rights_information', d.language);
      draft.addMessage(actor, 'customer', 'rights_information', body, now);
      return done();
    }
    case 'dossier.forward_to_merchant': {
      if (!open) return closedRefusal(d);
      const twice = listedTwice(cmd.args.attachments, d);
      if (twice) return twice;
      draft.addMessage(actor, 'merchant', 'forward', cmd.args.body, now, cmd.args.attachments);
      draft.toMerchant(now);
      return done();
    }
    case 'dossier.take_over': {
      if (!open) return closedRefusal(d);
      if (d.status === 'awaiting_klikpay' && d.assigneeId === actor.id) {
        return refuse('conflict', { reason: 'already_yours' }, d.reference);
      }
      // Taking over assigns the dossier to oneself: reassigning another agent's dossier is a supervisor's call.
      if (actor.role === 'agent' && d.assigneeId !== null && d.assigneeId !== actor.id) {
        return refuse('forbidden', { reason: 'assigned_to_another' }, d.reference);
      }
      x.assigneeId = actor.id;
      draft.toKlikpay(now);
      return done();
    }
    case 'dossier.assign': {
      const current = d.assigneeId;
      if (actor.role === 'agent' && current !== null && current !== actor.id) {
        return refuse('forbidden', { reason: 'assigned_to_another' }, d.reference);
      }
      x.assigneeId = cmd.args.assigneeId;
      return done();
    }
    case 'dossier.tag': {
      const { tags, add = [], remove = [] } = cmd.args;
      const next = new Set([...(tags ?? d.tags), ...add]);
      for (const tag of remove) next.delete(tag);
      if (next.size > limits.tags) return refuse('invalid_request', { reason: 'too_many_tags' }, d.reference);
      x.tags = [...next].sort();
      return done();
    }
    case 'dossier.follow_up': {
      const key = actor.id ?? 'unknown';
      const { until } = cmd.args;
      if (until === null) {
        x.followUps = Object.fromEntries(Object.entries(x.followUps).filter(([agent]) => agent !== key));
        return done();
      }
      if (!open) return closedRefusal(d);
      if (ms(until) <= now) return refuse('invalid_request', { reason: 'follow_up_past' });
      x.followUps[key] = iso(ms(until));
      return done();
    }
    case 'dossier.close': {
      if (!open) return refuse('conflict', { reason: 'already_closed' }, d.reference);
      const { summary, outcome } = cmd.args;
      draft.close({
        reason: 'resolved_by_klikpay',
        outcome: outcome ?? null,
        summary,
        at: iso(now),
        by: ref(actor),
      });
      draft.notifyBoth('closure_notice', now);
      return done();
    }
    case 'dossier.reopen': {
      if (open) return refuse('conflict', { reason: 'not_closed' }, d.reference);
      if (ctx.openOnTransaction) {
        const details = {
          reason: 'transaction_has_open_dossier',
          otherReference: ctx.openOnTransaction,
        } as const;
        return refuse('conflict', details, d.reference);
      }
      x.closure = null;
      x.reopenedAt = iso(now);
      // Follow-ups end at the closure; one left on a dossier closed before that rule is ended here.
      x.followUps = {};
      draft.toKlikpay(now);
      draft.restartInactivityClock();
      draft.notifyBoth('reopen_notice', now);
      return done({ reason: cmd.args.reason, previousClosure: d.closure });
    }
  }
}

const ref = (a: { role: RuleContext['actor']['role']; id: string | null }) => ({ role: a.role, id: a.id });
