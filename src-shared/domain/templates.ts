import { lettersEn } from './templates-en';
import { lettersFr } from './templates-fr';
import type { Language, Reason, Subject } from './vocabulary';

/**
 * The letters Klik & Pay sends, in French and English, filled with the dossier's facts. Plain text
 * only: facts are inserted verbatim and the result is always rendered as text, never as HTML.
 */

export const templateIds = [
  'good_practices_reminder',
  'rights_information',
  'request_for_proof',
  'resolution_proposal',
  'filing_acknowledgement',
  'merchant_forward',
  'pre_close_notice',
  'closure_notice',
  'auto_close_notice',
  'reopen_notice',
  'escalation_notice',
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
  currency: string;
  transactionDate: string;
  orderReference: string;
  subject: Subject;
  reason: Reason;
  /** Whether the merchant has the move (the claim was forwarded to it), rather than Klik & Pay. */
  withMerchant: boolean;
  /** The deadline the letter announces, if any. */
  dueAt: string | null;
  autoCloseAt: string | null;
  /** The zone dates are printed in. */
  timeZone: string;
}

/** The facts of a letter, already formatted for its language. */
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
}

export type Letters = Record<TemplateId, (f: LetterFacts) => string>;

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

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
/** A long date in the recipient's language, in the given zone: '14 juillet 2026', '14 July 2026'. */
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
  return format.format(new Date(iso));
}

const reasonLabels: Record<Language, Record<Reason, string>> = {
  fr: {
    not_received: 'commande payée non reçue',
    damaged_or_defective: 'article endommagé ou défectueux',
    not_as_ordered: 'article non conforme à la commande',
    refund_problem: 'problème de remboursement',
    after_sales: 'SAV / garantie',
    other: 'autre motif',
  },
  en: {
    not_received: 'order paid for but not received',
    damaged_or_defective: 'item damaged or defective',
    not_as_ordered: 'item not as ordered',
    refund_problem: 'refund problem',
    after_sales: 'after-sales / guarantee',
    other: 'other reason',
  },
};
const subjectLabels: Record<Language, Record<Subject, string>> = {
  fr: { payment: 'paiement', delivery: 'livraison' },
  en: { payment: 'payment', delivery: 'delivery' },
};

export const reasonLabel = (reason: Reason, language: Language): string => reasonLabels[language][reason];
export const subjectLabel = (subject: Subject, language: Language): string =>
  subjectLabels[language][subject];

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
  };
  const letters = language === 'fr' ? lettersFr : lettersEn;
  return letters[id](letterFacts);
}
