import Dexie from 'dexie';
import type { Collection } from 'dexie';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import {
  compareBy,
  defaultSort,
  filterCurrency,
  filterPredicate,
  isEmptyFilter,
} from '../../src-shared/domain/filters';
import { addBusinessDays } from '../../src-shared/domain/calendar';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { compareInQueue, inQueue } from '../../src-shared/domain/queues';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, CachedDossier } from './db';
import { fromCached } from './db';

/**
 * Queues over the cache: an index narrows the candidates, the shared predicates decide (so the
 * local queues can never disagree with the rules), and pages are read in index order — never the
 * whole cache in memory. Where an index range is exactly a queue, counts never read a document.
 * A filter naming a currency adds a candidate range, its amounts within that currency
 * (`[transaction.currency+transaction.amount]`), and a deadline filter another, by urgency (a
 * deadline bounds the urgency from above): the smallest of the ranges is read.
 */

const DAY = 86_400_000;

export interface QueueQuery {
  queue: QueueId;
  filter?: DossierFilter;
  sort?: DossierSort;
}

export interface QueryContext {
  now: number;
  viewer: Viewer;
  settings: DisputeSettings;
  /** Above this many members, a custom sort walks the sort's index instead of sorting in memory. */
  sortInMemoryUpTo?: number;
}

interface Source {
  /** A fresh collection each call: Dexie's `filter`, `offset` and `reverse` change the one they are given. */
  collection: () => Collection<CachedDossier, string>;
  /** Read in the queue's default order (most urgent first, or latest closure first). */
  ordered: boolean;
  /** Read in ascending amount order (within one currency). */
  byAmount: boolean;
  /** The index range holds exactly the queue's members: no queue predicate needed. */
  exactQueue: boolean;
  /** The index range holds exactly the filter's matches: no filter predicate needed. */
  exactFilter: boolean;
}

function source(db: CacheDatabase, q: QueueId, { now, viewer, settings }: QueryContext): Source {
  const t = db.dossiers;
  const queue = (collection: Source['collection'], ordered: boolean, exactQueue: boolean): Source => ({
    collection,
    ordered,
    byAmount: false,
    exactQueue,
    exactFilter: false,
  });
  const byUrgency = (index: string, key: string | number) => () =>
    t.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey], true, true);
  switch (q) {
    case 'mine':
      // Assigned to the viewer, or followed up by them: few enough to sort in memory.
      return queue(
        () => t.where('assignee').equals(viewer.userId).or('followers').equals(viewer.userId),
        false,
        false,
      );
    case 'unassigned':
      return queue(byUrgency('[assignee+urgency]', ''), true, true);
    case 'payment':
      return queue(byUrgency('[openSubject+urgency]', 'payment'), true, true);
    case 'escalated':
      return queue(byUrgency('[escalated+urgency]', 1), true, true);
    case 'awaiting_merchant':
      return queue(byUrgency('[status+urgency]', 'awaiting_merchant'), true, true);
    case 'merchant_overdue':
      return queue(byUrgency('[status+urgency]', 'awaiting_merchant'), true, false);
    case 'awaiting_customer':
      return queue(byUrgency('[status+urgency]', 'awaiting_customer'), true, true);
    case 'closing_soon':
      return queue(
        () => t.where('autoCloseMs').belowOrEqual(now + settings.preCloseNoticeDays * DAY),
        false,
        true,
      );
    case 'recently_closed':
      return queue(
        () =>
          t
            .where('closedMs')
            .aboveOrEqual(now - settings.recentlyClosedDays * DAY)
            .reverse(),
        true,
        true,
      );
    case 'all':
      return queue(() => t.orderBy('urgency'), true, true);
  }
}

/** Amounts within one currency, in amount order: `[transaction.currency+transaction.amount]`. */
export const currencyAmountIndex = '[transaction.currency+transaction.amount]';

/**
 * The dossiers of the filter's currency whose amount is within its bounds: one range of the
 * currency-and-amount index, in amount order. None when the filter names no currency.
 */
