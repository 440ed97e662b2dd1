import { addBusinessDays } from '../../src-shared/domain/calendar';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { DossierFacts } from '../../src-shared/domain/stats-facts';

/**
 * What a filter and a sort mean, written again from their documentation (the comments of
 * `src-shared/domain/filters.ts`, README "Queues", the dashboard's breaches, ages, closures and deadlines met by week in `stats.ts`) and
 * nothing else: no function of `filters.ts` or `queues.ts` is called here, so a rule broken there
 * cannot break its own expectation. Business days are the calendar's (`addBusinessDays`, tested on
 * its own); the hand-made cases of `filters.oracle.test.ts` pin the horizon they give. The oracle of
 * `filters.oracle.test.ts` (the predicate) and of `tests/sync/queries.test.ts` (the cache's planner).
 */

/** Who looks at the queue, and when, under which rules. */
export interface OracleContext {
  viewer: Viewer;
  now: number;
  settings: DisputeSettings;
  /** The dashboard's facts of a dossier (its deadline episodes), for the deadline-week field. */
  factsOf?: (dossierId: string) => DossierFacts | undefined;
  /** The dossiers the viewer has not read since a party wrote (kept by their own copy). */
  unread?: ReadonlySet<string>;
}

/** The currency of a saved view from before the filter named one: its bounds were typed in euros. */
const boundsCurrencyOfOldViews = 'EUR';

export type FilterField =
  | 'subject'
  | 'reason'
  | 'merchant'
  | 'currency'
  | 'amount'
  | 'tags'
  | 'assignee'
  | 'deadline'
  | 'age'
  | 'closureReason'
  | 'outcome'
  | 'closedPeriod'
  | 'deadlineWeek'
  | 'unread';

const DAY = 86_400_000;

/** An absent or empty list does not filter; otherwise the dossier's value must be one of it. */
function oneOf<T>(list: readonly T[] | undefined, value: T): boolean {
  if (list === undefined || list.length === 0) return true;
  return list.some((x) => x === value);
}

/**
 * The fields of the filter this dossier does not satisfy (none: the dossier matches). Every field
 * narrows on its own, and a dossier must satisfy all of them.
 */
export function filterMisses(
  d: Dossier,
  f: DossierFilter,
  { viewer, now, settings, factsOf, unread }: OracleContext,
): FilterField[] {
  const misses: FilterField[] = [];
  const { amount, currency, merchantId } = d.transaction;
  if (!oneOf(f.subjects, d.subject)) misses.push('subject');
  if (!oneOf(f.reasons, d.reason)) misses.push('reason');
  if (!oneOf(f.merchantIds, merchantId)) misses.push('merchant');
  // Amounts compare within one currency only: the filter's own, or euros for bounds stored without one.
  const bounded = f.amountMin !== undefined || f.amountMax !== undefined;
  const wanted = f.currency ?? (bounded ? boundsCurrencyOfOldViews : null);
  if (wanted !== null && currency !== wanted) misses.push('currency');
  // Both bounds inclusive, in minor units.
  const aboveMin = f.amountMin === undefined || amount >= f.amountMin;
  const belowMax = f.amountMax === undefined || amount <= f.amountMax;
  if (!aboveMin || !belowMax) misses.push('amount');
  // Every tag listed must be on the dossier (one missing is enough to miss).
  const tagsOnDossier = new Set(d.tags);
  if ((f.tags ?? []).some((t) => !tagsOnDossier.has(t))) misses.push('tags');
  // About the assignee alone (a follow-up date does not assign a dossier to anyone).
  const wantedAssignee =
    f.assignee === undefined
      ? undefined
      : f.assignee === 'none'
        ? null
        : f.assignee === 'me'
          ? viewer.userId
          : f.assignee;
  if (wantedAssignee !== undefined && d.assigneeId !== wantedAssignee) misses.push('assignee');
  if (f.deadline !== undefined && !standsAt(d, f.deadline, now, settings)) misses.push('deadline');
  // The dashboard's age buckets: open dossiers, by days since filing (a fraction of a day counts),
  // at least `fromDays` (none asked at 0) and fewer than `toDays` (none asked when null).
  if (f.age !== undefined) {
    const days = (now - Date.parse(d.createdAt)) / DAY;
    const oldEnough = f.age.fromDays === 0 || days >= f.age.fromDays;
    const youngEnough = f.age.toDays === null || days < f.age.toDays;
    if (d.status === 'closed' || !oldEnough || !youngEnough) misses.push('age');
  }
  // The dashboard's closures: closed dossiers, by their current closure; no outcome is `none`, and
  // the period includes its start, not its end.
  const closure = d.status === 'closed' ? d.closure : null;
  if (f.closureReasons?.length && !(closure && f.closureReasons.includes(closure.reason)))
    misses.push('closureReason');
  if (f.outcomes?.length && !(closure && f.outcomes.includes(closure.outcome ?? 'none')))
    misses.push('outcome');
  if (f.closedFrom !== undefined || f.closedTo !== undefined) {
    const closedAt = closure ? Date.parse(closure.at) : null;
    const afterStart =
      f.closedFrom === undefined || (closedAt !== null && closedAt >= Date.parse(f.closedFrom));
    const beforeEnd = f.closedTo === undefined || (closedAt !== null && closedAt < Date.parse(f.closedTo));
    if (closedAt === null || !afterStart || !beforeEnd) misses.push('closedPeriod');
  }
  // The dashboard's deadlines met by week: one of the dossier's deadlines of that party fell due in
  // [from, to) and was met (its move ended before the deadline) or missed (ended at or after it, or
  // still running once it passed); a dossier without facts has no known deadline.
  const week = f.deadlineWeek;
  if (week !== undefined) {
    const [from, to] = [Date.parse(week.from), Date.parse(week.to)];
    const behind = (factsOf?.(d.id)?.episodes ?? []).some((e) => {
      if (e.party !== week.party || e.due < from || e.due >= to) return false;
      const met = e.end !== null && e.end < e.due;
      const missed = e.end === null ? now >= e.due : e.end >= e.due;
      return week.verdict === 'met' ? met : missed;
    });
    if (!behind) misses.push('deadlineWeek');
  }
  // New replies: the dossiers a party wrote in since the viewer last read them.
  if (f.unread === true && !(unread?.has(d.id) ?? false)) misses.push('unread');
  return misses;
}

