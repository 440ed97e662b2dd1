import { Dexie } from 'dexie';
import type { AuditEvent, Dossier } from '../../src-shared/domain/model';
import type { DossierFacts } from '../../src-shared/domain/stats-facts';
import { dossierFacts } from '../../src-shared/domain/stats-facts';
import type { CacheDatabase } from './db';
import { metaKeys } from './db';
import {
  factsRemoved,
  nextFactsStamp,
  refreshFactsSnapshot,
  stamped,
  writeFactsSnapshot,
} from './facts-snapshot';

/**
 * The supervisor dashboard's facts (src-shared/domain/stats-facts.ts): one small record per dossier,
 * taken from the cached dossier and its audit trail, so the figures never read the whole cache.
 *
 * After a first sync (or the v7 upgrade) they are taken from the whole cache in dossier-id order, a
 * slice per transaction (`factsBuiltUpTo`, like the search index's build). Every later pull page
 * marks the dossiers it changed (`factsDirty`), and the same builder takes those again. A first
 * sync's pages mark nothing: the walk that follows reads every dossier anyway. The walk ends by
 * writing the facts' snapshot, which the first look after a reload reads (cache/facts-snapshot.ts).
 */

/** Dossiers per slice: a fraction of a second of work, so the app stays responsive. */
const sliceSize = 250;

export async function factsBuiltUpTo(db: CacheDatabase): Promise<string | null> {
  const entry = await db.meta.get(metaKeys.factsBuiltUpTo);
  return typeof entry?.value === 'string' ? entry.value : null;
}

/**
 * Within a pull page's transaction: these dossiers changed (their document or their trail). The
 * stamp is the page's cursor, so a builder that read an older state never clears a newer mark.
 */
export async function markFactsDirty(
  db: CacheDatabase,
  dossierIds: Iterable<string>,
  stamp: string,
): Promise<void> {
  const ids = [...new Set(dossierIds)];
  if (ids.length > 0) await db.factsDirty.bulkPut(ids.map((id) => ({ id, stamp })));
}

/** What one slice did: the facts written, and the ids whose dossier is gone from the cache. */
export interface FactsWritten {
  facts: DossierFacts[];
  removed: string[];
}

function factsOf(dossiers: readonly (Dossier | undefined)[], events: readonly AuditEvent[]): DossierFacts[] {
  const trails = new Map<string, AuditEvent[]>();
  for (const e of events) {
    let trail = trails.get(e.dossierId);
    if (!trail) trails.set(e.dossierId, (trail = []));
    trail.push(e);
  }
  return dossiers.flatMap((d) => (d ? [dossierFacts(d, trails.get(d.id) ?? [])] : []));
}

/**
 * The next slice of the walk, then of the marked dossiers; null when there is nothing left to do.
 * Dossiers and trails are read apart from the write (a read-write transaction over them would hold
 * every queue's query): a pull that changes one meanwhile marks it again, with a newer stamp.
 */
export async function buildFactsSlice(db: CacheDatabase, slice = sliceSize): Promise<FactsWritten | null> {
  const after = await factsBuiltUpTo(db);
  if (after !== null) {
    const dossiers = await db.dossiers.where(':id').above(after).limit(slice).toArray();
    const first = dossiers[0];
    const last = dossiers.at(-1);
    const events =
      first && last
        ? await db.events
            .where('[dossierId+at]')
            .between([first.id, Dexie.minKey], [last.id, Dexie.maxKey], true, true)
            .toArray()
        : [];
    if (!last) {
      // The walk ends with the snapshot, in the same transaction: once the dashboard says every
      // fact is taken, a reload reads them from it.
      await writeFactsSnapshot(db, {
        alsoInCommit: async () => {
          // Another window moved the walk on meanwhile: start again from there.
          if ((await factsBuiltUpTo(db)) !== after) return false;
          await db.meta.delete(metaKeys.factsBuiltUpTo);
          return true;
        },
      });
      return { facts: [], removed: [] };
    }
    const facts = factsOf(dossiers, events);
    return db.transaction('rw', [db.meta, db.facts], async () => {
      if ((await factsBuiltUpTo(db)) !== after) return { facts: [], removed: [] };
      await db.meta.put({ key: metaKeys.factsBuiltUpTo, value: last.id });
      await db.facts.bulkPut(stamped(facts, await nextFactsStamp(db)));
      return { facts, removed: [] };
    });
  }
  const marked = await db.factsDirty.limit(slice).toArray();
  if (marked.length === 0) return null;
  const ids = marked.map((m) => m.id);
  const dossiers = await db.dossiers.bulkGet(ids);
  const trails = await Promise.all(
    ids.map((id) =>
      db.events.where('[dossierId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray(),
    ),
  );
  const facts = factsOf(dossiers, trails.flat());
  const removed = ids.filter((_, i) => dossiers[i] === undefined);
  return db.transaction('rw', [db.meta, db.facts, db.factsDirty], async () => {
    const now = await db.factsDirty.bulkGet(ids);
    const unchanged = new Set(marked.filter((m, i) => now[i]?.stamp === m.stamp).map((m) => m.id));
    const w = await nextFactsStamp(db);
    await db.facts.bulkPut(stamped(facts, w));
    if (removed.length > 0) await factsRemoved(db, w);
    await db.facts.bulkDelete(removed);
    await db.factsDirty.bulkDelete([...unchanged]);
    return { facts, removed };
  });
}

/** Takes every fact left to take, yielding between slices; `shouldStop` ends it early (it resumes later). */
export async function buildFacts(
  db: CacheDatabase,
  shouldStop: () => boolean,
  onWritten?: (written: FactsWritten) => void,
): Promise<void> {
  for (;;) {
    if (shouldStop()) return;
    const written = await buildFactsSlice(db);
    // A quiet connection tracks nothing: the dashboard's "still counting" (a query over these
    // tables) only learns the walk moved, or ended, when told.
    if (db.quiet) db.announceWrites(['facts', 'factsDirty', 'meta']);
    if (written === null) {
      // Nothing left to take: the snapshot is written again if many facts changed since (no
      // screen reads it, so nothing is announced).
      await refreshFactsSnapshot(db);
      return;
    }
    if (written.facts.length > 0 || written.removed.length > 0) onWritten?.(written);
    // A pause between slices leaves the agent's clicks the first turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Whether the facts are all taken (the dashboard says "still counting" until then). */
export async function factsComplete(db: CacheDatabase): Promise<boolean> {
  return (await factsBuiltUpTo(db)) === null && (await db.factsDirty.count()) === 0;
}
