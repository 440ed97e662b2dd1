import type { MerchantStage, Status } from '../../src-shared/domain/vocabulary';
import { useT } from '../i18n/hooks';
import type { Translate } from '../i18n/translate';

export interface StatusBadgeProps {
  status: Status;
  /** Shown instead of "Awaiting merchant" when the merchant is overdue or was reminded. */
  merchantStage?: MerchantStage | null;
  /** Short words for a dense row (a queue); the full ones become the tooltip. */
  compact?: boolean;
}

const lateStage = (status: Status, merchantStage: MerchantStage | null | undefined) =>
  status === 'awaiting_merchant' && merchantStage && merchantStage !== 'answer_due' ? merchantStage : null;

/** A dossier's status in full words: the merchant's stage when it is overdue or was reminded. */
export function statusText(t: Translate, status: Status, merchantStage?: MerchantStage | null): string {
  const late = lateStage(status, merchantStage);
  return late ? t(`merchantStage.${late}`) : t(`status.${status}`);
}

/** A dossier's status as a small coloured label (the colour repeats the words, never replaces them). */
export function StatusBadge({ status, merchantStage, compact = false }: StatusBadgeProps) {
  const t = useT();
  const late = lateStage(status, merchantStage);
  const tone = late ? 'overdue' : status;
  const full = statusText(t, status, merchantStage);
  if (!compact) return <span className={`badge badge--${tone}`}>{full}</span>;
  const short = late ? t(`statusShort.${late}`) : t(`statusShort.${status}`);
  return (
    <span className={`badge badge--${tone}`} title={short === full ? undefined : full}>
      {short}
    </span>
  );
}
