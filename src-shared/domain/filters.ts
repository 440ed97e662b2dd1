import { z } from 'zod';
import { addBusinessDays } from './calendar';
import { currencySchema, idSchema, instantSchema, tagSchema } from './model';
import type { Dossier } from './model';
import { compareInQueue, isKlikpayLate, isMerchantOverdue } from './queues';
import type { QueueId, Viewer } from './queues';
import type { DisputeSettings } from './settings';
import { ms } from './settings';
import type { SlaCell } from './sla-weeks';
import { episodesCounted, slaVerdicts } from './sla-weeks';
import { ageInDays } from './stats';
import type { DossierFacts } from './stats-facts';
import { episodePartySchema } from './stats-facts';
import { closureReasonSchema, outcomeSchema, reasonSchema, subjectSchema } from './vocabulary';

/**
 * Filters and sorts an agent applies on top of a queue, and the personal views that save them.
 * Pure, like the queues: the cache's planner and any server list use the same predicate.
 */

/**
 * The currency amount bounds are read in when a stored filter has none: saved views from before the
 * amount filter named its currency held bounds typed in EUR, the only currency the bar offered.
 */
export const legacyAmountCurrency = 'EUR';

/**
 * Where a dossier stands against its deadline now, as the dashboard's breach figures count it
 * (`statsOverview`), so each figure opens as a queue holding exactly its dossiers:
 * - `klikpay_late`: awaiting Klik & Pay at or past its reply deadline;
 * - `merchant_late`: the Merchant overdue queue (past the answer deadline, overdue, or reminded);
 * - `due_next_business_day`: awaiting Klik & Pay or the merchant, late on neither side, its deadline
 *   after now and at most one business day away (the calendar of the settings).
 */
export const deadlineFilters = ['klikpay_late', 'merchant_late', 'due_next_business_day'] as const;
export type DeadlineFilter = (typeof deadlineFilters)[number];

/** A century: no dossier is older, and a bound stays a small integer. */
const MAX_AGE_DAYS = 36_500;

/**
 * Open dossiers by age, as the dashboard's age buckets count them (`statsOverview`, `ageInDays`):
 * filed at least `fromDays` days ago (0: no lower bound, as the first bucket) and less than
 * `toDays` ago (null: no upper bound). Relative to now, so a saved view keeps its meaning.
 */
export const ageFilterSchema = z
  .strictObject({
    fromDays: z.int().nonnegative().max(MAX_AGE_DAYS),
    toDays: z.int().positive().max(MAX_AGE_DAYS).nullable(),
  })
  .refine((a) => a.toDays === null || a.toDays > a.fromDays, {
    path: ['toDays'],
    message: 'toDays must be above fromDays',
  });
export type AgeFilter = z.infer<typeof ageFilterSchema>;

/** The outcomes a closure filter names: those of the vocabulary, and `none` for a closure without one. */
export const closureOutcomeFilters = [...outcomeSchema.options, 'none'] as const;
export type ClosureOutcomeFilter = (typeof closureOutcomeFilters)[number];

/**
 * One figure of the dashboard's "deadlines met by week": the dossiers with a deadline of `party`
 * that fell due in [from, to) — a week of the calendar's zone cut to the dashboard's period
 * (`slaWeekSpan`) — and was met, or missed, as of now (`countedVerdict`, the figure's own rule).
 * Fixed instants, so a saved view keeps naming that week. Read against the dossier's facts (its
 * deadline episodes, told by its audit trail), not the dossier: see `FilterContext.factsOf`.
 */
export const deadlineWeekFilterSchema = z
  .strictObject({
    party: episodePartySchema,
    verdict: z.enum(slaVerdicts),
    from: instantSchema,
    to: instantSchema,
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), { path: ['to'], message: 'to must come after from' });
export type DeadlineWeekFilter = z.infer<typeof deadlineWeekFilterSchema>;

/** The figure a `deadlineWeek` filter names, its instants read once. */
export const deadlineWeekCell = (w: DeadlineWeekFilter): SlaCell => ({
  party: w.party,
  verdict: w.verdict,
  from: Date.parse(w.from),
  to: Date.parse(w.to),
});

