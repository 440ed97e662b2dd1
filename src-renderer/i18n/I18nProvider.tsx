import type { ReactNode } from 'react';
import { useEffect, useMemo, useState } from 'react';
import type { I18nValue } from './context';
import { I18nContext } from './context';
import type { LocalePreference } from './locale';
import { readLocalePreference, resolveLocale, systemLanguages, writeLocalePreference } from './locale';
import { createTranslate } from './translate';

export interface I18nProviderProps {
  children: ReactNode;
  /** The agent's choice to start from; by default the one stored on this device. */
  initialPreference?: LocalePreference;
  /** The system's languages in order of preference; by default `navigator.languages`. */
  languages?: readonly string[];
}

/**
 * Gives the UI its language: the agent's explicit choice (kept in localStorage), or else the first
 * of the browser/OS languages it speaks, following changes of the system's languages.
 */
export function I18nProvider({ children, initialPreference, languages }: I18nProviderProps) {
  const [preference, setStoredPreference] = useState<LocalePreference>(
    () => initialPreference ?? readLocalePreference(),
  );
  const [system, setSystem] = useState<readonly string[]>(systemLanguages);

  useEffect(() => {
    const update = () => setSystem(systemLanguages());
    window.addEventListener('languagechange', update);
    return () => window.removeEventListener('languagechange', update);
  }, []);

  const locale = resolveLocale(preference, languages ?? system);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      preference,
      setPreference: (next) => {
        writeLocalePreference(next);
        setStoredPreference(next);
      },
      t: createTranslate(locale),
    }),
    [locale, preference],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
