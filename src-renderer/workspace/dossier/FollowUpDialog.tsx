import { useId, useMemo, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useFormat, useT } from '../../i18n/hooks';
import { agentTimeZone, followUpHidesOverdue, followUpPresets } from './follow-up';
import { DossierFormDialog } from './FormDialog';
import { useDossierAction } from './use-action';

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date and time as `<input type="datetime-local">` writes it: 2026-07-14T09:00. */
export function toLocalInput(instant: number): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface FollowUpDialogProps {
  dossier: Dossier;
  userId: string;
  now: number;
  open: boolean;
  onClose: () => void;
}

/**
 * The agent's own follow-up on the dossier: it comes back to Mine on that date; clearing it too.
 * Quick choices fill the date (the next business morning by default); a date that would take an
 * overdue dossier out of Mine is said before it is saved.
 */
export function FollowUpDialog({ dossier, userId, now, open, onClose }: FollowUpDialogProps) {
  const t = useT();
  const format = useFormat();
  const { settings } = useDesk();
  const action = useDossierAction(dossier);
  const current = dossier.followUps[userId];
  const presets = useMemo(
    () =>
      followUpPresets(now, {
        ...settings.calendar,
        timeZone: agentTimeZone(settings.calendar.timeZone),
      }),
    [now, settings.calendar],
  );
  const [value, setValue] = useState(() => {
    const morning = presets.find((p) => p.id === 'tomorrowMorning' || p.id === 'nextBusinessMorning');
    return toLocalInput(current ? Date.parse(current) : (morning?.at ?? now + 86_400_000));
  });
  const inputId = useId();
  const warningId = useId();

  const save = async (until: string | null) => {
    if (await action.run('dossier.follow_up', { until })) onClose();
  };
  const when = Date.parse(value);
  const hidesOverdue = !Number.isNaN(when) && followUpHidesOverdue(dossier, userId, when, now, settings);

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
      <div className="follow-up__presets" role="group" aria-label={t('followUp.presets')}>
        {presets.map((preset) => {
          const local = toLocalInput(preset.at);
          return (
            <button
              key={preset.id}
              type="button"
              className="button follow-up__preset"
              aria-pressed={local === value}
              onClick={() => setValue(local)}
            >
              {t(`followUp.preset.${preset.id}`)}{' '}
              <span className="follow-up__preset-date">{format.dateTime(preset.at)}</span>
            </button>
          );
        })}
      </div>
      <div className="field">
        <label htmlFor={inputId}>{t('followUp.when')}</label>
        <input
          id={inputId}
          type="datetime-local"
          value={value}
          min={toLocalInput(now)}
          required
          aria-describedby={hidesOverdue ? warningId : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      {hidesOverdue ? (
        <p id={warningId} className="form-warning" role="status">
          {t('followUp.hidesOverdue', { date: format.dateTime(when) })}
        </p>
      ) : null}
    </DossierFormDialog>
  );
}
