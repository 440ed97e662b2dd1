import type { MerchantStage, Status } from '../../src-shared/domain/vocabulary';
import { useT } from '../i18n/hooks';

export interface StatusBadgeProps {
  status: Status;
  /** Shown instead of "Awaiting merchant" when the merchant is overdue or was reminded. */
  merchantStage?: MerchantStage | null;
}

/** A dossier's status as a small coloured label (the colour repeats the words, never replaces them). */
export function StatusBadge({ status, merchantStage }: StatusBadgeProps) {
  const t = useT();
  const late = status === 'awaiting_merchant' && merchantStage && merchantStage !== 'answer_due';
  const tone = late ? 'overdue' : status;
  return (
    <span className={`badge badge--${tone}`}>
      {late ? t(`merchantStage.${merchantStage}`) : t(`status.${status}`)}
    </span>
  );
}
