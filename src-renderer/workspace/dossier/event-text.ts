import type { CommandName } from '../../../src-shared/domain/commands';
import type { ActorRef, AuditEvent } from '../../../src-shared/domain/model';
import { outcomeSchema, statusSchema } from '../../../src-shared/domain/vocabulary';
import type { MessageKey } from '../../i18n/catalogue';
import type { Formatters } from '../../i18n/hooks';
import type { Translate } from '../../i18n/translate';
import { isMutationName, mutationLabelKeys, refusalReasonText } from '../../ui/refusal';

/** An audit event as one line of the timeline: what happened, by whom, in the agent's language. */
export interface EventLine {
  text: string;
  tone: 'plain' | 'rule' | 'closure' | 'refusal';
}

export interface EventWords {
  t: Translate;
  format: Formatters;
  /** Who an actor is: a staff member's name, the customer's or merchant's, or "Klik & Pay (automatic)". */
  actorName: (actor: ActorRef) => string;
  /** A staff member's name from their id. */
  staffName: (id: string) => string;
  inactivityDays: number;
}

const after = (e: AuditEvent, field: string): unknown => e.changes[field]?.after;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Events that only carry a message: the message itself is the record, unless whose move it is changed. */
const carriesMessage = new Set([
  'dossier.reply',
  'dossier.note',
  'dossier.forward_to_merchant',
  'customer.message',
  'merchant.message',
]);

/** The line for an event, or null when the timeline already says it (a message without a move). */
export function describeEvent(e: AuditEvent, w: EventWords): EventLine | null {
  const { t, format } = w;
  const actor = w.actorName(e.actor);
  const status = statusSchema.safeParse(after(e, 'status'));
  const statusNow = status.success ? t('event.statusNow', { status: t(`status.${status.data}`) }) : null;
  const plain = (line: string): EventLine => ({ text: line, tone: 'plain' });
  const withStatus = (line: string): EventLine => plain(statusNow ? `${line} · ${statusNow}` : line);

  switch (e.type) {
    case 'dossier.filed':
      return plain(
        e.data.routedTo === 'awaiting_merchant'
          ? t('event.filedToMerchant', { actor })
          : t('event.filedToKlikpay', { actor }),
      );
    case 'dossier.assign': {
      const assignee = text(after(e, 'assigneeId'));
      return plain(
        assignee
          ? t('event.assigned', { name: w.staffName(assignee), actor })
          : t('event.unassigned', { actor }),
      );
    }
    case 'dossier.take_over':
      return withStatus(t('event.takenOver', { actor }));
    case 'dossier.tag': {
      const tags = after(e, 'tags');
      const list = Array.isArray(tags) ? tags.filter((x): x is string => typeof x === 'string') : [];
      return plain(
        list.length > 0
          ? t('event.tagged', { tags: list.join(', '), actor })
          : t('event.untagged', { actor }),
      );
    }
    case 'dossier.follow_up': {
      const followUps = after(e, 'followUps');
      const own =
        typeof followUps === 'object' && followUps !== null && e.actor.id !== null
          ? text((followUps as Record<string, unknown>)[e.actor.id])
          : null;
      return plain(
        own
          ? t('event.followUpSet', { date: format.date(own), actor })
          : t('event.followUpCleared', { actor }),
      );
    }
    case 'dossier.remind_merchant': {
      const due = text(after(e, 'dueAt'));
      const line = t('event.reminded', { actor });
      return plain(due ? `${line} · ${t('event.newDeadline', { date: format.dateTime(due) })}` : line);
    }
    case 'dossier.inform_customer':
      return plain(t('event.informed', { actor }));
    case 'customer.escalate':
      return withStatus(t('event.escalatedByCustomer'));
    case 'dossier.close': {
      const closure = after(e, 'closure');
      const outcome = outcomeSchema.safeParse(
        typeof closure === 'object' && closure !== null ? (closure as { outcome?: unknown }).outcome : null,
      );
      const line = t('event.closedByKlikpay', { actor });
      return {
        text: outcome.success ? `${line} · ${t(`outcome.${outcome.data}`)}` : line,
        tone: 'closure',
      };
    }
    case 'customer.resolve':
      return { text: t('event.closedByClient'), tone: 'closure' };
    case 'rule.auto_closed':
      return { text: t('event.closedForInactivity', { days: w.inactivityDays }), tone: 'closure' };
    case 'dossier.reopen':
      return {
        text: t('event.reopened', { actor, reason: text(e.data.reason) ?? '' }),
        tone: 'closure',
      };
    case 'rule.merchant_overdue': {
      // With automatic letters the reminder and the rights information went out in the same step.
      const withLetters = e.changes.merchantStage?.after === 'reminded';
      return {
        text: t(withLetters ? 'event.merchantOverdueLetters' : 'event.merchantOverdue'),
        tone: 'rule',
      };
    }
    case 'rule.escalated':
      // Events from before `afterReminder` existed always followed a reminder.
      return {
        text: t(e.data.afterReminder === false ? 'event.escalatedUnreminded' : 'event.escalated'),
        tone: 'rule',
      };
    case 'rule.pre_close_notice':
      return { text: t('event.preCloseNotice'), tone: 'rule' };
    case 'mutation.rejected': {
      const name = e.data.mutation;
      const action = isMutationName(name) ? t(mutationLabelKeys[name]) : t('refusal.change');
      const message = refusalReasonText(t, { message: text(e.data.message) ?? '', details: e.data.details });
      return { text: t('event.rejected', { actor, action, message }), tone: 'refusal' };
    }
    default:
      if (carriesMessage.has(e.type)) return statusNow ? plain(statusNow) : null;
      return withStatus(t('event.other', { type: e.type, actor }));
  }
}

