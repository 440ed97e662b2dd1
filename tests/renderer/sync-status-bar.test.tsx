import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src-renderer/sync/engine';
import { formatDateTime, formatTime } from '../../src-renderer/i18n/format';
import type { SyncStatusView } from '../../src-renderer/ui/sync-status';
import { syncPercent } from '../../src-renderer/ui/sync-status';
import { SyncStatusBar } from '../../src-renderer/ui/SyncStatusBar';
import { plain, renderIn } from './providers';

const now = Date.parse('2026-03-12T15:00:00Z');
const status = (patch: Partial<SyncStatusView>): SyncStatusView => ({
  state: 'up_to_date',
  pending: 0,
  lastSyncAt: '2026-03-12T14:58:00Z',
  progress: null,
  error: null,
  ...patch,
});
const region = () => plain(screen.getByRole('status').textContent);

describe('SyncStatusBar', () => {
  it('takes the sync engine’s status as it is', () => {
    const engine: SyncStatus = {
      state: 'error',
      pending: 0,
      lastSyncAt: null,
      progress: { changes: 1, bytes: 2, remaining: null, firstSync: true },
      error: { code: 'storage_full', message: 'disk full' },
      stuck: null,
      journalFailing: false,
    };
    // Compiles only while the engine's status fits the bar's props.
    const view: SyncStatusView = engine;
    renderIn(<SyncStatusBar status={view} now={now} />);
    expect(region()).toContain('This computer has no room left for the local copy.');
  });

  it('says it is up to date, with the last sync time', () => {
    renderIn(<SyncStatusBar status={status({})} now={now} />);
    expect(region()).toContain('Up to date');
    expect(region()).toContain(plain(`Last sync ${formatTime('en', '2026-03-12T14:58:00Z')}`));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says how many changes are pending', () => {
    renderIn(<SyncStatusBar status={status({ pending: 3 })} now={now} />);
    expect(region()).toContain('3 pending');
    expect(region()).not.toContain('Up to date');
  });

  it('says offline, with what is pending and when it last synced', () => {
    const yesterday = '2026-03-11T09:00:00Z';
    renderIn(
      <SyncStatusBar
        status={status({
          state: 'offline',
          pending: 2,
          lastSyncAt: yesterday,
          error: { code: 'offline', message: 'fetch failed' },
        })}
        now={now}
      />,
    );
    expect(region()).toContain('Offline');
    expect(region()).toContain('2 pending');
    expect(region()).toContain(plain(`Last sync ${formatDateTime('en', yesterday)}`));
  });

  it('shows the first sync’s progress in a progress bar', () => {
    renderIn(
      <SyncStatusBar
        status={status({
          state: 'syncing',
          lastSyncAt: null,
          progress: { changes: 500, bytes: 10_000, remaining: 1500 },
        })}
        now={now}
      />,
    );
    expect(region()).toContain('Syncing 25%');
    expect(region()).toContain('Never synced');
    const bar = screen.getByRole('progressbar', { name: 'First sync' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('25% · 500 changes downloaded');
  });

  it('shows an indeterminate bar when nothing tells how much is left', () => {
    renderIn(
      <SyncStatusBar status={status({ state: 'syncing', lastSyncAt: null, progress: null })} now={now} />,
    );
    expect(region()).toContain('Syncing…');
    expect(screen.getByRole('progressbar').hasAttribute('aria-valuenow')).toBe(false);
  });

  it('has no progress bar for later syncs', () => {
    renderIn(<SyncStatusBar status={status({ state: 'syncing' })} now={now} />);
    expect(region()).toContain('Syncing…');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('believes the engine on which sync is the first', () => {
    const { unmount } = renderIn(
      <SyncStatusBar
        status={status({ state: 'syncing', progress: { changes: 10, remaining: 10, firstSync: true } })}
        now={now}
      />,
    );
    // A rebuilt cache fills again from scratch, even after earlier syncs.
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    unmount();
    renderIn(
      <SyncStatusBar
        status={status({
          state: 'syncing',
          lastSyncAt: null,
          progress: { changes: 10, remaining: null, firstSync: false },
        })}
        now={now}
      />,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('puts the error in words', () => {
    renderIn(
      <SyncStatusBar
        status={status({ state: 'error', error: { code: 'unauthenticated', message: 'session expired' } })}
        now={now}
      />,
    );
    expect(region()).toContain('Sync failed');
    expect(region()).toContain('Your session has expired. Sign in again.');
  });

  it('waits before the first round', () => {
    renderIn(<SyncStatusBar status={status({ state: 'idle', lastSyncAt: null })} now={now} />);
    expect(region()).toContain('Waiting to sync');
  });

  it('speaks French', () => {
    const { unmount } = renderIn(
      <SyncStatusBar status={status({ state: 'offline', pending: 3 })} now={now} />,
      'fr',
    );
    expect(region()).toContain('Hors ligne');
    expect(region()).toContain('3 modifications en attente');
    unmount();
    renderIn(
      <SyncStatusBar
        status={status({
          state: 'syncing',
          lastSyncAt: null,
          progress: { changes: 1, bytes: 1, remaining: 3 },
        })}
        now={now}
      />,
      'fr',
    );
    expect(region()).toContain('Synchronisation 25 %');
    expect(region()).toContain('Jamais synchronisé');
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe('État de la synchronisation');
  });

  it('computes the percentage from what remains or the total', () => {
    expect(syncPercent(null)).toBeNull();
    expect(syncPercent({ changes: 10 })).toBeNull();
    expect(syncPercent({ changes: 10, remaining: null })).toBeNull();
    expect(syncPercent({ changes: 10, remaining: 30 })).toBe(25);
    expect(syncPercent({ changes: 10, total: 20 })).toBe(50);
    expect(syncPercent({ changes: 0, remaining: 0 })).toBe(100);
    expect(syncPercent({ changes: 30, total: 20 })).toBe(100);
  });
});
