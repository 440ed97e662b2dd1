import { useSyncExternalStore } from 'react';
import type { Session } from './app/session';
import { SignInScreen } from './app/SignInScreen';
import { DeskProvider } from './data/desk';
import { useT } from './i18n/hooks';
import { Workspace } from './workspace/Workspace';

/** The back office: signed out, the sign-in page; signed in, the agent's workspace over their cache. */
export function App({ session }: { session: Session }) {
  const t = useT();
  const state = useSyncExternalStore(session.subscribe, session.get);
  switch (state.kind) {
    case 'starting':
      return (
        <p className="app-message" role="status">
          {t('session.starting')}
        </p>
      );
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
        <DeskProvider client={state.client}>
          <Workspace session={session} />
        </DeskProvider>
      );
  }
}
