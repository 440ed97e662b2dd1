export { en, fr } from './catalogue';
export type { Catalogue, MessageKey, PluralForms } from './catalogue';
export { countdownParts, countdownText, countdownTone, durationText } from './countdown';
export type { CountdownParts, CountdownTone } from './countdown';
export {
  currencyDigits,
  formatAmount,
  formatDate,
  formatDateTime,
  formatMoment,
  formatNumber,
  formatPercent,
  formatRelative,
  formatTime,
} from './format';
export type { Instant } from './format';
export { useFormat, useLocale, useT } from './hooks';
export type { Formatters } from './hooks';
export { I18nProvider } from './I18nProvider';
export type { I18nProviderProps } from './I18nProvider';
export { detectLocale, localeNames, localePreferences, locales, localeStorageKey } from './locale';
export type { Locale, LocalePreference } from './locale';
export { catalogues, createTranslate, interpolate } from './translate';
export type { Translate, TranslateArgs } from './translate';
