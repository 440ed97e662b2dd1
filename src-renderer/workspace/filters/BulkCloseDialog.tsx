import type { RefObject } from 'react';
import { useRef, useState } from 'react';
import { limits, textSchema } from '../../../src-shared/domain/model';
import type { Outcome } from '../../../src-shared/domain/vocabulary';
import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import { OutcomeSelect, RequiredText } from '../../ui/fields';

export interface BulkCloseDialogProps {
  open: boolean;
  /** How many dossiers would be closed (as selected: "all that match" is counted again on closing). */
  count: number;
  onClose: () => void;
  onConfirm: (summary: string, outcome: Outcome | undefined) => void;
}

/**
 * Closing in bulk is confirmed here, with what every closure needs: a resolution summary (required)
 * and the outcome. The button says how many dossiers it closes.
 */
export function BulkCloseDialog({ open, count, onClose, onConfirm }: BulkCloseDialogProps) {
  const t = useT();
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('bulk.closeTitle', { count })}
      description={t('bulk.closeDescription', { count })}
      initialFocus={summaryRef}
    >
      <CloseForm count={count} onClose={onClose} onConfirm={onConfirm} summaryRef={summaryRef} />
    </Dialog>
  );
}

function CloseForm({
  count,
  onClose,
  onConfirm,
  summaryRef,
}: Omit<BulkCloseDialogProps, 'open'> & { summaryRef: RefObject<HTMLTextAreaElement | null> }) {
  const t = useT();
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [error, setError] = useState<'blank' | 'tooLong' | null>(null);
  const schema = textSchema(limits.summary);

  return (
    <form
      className="bulk-close"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = schema.safeParse(summary);
        if (!parsed.success) {
          setError(summary.trim() === '' ? 'blank' : 'tooLong');
          summaryRef.current?.focus();
          return;
        }
        onConfirm(parsed.data, outcome === '' ? undefined : outcome);
      }}
    >
      <RequiredText
        ref={summaryRef}
        label={t('action.resolutionSummary')}
        maxLength={limits.summary}
        value={summary}
        error={
          error === 'blank'
            ? t('bulk.summaryRequired')
            : error === 'tooLong'
              ? t('bulk.summaryTooLong', { max: limits.summary })
              : null
        }
        onChange={(value) => {
          setSummary(value);
          setError(null);
        }}
      />
      <OutcomeSelect value={outcome} onChange={setOutcome} noneLabel={t('bulk.outcomeNone')} />
      <div className="filters-dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('filters.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('bulk.closeSubmit', { count })}
        </button>
      </div>
    </form>
  );
}
