import type { MerchantStage, Status } from '../../src-shared/domain/vocabulary';
import { useT } from '../i18n/hooks';

export interface StatusBadgeProps {
  status: Status;
  /** Shown instead of "Awaiting merchant" when the merchant is overdue or was reminded. */
  merchantStage?: MerchantStage | null;
  /** Short words for a dense row (a queue); the full ones become the tooltip. */
  compact?: boolean;
}

/** A dossier's status as a small coloured label (the colour repeats the words, never replaces them). */
export function StatusBadge({ status, merchantStage, compact = false }: StatusBadgeProps) {
  const t = useT();
  const late = status === 'awaiting_merchant' && merchantStage && merchantStage !== 'answer_due';
  const tone = late ? 'overdue' : status;
  const full = late ? t(`merchantStage.${merchantStage}`) : t(`status.${status}`);
  if (!compact) return <span className={`badge badge--${tone}`}>{full}</span>;
  const short = late ? t(`statusShort.${merchantStage}`) : t(`statusShort.${status}`);
  return (
    <span className={`badge badge--${tone}`} title={short === full ? undefined : full}>
      {short}
    </span>
  );
}
