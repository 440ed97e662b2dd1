import type { Dossier } from '../../../src-shared/domain/model';

/**
 * What a queue row's time column counts: the deadline of whoever has the move (Klik & Pay's or
 * the merchant's), else the auto-close, or for a closed dossier the day it closed. An open dossier
 * with none of these (no rule leaves one so) has no deadline.
 */
export type RowTime =
  | { kind: 'klikpay' | 'merchant' | 'autoClose'; at: string }
  | { kind: 'closed'; at: string }
  | { kind: 'none' };

export function rowTime(d: Dossier): RowTime {
  if (d.status === 'closed') return { kind: 'closed', at: d.closure?.at ?? d.updatedAt };
  if (d.dueAt !== null && d.status === 'awaiting_klikpay') return { kind: 'klikpay', at: d.dueAt };
  if (d.dueAt !== null && d.status === 'awaiting_merchant') return { kind: 'merchant', at: d.dueAt };
  if (d.autoCloseAt !== null) return { kind: 'autoClose', at: d.autoCloseAt };
  return { kind: 'none' };
}
