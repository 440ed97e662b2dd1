import { useState } from 'react';
import type { SavedView } from '../../../src-shared/domain/filters';
import type { TeamView } from '../../../src-shared/domain/team';
import { mayEditTeamItem } from '../../../src-shared/domain/team';
import { useDesk } from '../../data/desk';
import { useStaff } from '../../data/queues';
import { useTeamViews } from '../../data/team';
import { useT } from '../../i18n/hooks';
import { fieldsOfView, saveTeamView } from './team-views';
import { ViewList } from './ViewList';
import './filters.css';

export interface TeamViewsNavProps {
  activeViewId: string | null;
  onSelect: (view: SavedView) => void;
  onDeleted?: (view: SavedView) => void;
}

/**
 * The views a supervisor shared with the team, above the agent's own, with their live counts.
 * Supervisors rename and delete them (online: the change is the team's); nothing shows while the
 * team has none.
 */
export function TeamViewsNav({ activeViewId, onSelect, onDeleted }: TeamViewsNavProps) {
  const t = useT();
  const desk = useDesk();
  const views = useTeamViews();
  const staff = useStaff();
  const [failure, setFailure] = useState<string | null>(null);
  if (views.length === 0) return null;
  const authorOf = (view: TeamView) => staff.find((s) => s.id === view.createdBy)?.name ?? view.createdBy;

  return (
    <nav className="saved-views saved-views--team" aria-label={t('views.team')}>
      <h2 className="saved-views__title">{t('views.team')}</h2>
      <ViewList
        views={views}
        activeViewId={activeViewId}
        onSelect={onSelect}
        titleOf={(view) => t('views.teamBy', { name: authorOf(view) })}
        {...(mayEditTeamItem('view', desk.user, null)
          ? {
              tools: {
                renameLabel: (view: TeamView) => t('views.renameTeam', { name: view.name }),
                renameTitle: (view: TeamView) => t('views.renameTeam', { name: view.name }),
                deleteLabel: (view: TeamView) => t('views.deleteTeam', { name: view.name }),
                deleteDescription: t('views.deleteTeamDescription'),
                rename: async (view: TeamView, name: string) => {
                  const result = await saveTeamView(desk, views, view.id, { ...fieldsOfView(view), name });
                  return result.ok ? null : result.problem;
                },
                delete: async (view: TeamView) => {
                  setFailure(null);
                  const answer = await desk.deleteTeamItem({ kind: 'view', id: view.id });
                  if (answer.ok) onDeleted?.(view);
                  else
                    setFailure(
                      answer.error.code === 'offline'
                        ? t('views.error.offline')
                        : t('views.error.refused', { message: answer.error.message }),
                    );
                },
              },
            }
          : {})}
      />
      {failure ? (
        <p className="filters__problem" role="alert">
          {failure}
        </p>
      ) : null}
    </nav>
  );
}
