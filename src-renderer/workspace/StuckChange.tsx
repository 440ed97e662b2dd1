import { useState } from 'react';
import { useDesk, useSyncStatus } from '../data/desk';
import { useCacheQuery } from '../data/live';
import { useFormat, useT } from '../i18n/hooks';
import { Dialog } from '../ui/Dialog';
import { isMutationName, mutationLabelKeys } from '../ui/refusal';

/**
 * A change the server cannot take holds the agent's later changes back (they go up in order). The
 * agent sees which one, where and why, and has a way out: try again now, or discard that one change
 * after confirming — it is kept on its dossier with its text, and in the device's journal.
 */
export function StuckChangeBanner({ onOpen }: { onOpen: (dossierId: string) => void }) {
  const t = useT();
  const format = useFormat();
  const desk = useDesk();
  const { stuck, pending } = useSyncStatus();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const reference = useCacheQuery(
    async (d) => (stuck ? ((await d.db.dossiers.get(stuck.dossierId))?.reference ?? null) : null),
    [stuck?.dossierId],
    null,
    { tables: ['dossiers'] },
  );
  if (!stuck) return null;
  const action = isMutationName(stuck.name) ? t(mutationLabelKeys[stuck.name]) : stuck.name;
  const where = reference ?? t('stuck.unknownDossier');
  const why = t(`error.${stuck.error.code}`);
  const waiting = Math.max(0, pending - 1);
  const discard = async () => {
    setBusy(true);
    try {
      await desk.discard(stuck.id, t('stuck.discardedWhy', { why: stuck.error.message }));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner banner--danger" role="alert">
      <span>
        {t('stuck.text', { action, reference: where, why })}{' '}
        {t('stuck.detail', { message: stuck.error.message, count: stuck.attempts })}{' '}
        {waiting > 0 ? t('stuck.waiting', { count: waiting }) : null}{' '}
        {stuck.retryAt ? t('stuck.retryAt', { time: format.time(stuck.retryAt) }) : null}
      </span>
      <button type="button" className="button button--small" onClick={() => onOpen(stuck.dossierId)}>
        {t('action.open')}
      </button>
      <button type="button" className="button button--small" onClick={() => desk.retryStuck()}>
        {t('stuck.retry')}
      </button>
      <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
        {t('stuck.discard')}
      </button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('stuck.confirmTitle', { action, reference: where })}
        description={t('stuck.confirmText')}
      >
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => setConfirming(false)}>
            {t('stuck.keep')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void discard()}
          >
            {t('stuck.confirmDiscard')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
