import type { z } from 'zod';
import type { ActorRef, Dossier } from '../../../src-shared/domain/model';
import { actorRefSchema, transactionSchema } from '../../../src-shared/domain/model';
import {
  closureReasonSchema,
  desiredOutcomeSchema,
  languageSchema,
  merchantContactSchema,
  merchantStageSchema,
  outcomeSchema,
  reasonSchema,
  statusSchema,
  subjectSchema,
} from '../../../src-shared/domain/vocabulary';
import type { MessageKey } from '../../i18n/catalogue';
import type { Formatters } from '../../i18n/hooks';
import type { Translate } from '../../i18n/translate';

/**
 * The audit trail's before → after values in words: a dossier field's name as the agent knows it,
 * and each value as the screens show it (instants as dates in the agent's zone, vocabularies by
 * their labels, staff by name). Always plain text: React writes it as text, never as HTML.
 */

/** What is written for "no value" (null, nothing, an empty list), in every language. */
export const noValue = '—';

/** How long a text value may be in a cell; the whole text is its title. */
const shownChars = 140;

type FieldKind =
  | 'text'
  | 'number'
  | 'instant'
  | 'status'
  | 'subject'
  | 'reason'
  | 'merchantContact'
  | 'desiredOutcome'
  | 'language'
  | 'merchantStage'
  | 'lastAnswerBy'
  | 'staff'
  | 'list'
  | 'followUps'
  | 'closure'
  | 'transaction';

/** Every field of a dossier, named and typed (a new field fails the compiler until it is named here). */
const fields = {
  id: ['auditField.id', 'text'],
  reference: ['auditField.reference', 'text'],
  status: ['auditField.status', 'status'],
  subject: ['auditField.subject', 'subject'],
  reason: ['auditField.reason', 'reason'],
  merchantContact: ['auditField.merchantContact', 'merchantContact'],
  description: ['auditField.description', 'text'],
  desiredOutcome: ['auditField.desiredOutcome', 'desiredOutcome'],
  language: ['auditField.language', 'language'],
  transaction: ['auditField.transaction', 'transaction'],
  assigneeId: ['auditField.assigneeId', 'staff'],
  tags: ['auditField.tags', 'list'],
  dueAt: ['auditField.dueAt', 'instant'],
  merchantStage: ['auditField.merchantStage', 'merchantStage'],
  lastAnswerBy: ['auditField.lastAnswerBy', 'lastAnswerBy'],
  escalatedAt: ['auditField.escalatedAt', 'instant'],
  remindedAt: ['auditField.remindedAt', 'instant'],
  customerInformedAt: ['auditField.customerInformedAt', 'instant'],
  firstResponseAt: ['auditField.firstResponseAt', 'instant'],
  lastCommunicationAt: ['auditField.lastCommunicationAt', 'instant'],
  reopenedAt: ['auditField.reopenedAt', 'instant'],
  autoCloseAt: ['auditField.autoCloseAt', 'instant'],
  preCloseNoticeAt: ['auditField.preCloseNoticeAt', 'instant'],
  closure: ['auditField.closure', 'closure'],
  followUps: ['auditField.followUps', 'followUps'],
  createdAt: ['auditField.createdAt', 'instant'],
  updatedAt: ['auditField.updatedAt', 'instant'],
  version: ['auditField.version', 'number'],
} as const satisfies Record<keyof Dossier, readonly [MessageKey, FieldKind]>;

type KnownField = keyof typeof fields;
const isKnownField = (field: string): field is KnownField => Object.hasOwn(fields, field);

export interface ValueWords {
  t: Translate;
  format: Formatters;
  /** A staff member's name from their id (from the cache's users, read once). */
  staffName: (id: string) => string;
  /** Who an actor is, as the audit trail's "who" says it. */
  actorName: (actor: ActorRef) => string;
}

/** A field's name in words; a field from a newer server is shown as it was recorded. */
export function fieldLabel(field: string, t: Translate): string {
  return isKnownField(field) ? t(fields[field][0]) : field;
}

/** A value as shown, and, when it was cut to fit, the whole of it. */
export interface ShownValue {
  text: string;
  full?: string;
}

/** One value of a field, in words. */
export function fieldValue(field: string, value: unknown, w: ValueWords): ShownValue {
  const words = isKnownField(field) ? inWords(fields[field][1], value, w) : null;
  return fitted(words ?? compact(value, w));
}

function fitted(text: string): ShownValue {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return { text: noValue };
  if (flat.length <= shownChars) return { text: flat };
  return { text: `${cutHere(flat, shownChars)}…`, full: text };
}