export const dossierFilterSchema = z
  .strictObject({
    subjects: z.array(subjectSchema).max(2).optional(),
    reasons: z.array(reasonSchema).max(6).optional(),
    merchantIds: z.array(idSchema).max(50).optional(),
    /** Only dossiers whose transaction is in this currency; alone, "only USD dossiers". */
    currency: currencySchema.optional(),
    /** Inclusive bounds, in minor units of `currency` (required with either bound). */
    amountMin: z.int().nonnegative().optional(),
    amountMax: z.int().nonnegative().optional(),
    /** Every tag listed must be on the dossier. */
    tags: z.array(tagSchema).max(10).optional(),
    /** `me`, `none` (unassigned) or an agent's id. */
    assignee: z.union([z.enum(['me', 'none']), idSchema]).optional(),
    /** One of `deadlineFilters`; optional, so views saved before it still parse. */
    deadline: z.enum(deadlineFilters).optional(),
    /** Open dossiers of this age (`ageFilterSchema`); closed ones are left out. */
    age: ageFilterSchema.optional(),
    /*
     * The closure fields, as the dashboard's closures count them: each keeps closed dossiers only,
     * by their current closure — its reason, its outcome (`none`: closed without one), and when it
     * was made, in [closedFrom, closedTo) like the dashboard's period.
     */
    closureReasons: z.array(closureReasonSchema).max(closureReasonSchema.options.length).optional(),
    outcomes: z.array(z.enum(closureOutcomeFilters)).max(closureOutcomeFilters.length).optional(),
    closedFrom: instantSchema.optional(),
    closedTo: instantSchema.optional(),
    /** Behind one figure of the deadlines met by week (`deadlineWeekFilterSchema`); optional, so old views parse. */
    deadlineWeek: deadlineWeekFilterSchema.optional(),
    /**
     * Only the dossiers a party wrote in since the agent last opened them ("new replies"): what the
     * agent has read is kept by their own copy, see `FilterContext.unread`.
     */
    unread: z.literal(true).optional(),
  })
  .refine((f) => !hasAmountBound(f) || f.currency !== undefined, {
    path: ['currency'],
    message: 'an amount bound needs a currency: amounts in different currencies cannot be compared',
  });
export type DossierFilter = z.infer<typeof dossierFilterSchema>;

function hasAmountBound(f: { amountMin?: number | undefined; amountMax?: number | undefined }): boolean {
  return f.amountMin !== undefined || f.amountMax !== undefined;
}

/**
 * The currency a filter keeps, if any: its own, or for bounds stored without one (before the filter
 * named it) the currency they were typed in. The planner and `matchesFilter` both read it here.
 */
export function filterCurrency(f: DossierFilter): string | undefined {
  return f.currency ?? (hasAmountBound(f) ? legacyAmountCurrency : undefined);
}

/** A stored filter as this version reads it: amount bounds without a currency are in EUR. */
export function upgradeStoredFilter(f: DossierFilter): DossierFilter {
  const currency = filterCurrency(f);
  return currency === f.currency ? f : { ...f, currency };
}

/** A saved view as read from the cache, whatever version of the app saved it. */
export function upgradeStoredView(view: SavedView): SavedView {
  const filter = upgradeStoredFilter(view.filter);
  return filter === view.filter ? view : { ...view, filter };
}

export const sortKeys = ['urgency', 'amount', 'createdAt', 'updatedAt', 'reference'] as const;
export const dossierSortSchema = z.strictObject({
  key: z.enum(sortKeys),
  direction: z.enum(['asc', 'desc']),
});
export type DossierSort = z.infer<typeof dossierSortSchema>;
export const defaultSort: DossierSort = { key: 'urgency', direction: 'asc' };

export const savedViewSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(80),
  queue: z.string().max(40),
  filter: dossierFilterSchema,
  sort: dossierSortSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;

export function isEmptyFilter(f: DossierFilter): boolean {
  const lists = [f.subjects, f.reasons, f.merchantIds, f.tags];
  return (
    lists.every((l) => !l || l.length === 0) &&
    f.currency === undefined &&
    f.amountMin === undefined &&
    f.amountMax === undefined &&
    f.assignee === undefined &&
    f.deadline === undefined &&
    f.age === undefined &&
    f.deadlineWeek === undefined &&
    f.unread === undefined &&
    !hasClosureCondition(f)
  );
}

/** The filter keeps closed dossiers only: it asks something of their closure. */
export function hasClosureCondition(f: DossierFilter): boolean {
  return (
    (f.closureReasons?.length ?? 0) > 0 ||
    (f.outcomes?.length ?? 0) > 0 ||
    f.closedFrom !== undefined ||
    f.closedTo !== undefined
  );
}

/** An open dossier whose age (`ageInDays`) is within the filter's bounds. */
function ofAge(d: Dossier, age: AgeFilter, now: number): boolean {
  if (d.status === 'closed') return false;
  const days = ageInDays(ms(d.createdAt), now);
  // The first bucket has no lower bound: a filing clock ahead of ours gives a negative age.
  return (age.fromDays === 0 || days >= age.fromDays) && (age.toDays === null || days < age.toDays);
}

/** The closed dossiers whose current closure the filter's closure fields keep. */
function closurePredicate(f: DossierFilter): (d: Dossier) => boolean {
  const from = f.closedFrom === undefined ? Number.NEGATIVE_INFINITY : ms(f.closedFrom);
  const to = f.closedTo === undefined ? Number.POSITIVE_INFINITY : ms(f.closedTo);
  const { closureReasons: reasons, outcomes } = f;
  return (d) => {
    const c = d.closure;
    if (d.status !== 'closed' || c === null) return false;
    if (reasons?.length && !reasons.includes(c.reason)) return false;
    if (outcomes?.length && !outcomes.includes(c.outcome ?? 'none')) return false;
    const at = ms(c.at);
    return at >= from && at < to;
  };
}

