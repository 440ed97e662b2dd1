import { useState } from 'react';
import type { DossierFilter, DossierSort, SavedView } from '../../../src-shared/domain/filters';
import type { QueueId } from '../../../src-shared/domain/queues';
import { useDesk } from '../../data/desk';
import { useT } from '../../i18n/hooks';
import { ViewNameDialog } from './ViewNameDialog';
import { saveTeamView } from './team-views';
import { saveView } from './views';
import { useTeamViews } from '../../data/team';
import './filters.css';

export interface SaveViewButtonProps {
  queue: QueueId;
  filter: DossierFilter;
  sort: DossierSort;
  /** The view just saved (e.g. to make it the active one). */
  onSaved?: (view: SavedView) => void;
}

/** "Save as a view": asks a name, and keeps the queue, filter and sort as a personal view, or (a
 * supervisor's choice) a view shared with the team. */
export function SaveViewButton({ queue, filter, sort, onSaved }: SaveViewButtonProps) {
  const t = useT();
  const desk = useDesk();
  const teamViews = useTeamViews();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('filter.saveView')}
      </button>
      <ViewNameDialog
        open={open}
        title={t('filter.saveView')}
        description={t('views.saveDescription', { queue: t(`queue.${queue}`) })}
        initialName=""
        submitLabel={t('views.save')}
        onClose={() => setOpen(false)}
        canShare={desk.user.role === 'supervisor'}
        onSubmit={async (name, shared) => {
          const result = shared
            ? await saveTeamView(desk, teamViews, crypto.randomUUID(), { name, queue, filter, sort })
            : await saveView(desk.db, { name, queue, filter, sort });
          if (!result.ok) return result.problem;
          setOpen(false);
          onSaved?.(result.view);
          return null;
        }}
      />
    </>
  );
}
