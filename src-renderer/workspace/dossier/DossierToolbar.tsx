import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { Dossier, User } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { ActionButton } from '../../ui/ActionButton';
import { refusalReasonText } from '../../ui/refusal';
import { LocalRefusalNote } from './Refusals';
import type { RuleCheck } from './use-action';
import { useDossierAction } from './use-action';

export type DossierDialog = 'close' | 'reopen' | 'followUp';

export interface DossierToolbarProps {
  dossier: Dossier;
  user: User;
  staff: readonly User[];
  check: RuleCheck;
  onOpenDialog: (dialog: DossierDialog) => void;
  /** What the view shows (correspondence or audit trail), last on the line: it wraps with the actions. */
  views?: ReactNode;
}

/**
 * The dossier's own actions: take over, assignment, follow-up, close and reopen. What the rules
 * cannot allow now is greyed out but still reachable, saying why (`ActionButton`), or, where it
 * plainly does not apply, left out; the rules still judge every click.
 */
export function DossierToolbar({ dossier: d, user, staff, check, onOpenDialog, views }: DossierToolbarProps) {
  const t = useT();
  const action = useDossierAction(d);
  const [assignee, setAssignee] = useState('');
  const pickerId = useId();
  const open = d.status !== 'closed';
  const supervisor = user.role === 'supervisor';

  const takeOver = check({ name: 'dossier.take_over', args: {} });
  const assignToMe = check({ name: 'dossier.assign', args: { assigneeId: user.id } });
  const unassign = check({ name: 'dossier.assign', args: { assigneeId: null } });
  const close = check({ name: 'dossier.close', args: { summary: '-' } });
  const reopen = check({ name: 'dossier.reopen', args: { reason: '-' } });

  const small = 'button button--small';
  return (
    <div className="dossier-toolbar-wrap">
      <div className="dossier-toolbar" role="group" aria-label={t('dossierView.actions')}>
        {open ? (
          <ActionButton
            className={small}
            data-action="take-over"
            unavailableBecause={takeOver && refusalReasonText(t, takeOver)}
            unavailable={action.busy}
            onPress={() => void action.run('dossier.take_over', {})}
          >
            {t('action.takeOver')}
          </ActionButton>
        ) : null}
        {d.assigneeId !== user.id ? (
          <ActionButton
            className={small}
            data-action="assign-to-me"
            unavailableBecause={assignToMe && refusalReasonText(t, assignToMe)}
            unavailable={action.busy}
            onPress={() => void action.run('dossier.assign', { assigneeId: user.id })}
          >
            {t('action.assignToMe')}
          </ActionButton>
        ) : null}
        {d.assigneeId !== null ? (
          <ActionButton
            className={small}
            data-action="unassign"
            unavailableBecause={unassign && refusalReasonText(t, unassign)}
            unavailable={action.busy}
            onPress={() => void action.run('dossier.assign', { assigneeId: null })}
          >
            {t('action.unassign')}
          </ActionButton>
        ) : null}
        {supervisor ? (
          <form
            className="dossier-toolbar__assign"
            onSubmit={(event) => {
              event.preventDefault();
              if (assignee) {
                void action.run('dossier.assign', { assigneeId: assignee }).then((ok) => {
                  if (ok) setAssignee('');
                });
              }
            }}
          >
            <label htmlFor={pickerId} className="visually-hidden">
              {t('dossierView.assignTo')}
            </label>
            <select
              id={pickerId}
              data-action="assign"
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
            >
              <option value="">{t('dossierView.assignTo')}</option>
              {staff
                .filter((s) => s.id !== d.assigneeId)
                .map((s) => (
                  // Absent staff get no new dossier (the rules would refuse it): said, not offered.
                  <option key={s.id} value={s.id} disabled={s.absent === true && s.id !== user.id}>
                    {s.absent === true ? t('staff.nameAbsent', { name: s.name }) : s.name}
                  </option>
                ))}
            </select>
            <button type="submit" className={small} disabled={!assignee || action.busy}>
              {t('action.assign')}
            </button>
          </form>
        ) : null}
        <span className="dossier-toolbar__gap" aria-hidden="true" />
        <button
          type="button"
          className={small}
          data-action="follow-up"
          onClick={() => onOpenDialog('followUp')}
        >
          {t('action.followUp')}
        </button>
        {open ? (
          <ActionButton
            className={small}
            data-action="close"
            unavailableBecause={close && refusalReasonText(t, close)}
            onPress={() => onOpenDialog('close')}
          >
            {t('action.close')}
          </ActionButton>
        ) : null}
        {!open && reopen === null ? (
          <button type="button" className={small} data-action="reopen" onClick={() => onOpenDialog('reopen')}>
            {t('action.reopen')}
          </button>
        ) : null}
        {views}
      </div>
      {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
    </div>
  );
}
