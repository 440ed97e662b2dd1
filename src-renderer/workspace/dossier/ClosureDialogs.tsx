import { useRef, useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { limits } from '../../../src-shared/domain/model';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import { useT } from '../../i18n/hooks';
import { OutcomeSelect, RequiredText } from '../../ui/fields';
import { DossierFormDialog } from './FormDialog';
import { useDossierAction } from './use-action';

interface DialogProps {
  dossier: Dossier;
  open: boolean;
  onClose: () => void;
}

/** Closing as resolved by Klik & Pay: a resolution summary is required, the outcome is optional. */
export function CloseDialog({ dossier, open, onClose }: DialogProps) {
  const t = useT();
  const action = useDossierAction(dossier);
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
    <DossierFormDialog
      open={open}
      onClose={onClose}
      title={t('closeDialog.title', { reference: dossier.reference })}
      description={t('closeDialog.description')}
      action={action}
      submitLabel={t('action.close')}
      onSubmit={() => void submit()}
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
    </DossierFormDialog>
  );
}

/** A supervisor reopens a closed dossier, with a reason: it returns to Klik & Pay. */
export function ReopenDialog({ dossier, open, onClose }: DialogProps) {
  const t = useT();
  const action = useDossierAction(dossier);
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
    <DossierFormDialog
      open={open}
      onClose={onClose}
      title={t('reopenDialog.title', { reference: dossier.reference })}
      description={t('reopenDialog.description')}
      action={action}
      submitLabel={t('action.reopen')}
      onSubmit={() => void submit()}
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
    </DossierFormDialog>
  );
}