function amountSource(db: CacheDatabase, query: QueueQuery): Source | null {
  const filter = query.filter;
  const currency = filter ? filterCurrency(filter) : undefined;
  if (!filter || currency === undefined) return null;
  const low = filter.amountMin ?? -Infinity;
  const high = filter.amountMax ?? Infinity;
  const { currency: _c, amountMin: _min, amountMax: _max, ...rest } = filter;
  return {
    // A minimum above the maximum is an empty range (Dexie answers it without reading).
    collection: () =>
      db.dossiers.where(currencyAmountIndex).between([currency, low], [currency, high], true, true),
    ordered: false,
    byAmount: true,
    exactQueue: query.queue === 'all',
    exactFilter: isEmptyFilter(rest),
  };
}

/**
 * The dossiers a deadline filter may keep, in urgency order: a dossier's urgency is never after its
 * deadline, so a deadline at or before an instant puts the urgency there too. A superset (the
 * auto-close may come first), so the filter's predicate still decides.
 * - Klik & Pay late: awaiting Klik & Pay, urgency up to now (`[status+urgency]`);
 * - merchant late: awaiting the merchant (`[status+urgency]`; a reminded merchant's deadline is ahead);
 * - due within a business day: every open dossier whose urgency is up to the horizon (`urgency`:
 *   either party's, in one ordered range; the late ones it holds are the desk's backlog).
 */
