import { lazy, Suspense, useSyncExternalStore } from 'react';
import type { Session } from './app/session';
import { SignInScreen } from './app/SignInScreen';
import { useT } from './i18n/hooks';

/**
 * The workspace's chunk. Started early when someone is signed in (main.tsx), so it loads while the
 * cache opens; the sign-in page never waits for it.
 */
export const loadSignedIn = () => import('./SignedIn');
const SignedIn = lazy(loadSignedIn);

/** The back office: signed out, the sign-in page; signed in, the agent's workspace over their cache. */
export function App({ session }: { session: Session }) {
  const t = useT();
  const state = useSyncExternalStore(session.subscribe, session.get);
  const starting = (
    <p className="app-message" role="status">
      {t('session.starting')}
    </p>
  );
  switch (state.kind) {
    case 'starting':
      return starting;
    case 'signed_out':
      return <SignInScreen session={session} />;
    case 'unavailable':
      return (
        <div className="app-message" role="alert">
          <h1>{t('session.unavailable')}</h1>
          <p>
            {state.reason === 'outdated'
              ? t('session.unavailable.outdated')
              : t('session.unavailable.storage', { detail: state.detail })}
          </p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('session.reload')}
          </button>
        </div>
      );
    case 'signed_in':
      return (
        <Suspense fallback={starting}>
          <SignedIn session={session} client={state.client} />
        </Suspense>
      );
  }
}
