import type { Dossier } from '../../src-shared/domain/model';
import { isMerchantOverdue, urgentAt } from '../../src-shared/domain/queues';
import { ms } from '../../src-shared/domain/settings';

/**
 * Where a claim stands, as a party needs to know it: what is happening, whose move it is, until
 * when, and whether that deadline has passed. Read from the dossier with the shared rules
 * (`isMerchantOverdue`), so the portal says what the back office and the server decide.
 */

export type Party = 'customer' | 'merchant';

export type Situation =
  | 'klikpay'
  | 'merchant'
  | 'merchant_late'
  | 'merchant_reminded'
  | 'customer'
  | 'closed_by_customer'
  | 'closed_by_klikpay'
  | 'closed_inactivity';

export type Mover = 'klikpay' | 'merchant' | 'customer';

export interface ClaimStatus {
  situation: Situation;
  /** Who has the move; null once closed. */
  move: Mover | null;
  /** The move is the viewing party's. */
  yours: boolean;
  /** The deadline of whoever has the move (Klik & Pay's reply, the merchant's answer), if any. */
  dueAt: string | null;
  /** That deadline has passed. */
  overdue: boolean;
  /** When the claim closes by itself without news (open claims). */
  autoCloseAt: string | null;
  /** When it was closed (closed claims). */
  closedAt: string | null;
}

function situationOf(d: Dossier, now: number): Situation {
  if (d.closure) {
    if (d.closure.reason === 'resolved_by_client') return 'closed_by_customer';
    return d.closure.reason === 'inactivity' ? 'closed_inactivity' : 'closed_by_klikpay';
  }
  switch (d.status) {
    case 'awaiting_klikpay':
      return 'klikpay';
    case 'awaiting_customer':
      return 'customer';
    case 'awaiting_merchant':
      if (d.merchantStage === 'reminded') return 'merchant_reminded';
      return isMerchantOverdue(d, now) ? 'merchant_late' : 'merchant';
    case 'closed':
      return 'closed_by_klikpay';
  }
}

const moverOf: Record<Exclude<Dossier['status'], 'closed'>, Mover> = {
  awaiting_klikpay: 'klikpay',
  awaiting_merchant: 'merchant',
  awaiting_customer: 'customer',
};

export function claimStatus(d: Dossier, party: Party, now: number): ClaimStatus {
  const situation = situationOf(d, now);
  const open = d.closure === null && d.status !== 'closed';
  const move = open && d.status !== 'closed' ? moverOf[d.status] : null;
  const dueAt = move === null || move === 'customer' ? null : d.dueAt;
  return {
    situation,
    move,
    yours: move === party,
    dueAt,
    overdue: dueAt !== null && ms(dueAt) <= now,
    autoCloseAt: open ? d.autoCloseAt : null,
    closedAt: d.closure?.at ?? null,
  };
}

const byNewest = (a: Dossier, b: Dossier) => ms(b.updatedAt) - ms(a.updatedAt);
const byClosedNewest = (a: Dossier, b: Dossier) =>
  ms(b.closure?.at ?? b.updatedAt) - ms(a.closure?.at ?? a.updatedAt);
/** Most urgent deadline first (a passed one is the most urgent of all), as the back office's queues. */
const byUrgency = (a: Dossier, b: Dossier) =>
  (urgentAt(a) ?? Infinity) - (urgentAt(b) ?? Infinity) || a.reference.localeCompare(b.reference);

export interface ClaimSections {
  /** The party's move: most urgent first, overdue at the top. */
  yours: Dossier[];
  /** Open, someone else's move: the latest news first. */
  others: Dossier[];
  closed: Dossier[];
}

/** A party's claims in the order they need attention. */
export function claimSections(dossiers: readonly Dossier[], party: Party): ClaimSections {
  const open = dossiers.filter((d) => d.closure === null && d.status !== 'closed');
  const mine = party === 'customer' ? 'awaiting_customer' : 'awaiting_merchant';
  return {
    yours: open.filter((d) => d.status === mine).sort(byUrgency),
    others: open.filter((d) => d.status !== mine).sort(byNewest),
    closed: dossiers.filter((d) => !open.includes(d)).sort(byClosedNewest),
  };
}
