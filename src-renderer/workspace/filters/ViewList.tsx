import { useState } from 'react';
import type { SavedView } from '../../../src-shared/domain/filters';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { ViewCount, isQueueId } from './ViewCount';
import { ViewNameDialog } from './ViewNameDialog';
import type { ViewRefusal } from './views';

/** What the list may do to a view besides opening it: rename and delete, in the words of its kind. */
export interface ViewTools<V extends SavedView> {
  renameLabel: (view: V) => string;
  renameTitle: (view: V) => string;
  deleteLabel: (view: V) => string;
  deleteDescription: string;
  /** Renames it; answers why not, or null when it was renamed. */
  rename: (view: V, name: string) => Promise<ViewRefusal | null>;
  delete: (view: V) => Promise<void>;
}

export interface ViewListProps<V extends SavedView> {
  views: readonly V[];
  activeViewId: string | null;
  onSelect: (view: V) => void;
  /** What shows on hover over a view's name (who shared it). */
  titleOf?: (view: V) => string;
  /** Absent: the views can only be opened. */
  tools?: ViewTools<V>;
}

/** Saved views in the left column, each with its queue and live count; renamed and deleted after asking. */
export function ViewList<V extends SavedView>({
  views,
  activeViewId,
  onSelect,
  titleOf,
  tools,
}: ViewListProps<V>) {
  const t = useT();
  const [renaming, setRenaming] = useState<V | null>(null);
  const [deleting, setDeleting] = useState<V | null>(null);
  return (
    <>
      <ul className="saved-views__list">
        {views.map((view) => (
          <li key={view.id} className="saved-views__item">
            <button
              type="button"
              className="saved-views__open"
              aria-current={view.id === activeViewId ? 'page' : undefined}
              title={titleOf?.(view)}
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
            {tools ? (
              <span className="saved-views__tools">
                <button
                  type="button"
                  className="icon-button saved-views__tool"
                  aria-label={tools.renameLabel(view)}
                  title={tools.renameLabel(view)}
                  onClick={() => setRenaming(view)}
                >
                  <span aria-hidden="true">✎</span>
                </button>
                <button
                  type="button"
                  className="icon-button saved-views__tool"
                  aria-label={tools.deleteLabel(view)}
                  title={tools.deleteLabel(view)}
                  onClick={() => setDeleting(view)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {tools && renaming ? (
        <ViewNameDialog
          key={renaming.id}
          open
          title={tools.renameTitle(renaming)}
          initialName={renaming.name}
          submitLabel={t('views.renameSubmit')}
          onClose={() => setRenaming(null)}
          onSubmit={async (name) => {
            const problem = await tools.rename(renaming, name);
            if (problem === null) setRenaming(null);
            return problem;
          }}
        />
      ) : null}
      {tools ? (
        <Dialog
          open={deleting !== null}
          onClose={() => setDeleting(null)}
          title={deleting ? tools.deleteLabel(deleting) : ''}
          description={tools.deleteDescription}
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
                if (view) void tools.delete(view);
              }}
            >
              {t('views.delete')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
