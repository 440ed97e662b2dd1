import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locale';
import { localeNames, locales } from '../i18n/locale';

/** The portal's language, each named in itself; the choice is kept on this browser. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id} className="language__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="input input--select"
        value={locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
