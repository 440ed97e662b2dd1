import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** The tab's title names the page: the first thing a screen reader says after a navigation. */
export function usePageTitle(page: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title', { page });
  }, [t, page]);
}
