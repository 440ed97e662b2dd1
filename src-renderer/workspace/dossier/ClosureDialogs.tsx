import { useId, useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { limits } from '../../../src-shared/domain/model';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import { outcomeSchema } from '../../../src-shared/domain/vocabulary';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { LocalRefusalNote } from './Refusals';
import { useDossierAction } from './use-action';

interface DialogProps {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
}

/** Closing as resolved by Klik & Pay: a resolution summary is required, the outcome is optional. */
export function CloseDialog({ dossier, open, onClose }: DialogProps) {
  const t = useT();
  const action = useDossierAction(dossier.id);
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const ids = { summary: useId(), outcome: useId(), error: useId() };

  const submit = async () => {
    if (summary.trim() === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    const ok = await action.run('dossier.close', outcome ? { summary, outcome } : { summary });
    if (ok) {
      setSummary('');
      setOutcome('');
      onClose();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('action.close')}
      description={t('closeDialog.description')}
    >
      <form
        className="dossier-dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.summary}>{t('action.resolutionSummary')}</label>
          <textarea
            id={ids.summary}
            ref={field}
            rows={5}
            required
            maxLength={limits.summary}
            value={summary}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? ids.error : undefined}
            onChange={(e) => {
              setSummary(e.target.value);
              if (e.target.value.trim() !== '') setMissing(false);
            }}
          />
          {missing ? (
            <p id={ids.error} className="dossier-dialog__error">
              {t('closeDialog.summaryRequired')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={ids.outcome}>{t('dossier.outcome')}</label>
          <select
            id={ids.outcome}
            value={outcome}
            onChange={(e) => {
              const parsed = outcomeSchema.safeParse(e.target.value);
              setOutcome(parsed.success ? parsed.data : '');
            }}
          >
            <option value="">{t('closeDialog.outcomeNone')}</option>
            {outcomeSchema.options.map((o) => (
              <option key={o} value={o}>
                {t(`outcome.${o}`)}
              </option>
            ))}
          </select>
        </div>
        {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
        <div className="dossier-dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('action.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A supervisor reopens a closed dossier, with a reason: it returns to Klik & Pay. */
export function ReopenDialog({ dossier, open, onClose }: DialogProps) {
  const t = useT();
  const action = useDossierAction(dossier.id);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const ids = { reason: useId(), error: useId() };

  const submit = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      field.current?.focus();
      return;
    }
    if (await action.run('dossier.reopen', { reason })) {
      setReason('');
      onClose();
    }
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('action.reopen')}
      description={t('reopenDialog.description')}
    >
      <form
        className="dossier-dialog"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={ids.reason}>{t('action.reopenReason')}</label>
          <textarea
            id={ids.reason}
            ref={field}
            rows={4}
            required
            maxLength={limits.reason}
            value={reason}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? ids.error : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (e.target.value.trim() !== '') setMissing(false);
            }}
          />
          {missing ? (
            <p id={ids.error} className="dossier-dialog__error">
              {t('reopenDialog.reasonRequired')}
            </p>
          ) : null}
        </div>
        {action.refusal ? <LocalRefusalNote refusal={action.refusal} onDismiss={action.clear} /> : null}
        <div className="dossier-dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t('action.reopen')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
