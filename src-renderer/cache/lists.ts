import type { SavedView } from '../../src-shared/domain/filters';
import { upgradeStoredView } from '../../src-shared/domain/filters';
import type { CacheDatabase } from './db';
import { currencyAmountIndex } from './queues';

/** Reference lists the filters offer, read from the cache's indexes and tables. */

/**
 * Dossiers counted per currency, at most: enough to put the common currencies first. A full count
 * walks the index (IndexedDB has no stored counts), and the index of 100,000 dossiers in euros took
 * a second to count — a second in which every other read of the cache, the agent's search
 * included, waited behind it.
 */
export const currencyCountedUpTo = 1_000;

/**
 * The currencies of the cached dossiers, most frequent first (counted up to `currencyCountedUpTo`),
 * then by code: a walk that jumps from one currency to the next over the currency-and-amount index,
 * and a bounded read of each one's keys.
 */
export async function currenciesInCache(db: CacheDatabase): Promise<{ currency: string; count: number }[]> {
  const index = db.dossiers.where(currencyAmountIndex);
  const found: { currency: string; count: number }[] = [];
  let after: string | null = null;
  for (;;) {
    const next: unknown = (
      await (after === null ? db.dossiers.orderBy(currencyAmountIndex) : index.above([after, Infinity]))
        .limit(1)
        .keys()
    )[0];
    const currency: unknown = Array.isArray(next) ? next[0] : undefined;
    if (typeof currency !== 'string') break;
    const count = (
      await db.dossiers
        .where(currencyAmountIndex)
        .between([currency, -Infinity], [currency, Infinity], true, true)
        .limit(currencyCountedUpTo)
        .primaryKeys()
    ).length;
    found.push({ currency, count });
    after = currency;
  }
  return found.sort((a, b) => b.count - a.count || (a.currency < b.currency ? -1 : 1));
}

/**
 * Every tag in use, in order: each found by a seek past the one before on the tags index. (A cursor's
 * `nextunique` steps over every dossier of a tag — tens of thousands for a common one.)
 */
export async function tagsInCache(db: CacheDatabase): Promise<string[]> {
  const tags: string[] = [];
  for (let from = ''; ;) {
    const [next] = await db.dossiers.where('tags').aboveOrEqual(from).limit(1).keys();
    if (typeof next !== 'string') return tags;
    tags.push(next);
    // The smallest string after a tag: the tag and U+0000.
    from = `${next}\u0000`;
  }
}

/** The agent's saved views, read as this version understands them (`upgradeStoredView`). */
export async function savedViews(db: CacheDatabase): Promise<SavedView[]> {
  return (await db.views.toArray()).map(upgradeStoredView).sort((a, b) => a.name.localeCompare(b.name));
}
