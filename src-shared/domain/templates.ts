import { lettersEn } from './templates-en';
import { lettersFr } from './templates-fr';
import type { Language, Reason, Subject } from './vocabulary';

export type { Language } from './vocabulary';

/**
 * The letters Klik & Pay sends, in French and English, filled with the dossier's facts. Plain text
 * only: facts are inserted verbatim and whoever displays a letter shows it as text, never as HTML, so
 * nothing here escapes anything (escaping would corrupt a merchant called "Smith & Sons").
 */

export const templateIds = [
  'good_practices_reminder',
  'rights_information',
  'request_for_proof',
  'resolution_proposal',
  'filing_acknowledgement',
  'pre_close_notice',
  'closure_notice',
  'auto_close_notice',
  'reopen_notice',
  'escalation_notice',
  'merchant_forward',
] as const;
export type TemplateId = (typeof templateIds)[number];

export interface TemplateFacts {
  reference: string;
  /** The language of the recipient. */
  language: Language;
  customerName: string;
  merchantName: string;
  /** Minor units of `currency`. */
  amount: number;
  /** ISO 4217. */
  currency: string;
  /** ISO instant. */
  transactionDate: string;
  orderReference: string;
  subject: Subject;
  reason: Reason;
  /**
   * Whether the merchant has the move. The subject alone cannot say where a new claim went: a
   * delivery claim on a merchant whose e-mail is invalid is handled by Klik & Pay, and the
   * acknowledgement must not tell the customer it was forwarded.
   */
  withMerchant: boolean;
  /** The deadline the letter announces (merchant's answer or reply), ISO instant. */
  dueAt: string | null;
  /** ISO instant. */
  autoCloseAt: string | null;
  /** The IANA zone dates are printed in. */
  timeZone: string;
  /** What the merchant has done about the claim, as far as the letter may say (`merchantStateOf`). */
  merchantState: MerchantState;
  /** Who closed the dossier, for the closure notices (null while it is open). */
  closedBy: 'customer' | 'klikpay' | 'inactivity' | null;
  /** The rules' delays the letters quote. */
  inactivityDays: number;
  klikpayReplyBusinessDays: number;
  /** Whether the letters go out by themselves when the merchant misses its deadline. */
  automaticLetters: boolean;
  /** The escalation notice: whether the merchant had been reminded before Klik & Pay took over. */
  merchantReminded?: boolean;
}

/**
 * What the merchant did, in the words a letter may use: it has until a date (`answer_due`), it missed
 * it (`late`), it missed it and was reminded (`reminded`), it answered (`answered`), or Klik & Pay
 * handles the claim itself (`klikpay`: a payment claim, an unreachable merchant, an escalation).
 */
export type MerchantState = 'answer_due' | 'late' | 'reminded' | 'answered' | 'klikpay';

/** The facts of a letter, already formatted for its language: the letter files only assemble words. */
export interface LetterFacts {
  reference: string;
  customerName: string;
  merchantName: string;
  amount: string;
  transactionDate: string;
  orderReference: string;
  subject: Subject;
  subjectLabel: string;
  reason: Reason;
  reasonLabel: string;
  withMerchant: boolean;
  dueDate: string | null;
  autoCloseDate: string | null;
  merchantState: MerchantState;
  closedBy: TemplateFacts['closedBy'];
  inactivityDays: number;
  klikpayReplyBusinessDays: number;
  automaticLetters: boolean;
  merchantReminded: boolean;
}

export type Letters = Record<TemplateId, (f: LetterFacts) => string>;

// en-GB rather than en-US: day-month-year dates, as a European provider writes them.
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl formatter is far costlier than using one, and queues format thousands of rows.
const amountFormats = new Map<string, Intl.NumberFormat>();
/** An amount in minor units, with the currency's own number of decimals (EUR 2, JPY 0, KWD 3). */
export function formatAmount(minor: number, currency: string, language: Language): string {
  const key = `${language}:${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], { style: 'currency', currency });
    amountFormats.set(key, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * A long date in the language, on the calendar of the given zone: '14 juillet 2026', '14 July 2026'.
 * An unparseable instant throws rather than printing 'Invalid Date' into a letter.
 */
export function formatDate(iso: string, language: Language, timeZone: string): string {
  const key = `${language}:${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    dateFormats.set(key, format);
  }
  const parts = format.formatToParts(new Date(iso));
  // French writes the first of the month as an ordinal ('1er juillet'); Intl does not.
  return parts
    .map((p) => (language === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

// The terms of docs/letters.md, so letters and screens name things alike.
const reasonLabels: Record<Language, Record<Reason, string>> = {
  fr: {
    not_received: 'non reçu',
    damaged_or_defective: 'endommagé ou défectueux',
    not_as_ordered: 'non conforme à la commande',
    refund_problem: 'problème de remboursement',
    after_sales: 'SAV / garantie',
    other: 'autre',
  },
  en: {
    not_received: 'not received',
    damaged_or_defective: 'damaged or defective',
    not_as_ordered: 'not as ordered',
    refund_problem: 'refund problem',
    after_sales: 'after-sales / guarantee',
    other: 'other',
  },
};
const subjectLabels: Record<Language, Record<Subject, string>> = {
  fr: { payment: 'paiement', delivery: 'livraison' },
  en: { payment: 'payment', delivery: 'delivery' },
};

export const reasonLabel = (reason: Reason, language: Language): string => reasonLabels[language][reason];
export const subjectLabel = (subject: Subject, language: Language): string =>
  subjectLabels[language][subject];

/** The letter, as plain text ready to send as a message body. */
export function renderTemplate(id: TemplateId, facts: TemplateFacts): string {
  const { language, timeZone } = facts;
  const letterFacts: LetterFacts = {
    reference: facts.reference,
    customerName: facts.customerName,
    merchantName: facts.merchantName,
    amount: formatAmount(facts.amount, facts.currency, language),
    transactionDate: formatDate(facts.transactionDate, language, timeZone),
    orderReference: facts.orderReference,
    subject: facts.subject,
    subjectLabel: subjectLabel(facts.subject, language),
    reason: facts.reason,
    reasonLabel: reasonLabel(facts.reason, language),
    withMerchant: facts.withMerchant,
    dueDate: facts.dueAt ? formatDate(facts.dueAt, language, timeZone) : null,
    autoCloseDate: facts.autoCloseAt ? formatDate(facts.autoCloseAt, language, timeZone) : null,
    merchantState: facts.merchantState,
    closedBy: facts.closedBy,
    inactivityDays: facts.inactivityDays,
    klikpayReplyBusinessDays: facts.klikpayReplyBusinessDays,
    automaticLetters: facts.automaticLetters,
    merchantReminded: facts.merchantReminded ?? false,
  };
  const letters = language === 'fr' ? lettersFr : lettersEn;
  return letters[id](letterFacts);
}
