import Dexie from 'dexie';
import type { Collection } from 'dexie';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { compareBy, defaultSort, filterPredicate, isEmptyFilter } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { compareInQueue, inQueue } from '../../src-shared/domain/queues';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, CachedDossier } from './db';
import { fromCached } from './db';
import type { FactsMirror } from './facts-mirror';
import type { Source } from './filter-sources';
import {
  ageSources,
  amountSource,
  closureSources,
  deadlineSource,
  deadlineWeekSource,
  unreadSource,
} from './filter-sources';
import { unreadDossierIds } from './reads';

export { currencyAmountIndex, FactsUnavailable } from './filter-sources';

/**
 * Queues over the cache: an index narrows the candidates, the shared predicates decide (so the
 * local queues can never disagree with the rules), and pages are read in index order — never the
 * whole cache in memory. Where an index range is exactly a queue, counts never read a document.
 * A filter naming a currency adds a candidate range, its amounts within that currency
 * (`[transaction.currency+transaction.amount]`), a deadline filter another, by urgency (a deadline
 * bounds the urgency from above), an age filter one by filing date (and the open dossiers) and a
 * closure filter one by closure date (`filter-sources.ts`): the smallest of the ranges is read. A
 * filter on a figure of the deadlines met by week takes its candidates from the dashboard's facts
 * alone (`deadlineWeekSource`), or says it cannot be answered on a copy without them.
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
  /**
   * The dashboard's facts, kept by a supervisor's copy, for a `deadlineWeek` filter; null or absent on
   * a copy that keeps none (an agent's), where such a filter throws `FactsUnavailable`.
   */
  facts?: FactsMirror | null;
  /** The viewer's unread dossiers, for an `unread` filter (read from the cache by `withUnread`). */
  unread?: ReadonlySet<string>;
  /** Above this many members, a custom sort walks the sort's index instead of sorting in memory. */
  sortInMemoryUpTo?: number;
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
  const facts = ctx.facts;
  const filterCtx = facts ? { ...ctx, factsOf: (id: string) => facts.get(id) } : ctx;
  const matches = filter ? filterPredicate(filter, filterCtx) : null;
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
 * The candidates to read: the queue's index range, or a range of the filter's (currency and amount,
 * deadline, age, closure) if one is smaller (every size an index count; the queue's kept on a tie).
 * `walk` is the smallest range in the queue's own order, for a page too large to sort in memory.
 */
async function plan(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
): Promise<{ src: Source; size: number | null; queue: Source; range: Source | null; walk: Source }> {
  const queue = source(db, query.queue, ctx);
  // Behind a figure of the deadlines met by week: the facts name every candidate, and few.
  const week = await deadlineWeekSource(db, query, ctx);
  if (week) return { src: week, size: null, queue, range: null, walk: week };
  const range = amountSource(db, query);
  const narrower = [
    range,
    deadlineSource(db, query, ctx),
    ...ageSources(db, query, ctx),
    ...closureSources(db, query),
    unreadSource(db, query, ctx),
  ].filter((s): s is Source => s !== null);
  if (narrower.length === 0) return { src: queue, size: null, queue, range, walk: queue };
  // A few candidates known by id (the unread ones): read by key, no index counted to compare (at
  // 100,000 dossiers, counting All's index alone took 650 ms).
  const few = narrower.find((s) => s.knownSize !== undefined && s.knownSize <= fewCandidates);
  if (few) return { src: few, size: few.knownSize ?? null, queue, range, walk: queue };
  // The whole queue filtered by currency and amount alone: the range is the answer.
  const answer = narrower.find((s) => s.exactQueue && s.exactFilter);
  if (answer) return { src: answer, size: null, queue, range, walk: answer.ordered ? answer : queue };
  const sized = await Promise.all(
    [queue, ...narrower].map(async (src) => ({ src, size: await sizeOf(src) })),
  );
  const smallest = (list: typeof sized) => list.reduce((best, next) => (next.size < best.size ? next : best));
  const chosen = smallest(sized);
  const ordered = sized.filter((s) => s.src.ordered);
  const walk = ordered.length > 0 ? smallest(ordered).src : queue;
  return { src: chosen.src, size: chosen.size, queue, range, walk };
}

/** Candidates known by id up to this many are read by key without sizing the other ranges. */
const fewCandidates = 2_000;

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

/** The context with the viewer's unread dossiers, read once per query when its filter asks for them. */
async function withUnread(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Promise<QueryContext> {
  if (!query.filter?.unread || ctx.unread) return ctx;
  return { ...ctx, unread: new Set(await unreadDossierIds(db)) };
}

export async function countQuery(db: CacheDatabase, query: QueueQuery, given: QueryContext): Promise<number> {
  const ctx = await withUnread(db, query, given);
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
  given: QueryContext,
  page: { offset: number; limit: number },
): Promise<Dossier[]> {
  const ctx = await withUnread(db, query, given);
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

  // "Mine" walks the viewer's dossiers, unless a filter names far fewer candidates of its own.
  const byMine =
    !amountSource(db, query) && query.filter?.deadlineWeek === undefined && !query.filter?.unread;
  if (query.queue === 'mine' && isDefault && byMine) return minePage(db, query, ctx, page);
  const { src, range, size, walk } = await plan(db, query, ctx);
  // The queue in its own order: its index is the order, whatever its size.
  if (isDefault && src.ordered) return inOrder(src);
  // Sorted by amount within the filter's currency: the amount range is the order.
  if (sort.key === 'amount' && src.byAmount) return inOrder(src);
  const candidates = size ?? (await sizeOf(src));
  if (candidates <= inMemoryUpTo || src.listed) return sorted(src);
  // Too many candidates to sort in memory: walk an index in the sort's order, keeping members (the
  // smallest range in the queue's order: the closed tail of All rather than the open dossiers first).
  if (isDefault && walk.ordered) return inOrder(walk);
  // Urgency reversed is an ordered range read backwards (Recently closed: earliest closure first):
  // the candidates' own if they are in order (a deadline's), else the walk's.
  const backwards = src.ordered ? src : walk.ordered ? walk : null;
  if (sort.key === 'urgency' && backwards) return read(withPredicate(query, ctx, backwards).reverse());
  if (sort.key === 'amount' && range) return inOrder(range);
  if (isDefault) return sorted(src);
  let c = db.dossiers.orderBy(sortIndex[sort.key]);
  if (sort.direction === 'desc') c = c.reverse();
  const member = predicate(query, ctx, { ...src, exactQueue: false, exactFilter: false });
  return read(member ? c.filter(member) : c);
}

/** Every member's id, for "select all that match" (ids only: a bulk action reads its dossiers itself). */
export async function idsQuery(db: CacheDatabase, query: QueueQuery, given: QueryContext): Promise<string[]> {
  const ctx = await withUnread(db, query, given);
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
