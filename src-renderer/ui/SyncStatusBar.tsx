import { useFormat, useT } from '../i18n/hooks';
import { useNow } from './clock';
import type { SyncStatusView } from './sync-status';
import { isFirstSync, syncPercent, syncStatusTexts } from './sync-status';

export interface SyncStatusBarProps {
  /** The sync engine's status (`SyncStatus` fits). */
  status: SyncStatusView;
  /** The present, to write the last sync as a time today or a date before; the shared clock by default. */
  now?: number;
}

/**
 * Always visible: online or not, syncing, up to date or how many changes wait, the last sync and
 * the error in words. A polite status region (read when it changes, never interrupting); during
 * the first sync a progress bar says how far it has come.
 */
export function SyncStatusBar({ status, now }: SyncStatusBarProps) {
  const t = useT();
  const format = useFormat();
  const clock = useNow(60_000);
  const texts = syncStatusTexts(status, t, format, now ?? clock);
  const percent = syncPercent(status.progress);
  const changes = status.progress?.changes ?? 0;
  return (
    <div className={`sync-status sync-status--${status.state}`}>
      <div className="sync-status__line" role="status" aria-label={t('sync.region')}>
        <span className="sync-status__dot" aria-hidden="true" />
        <span className="sync-status__headline">{texts.headline}</span>
        {texts.pending ? <span className="sync-status__pending">{texts.pending}</span> : null}
        <span className="sync-status__last">{texts.lastSync}</span>
        {texts.error ? <span className="sync-status__error">{texts.error}</span> : null}
      </div>
      {isFirstSync(status) ? (
        <div
          className={percent === null ? 'progress progress--indeterminate' : 'progress'}
          role="progressbar"
          aria-label={t('sync.firstSync')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={
            percent === null
              ? t('sync.downloaded', { count: changes })
              : `${format.percent(percent / 100)} · ${t('sync.downloaded', { count: changes })}`
          }
        >
          <span
            className="progress__fill"
            style={percent === null ? undefined : { inlineSize: `${percent}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}
