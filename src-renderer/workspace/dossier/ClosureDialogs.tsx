import { useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { limits } from '../../../src-shared/domain/model';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { OutcomeSelect, RequiredText } from '../../ui/fields';
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
        <RequiredText
          ref={field}
          label={t('action.resolutionSummary')}
          rows={5}
          maxLength={limits.summary}
          value={summary}
          error={missing ? t('closeDialog.summaryRequired') : null}
          onChange={(value) => {
            setSummary(value);
            if (value.trim() !== '') setMissing(false);
          }}
        />
        <OutcomeSelect value={outcome} onChange={setOutcome} noneLabel={t('closeDialog.outcomeNone')} />
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
        <RequiredText
          ref={field}
          label={t('action.reopenReason')}
          maxLength={limits.reason}
          value={reason}
          error={missing ? t('reopenDialog.reasonRequired') : null}
          onChange={(value) => {
            setReason(value);
            if (value.trim() !== '') setMissing(false);
          }}
        />
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
