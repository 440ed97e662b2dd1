import type { DeskErrorCode } from '../i18n/catalogue/labels';
import type { Formatters } from '../i18n/hooks';
import type { Translate } from '../i18n/translate';

/**
 * What the status bar shows, shaped like the sync engine's `SyncStatus` (any `SyncStatus` is one;
 * tests/renderer/sync-status-bar.test.tsx checks it), so this module needs nothing from the engine.
 */
export interface SyncStatusView {
  state: 'idle' | 'syncing' | 'up_to_date' | 'offline' | 'error';
  pending: number;
  lastSyncAt: string | null;
  progress: SyncProgressView | null;
  error: { code: DeskErrorCode; message: string } | null;
  /** A change the server cannot take, holding the others back (the banner says which and why). */
  stuck?: { id: string } | null;
}

export interface SyncProgressView {
  /** Changes written so far in this round. */
  changes: number;
  bytes?: number;
  /** Changes the server says are still to come (null or absent when it did not say). */
  remaining?: number | null;
  /** Or the total expected, when that is what is known. */
  total?: number | null;
  /** A sync from an empty cache; when absent, a round before any sync is taken as the first. */
  firstSync?: boolean;
}

/** How far the sync has come, 0–100, or null when nothing tells how much is left. */
export function syncPercent(progress: SyncProgressView | null): number | null {
  if (!progress) return null;
  const remaining = progress.remaining ?? null;
  const total = progress.total ?? (remaining === null ? null : progress.changes + remaining);
  if (total === null) return null;
  if (total <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor((progress.changes / total) * 100)));
}

/** The first sync fills an empty cache: it gets a progress bar. */
export const isFirstSync = (s: SyncStatusView): boolean =>
  s.state === 'syncing' && (s.progress?.firstSync ?? s.lastSyncAt === null);

export interface SyncStatusTexts {
  /** "Offline", "Syncing 42%", "Up to date", "3 pending", "Sync failed", "Waiting to sync". */
  headline: string;
  /** The pending changes, when the headline does not already say them. */
  pending: string | null;
  /** "Last sync 14:32" or "Never synced". */
  lastSync: string;
  /** The error in words, when the last round failed for a reason other than being offline. */
  error: string | null;
}

export function syncStatusTexts(
  s: SyncStatusView,
  t: Translate,
  format: Formatters,
  now: number,
): SyncStatusTexts {
  const percent = syncPercent(s.progress);
  const pendingText = s.pending > 0 ? t('sync.pending', { count: s.pending }) : null;
  let headline: string;
  switch (s.state) {
    case 'offline':
      headline = t('sync.offline');
      break;
    case 'syncing':
      headline =
        percent === null
          ? t('sync.syncing')
          : t('sync.syncingPercent', { percent: format.percent(percent / 100) });
      break;
    case 'up_to_date':
      headline = pendingText ?? t('sync.upToDate');
      break;
    case 'error':
      headline = s.stuck ? t('sync.stuck') : t('sync.failed');
      break;
    case 'idle':
      headline = t('sync.waiting');
      break;
  }
  return {
    headline,
    pending: s.state === 'up_to_date' ? null : pendingText,
    lastSync:
      s.lastSyncAt === null
        ? t('sync.neverSynced')
        : t('sync.lastSync', { time: format.moment(s.lastSyncAt, now) }),
    error: s.state === 'error' && s.error && !s.stuck ? t(`error.${s.error.code}`) : null,
  };
}
