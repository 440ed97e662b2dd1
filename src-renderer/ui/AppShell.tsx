import type { ReactNode } from 'react';
import type { QueueId } from '../../src-shared/domain/queues';
import { useT } from '../i18n/hooks';
import type { QueueNavItem } from './QueueNav';
import { QueueNav } from './QueueNav';

export interface AppShellProps {
  /** The search box (`<SearchBox>`), placed in the top bar's search landmark "Search dossiers". */
  search: ReactNode;
  /** The sync status (`<SyncStatusBar>`). */
  syncStatus: ReactNode;
  /** The user menu (`<UserMenu>`): language, theme, sign out. */
  userMenu: ReactNode;
  queues: readonly QueueNavItem[];
  activeQueue: QueueId | null;
  onSelectQueue: (id: QueueId) => void;
  /** Below the queues in the left column, e.g. the agent's saved views. */
  navExtra?: ReactNode;
  /** The main area: the queue's list, a dossier. */
  children: ReactNode;
}

/**
 * The workspace layout: a top bar (product, search, sync status, user menu), the queues on the
 * left, the work in the main area. A skip link leads keyboard users past the bar to the main area.
 */
export function AppShell({
  search,
  syncStatus,
  userMenu,
  queues,
  activeQueue,
  onSelectQueue,
  navExtra,
  children,
}: AppShellProps) {
  const t = useT();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#workspace-main">
        {t('app.skipToMain')}
      </a>
      <header className="top-bar">
        <div className="top-bar__product">
          <span className="top-bar__logo" aria-hidden="true">
            K&amp;P
          </span>
          <span className="top-bar__name">{t('app.name')}</span>
        </div>
        <div className="top-bar__search" role="search" aria-label={t('search.label')}>
          {search}
        </div>
        <div className="top-bar__status">{syncStatus}</div>
        <div className="top-bar__user">{userMenu}</div>
      </header>
      <aside className="side-bar">
        <QueueNav queues={queues} active={activeQueue} onSelect={onSelectQueue} />
        {navExtra}
      </aside>
      <main id="workspace-main" className="workspace" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