/** Cuts without leaving half of a surrogate pair. */
const cutHere = (s: string, max: number): string =>
  s.slice(0, /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max);

/** A label of a closed vocabulary, or null when the value is not one of its words. */
function label<V extends string>(
  schema: z.ZodType<V>,
  value: unknown,
  say: (word: V) => string,
): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? say(parsed.data) : null;
}

function instant(value: unknown, format: Formatters): string | null {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? format.dateTime(value) : null;
}

/** The value in the words of its field's kind; null when it is not of that kind (a newer server's). */
function inWords(kind: FieldKind, value: unknown, w: ValueWords): string | null {
  const { t, format } = w;
  if (value === null || value === undefined) return noValue;
  switch (kind) {
    case 'text':
    case 'number':
      return null;
    case 'instant':
      return instant(value, format);
    case 'status':
      return label(statusSchema, value, (s) => t(`status.${s}`));
    case 'subject':
      return label(subjectSchema, value, (s) => t(`subject.${s}`));
    case 'reason':
      return label(reasonSchema, value, (s) => t(`reason.${s}`));
    case 'merchantContact':
      return label(merchantContactSchema, value, (s) => t(`merchantContact.${s}`));
    case 'desiredOutcome':
      return label(desiredOutcomeSchema, value, (s) => t(`desiredOutcome.${s}`));
    case 'language':
      return label(languageSchema, value, (s) => t(`language.${s}`));
    case 'merchantStage':
      return label(merchantStageSchema, value, (s) => t(`merchantStage.${s}`));
    case 'lastAnswerBy':
      return value === 'klikpay' ? t('audit.klikpay') : value === 'merchant' ? t('actor.merchant') : null;
    case 'staff':
      return typeof value === 'string' ? w.staffName(value) : null;
    case 'list':
      return Array.isArray(value) ? listText(value.map((item) => compact(item, w))) : null;
    case 'followUps':
      return followUpsText(value, w);
    case 'closure':
      return closureText(value, w);
    case 'transaction':
      return transactionText(value, w);
  }
}

const listText = (items: readonly string[]): string => (items.length === 0 ? noValue : items.join(', '));

/** Follow-up dates by agent: "Camille Laurent: 12 Mar 2026, 09:00". */
function followUpsText(value: unknown, w: ValueWords): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return listText(
    Object.entries(value).map(([id, at]) => `${w.staffName(id)}: ${instant(at, w.format) ?? compact(at, w)}`),
  );
}

/** "Resolved by Klik & Pay · Refunded · by Sophie Marchand · Refund confirmed by the merchant." */
function closureText(value: unknown, w: ValueWords): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const c = value as Record<string, unknown>;
  const by = actorRefSchema.safeParse(c.by);
  const parts = [
    label(closureReasonSchema, c.reason, (r) => w.t(`closureReason.${r}`)),
    label(outcomeSchema, c.outcome, (o) => w.t(`outcome.${o}`)),
    by.success ? w.t('audit.by', { name: w.actorName(by.data) }) : null,
    typeof c.summary === 'string' && c.summary !== '' ? c.summary : null,
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** "€129.90 · BL-204311 · 20 Jun 2026 · La Boutique du Voyageur → Claire Dumont". */
function transactionText(value: unknown, w: ValueWords): string | null {
  const tx = transactionSchema.safeParse(value);
  if (!tx.success) return null;
  const { amount, currency, orderReference, occurredAt, merchantName, customerName } = tx.data;
  return [
    w.format.amount(amount, currency),
    orderReference,
    w.format.date(occurredAt),
    `${merchantName} → ${customerName}`,
  ].join(' · ');
}

/** Any JSON value as short text: lists joined, objects as "key: value" pairs, two levels deep. */
export function compact(value: unknown, w: Pick<ValueWords, 't' | 'format'>, depth = 0): string {
  if (value === null || value === undefined) return noValue;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return w.format.number(value);
  if (typeof value === 'boolean') return w.t(value ? 'audit.yes' : 'audit.no');
  if (depth >= 2) return '…';
  if (Array.isArray(value)) {
    return value.length === 0 ? noValue : `[${value.map((v) => compact(v, w, depth + 1)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return noValue;
    return `{ ${entries.map(([k, v]) => `${k}: ${compact(v, w, depth + 1)}`).join(', ')} }`;
  }
  // Not a JSON value (stored events are JSON): nothing to say.
  return noValue;
}
