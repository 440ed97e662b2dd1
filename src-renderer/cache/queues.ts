import Dexie from 'dexie';
import type { Collection } from 'dexie';
import type { DossierFilter, DossierSort } from '../../src-shared/domain/filters';
import { compareBy, defaultSort, isEmptyFilter, matchesFilter } from '../../src-shared/domain/filters';
import type { Dossier } from '../../src-shared/domain/model';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { inQueue } from '../../src-shared/domain/queues';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, CachedDossier } from './db';
import { fromCached } from './db';

/**
 * Queues over the cache: an index narrows the candidates, the shared predicates decide (so the
 * local queues can never disagree with the rules), and pages are read in index order — never the
 * whole cache in memory. Where an index range is exactly a queue, counts never read a document.
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
  collection: Collection<CachedDossier, string>;
  /** Read in the queue's default order (most urgent first, or latest closure first). */
  ordered: boolean;
  /** The index range holds exactly the queue's members: no predicate needed. */
  exact: boolean;
}

function source(db: CacheDatabase, q: QueueId, { now, viewer, settings }: QueryContext): Source {
  const t = db.dossiers;
  const byUrgency = (index: string, key: string | number) =>
    t.where(index).between([key, Dexie.minKey], [key, Dexie.maxKey], true, true);
  switch (q) {
    case 'mine':
      // Assigned to the viewer, or followed up by them: few enough to sort in memory.
      return {
        collection: t.where('assignee').equals(viewer.userId).or('followers').equals(viewer.userId),
        ordered: false,
        exact: false,
      };
    case 'unassigned':
      return { collection: byUrgency('[assignee+urgency]', ''), ordered: true, exact: true };
    case 'payment':
      return { collection: byUrgency('[openSubject+urgency]', 'payment'), ordered: true, exact: true };
    case 'escalated':
      return { collection: byUrgency('[escalated+urgency]', 1), ordered: true, exact: true };
    case 'awaiting_merchant':
      return { collection: byUrgency('[status+urgency]', 'awaiting_merchant'), ordered: true, exact: true };
    case 'merchant_overdue':
      return { collection: byUrgency('[status+urgency]', 'awaiting_merchant'), ordered: true, exact: false };
    case 'awaiting_customer':
      return { collection: byUrgency('[status+urgency]', 'awaiting_customer'), ordered: true, exact: true };
    case 'closing_soon':
      return {
        collection: t.where('autoCloseMs').belowOrEqual(now + settings.preCloseNoticeDays * DAY),
        ordered: false,
        exact: true,
      };
    case 'recently_closed':
      return {
        collection: t
          .where('closedMs')
          .aboveOrEqual(now - settings.recentlyClosedDays * DAY)
          .reverse(),
        ordered: true,
        exact: true,
      };
    case 'all':
      return { collection: t.orderBy('urgency'), ordered: true, exact: true };
  }
}

const sortIndex: Record<DossierSort['key'], string> = {
  urgency: 'urgency',
  amount: 'transaction.amount',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  reference: 'reference',
};

function predicate(
  query: QueueQuery,
  ctx: QueryContext,
  exact: boolean,
): ((d: CachedDossier) => boolean) | null {
  const filter = query.filter && !isEmptyFilter(query.filter) ? query.filter : null;
  if (exact && !filter) return null;
  return (d) =>
    (exact || inQueue(query.queue, d, ctx.now, ctx.viewer, ctx.settings)) &&
    (!filter || matchesFilter(d, filter, ctx.viewer));
}

export async function countQuery(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Promise<number> {
  if (query.queue === 'all' && (!query.filter || isEmptyFilter(query.filter))) return db.dossiers.count();
  const src = source(db, query.queue, ctx);
  const member = predicate(query, ctx, src.exact);
  return member ? src.collection.filter(member).count() : src.collection.count();
}

export async function pageQuery(
  db: CacheDatabase,
  query: QueueQuery,
  ctx: QueryContext,
  page: { offset: number; limit: number },
): Promise<Dossier[]> {
  const sort = query.sort ?? defaultSort;
  const src = source(db, query.queue, ctx);
  const member = predicate(query, ctx, src.exact);
  const isDefault = sort.key === defaultSort.key && sort.direction === defaultSort.direction;
  if (isDefault && src.ordered) {
    const c = member ? src.collection.filter(member) : src.collection;
    return (await c.offset(page.offset).limit(page.limit).toArray()).map(fromCached);
  }
  const compare = compareBy(sort, query.queue);
  if (!isDefault && (await countQuery(db, { queue: query.queue }, ctx)) > (ctx.sortInMemoryUpTo ?? 5_000)) {
    // A large queue in another order: walk that order's index, keeping the queue's members.
    const inQueueToo = predicate(query, ctx, false);
    let c = db.dossiers.orderBy(sortIndex[sort.key]);
    if (sort.direction === 'desc') c = c.reverse();
    if (inQueueToo) c = c.filter(inQueueToo);
    return (await c.offset(page.offset).limit(page.limit).toArray()).map(fromCached);
  }
  const rows = await (member ? src.collection.filter(member) : src.collection).toArray();
  const unique = [...new Map(rows.map((d) => [d.id, fromCached(d)])).values()];
  return unique.sort(compare).slice(page.offset, page.offset + page.limit);
}

/** Every member's id, for "select all that match" (ids only: a bulk action reads its dossiers itself). */
export async function idsQuery(db: CacheDatabase, query: QueueQuery, ctx: QueryContext): Promise<string[]> {
  const src = source(db, query.queue, ctx);
  const member = predicate(query, ctx, src.exact);
  const keys = await (member ? src.collection.filter(member) : src.collection).primaryKeys();
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