/**
 * The dashboard's three breach figures, now. Klik & Pay late: it has the move and its reply deadline
 * has come. Merchant late: the merchant has the move and has missed its answer deadline — whether the
 * scheduler has marked it overdue (or reminded it, with a new deadline) or not yet. Due within the
 * next business day: Klik & Pay or the merchant has the move, is late on neither count, and the
 * deadline is after now and no later than one business day from now.
 */
function standsAt(
  d: Dossier,
  deadline: NonNullable<DossierFilter['deadline']>,
  now: number,
  settings: DisputeSettings,
): boolean {
  const due = d.dueAt === null ? null : Date.parse(d.dueAt);
  const dueBy = (instant: number) => due !== null && due <= instant;
  const klikpayLate = d.status === 'awaiting_klikpay' && dueBy(now);
  const merchantMarked = d.merchantStage === 'overdue' || d.merchantStage === 'reminded';
  const merchantLate = d.status === 'awaiting_merchant' && (merchantMarked || dueBy(now));
  switch (deadline) {
    case 'klikpay_late':
      return klikpayLate;
    case 'merchant_late':
      return merchantLate;
    case 'due_next_business_day': {
      const watched = d.status === 'awaiting_klikpay' || d.status === 'awaiting_merchant';
      const late = klikpayLate || merchantLate;
      return watched && !late && !dueBy(now) && dueBy(addBusinessDays(now, 1, settings.calendar));
    }
  }
}

export const oracleMatches = (d: Dossier, f: DossierFilter, ctx: OracleContext): boolean =>
  filterMisses(d, f, ctx).length === 0;

/**
 * The instant that makes an open dossier urgent: the earlier of its deadline and its auto-close
 * (none at all for a closed dossier, or one with neither: last in the queue).
 */
function urgency(d: Dossier): number {
  if (d.status === 'closed') return Number.POSITIVE_INFINITY;
  const instants = [d.dueAt, d.autoCloseAt].flatMap((x) => (x === null ? [] : [Date.parse(x)]));
  return instants.reduce((a, b) => (b < a ? b : a), Number.POSITIVE_INFINITY);
}

const sign = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sign of the order of two dossiers under a sort, as documented: "urgency" is the queue's own
 * order (most urgent first, then by reference; "recently closed": latest closure first) and its
 * descending form the reverse; the other keys compare their value, then the id in code-unit order,
 * the whole comparison reversed for "desc".
 */
export function oracleOrder(sort: DossierSort, queue: QueueId, a: Dossier, b: Dossier): -1 | 0 | 1 {
  const asc = (x: Dossier, y: Dossier): number => {
    if (sort.key === 'urgency') {
      if (queue === 'recently_closed') {
        const closed = (d: Dossier) => (d.closure === null ? 0 : Date.parse(d.closure.at));
        return sign(closed(y), closed(x)) || x.reference.localeCompare(y.reference);
      }
      return sign(urgency(x), urgency(y)) || x.reference.localeCompare(y.reference);
    }
    const key = sort.key;
    const value = (d: Dossier): number | string =>
      key === 'amount'
        ? d.transaction.amount
        : key === 'reference'
          ? d.reference
          : key === 'createdAt'
            ? d.createdAt
            : d.updatedAt;
    return sign(value(x), value(y)) || sign(x.id, y.id);
  };
  const order = sort.direction === 'asc' ? asc(a, b) : asc(b, a);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}
