import type { Attachment, AuditEvent, Closure, Dossier, Message, Proposal } from './model';
import type { RefusalDetails } from './refusals';
import { refusalText } from './refusals';
import type { DisputeSettings } from './settings';
import { autoCloseAtFor, iso, klikpayDueAt, merchantDueAt, preCloseNoticeFrom } from './settings';
import type { MerchantState, TemplateFacts, TemplateId } from './templates';
import { renderTemplate } from './templates';
import type { ActorRole, Audience, Language, MessageKind } from './vocabulary';
import { reachesParty } from './vocabulary';

/** The shared moves of the lifecycle, applied to a draft that becomes one decision. */

export interface Actor {
  role: ActorRole;
  id: string | null;
  name: string;
}
export const systemActor: Actor = { role: 'system', id: null, name: 'Klik & Pay' };

export interface RuleContext {
  now: number;
  settings: DisputeSettings;
  actor: Actor;
  /** Ids for new messages and events: random on the server, local ids in the desktop's optimistic copy. */
  newId: () => string;
  /**
   * The reference of another open dossier on the same transaction, when there is one (one open
   * dossier per transaction: a reopening waits for it). Undefined when the caller does not know —
   * the server always looks it up before a reopening.
   */
  openOnTransaction?: string | null;
}

export interface Decision {
  dossier: Dossier;
  messages: Message[];
  events: AuditEvent[];
}

export type RefusalCode = 'conflict' | 'forbidden' | 'invalid_request';
export interface Refusal {
  code: RefusalCode;
  /** In English, for the API's callers and logs. */
  message: string;
  /**
   * The reason as a word of the shared vocabulary, for clients to say in their user's language
   * (the rules always give one; a refusal of malformed input has none).
   */
  details?: RefusalDetails;
}
export type Decided = { ok: true; value: Decision } | { ok: false; error: Refusal };

export const refuse = (code: RefusalCode, details: RefusalDetails, reference = ''): Decided => ({
  ok: false,
  error: { code, message: refusalText(details, reference), details },
});

/** Fields whose change is bookkeeping, not news: left out of the audit trail's before/after. */
const unaudited = new Set<keyof Dossier>(['updatedAt', 'version']);

export class Draft {
  readonly dossier: Dossier;
  readonly messages: Message[] = [];
  private readonly before: Dossier;

  constructor(
    original: Dossier,
    private readonly settings: DisputeSettings,
    private readonly newId: () => string,
  ) {
    this.before = original;
    // Nested values are replaced, never changed in place — but for follow-ups, copied here.
    this.dossier = { ...original, followUps: { ...original.followUps } };
  }

  toKlikpay(at: number): void {
    const d = this.dossier;
    // Taking the move starts Klik & Pay's clock; keeping it (a take-over, a second escalation) does not restart it.
    if (d.status !== 'awaiting_klikpay' || d.dueAt === null) d.dueAt = klikpayDueAt(at, this.settings);
    d.status = 'awaiting_klikpay';
    d.merchantStage = null;
  }

  toMerchant(at: number): void {
    const d = this.dossier;
    d.status = 'awaiting_merchant';
    d.merchantStage = 'answer_due';
    d.dueAt = merchantDueAt(at, this.settings);
    d.escalatedAt = null;
  }

  toCustomer(answeredBy: 'klikpay' | 'merchant'): void {
    const d = this.dossier;
    d.status = 'awaiting_customer';
    d.lastAnswerBy = answeredBy;
    d.dueAt = null;
    d.merchantStage = null;
    d.escalatedAt = null;
  }

  close(closure: Closure): void {
    const d = this.dossier;
    d.status = 'closed';
    d.closure = closure;
    d.dueAt = null;
    d.merchantStage = null;
    d.escalatedAt = null;
    d.autoCloseAt = null;
    d.preCloseNoticeAt = null;
    // A follow-up ends with the dossier: nobody follows up a closed dossier, and a reopening starts afresh.
    d.followUps = {};
  }

  /** Restarts the inactivity clock from `at` (a communication or a reopening). */
  restartInactivityClock(): void {
    const d = this.dossier;
    d.preCloseNoticeAt = null;
    d.autoCloseAt = autoCloseAtFor(d, this.settings);
  }