/** The time rules' events (`src-shared/domain/time-rules.ts`). */
type RuleEventType =
  'rule.merchant_overdue' | 'rule.escalated' | 'rule.pre_close_notice' | 'rule.auto_closed';
/** Every event type the rules record: a command's name, a filing, a time rule, a refusal. */
type KnownEventType = CommandName | RuleEventType | 'dossier.filed' | 'mutation.rejected';

/** Each known type's kind, as the audit trail names it (a new command fails the compiler until named). */
const kindKeys = {
  'dossier.filed': 'auditKind.dossier.filed',
  'dossier.assign': 'auditKind.dossier.assign',
  'dossier.take_over': 'auditKind.dossier.take_over',
  'dossier.tag': 'auditKind.dossier.tag',
  'dossier.follow_up': 'auditKind.dossier.follow_up',
  'dossier.remind_merchant': 'auditKind.dossier.remind_merchant',
  'dossier.inform_customer': 'auditKind.dossier.inform_customer',
  'dossier.reply': 'auditKind.dossier.reply',
  'dossier.note': 'auditKind.dossier.note',
  'dossier.forward_to_merchant': 'auditKind.dossier.forward_to_merchant',
  'dossier.close': 'auditKind.dossier.close',
  'dossier.reopen': 'auditKind.dossier.reopen',
  'customer.message': 'auditKind.customer.message',
  'customer.escalate': 'auditKind.customer.escalate',
  'customer.resolve': 'auditKind.customer.resolve',
  'merchant.message': 'auditKind.merchant.message',
  'rule.merchant_overdue': 'auditKind.rule.merchant_overdue',
  'rule.escalated': 'auditKind.rule.escalated',
  'rule.pre_close_notice': 'auditKind.rule.pre_close_notice',
  'rule.auto_closed': 'auditKind.rule.auto_closed',
  'mutation.rejected': 'auditKind.mutation.rejected',
} as const satisfies Record<KnownEventType, MessageKey>;

const isKnownType = (type: string): type is KnownEventType => Object.hasOwn(kindKeys, type);

/** What kind of event it is, in words; a type from a newer server is said as it was recorded. */
export function eventKindText(type: string, t: Translate): string {
  return isKnownType(type) ? t(kindKeys[type]) : type;
}

/**
 * What an event says beyond its changed fields, for the audit trail: where a claim went, why a
 * dossier was reopened, why a change was refused. Null when its fields say it all.
 */
export function eventDetail(e: AuditEvent, t: Translate): string | null {
  switch (e.type) {
    case 'dossier.filed':
      return e.data.routedTo === 'awaiting_merchant'
        ? t('audit.routedToMerchant')
        : e.data.routedTo === 'awaiting_klikpay'
          ? t('audit.routedToKlikpay')
          : null;
    case 'dossier.reopen':
      return text(e.data.reason);
    case 'mutation.rejected': {
      const name = e.data.mutation;
      const action = isMutationName(name) ? t(mutationLabelKeys[name]) : t('refusal.change');
      const message = refusalReasonText(t, { message: text(e.data.message) ?? '', details: e.data.details });
      return t('audit.refusedChange', { action, message });
    }
    default:
      return null;
  }
}
