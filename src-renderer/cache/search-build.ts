import { Dexie } from 'dexie';
import type { CacheDatabase } from './db';
import { metaKeys } from './db';
import { dossierWords, maxWords, merchantEmails, messageWords, rankOf, searchBuiltUpTo } from './search';

/**
 * The search index of a first sync, built after it rather than during it. Writing the index page by
 * page rewrote each dossier's entry — hundreds of words in a multi-entry index — every time one of
 * its messages arrived, several times the cost of the data itself. Instead the first sync marks the
 * index as to be built (`metaKeys.searchBuiltUpTo`, the last dossier id indexed, '' at the start),
 * and the index is built once from the cache, in dossier-id order, a slice per transaction. Pages
 * that arrive meanwhile index the dossiers the build has passed and leave the rest to it, so the
 * two never race: both decide inside their own transaction, by the stored position.
 */

/** Dossiers per transaction: a fraction of a second of work, so the app stays responsive. */
const sliceSize = 250;

/**
 * Indexes the next slice; true while there is more to do. The slice's messages are read along the
 * `[dossierId+createdAt]` index in one range, as the slice is contiguous in dossier-id order.
 */
export async function buildSearchSlice(db: CacheDatabase, slice = sliceSize): Promise<boolean> {
  // The dossiers are read apart: a read-write transaction over them would hold every queue's
  // query for as long as the slice takes.
  const after = await searchBuiltUpTo(db);
  if (after === null) return false;
  const dossiers = await db.dossiers.where(':id').above(after).limit(slice).toArray();
  return db.transaction('rw', [db.meta, db.messages, db.merchants, db.searchIndex], async () => {
    // Another window (or a rebuild) may have moved the build on meanwhile: start again from there.
    if ((await searchBuiltUpTo(db)) !== after) return true;
    const first = dossiers[0];
    const last = dossiers.at(-1);
    if (!first || !last) {
      await db.meta.delete(metaKeys.searchBuiltUpTo);
      return false;
    }
    // The messages are read here, with the write: pages skip the dossiers the build has not
    // passed, so none written meanwhile can be missed. (A dossier's own fields changing in the
    // moment between the two reads would only miss a new tag until its next change.)
    const messages = await db.messages
      .where('[dossierId+createdAt]')
      .between([first.id, Dexie.minKey], [last.id, Dexie.maxKey], true, true)
      .toArray();
    const emails = await merchantEmails(db, dossiers);
    const words = new Map(
      dossiers.map((d) => [d.id, new Set(dossierWords(d, emails.get(d.transaction.merchantId)))]),
    );
    for (const m of messages) {
      const set = words.get(m.dossierId);
      if (set) for (const w of messageWords(m)) set.add(w);
    }
    // An entry left by an interrupted build may sort elsewhere now: its dossier's goes first.
    await db.searchIndex.where('dossierId').between(first.id, last.id, true, true).delete();
    await db.searchIndex.bulkPut(
      dossiers.map((d) => ({
        rank: rankOf(d),
        dossierId: d.id,
        words: [...(words.get(d.id) ?? [])].slice(0, maxWords),
      })),
    );
    await db.meta.put({ key: metaKeys.searchBuiltUpTo, value: last.id });
    return true;
  });
}

/** Builds the whole index, yielding between slices; `shouldStop` ends it early (it resumes later). */
export async function buildSearchIndex(db: CacheDatabase, shouldStop: () => boolean): Promise<void> {
  while (!shouldStop() && (await buildSearchSlice(db))) {
    // Only the search's own queries care (a quiet connection says so itself); a pause between
    // slices leaves the agent's clicks the first turn.
    if (db.quiet) db.announceWrites(['searchIndex']);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (db.quiet) db.announceWrites(['searchIndex', 'meta']);
}

/** How far the build has come, 0–1, or null when the index is complete. */
export async function searchIndexProgress(db: CacheDatabase): Promise<number | null> {
  const after = await searchBuiltUpTo(db);
  if (after === null) return null;
  const total = await db.dossiers.count();
  if (total === 0 || after === '') return 0;
  return (await db.dossiers.where(':id').belowOrEqual(after).count()) / total;
}
