import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../../src-renderer/i18n/I18nProvider';
import type { Locale } from '../../src-renderer/i18n/locale';
import { ThemeProvider } from '../../src-renderer/ui/theme';

/** Renders `ui` in the given language (English by default) with the theme provider above it. */
export function renderIn(ui: ReactElement, locale: Locale = 'en'): RenderResult {
  return render(ui, {
    wrapper: ({ children }) => (
      <I18nProvider initialPreference={locale}>
        <ThemeProvider initialPreference="light">{children}</ThemeProvider>
      </I18nProvider>
    ),
  });
}

/** Intl writes French numbers with narrow no-break spaces: compare texts with plain spaces. */
export const plain = (text: string | null | undefined): string =>
  (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
