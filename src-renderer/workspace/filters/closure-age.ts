import type { AgeFilter, DeadlineWeekFilter, DossierFilter } from '../../../src-shared/domain/filters';
import type { Instant } from '../../i18n/format';
import type { Translate } from '../../i18n/translate';

/**
 * The words of the age, closure-period and deadline-week filters, as their chips say them. All come
 * from the dashboard's figures; the age reads like its buckets, the periods like its footnote.
 */

/** "less than 1 day", "7 to 30 days", "120 days or more". */
export function ageText(t: Translate, age: AgeFilter): string {
  if (age.toDays === null) {
    return age.fromDays === 0 ? t('filters.age.any') : t('filters.age.atLeast', { count: age.fromDays });
  }
  if (age.fromDays === 0) return t('filters.age.under', { count: age.toDays });
  return t('filters.age.between', { from: age.fromDays, to: age.toDays });
}

/**
 * "1 Sep 2026 to 30 Nov 2026": the end is exclusive (the dashboard's period ends at a midnight), so
 * its last day is the one before it, as the dashboard's footnote says it.
 */
export function closedText(
  t: Translate,
  date: (instant: Instant) => string,
  f: Pick<DossierFilter, 'closedFrom' | 'closedTo'>,
): string {
  const lastDay = (to: string) => date(Date.parse(to) - 1);
  if (f.closedFrom !== undefined && f.closedTo !== undefined) {
    return t('filters.closed.between', { from: date(f.closedFrom), to: lastDay(f.closedTo) });
  }
  if (f.closedFrom !== undefined) return t('filters.closed.from', { from: date(f.closedFrom) });
  if (f.closedTo !== undefined) return t('filters.closed.until', { to: lastDay(f.closedTo) });
  return '';
}

/** "Deadline missed" and "Klik & Pay’s reply, due 9 Nov 2026 to 15 Nov 2026" (the end is exclusive). */
export function deadlineWeekText(
  t: Translate,
  date: (instant: Instant) => string,
  w: DeadlineWeekFilter,
): { field: string; value: string } {
  return {
    field: t(`filters.deadlineWeek.${w.verdict}`),
    value: t('filters.deadlineWeek.value', {
      party: t(`filters.deadlineWeek.party.${w.party}`),
      from: date(w.from),
      to: date(Date.parse(w.to) - 1),
    }),
  };
}