  addMessage(
    author: Actor,
    audience: Audience,
    kind: MessageKind,
    body: string,
    at: number,
    attachments: readonly Attachment[] = [],
    proposal?: Proposal,
  ): Message {
    const d = this.dossier;
    const message: Message = {
      id: this.newId(),
      dossierId: d.id,
      author: { role: author.role, id: author.id, name: author.name },
      audience,
      kind,
      body,
      attachments: [...attachments],
      ...(proposal ? { proposal } : {}),
      createdAt: iso(at),
    };
    this.messages.push(message);
    // Communication is what passes between the parties through Klik & Pay: internal notes and the
    // system's own notices do not keep a dossier alive; its letters (the Good Practices reminder and
    // the rights information, sent by themselves when a merchant is late) do.
    const letter = kind === 'good_practices_reminder' || kind === 'rights_information';
    if (reachesParty(audience) && (author.role !== 'system' || letter)) {
      // The last communication never moves back (an offline action replayed, a skewed clock).
      d.lastCommunicationAt = iso(Math.max(at, Date.parse(d.lastCommunicationAt)));
      if (d.status !== 'closed') this.restartInactivityClock();
      // Time to first reply measures people: an automatic letter is not Klik & Pay replying.
      if (d.firstResponseAt === null && author.role !== 'customer' && author.role !== 'system') {
        d.firstResponseAt = iso(at);
      }
    }
    return message;
  }

  /** A system notice to each party, each in its own language. */
  notifyBoth(
    template:
      'closure_notice' | 'reopen_notice' | 'pre_close_notice' | 'auto_close_notice' | 'escalation_notice',
    at: number,
    extra: Partial<TemplateFacts> = {},
  ): void {
    const d = this.dossier;
    this.addMessage(systemActor, 'customer', 'notice', this.letter(template, d.language, extra), at);
    this.addMessage(
      systemActor,
      'merchant',
      'notice',
      this.letter(template, d.transaction.merchantLanguage, extra),
      at,
    );
  }

  letter(id: TemplateId, language: Language, extra: Partial<TemplateFacts> = {}): string {
    return renderTemplate(id, { ...factsOf(this.dossier, language, this.settings), ...extra });
  }

  /**
   * When the move changes hands with the auto-close already near (or past), the parties still get
   * the whole pre-close notice period: the dossier never closes the moment it changes hands.
   */
  keepNoticePeriod(at: number): void {
    const d = this.dossier;
    if (d.autoCloseAt === null || preCloseNoticeFrom(d.autoCloseAt, this.settings) >= at) return;
    d.autoCloseAt = iso(at + this.settings.preCloseNoticeDays * 86_400_000);
    d.preCloseNoticeAt = null;
  }

  /** Seals the draft into a decision with one audit event, or none when nothing changed. */
  finish(type: string, actor: Actor, at: number, data: Record<string, unknown> = {}): Decision {
    const changes: AuditEvent['changes'] = {};
    for (const key of Object.keys(this.dossier) as (keyof Dossier)[]) {
      if (unaudited.has(key)) continue;
      const before = this.before[key];
      const after = this.dossier[key];
      if (!sameValue(before, after)) changes[key] = { before, after };
    }
    const changed = Object.keys(changes).length > 0 || this.messages.length > 0;
    if (!changed) return { dossier: this.before, messages: [], events: [] };
    this.dossier.updatedAt = iso(Math.max(at, Date.parse(this.before.updatedAt)));
    this.dossier.version = this.before.version + 1;
    const event: AuditEvent = {
      id: this.newId(),
      dossierId: this.dossier.id,
      type,
      actor: { role: actor.role, id: actor.id },
      at: iso(at),
      changes,
      data: { ...data, messageIds: this.messages.map((m) => m.id) },
    };
    return { dossier: this.dossier, messages: this.messages, events: [event] };
  }
}

/** Deep equality of JSON values (the dossier's fields). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameValue(ra[k], rb[k]));
}

export function factsOf(d: Dossier, language: Language, settings: DisputeSettings): TemplateFacts {
  return {
    reference: d.reference,
    language,
    customerName: d.transaction.customerName,
    merchantName: d.transaction.merchantName,
    amount: d.transaction.amount,
    currency: d.transaction.currency,
    transactionDate: d.transaction.occurredAt,
    orderReference: d.transaction.orderReference,
    subject: d.subject,
    reason: d.reason,
    withMerchant: d.status === 'awaiting_merchant',
    dueAt: d.dueAt,
    autoCloseAt: d.autoCloseAt,
    timeZone: settings.calendar.timeZone,
    merchantState: merchantStateOf(d),
    closedBy: closedByOf(d),
    inactivityDays: settings.inactivityDays,
    klikpayReplyBusinessDays: settings.klikpayReplyBusinessDays,
    automaticLetters: settings.overdueLetters === 'automatic',
  };
}

/** What the merchant has done about the claim, from the dossier's own fields. */
export function merchantStateOf(d: Dossier): MerchantState {
  if (d.status === 'awaiting_merchant') {
    if (d.merchantStage === 'reminded') return 'reminded';
    return d.merchantStage === 'overdue' ? 'late' : 'answer_due';
  }
  return d.lastAnswerBy === 'merchant' ? 'answered' : 'klikpay';
}

function closedByOf(d: Dossier): TemplateFacts['closedBy'] {
  switch (d.closure?.reason) {
    case undefined:
      return null;
    case 'resolved_by_client':
      return 'customer';
    case 'resolved_by_klikpay':
      return 'klikpay';
    case 'inactivity':
      return 'inactivity';
  }
}