function deadlineSource(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Source | null {
  const deadline = query.filter?.deadline;
  if (deadline === undefined) return null;
  const t = db.dossiers;
  const ofStatus = (status: string, upTo: number | typeof Dexie.maxKey) => () =>
    t.where('[status+urgency]').between([status, Dexie.minKey], [status, upTo], true, true);
  const collection =
    deadline === 'klikpay_late'
      ? ofStatus('awaiting_klikpay', ctx.now)
      : deadline === 'merchant_late'
        ? ofStatus('awaiting_merchant', Dexie.maxKey)
        : () => t.where('urgency').belowOrEqual(addBusinessDays(ctx.now, 1, ctx.settings.calendar));
  return {
    collection,
    // Urgency order is every queue's own but Recently closed's (which no deadline filter keeps anyway).
    ordered: query.queue !== 'recently_closed',
    byAmount: false,
    exactQueue: query.queue === 'all',
    exactFilter: false,
  };
}

/** Queues holding every dossier whose merchant is late: "merchant late" alone counts there as Merchant overdue. */
const holdsEveryMerchantOverdue: readonly QueueId[] = ['all', 'awaiting_merchant', 'merchant_overdue'];

const sortIndex: Record<DossierSort['key'], string> = {
  urgency: 'urgency',
  amount: 'transaction.amount',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  reference: 'reference',
};

/** What the source's index range does not already decide: the queue, the filter, or nothing. */
function predicate(
  query: QueueQuery,
  ctx: QueryContext,
  src: Pick<Source, 'exactQueue' | 'exactFilter'>,
): ((d: CachedDossier) => boolean) | null {
  const filter = query.filter && !isEmptyFilter(query.filter) && !src.exactFilter ? query.filter : null;
  const queue = !src.exactQueue;
  if (!queue && !filter) return null;
  const matches = filter ? filterPredicate(filter, ctx) : null;
  return (d) =>
    (!queue || inQueue(query.queue, d, ctx.now, ctx.viewer, ctx.settings)) && (!matches || matches(d));
}

const withPredicate = (query: QueueQuery, ctx: QueryContext, src: Source) => {
  const member = predicate(query, ctx, src);
  const c = src.collection();
  return member ? c.filter(member) : c;
};

/** How many index entries a source reads (keys only: no document is loaded). */
const sizeOf = (src: Source): Promise<number> => src.collection().count();

/**
 * The candidates to read: the queue's index range, or the filter's currency-and-amount range or
 * deadline range if one is smaller (every size an index count; the queue's kept on a tie).
 */
async function plan(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
): Promise<{ src: Source; size: number | null; queue: Source; range: Source | null }> {
  const queue = source(db, query.queue, ctx);
  const range = amountSource(db, query);
  const narrower = [range, deadlineSource(db, query, ctx)].filter((s): s is Source => s !== null);
  if (narrower.length === 0) return { src: queue, size: null, queue, range };
  // The whole queue filtered by currency and amount alone: the range is the answer.
  const answer = narrower.find((s) => s.exactQueue && s.exactFilter);
  if (answer) return { src: answer, size: null, queue, range };
  const sized = await Promise.all(
    [queue, ...narrower].map(async (src) => ({ src, size: await sizeOf(src) })),
  );
  const smallest = sized.reduce((best, next) => (next.size < best.size ? next : best));
  return { src: smallest.src, size: smallest.size, queue, range };
}

/** The viewer's open dossiers, along `[assignee+urgency]` (in the queues' default order). */
const assignedTo = (db: CacheDatabase, userId: string) =>
  db.dossiers.where('[assignee+urgency]').between([userId, Dexie.minKey], [userId, Dexie.maxKey], true, true);

/**
 * "Mine" counted from index keys: the viewer's open dossiers, less those they snoozed, plus those
 * whose follow-up by them has come while assigned to someone else — both read from the few
 * dossiers they follow up, never from the (thousands) assigned to them.
 */
async function countMine(db: CacheDatabase, ctx: QueryContext): Promise<number> {
  const me = ctx.viewer.userId;
  const [assigned, followed] = await Promise.all([
    assignedTo(db, me).count(),
    db.dossiers.where('followers').equals(me).toArray(),
  ]);
  let count = assigned;
  for (const d of followed) {
    if (d.status === 'closed') continue;
    const mine = d.assigneeId === me;
    const member = inQueue('mine', d, ctx.now, ctx.viewer, ctx.settings);
    if (mine && !member) count--;
    else if (!mine && member) count++;
  }
  return count;
}

/**
 * "Mine" in its own order: the viewer's dossiers walked along `[assignee+urgency]` only as far as
 * the page needs (and past it while the urgency ties), with the few they follow up, merged.
 */
async function minePage(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
  page: { offset: number; limit: number },
): Promise<Dossier[]> {
  const member = predicate(query, ctx, { exactQueue: false, exactFilter: false }) ?? (() => true);
  const me = ctx.viewer.userId;
  const wanted = page.offset + page.limit;
  const followed = await db.dossiers.where('followers').equals(me).filter(member).toArray();
  const assigned: CachedDossier[] = [];
  let boundary: number | null = null;
  await assignedTo(db, me)
    .filter(member)
    .until((d) => boundary !== null && d.urgency > boundary)
    .each((d) => {
      assigned.push(d);
      if (assigned.length === wanted) boundary = d.urgency;
    });
  const unique = new Map([...followed, ...assigned].map((d) => [d.id, fromCached(d)]));
  return [...unique.values()].sort(compareInQueue('mine')).slice(page.offset, wanted);
}

/**
 * "Merchant overdue" counted from index keys (`[merchantStage+dueAt]`): past the deadline to
 * answer, or already overdue or reminded — the queue's rule (`isMerchantOverdue`) on keys alone.
 */
async function countMerchantOverdue(db: CacheDatabase, now: number): Promise<number> {
  const stage = (name: string, upTo: string | typeof Dexie.maxKey) =>
    db.dossiers
      .where('[merchantStage+dueAt]')
      .between([name, Dexie.minKey], [name, upTo], true, true)
      .count();
  const counts = await Promise.all([
    stage('answer_due', new Date(now).toISOString()),
    stage('overdue', Dexie.maxKey),
    stage('reminded', Dexie.maxKey),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/** The agent's own open dossiers past a deadline (the dock badge), counted from `[assignee+urgency]` keys. */
export async function countMineOverdue(db: CacheDatabase, userId: string, now: number): Promise<number> {
  return db.dossiers
    .where('[assignee+urgency]')
    .between([userId, Dexie.minKey], [userId, now], true, true)
    .count();
}

export async function countQuery(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Promise<number> {
  const unfiltered = !query.filter || isEmptyFilter(query.filter);
  if (query.queue === 'all' && unfiltered) return db.dossiers.count();
  if (query.queue === 'mine' && unfiltered) return countMine(db, ctx);
  if (query.queue === 'merchant_overdue' && unfiltered) return countMerchantOverdue(db, ctx.now);
  // "Merchant late" alone, where the queue holds every such dossier: Merchant overdue, from keys.
  const { deadline, ...rest } = query.filter ?? {};
  if (deadline === 'merchant_late' && isEmptyFilter(rest) && holdsEveryMerchantOverdue.includes(query.queue))
    return countMerchantOverdue(db, ctx.now);
  const { src } = await plan(db, query, ctx);
  return withPredicate(query, ctx, src).count();
}

export async function pageQuery(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
  page: { offset: number; limit: number },
): Promise<Dossier[]> {
  const sort = query.sort ?? defaultSort;
  const isDefault = sort.key === defaultSort.key && sort.direction === defaultSort.direction;
  const inMemoryUpTo = ctx.sortInMemoryUpTo ?? 5_000;
  const read = async (c: Collection<CachedDossier, string>) =>
    (await c.offset(page.offset).limit(page.limit).toArray()).map(fromCached);
  /** Pages straight from an index already in the sort's order. */
  const inOrder = (src: Source) => {
    const c = withPredicate(query, ctx, src);
    return read(src.byAmount && sort.direction === 'desc' ? c.reverse() : c);
  };
  /** Every candidate read, then sorted: for sources small enough to hold in memory. */
  const sorted = async (src: Source) => {
    const rows = await withPredicate(query, ctx, src).toArray();
    const unique = [...new Map(rows.map((d) => [d.id, fromCached(d)])).values()];
    return unique.sort(compareBy(sort, query.queue)).slice(page.offset, page.offset + page.limit);
  };

  if (query.queue === 'mine' && isDefault && !amountSource(db, query)) return minePage(db, query, ctx, page);
  const { src, queue, range, size } = await plan(db, query, ctx);
  // The queue in its own order: its index is the order, whatever its size.
  if (isDefault && src.ordered) return inOrder(src);
  // Sorted by amount within the filter's currency: the amount range is the order.
  if (sort.key === 'amount' && src.byAmount) return inOrder(src);
  const candidates = size ?? (await sizeOf(src));
  if (candidates <= inMemoryUpTo) return sorted(src);
  // Too many candidates to sort in memory: walk an index in the sort's order, keeping members.
  if (isDefault && queue.ordered) return inOrder(queue);
  // Urgency reversed is an ordered range read backwards (Recently closed: earliest closure first):
  // the candidates' own if they are in order (a deadline's), else the queue's.
  const backwards = src.ordered ? src : queue.ordered ? queue : null;
  if (sort.key === 'urgency' && backwards) return read(withPredicate(query, ctx, backwards).reverse());
  if (sort.key === 'amount' && range) return inOrder(range);
  if (isDefault) return sorted(src);
  let c = db.dossiers.orderBy(sortIndex[sort.key]);
  if (sort.direction === 'desc') c = c.reverse();
  const member = predicate(query, ctx, { ...src, exactQueue: false, exactFilter: false });
  return read(member ? c.filter(member) : c);
}

/** Every member's id, for "select all that match" (ids only: a bulk action reads its dossiers itself). */
export async function idsQuery(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Promise<string[]> {
  const { src } = await plan(db, query, ctx);
  const keys = await withPredicate(query, ctx, src).primaryKeys();
  return [...new Set(keys)];
}

/** Kept for callers that name a queue only. */
export const queueCount = (db: CacheDatabase, q: QueueId, now: number, viewer: Viewer, s: DisputeSettings) =>
  countQuery(db, { queue: q }, { now, viewer, settings: s });

export const queuePage = (
  db: CacheDatabase,
  q: QueueId,
  now: number,
  viewer: Viewer,
  s: DisputeSettings,
  page: { offset: number; limit: number },
) => pageQuery(db, { queue: q }, { now, viewer, settings: s }, page);
