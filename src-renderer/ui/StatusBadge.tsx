import type { MerchantStage, Status } from '../../src-shared/domain/vocabulary';
import { useT } from '../i18n/hooks';
import type { Translate } from '../i18n/translate';

export interface StatusBadgeProps {
  status: Status;
  /** Shown instead of "Awaiting merchant" when the merchant is overdue or was reminded. */
  merchantStage?: MerchantStage | null;
  /** Escalated to Klik & Pay (the dossier's `escalatedAt`): shown instead of "Awaiting Klik & Pay". */
  escalated?: boolean;
  /** Short words for a dense row (a queue); the full ones become the tooltip. */
  compact?: boolean;
}

/**
 * What the badge says: the status, or what the status alone would hide — the merchant overdue or
 * reminded (each its own badge), the dossier escalated to Klik & Pay.
 */
type BadgeState = Status | 'overdue' | 'reminded' | 'escalated';

function badgeState(
  status: Status,
  merchantStage: MerchantStage | null | undefined,
  escalated: boolean,
): BadgeState {
  if (status === 'awaiting_merchant' && merchantStage && merchantStage !== 'answer_due') return merchantStage;
  if (status === 'awaiting_klikpay' && escalated) return 'escalated';
  return status;
}

function fullText(t: Translate, state: BadgeState): string {
  switch (state) {
    case 'overdue':
    case 'reminded':
      return t(`merchantStage.${state}`);
    case 'escalated':
      return t('escalation.status');
    default:
      return t(`status.${state}`);
  }
}

/** A dossier's status in full words: the merchant's stage when it is overdue or was reminded, an escalation. */
export function statusText(
  t: Translate,
  status: Status,
  merchantStage?: MerchantStage | null,
  escalated = false,
): string {
  return fullText(t, badgeState(status, merchantStage, escalated));
}

/** A dossier's status as a small coloured label (the colour repeats the words, never replaces them). */
export function StatusBadge({ status, merchantStage, escalated = false, compact = false }: StatusBadgeProps) {
  const t = useT();
  const state = badgeState(status, merchantStage, escalated);
  const full = fullText(t, state);
  if (!compact) return <span className={`badge badge--${state}`}>{full}</span>;
  const short = t(`statusShort.${state}`);
  return (
    <span className={`badge badge--${state}`} title={short === full ? undefined : full}>
      {short}
    </span>
  );
}
