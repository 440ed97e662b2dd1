import { useT } from '../../i18n/hooks';
import { Dialog } from '../../ui/Dialog';
import type { ReminderPlan, SkipReason } from './bulk-run';

const skipOrder: readonly SkipReason[] = [
  'merchant_not_late',
  'not_awaiting_merchant',
  'dossier_closed',
  'not_found',
];

/**
 * Before a bulk reminder: the Good Practices reminder is a formal letter to each merchant, so the
 * agent sees how many will go and who is left out and why (the merchant is not late yet, the
 * dossier does not await it…) before anything is sent.
 */
export function ReminderDialog({
  plan,
  onCancel,
  onConfirm,
}: {
  plan: ReminderPlan | null;
  onCancel: () => void;
  onConfirm: (plan: ReminderPlan) => void;
}) {
  const t = useT();
  const count = plan?.eligible.length ?? 0;
  return (
    <Dialog
      open={plan !== null}
      onClose={onCancel}
      title={t('bulk.remindTitle')}
      description={count > 0 ? t('bulk.remindWillSend', { count }) : t('bulk.remindNone')}
    >
      {plan && plan.alreadyReminded > 0 ? (
        <p>{t('bulk.remindAgain', { count: plan.alreadyReminded })}</p>
      ) : null}
      {plan && plan.skippedCount > 0 ? (
        <div className="bulk-skips">
          <p>{t('bulk.remindSkipped', { count: plan.skippedCount })}</p>
          <ul>
            {skipOrder.map((reason) => {
              const n = plan.skipped[reason] ?? 0;
              return n > 0 ? <li key={reason}>{t(`bulk.skip.${reason}`, { count: n })}</li> : null;
            })}
          </ul>
        </div>
      ) : null}
      <div className="filters-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('filters.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={count === 0}
          onClick={() => {
            if (plan) onConfirm(plan);
          }}
        >
          {t('bulk.remindSubmit', { count })}
        </button>
      </div>
    </Dialog>
  );
}
