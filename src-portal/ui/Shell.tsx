import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { User } from '../../src-shared/domain/model';
import { useSignOut } from '../api/session';
import { useI18n } from '../i18n/I18nProvider';
import type { PlainKey } from '../i18n/translate';
import { Link, navigate, usePath } from '../router';
import { LanguageSwitch } from './LanguageSwitch';
import { errorText } from './words';

export interface NavItem {
  to: string;
  label: PlainKey;
  /** Also current on the pages under it (`/claims` for `/claims/d-1`). */
  prefix?: string;
}

/** The frame of every signed-in page: who is signed in, where to go, the language, sign-out. */
export function Shell({ user, nav, children }: { user: User; nav: readonly NavItem[]; children: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const path = usePath();
  const signOut = useSignOut();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // After a navigation, reading starts at the new page, as after a page load.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);
  const current = (item: NavItem) =>
    path === item.to || (item.prefix !== undefined && path.startsWith(item.prefix));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__row">
          <p className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__department">{t('app.department')}</span>
          </p>
          <div className="account">
            <p className="account__who">{t('shell.signedInAs', { name: user.name })}</p>
            <LanguageSwitch />
            <button
              type="button"
              className="button button--quiet"
              disabled={signOut.isPending}
              onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/', { replace: true }) })}
            >
              {t('shell.signOut')}
            </button>
          </div>
        </div>
        <nav className="nav" aria-label={t('shell.nav')}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={current(item) ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {signOut.isError && (
          <p className="note note--error" role="alert">
            {errorText(i18n, signOut.error)}
          </p>
        )}
      </header>
      <main id="main" className="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
