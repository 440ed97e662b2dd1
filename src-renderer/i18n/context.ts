import { createContext } from 'react';
import type { Locale, LocalePreference } from './locale';
import type { Translate } from './translate';

export interface I18nValue {
  /** The language the UI is shown in. */
  locale: Locale;
  /** What the agent chose: a language, or `system` to follow the browser/OS. */
  preference: LocalePreference;
  setPreference: (preference: LocalePreference) => void;
  t: Translate;
}

export const I18nContext = createContext<I18nValue | null>(null);