/** What a filter is read against: who looks ("me"), and the instant and rules its deadlines are judged by. */
export interface FilterContext {
  viewer: Viewer;
  now: number;
  settings: DisputeSettings;
  /**
   * The dashboard's facts of a dossier, for `deadlineWeek`: a dossier without them is behind no
   * figure, so without this lookup that filter keeps nothing (the planner says so before,
   * `FactsUnavailable` in cache/queues.ts, rather than show an empty queue).
   */
  factsOf?: (dossierId: string) => DossierFacts | undefined;
  /**
   * The dossiers unread by the viewer, for `unread`: kept by the viewer's own copy (the back
   * office's cache), so without it that filter keeps nothing.
   */
  unread?: ReadonlySet<string>;
}

/**
 * The deadline a dossier stands against now, if any (see `deadlineFilters`); `horizon` is one
 * business day after now. The same order as `statsOverview`: late comes before due soon.
 */
function deadlineStanding(d: Dossier, now: number, horizon: () => number): DeadlineFilter | null {
  if (isKlikpayLate(d, now)) return 'klikpay_late';
  if (isMerchantOverdue(d, now)) return 'merchant_late';
  // Only Klik & Pay's and the merchant's deadlines are watched: the customer has none to breach.
  if (d.status !== 'awaiting_klikpay' && d.status !== 'awaiting_merchant') return null;
  if (d.dueAt === null) return null;
  const due = ms(d.dueAt);
  return due > now && due <= horizon() ? 'due_next_business_day' : null;
}

/**
 * The filter as a predicate, its context read once: a queue applies it to thousands of candidates,
 * and the business-day horizon costs time-zone arithmetic (worked out once, and only if needed).
 */
export function filterPredicate(f: DossierFilter, ctx: FilterContext): (d: Dossier) => boolean {
  const currency = filterCurrency(f);
  const { viewer, now, settings } = ctx;
  let horizon: number | undefined;
  const oneBusinessDay = () => (horizon ??= addBusinessDays(now, 1, settings.calendar));
  const closed = hasClosureCondition(f) ? closurePredicate(f) : null;
  const cell = f.deadlineWeek ? deadlineWeekCell(f.deadlineWeek) : null;
  const { factsOf, unread } = ctx;
  const behindFigure = (id: string): boolean => {
    const facts = factsOf?.(id);
    return cell !== null && facts !== undefined && episodesCounted(facts, cell, now) > 0;
  };
  return (d) => {
    if (f.subjects?.length && !f.subjects.includes(d.subject)) return false;
    if (f.reasons?.length && !f.reasons.includes(d.reason)) return false;
    if (f.merchantIds?.length && !f.merchantIds.includes(d.transaction.merchantId)) return false;
    if (currency !== undefined && d.transaction.currency !== currency) return false;
    if (f.amountMin !== undefined && d.transaction.amount < f.amountMin) return false;
    if (f.amountMax !== undefined && d.transaction.amount > f.amountMax) return false;
    if (f.tags?.length && !f.tags.every((t) => d.tags.includes(t))) return false;
    if (f.deadline !== undefined && deadlineStanding(d, now, oneBusinessDay) !== f.deadline) return false;
    if (f.age !== undefined && !ofAge(d, f.age, now)) return false;
    if (closed && !closed(d)) return false;
    if (cell && !behindFigure(d.id)) return false;
    if (f.unread && !unread?.has(d.id)) return false;
    if (f.assignee === 'none') return d.assigneeId === null;
    if (f.assignee === 'me') return d.assigneeId === viewer.userId;
    if (f.assignee !== undefined) return d.assigneeId === f.assignee;
    return true;
  };
}

export function matchesFilter(d: Dossier, f: DossierFilter, ctx: FilterContext): boolean {
  return filterPredicate(f, ctx)(d);
}

/**
 * The order of a sorted queue. Ties are broken by id in code-unit order, which is how an index
 * orders equal keys, so a page read from an index and one sorted in memory agree.
 */
export function compareBy(sort: DossierSort, queue: QueueId): (a: Dossier, b: Dossier) => number {
  if (sort.key === 'urgency') {
    const base = compareInQueue(queue);
    return sort.direction === 'asc' ? base : (a, b) => base(b, a);
  }
  const value = sortValue[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) return (va < vb ? -1 : 1) * sign;
    return (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

const sortValue: Record<Exclude<DossierSort['key'], 'urgency'>, (d: Dossier) => number | string> = {
  amount: (d) => d.transaction.amount,
  createdAt: (d) => d.createdAt,
  updatedAt: (d) => d.updatedAt,
  reference: (d) => d.reference,
};
