import type { Dossier } from './model';
import type { DisputeSettings } from './settings';
import { ms } from './settings';

/**
 * The back office's system queues as pure predicates of (dossier, now, viewer): the desktop uses
 * them for live counts and lists over its local cache, the server for its list filters.
 */
export const queueIds = [
  'mine',
  'unassigned',
  'payment',
  'escalated',
  'awaiting_merchant',
  'merchant_overdue',
  'awaiting_customer',
  'closing_soon',
  'recently_closed',
  'all',
] as const;
export type QueueId = (typeof queueIds)[number];

export interface Viewer {
  userId: string;
}

const DAY = 86_400_000;
const isOpen = (d: Dossier): boolean => d.status !== 'closed';

/** The merchant missed its deadline (whether or not the scheduler has recorded it yet). */
export function isMerchantOverdue(d: Dossier, now: number): boolean {
  if (d.status !== 'awaiting_merchant') return false;
  return d.merchantStage !== 'answer_due' || (d.dueAt !== null && ms(d.dueAt) <= now);
}

/** Klik & Pay has the move and is past its reply deadline. */
export const isKlikpayLate = (d: Dossier, now: number): boolean =>
  d.status === 'awaiting_klikpay' && d.dueAt !== null && ms(d.dueAt) <= now;

/**
 * The deadline of whoever has the move has passed: Klik & Pay late, or the merchant past its answer
 * or reminder deadline (whether or not the scheduler has recorded it yet).
 */
export const isPastDeadline = (d: Dossier, now: number): boolean =>
  isOpen(d) && d.status !== 'awaiting_customer' && d.dueAt !== null && ms(d.dueAt) <= now;

/** The viewer snoozed this dossier until a date that has not come yet. */
export function isSnoozed(d: Dossier, viewer: Viewer, now: number): boolean {
  const until = d.followUps[viewer.userId];
  return until !== undefined && ms(until) > now;
}

/** The viewer's follow-up date has come: the dossier is back in their hands. */
export function isFollowUpDue(d: Dossier, viewer: Viewer, now: number): boolean {
  const until = d.followUps[viewer.userId];
  return until !== undefined && ms(until) <= now;
}

export const isClosingSoon = (d: Dossier, now: number, s: DisputeSettings): boolean =>
  isOpen(d) && d.autoCloseAt !== null && ms(d.autoCloseAt) - now <= s.preCloseNoticeDays * DAY;

export function inQueue(q: QueueId, d: Dossier, now: number, viewer: Viewer, s: DisputeSettings): boolean {
  switch (q) {
    case 'mine':
      return (
        isOpen(d) &&
        ((d.assigneeId === viewer.userId && !isSnoozed(d, viewer, now)) || isFollowUpDue(d, viewer, now))
      );
    case 'unassigned':
      return isOpen(d) && d.assigneeId === null;
    case 'payment':
      return isOpen(d) && d.subject === 'payment';
    case 'escalated':
      return d.status === 'awaiting_klikpay' && d.escalatedAt !== null;
    case 'awaiting_merchant':
      return d.status === 'awaiting_merchant';
    case 'merchant_overdue':
      return isMerchantOverdue(d, now);
    case 'awaiting_customer':
      return d.status === 'awaiting_customer';
    case 'closing_soon':
      return isClosingSoon(d, now, s);
    case 'recently_closed':
      return d.closure !== null && now - ms(d.closure.at) <= s.recentlyClosedDays * DAY;
    case 'all':
      return true;
  }
}

/**
 * The instant that makes a dossier urgent: its deadline, or its auto-close if that comes first.
 * Closed dossiers have none. Stored on the local cache as an index key for "most urgent first".
 */
export function urgentAt(d: Dossier): number | null {
  if (!isOpen(d)) return null;
  const candidates = [d.dueAt, d.autoCloseAt].filter((x): x is string => x !== null).map(ms);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** The default order of a queue: most urgent deadline first; closed queues most recent closure first. */
export function compareInQueue(q: QueueId): (a: Dossier, b: Dossier) => number {
  if (q === 'recently_closed') {
    return (a, b) => closedAt(b) - closedAt(a) || a.reference.localeCompare(b.reference);
  }
  return (a, b) => {
    const ua = urgentAt(a) ?? Number.POSITIVE_INFINITY;
    const ub = urgentAt(b) ?? Number.POSITIVE_INFINITY;
    if (ua !== ub) return ua < ub ? -1 : 1;
    return a.reference.localeCompare(b.reference);
  };
}

const closedAt = (d: Dossier): number => (d.closure ? ms(d.closure.at) : 0);
