import { readChoice, writeChoice } from './stored-choice';

/** The languages of the UI (the same two the letters are written in). */
export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];

/** What the agent chose: a language, or follow the browser/OS. */
export type LocalePreference = Locale | 'system';
export const localePreferences: readonly LocalePreference[] = ['system', ...locales];

/** Each language named in itself, as language pickers do. */
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français' };

const isLocale = (value: string): value is Locale => (locales as readonly string[]).includes(value);

/** The first of the system's languages the UI speaks (`fr-CA` → `fr`); English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isLocale(primary)) return primary;
  }
  return 'en';
}

export function systemLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

export const localeStorageKey = 'klikpay.locale';

export const readLocalePreference = (): LocalePreference =>
  readChoice(localeStorageKey, localePreferences, 'system');

export const writeLocalePreference = (preference: LocalePreference): void => {
  writeChoice(localeStorageKey, preference, 'system');
};

export const resolveLocale = (preference: LocalePreference, languages: readonly string[]): Locale =>
  preference === 'system' ? detectLocale(languages) : preference;
