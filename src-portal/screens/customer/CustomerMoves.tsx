import { useState } from 'react';
import type { Dossier } from '../../../src-shared/domain/model';
import { useCustomerMove } from '../../api/hooks';
import { useI18n } from '../../i18n/I18nProvider';
import { useSettings } from '../../ui/clock';
import { ConfirmDialog } from '../../ui/Dialog';
import { errorText } from '../../ui/words';

/** "The dispute is resolved" (closes the claim), after the customer confirms it. */
export function ResolveBox({ dossier }: { dossier: Dossier }) {
  const i18n = useI18n();
  const { t } = i18n;
  const resolve = useCustomerMove(dossier.id, 'resolve');
  const [asking, setAsking] = useState(false);
  if (dossier.closure !== null) {
    // Just closed here: the thanks take the place (and the focus) of the button that is gone.
    return resolve.isSuccess ? (
      <p className="note note--success" role="status" tabIndex={-1} ref={(note) => note?.focus()}>
        {t('resolve.done', { reference: dossier.reference })}
      </p>
    ) : null;
  }
  return (
    <section className="panel" aria-labelledby="resolve-heading">
      <h2 id="resolve-heading">{t('resolve.heading')}</h2>
      <p>{t('resolve.lead')}</p>
      <button type="button" className="button button--primary" onClick={() => setAsking(true)}>
        {t('resolve.button')}
      </button>
      {resolve.isError && !asking && (
        <p className="note note--error" role="alert">
          {errorText(i18n, resolve.error)}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={t('resolve.confirmTitle', { reference: dossier.reference })}
        confirmLabel={t('resolve.confirm')}
        busy={resolve.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => resolve.mutate(undefined, { onSettled: () => setAsking(false) })}
      >
        <p>{t('resolve.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** The merchant is silent or its answer does not suit: the customer asks Klik & Pay to step in. */
export function EscalateBox({ dossier }: { dossier: Dossier }) {
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useSettings();
  const escalate = useCustomerMove(dossier.id, 'escalate');
  const [asking, setAsking] = useState(false);
  return (
    <section className="panel panel--quiet" aria-labelledby="escalate-heading">
      <h2 id="escalate-heading" className="visually-hidden">
        {t('escalate.button')}
      </h2>
      <p>{t('escalate.lead')}</p>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('escalate.button')}
      </button>
      {escalate.isError && !asking && (
        <p className="note note--error" role="alert">
          {errorText(i18n, escalate.error)}
        </p>
      )}
      <ConfirmDialog
        open={asking}
        title={t('escalate.confirmTitle', { reference: dossier.reference })}
        confirmLabel={t('escalate.confirm')}
        busy={escalate.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={() => escalate.mutate(undefined, { onSettled: () => setAsking(false) })}
      >
        <p>{t('escalate.confirmText', { count: settings.klikpayReplyBusinessDays })}</p>
      </ConfirmDialog>
    </section>
  );
}
