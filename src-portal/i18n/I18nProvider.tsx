import type { ReactNode } from 'react';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { formatAmount, formatDate, formatDateTime, formatDuration, formatSize, formatWait } from './format';
import type { Locale } from './locale';
import { initialLocale, rememberLocale } from './locale';
import type { Translate } from './translate';
import { createTranslate } from './translate';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  amount: (minor: number, currency: string) => string;
  date: (instant: string | number) => string;
  dateTime: (instant: string | number) => string;
  duration: (ms: number) => string;
  size: (bytes: number) => string;
  wait: (seconds: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(locale: Locale, setLocale: (locale: Locale) => void = () => undefined): I18n {
  return {
    locale,
    setLocale,
    t: createTranslate(locale),
    amount: (minor, currency) => formatAmount(locale, minor, currency),
    date: (instant) => formatDate(locale, instant),
    dateTime: (instant) => formatDateTime(locale, instant),
    duration: (ms) => formatDuration(locale, ms),
    size: (bytes) => formatSize(locale, bytes),
    wait: (seconds) => formatWait(locale, seconds),
  };
}

/** The party's language: the browser's by default, their choice once made (kept on this browser). */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocale] = useState<Locale>(() => fixed ?? initialLocale());
  const value = useMemo(
    () =>
      makeI18n(locale, (next) => {
        rememberLocale(next);
        setLocale(next);
      }),
    [locale],
  );
  useEffect(() => {
    // Screen readers pronounce the page in its language.
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider');
  return i18n;
}
