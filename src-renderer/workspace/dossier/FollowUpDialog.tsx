import { useId, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useT } from '../../i18n/hooks';
import { DossierFormDialog } from './FormDialog';
import { useDossierAction } from './use-action';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and time as `<input type="datetime-local">` writes it: 2026-07-14T09:00. */
export function toLocalInput(instant: number): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The next morning at 9:00, the agent's time: the usual "come back to it tomorrow". */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

export interface FollowUpDialogProps {
  dossier: Dossier;
  userId: string;
  now: number;
  open: boolean;
  onClose: () => void;
}

/** The agent's own follow-up on the dossier: it comes back to Mine on that date; clearing it too. */
export function FollowUpDialog({ dossier, userId, now, open, onClose }: FollowUpDialogProps) {
  const t = useT();
  const action = useDossierAction(dossier);
  const current = dossier.followUps[userId];
  const [value, setValue] = useState(() =>
    toLocalInput(current ? Date.parse(current) : tomorrowMorning(now)),
  );
  const inputId = useId();

  const save = async (until: string | null) => {
    if (await action.run('dossier.follow_up', { until })) onClose();
  };
  const when = Date.parse(value);

  return (
    <DossierFormDialog
      open={open}
      onClose={onClose}
      title={t('action.followUp')}
      description={t('followUp.description')}
      action={action}
      submitLabel={t('common.save')}
      submitDisabled={Number.isNaN(when)}
      onSubmit={() => {
        if (!Number.isNaN(when)) void save(new Date(when).toISOString());
      }}
      startButton={
        current ? (
          <button
            type="button"
            className="button dossier-dialog__start"
            disabled={action.busy}
            onClick={() => void save(null)}
          >
            {t('followUp.clear')}
          </button>
        ) : null
      }
    >
      <div className="field">
        <label htmlFor={inputId}>{t('followUp.when')}</label>
        <input
          id={inputId}
          type="datetime-local"
          value={value}
          min={toLocalInput(now)}
          required
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
    </DossierFormDialog>
  );
}
