import { use, useMemo } from 'react';
import type { I18nValue } from './context';
import { I18nContext } from './context';
import { countdownText } from './countdown';
import type { Instant } from './format';
import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatMoment,
  formatNumber,
  formatPercent,
  formatRelative,
  formatTime,
} from './format';
import type { Translate } from './translate';

function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (!value) throw new Error('useT, useLocale and useFormat need an <I18nProvider> above them');
  return value;
}

/** The typed translate function of the current language. */
export const useT = (): Translate => useI18n().t;

/** The current language, the agent's choice and the way to change it. */
export function useLocale(): Pick<I18nValue, 'locale' | 'preference' | 'setPreference'> {
  const { locale, preference, setPreference } = useI18n();
  return { locale, preference, setPreference };
}

export interface Formatters {
  number: (value: number) => string;
  percent: (fraction: number) => string;
  amount: (minor: number, currency: string) => string;
  dateTime: (instant: Instant) => string;
  date: (instant: Instant) => string;
  time: (instant: Instant) => string;
  /** The time alone on `now`'s day, else date and time. */
  moment: (instant: Instant, now: number) => string;
  relative: (instant: Instant, now: number) => string;
  countdown: (dueAt: Instant, now: number) => string;
}

/** The formatting helpers bound to the current language and the agent's time zone. */
export function useFormat(): Formatters {
  const { locale, t } = useI18n();
  return useMemo(
    () => ({
      number: (value) => formatNumber(locale, value),
      percent: (fraction) => formatPercent(locale, fraction),
      amount: (minor, currency) => formatAmount(locale, minor, currency),
      dateTime: (instant) => formatDateTime(locale, instant),
      date: (instant) => formatDate(locale, instant),
      time: (instant) => formatTime(locale, instant),
      moment: (instant, now) => formatMoment(locale, instant, now),
      relative: (instant, now) => formatRelative(locale, instant, now),
      countdown: (dueAt, now) => countdownText(t, dueAt, now),
    }),
    [locale, t],
  );
}
