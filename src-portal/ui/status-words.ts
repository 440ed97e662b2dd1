import type { DisputeSettings } from '../../src-shared/domain/settings';
import { ms } from '../../src-shared/domain/settings';
import type { ClaimStatus, Party, Situation } from '../domain/claim-status';
import type { I18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/translate';

/** A claim's status in plain words for the party reading it (domain/claim-status.ts says which). */
export interface StatusWords {
  title: string;
  detail: string;
  /** Whose move it is ("Yours", "The merchant"…); null once closed. */
  move: string | null;
  /** "until 2 Dec 2026, 10:00" and the countdown to it, when whoever has the move has a deadline. */
  until: string | null;
  countdown: string | null;
  /** "Without any news, the claim closes by itself on…" while it is open. */
  autoClose: string | null;
}

const titles: Record<Party, Record<Situation, PlainKey>> = {
  customer: {
    klikpay: 'status.customer.klikpay',
    merchant: 'status.customer.merchant',
    merchant_late: 'status.customer.merchant_late',
    merchant_reminded: 'status.customer.merchant_reminded',
    customer: 'status.customer.customer',
    closed_by_customer: 'status.customer.closed_by_customer',
    closed_by_klikpay: 'status.customer.closed_by_klikpay',
    closed_inactivity: 'status.customer.closed_inactivity',
  },
  merchant: {
    klikpay: 'status.merchant.klikpay',
    merchant: 'status.merchant.merchant',
    merchant_late: 'status.merchant.merchant_late',
    merchant_reminded: 'status.merchant.merchant_reminded',
    customer: 'status.merchant.customer',
    closed_by_customer: 'status.merchant.closed_by_customer',
    closed_by_klikpay: 'status.merchant.closed_by_klikpay',
    closed_inactivity: 'status.merchant.closed_inactivity',
  },
};

function detailOf(i18n: I18n, s: ClaimStatus, party: Party, settings: DisputeSettings): string {
  const { t, dateTime, date } = i18n;
  const due = s.dueAt === null ? '' : dateTime(s.dueAt);
  const closed = s.closedAt === null ? '' : date(s.closedAt);
  switch (s.situation) {
    case 'closed_by_customer':
    case 'closed_by_klikpay':
      return t('detail.closedOn', { date: closed });
    case 'closed_inactivity':
      return t('detail.closedInactivity', { date: closed, count: settings.inactivityDays });
    case 'customer':
      return t(party === 'customer' ? 'detail.customer.customer' : 'detail.merchant.customer');
    case 'klikpay':
      if (party === 'merchant') return t('detail.merchant.klikpay');
      return s.overdue ? t('detail.customer.klikpayLate') : t('detail.customer.klikpay', { date: due });
    case 'merchant':
      return t(party === 'customer' ? 'detail.customer.merchant' : 'detail.merchant.merchant', { date: due });
    case 'merchant_late':
      return t(party === 'customer' ? 'detail.customer.merchant_late' : 'detail.merchant.merchantLate', {
        date: due,
      });
    case 'merchant_reminded':
      return t(
        party === 'customer' ? 'detail.customer.merchant_reminded' : 'detail.merchant.merchant_reminded',
        { date: due },
      );
  }
}

const movers = { klikpay: 'move.klikpay', merchant: 'move.merchant', customer: 'move.customer' } as const;

export function statusWords(
  i18n: I18n,
  s: ClaimStatus,
  party: Party,
  now: number,
  settings: DisputeSettings,
): StatusWords {
  const { t, dateTime, date, duration } = i18n;
  const left = s.dueAt === null ? null : ms(s.dueAt) - now;
  return {
    title: t(titles[party][s.situation]),
    detail: detailOf(i18n, s, party, settings),
    move: s.move === null ? null : s.yours ? t('move.you') : t(movers[s.move]),
    until: s.dueAt === null ? null : t('move.until', { date: dateTime(s.dueAt) }),
    countdown:
      left === null
        ? null
        : s.overdue
          ? t('countdown.overdue', { duration: duration(left) })
          : t('countdown.in', { duration: duration(left) }),
    autoClose: s.autoCloseAt === null ? null : t('detail.autoClose', { date: date(s.autoCloseAt) }),
  };
}

/** The colour family of a status: whose move, late, or closed. */
export function statusTone(s: ClaimStatus): 'klikpay' | 'merchant' | 'customer' | 'late' | 'closed' {
  if (s.move === null) return 'closed';
  if (s.overdue || s.situation === 'merchant_late') return 'late';
  return s.move;
}
