import type { Collection } from 'dexie';
import type { QueueId, Viewer } from '../../src-shared/domain/queues';
import { compareInQueue, inQueue } from '../../src-shared/domain/queues';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, CachedDossier } from './db';
import { fromCached } from './db';

/**
 * Queues over the cache: an index narrows the candidates, the shared predicate decides (so the
 * local queues can never disagree with the rules), and pages are read in index order — never the
 * whole cache in memory.
 */

const DAY = 86_400_000;
const openUrgency: [number, number] = [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1];

type Source =
  { ordered: Collection<CachedDossier, string> } | { unordered: Collection<CachedDossier, string> };

function source(db: CacheDatabase, q: QueueId, now: number, viewer: Viewer, s: DisputeSettings): Source {
  const t = db.dossiers;
  const byUrgency = (index: string, key: string | number) =>
    t.where(index).between([key, openUrgency[0]], [key, openUrgency[1]], true, true);
  switch (q) {
    case 'mine':
      // Assigned to the viewer, or followed up by them: few enough to sort in memory.
      return { unordered: t.where('assignee').equals(viewer.userId).or('followers').equals(viewer.userId) };
    case 'unassigned':
      return { ordered: byUrgency('[assignee+urgency]', '') };
    case 'payment':
      return { ordered: byUrgency('[openSubject+urgency]', 'payment') };
    case 'escalated':
      return { ordered: byUrgency('[escalated+urgency]', 1) };
    case 'awaiting_merchant':
    case 'merchant_overdue':
      return { ordered: byUrgency('[status+urgency]', 'awaiting_merchant') };
    case 'awaiting_customer':
      return { ordered: byUrgency('[status+urgency]', 'awaiting_customer') };
    case 'closing_soon':
      return { unordered: t.where('autoCloseMs').belowOrEqual(now + s.preCloseNoticeDays * DAY) };
    case 'recently_closed':
      return {
        ordered: t
          .where('closedMs')
          .aboveOrEqual(now - s.recentlyClosedDays * DAY)
          .reverse(),
      };
    case 'all':
      return { ordered: t.orderBy('urgency') };
  }
}

export async function queueCount(
  db: CacheDatabase,
  q: QueueId,
  now: number,
  viewer: Viewer,
  s: DisputeSettings,
): Promise<number> {
  const src = source(db, q, now, viewer, s);
  const collection = 'ordered' in src ? src.ordered : src.unordered;
  if (q === 'all') return db.dossiers.count();
  return collection.filter((d) => inQueue(q, d, now, viewer, s)).count();
}

export async function queuePage(
  db: CacheDatabase,
  q: QueueId,
  now: number,
  viewer: Viewer,
  s: DisputeSettings,
  page: { offset: number; limit: number },
): Promise<ReturnType<typeof fromCached>[]> {
  const src = source(db, q, now, viewer, s);
  const member = (d: CachedDossier) => inQueue(q, d, now, viewer, s);
  if ('ordered' in src) {
    const rows = await src.ordered.filter(member).offset(page.offset).limit(page.limit).toArray();
    return rows.map(fromCached);
  }
  const rows = (await src.unordered.filter(member).toArray()).map(fromCached);
  const unique = [...new Map(rows.map((d) => [d.id, d])).values()];
  return unique.sort(compareInQueue(q)).slice(page.offset, page.offset + page.limit);
}
