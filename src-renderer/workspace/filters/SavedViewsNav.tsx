import { useMemo, useState } from 'react';
import type { SavedView } from '../../../src-shared/domain/filters';
import type { QueueId } from '../../../src-shared/domain/queues';
import { queueIds } from '../../../src-shared/domain/queues';
import { useDesk } from '../../data/desk';
import { useQueueCount, useSavedViews } from '../../data/queues';
import { useSteppedNow } from '../../data/live';
import { upgradeStoredFilter } from '../../../src-shared/domain/filters';
import { useFormat, useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { ViewNameDialog } from './ViewNameDialog';
import { deleteView, renameView } from './views';
import './filters.css';

export interface SavedViewsNavProps {
  activeViewId: string | null;
  onSelect: (view: SavedView) => void;
  /** A view was deleted (the screen leaves it if it was the active one). */
  onDeleted?: (view: SavedView) => void;
}

const isQueueId = (queue: string): queue is QueueId => (queueIds as readonly string[]).includes(queue);

/** A view's live count, as the queues show theirs (read once the changes pause, like theirs). */
function ViewCount({ view, queue }: { view: SavedView; queue: QueueId }) {
  const t = useT();
  const format = useFormat();
  const now = useSteppedNow(60_000);
  const query = useMemo(
    () => ({ queue, filter: upgradeStoredFilter(view.filter), sort: view.sort }),
    [queue, view.filter, view.sort],
  );
  const count = useQueueCount(query, now);
  return (
    <span className="saved-views__count">
      <span aria-hidden="true">{count === null ? '…' : format.number(count)}</span>
      <span className="visually-hidden">
        {count === null ? t('views.counting') : t('views.count', { count })}
      </span>
    </span>
  );
}

/** The agent's own views for the left column: open one, rename it, or delete it (after a confirmation). */
export function SavedViewsNav({ activeViewId, onSelect, onDeleted }: SavedViewsNavProps) {
  const t = useT();
  const { db } = useDesk();
  const views = useSavedViews();
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);

  return (
    <nav className="saved-views" aria-label={t('filter.myViews')}>
      <h2 className="saved-views__title">{t('filter.myViews')}</h2>
      {views.length === 0 ? (
        <p className="saved-views__empty">{t('views.empty')}</p>
      ) : (
        <ul className="saved-views__list">
          {views.map((view) => (
            <li key={view.id} className="saved-views__item">
              <button
                type="button"
                className="saved-views__open"
                aria-current={view.id === activeViewId ? 'page' : undefined}
                onClick={() => onSelect(view)}
              >
                <span className="saved-views__name">{view.name}</span>
                {isQueueId(view.queue) ? (
                  <>
                    <span className="saved-views__queue">{t(`queue.${view.queue}`)}</span>
                    <ViewCount view={view} queue={view.queue} />
                  </>
                ) : null}
              </button>
              <span className="saved-views__tools">
                <button
                  type="button"
                  className="icon-button saved-views__tool"
                  aria-label={t('views.rename', { name: view.name })}
                  title={t('views.rename', { name: view.name })}
                  onClick={() => setRenaming(view)}
                >
                  <span aria-hidden="true">✎</span>
                </button>
                <button
                  type="button"
                  className="icon-button saved-views__tool"
                  aria-label={t('filter.deleteView', { name: view.name })}
                  title={t('filter.deleteView', { name: view.name })}
                  onClick={() => setDeleting(view)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {renaming ? (
        <ViewNameDialog
          key={renaming.id}
          open
          title={t('views.renameTitle')}
          initialName={renaming.name}
          submitLabel={t('views.renameSubmit')}
          onClose={() => setRenaming(null)}
          onSubmit={async (name) => {
            const result = await renameView(db, renaming.id, name);
            if (!result.ok) return result.problem;
            setRenaming(null);
            return null;
          }}
        />
      ) : null}
      <Dialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={deleting ? t('filter.deleteView', { name: deleting.name }) : ''}
        description={t('views.deleteDescription')}
      >
        <div className="filters-dialog__actions">
          <button type="button" className="button" onClick={() => setDeleting(null)}>
            {t('filters.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              const view = deleting;
              setDeleting(null);
              if (!view) return;
              void deleteView(db, view.id).then(() => onDeleted?.(view));
            }}
          >
            {t('views.delete')}
          </button>
        </div>
      </Dialog>
    </nav>
  );
}
