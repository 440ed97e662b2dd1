import type { SavedView } from '../../../src-shared/domain/filters';
import { useDesk } from '../../data/desk';
import { useSavedViews } from '../../data/queues';
import { useT } from '../../i18n/hooks';
import { TeamViewsNav } from './TeamViewsNav';
import { ViewList } from './ViewList';
import { deleteView, renameView } from './views';
import './filters.css';

export interface SavedViewsNavProps {
  activeViewId: string | null;
  onSelect: (view: SavedView) => void;
  /** A view was deleted (the screen leaves it if it was the active one). */
  onDeleted?: (view: SavedView) => void;
}

/**
 * The team's views, then the agent's own, for the left column: open one, rename it, or delete it
 * (after a confirmation).
 */
export function SavedViewsNav({ activeViewId, onSelect, onDeleted }: SavedViewsNavProps) {
  const t = useT();
  const { db } = useDesk();
  const views = useSavedViews();

  return (
    <>
      <TeamViewsNav activeViewId={activeViewId} onSelect={onSelect} onDeleted={onDeleted} />
      <nav className="saved-views" aria-label={t('filter.myViews')}>
        <h2 className="saved-views__title">{t('filter.myViews')}</h2>
        {views.length === 0 ? (
          <p className="saved-views__empty">{t('views.empty')}</p>
        ) : (
          <ViewList
            views={views}
            activeViewId={activeViewId}
            onSelect={onSelect}
            tools={{
              renameLabel: (view) => t('views.rename', { name: view.name }),
              renameTitle: () => t('views.renameTitle'),
              deleteLabel: (view) => t('filter.deleteView', { name: view.name }),
              deleteDescription: t('views.deleteDescription'),
              rename: async (view, name) => {
                const result = await renameView(db, view.id, name);
                return result.ok ? null : result.problem;
              },
              delete: async (view) => {
                await deleteView(db, view.id);
                onDeleted?.(view);
              },
            }}
          />
        )}
      </nav>
    </>
  );
}
