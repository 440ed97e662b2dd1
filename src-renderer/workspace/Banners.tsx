import { useState } from 'react';
import { useDesk, useSyncStatus } from '../data/desk';
import { useReadFailure } from '../data/live';
import { useT } from '../i18n/hooks';
import { StuckChangeBanner } from './StuckChange';

/**
 * What the agent must know about the app itself: the local copy rebuilt, a newer version open
 * elsewhere, an expired session. Each says what happened and what to do; none hides work.
 */
export function Banners({
  onSignInAgain,
  onOpen,
}: {
  onSignInAgain: () => void;
  onOpen: (dossierId: string) => void;
}) {
  const t = useT();
  const { notice } = useDesk();
  const status = useSyncStatus();
  const readFailure = useReadFailure();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const expired = status.error?.code === 'unauthenticated';
  const shown = notice && notice.at !== dismissed ? notice : null;
  return (
    <>
      {expired && (
        <div className="banner banner--warning" role="alert">
          <span>{t('session.expired')}</span>
          <button type="button" className="button button--small" onClick={onSignInAgain}>
            {t('session.signInAgain')}
          </button>
        </div>
      )}
      <StuckChangeBanner onOpen={onOpen} />
      {status.journalFailing && (
        <div className="banner banner--warning" role="alert">
          <span>{t('notice.journalFailing')}</span>
        </div>
      )}
      {readFailure !== null && (
        <div className="banner banner--danger" role="alert">
          <span>{t('notice.readFailed', { message: readFailure })}</span>
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            {t('session.reload')}
          </button>
        </div>
      )}
      {shown?.kind === 'rebuilt' && (
        <div className="banner banner--info" role="status">
          <span>
            {t('notice.rebuilt', { count: shown.restored, reason: t(`notice.reason.${shown.reason}`) })}
          </span>
          <button type="button" className="button button--small" onClick={() => setDismissed(shown.at)}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
      {shown?.kind === 'outdated' && (
        <div className="banner banner--warning" role="alert">
          <span>{t('notice.outdated')}</span>
          <button type="button" className="button button--small" onClick={() => window.location.reload()}>
            {t('session.reload')}
          </button>
        </div>
      )}
      {shown?.kind === 'unavailable' && (
        <div className="banner banner--danger" role="alert">
          <span>{t('notice.unavailable', { message: shown.message })}</span>
        </div>
      )}
    </>
  );
}
