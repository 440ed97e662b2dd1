import type { Language } from '../../src-shared/domain/vocabulary';
import { languageSchema } from '../../src-shared/domain/vocabulary';

/** The portal speaks the languages of the letters: the browser's first one it knows, or the party's choice. */

export type Locale = Language;
export const locales: readonly Locale[] = languageSchema.options;
export const localeNames: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français' };

export function detectLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const primary = languageSchema.safeParse(tag.toLowerCase().split('-')[0]);
    if (primary.success) return primary.data;
  }
  return 'en';
}

const storageKey = 'klikpay.portal.locale';

/** The choice kept on this browser, else the browser's languages. localStorage may refuse (private windows). */
export function initialLocale(): Locale {
  try {
    const stored = languageSchema.safeParse(globalThis.localStorage.getItem(storageKey));
    if (stored.success) return stored.data;
  } catch {
    // No storage: follow the browser.
  }
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  return detectLocale(nav ? (nav.languages.length > 0 ? nav.languages : [nav.language]) : []);
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage.setItem(storageKey, locale);
  } catch {
    // Not kept: the choice lasts until the page closes.
  }
}
