import type { DossierFacts } from '../../src-shared/domain/stats-facts';
import type { CacheDatabase, StoredFacts } from './db';
import { metaKeys } from './db';
import type { FactsBlock } from './facts-codec';
import { decodeFacts, encodeFacts, factsCodec, isFactsBlock } from './facts-codec';

/**
 * The dashboard's facts as a snapshot and a journal, so a supervisor's first look after a reload
 * reads a few blocks instead of one record per dossier (cache/facts-codec.ts says why).
 *
 * Every write of facts is stamped with the next number (`factsWritten`, the `w` index); the snapshot
 * holds every fact as of one stamp (`factsSnapshotAt`); the journal is the facts stamped after it.
 * A first look reads both, in one transaction. The snapshot is written when a walk of the whole cache
 * ends, and again once the journal outgrows `journalLimit`. A fact removed (its dossier left the
 * cache) would live on in the blocks: a removal drops the snapshot, and a snapshot begun before a
 * removal is not kept; the next look reads the facts one by one, and the builder writes it anew.
 */

/** Facts a block: about 2 MB, read in a few milliseconds. */
export const blockSize = 10_000;

/** Facts written since the snapshot beyond which it is written again (a tenth of a second more at a first look). */
export const journalLimit = 2_000;

async function metaNumber(db: CacheDatabase, key: string): Promise<number | null> {
  const entry = await db.meta.get(key);
  return typeof entry?.value === 'number' ? entry.value : null;
}

/** Within a transaction writing facts (over `meta`): the stamp its facts carry. */
export async function nextFactsStamp(db: CacheDatabase): Promise<number> {
  const w = ((await metaNumber(db, metaKeys.factsWritten)) ?? 0) + 1;
  await db.meta.put({ key: metaKeys.factsWritten, value: w });
  return w;
}

/** Within a transaction removing facts (over `meta`): the snapshot may hold them, so it goes. */
export async function factsRemoved(db: CacheDatabase, stamp: number): Promise<void> {
  await db.meta.put({ key: metaKeys.factsRemovedAt, value: stamp });
  await db.meta.delete(metaKeys.factsSnapshotAt);
}

export function stamped(facts: readonly DossierFacts[], w: number): StoredFacts[] {
  return facts.map((f) => ({ ...f, w }));
}

function unstamped(stored: StoredFacts): DossierFacts {
  const { w: _stamp, ...facts } = stored;
  return facts;
}

/**
 * Writes the snapshot from the facts as they are now, a block per read (the facts already in memory
 * are not trusted for it: another window may have written some). `alsoInCommit` runs in the
 * snapshot's own transaction (over `meta`) and may call it off by answering false; `size` is the
 * facts a block (smaller in tests).
 * Answers whether the snapshot was written.
 */
export async function writeFactsSnapshot(
  db: CacheDatabase,
  { alsoInCommit, size = blockSize }: { alsoInCommit?: () => Promise<boolean>; size?: number } = {},
): Promise<boolean> {
  // Read first: a fact written after this has a later stamp, so it is in the journal if not in a block.
  const at = (await metaNumber(db, metaKeys.factsWritten)) ?? 0;
  const blocks: FactsBlock[] = [];
  let after: string | null = null;
  for (;;) {
    const chunk: StoredFacts[] = await (after === null
      ? db.facts.limit(size).toArray()
      : db.facts.where(':id').above(after).limit(size).toArray());
    const last = chunk.at(-1);
    if (!last) break;
    blocks.push(encodeFacts(chunk.map(unstamped), blocks.length));
    after = last.id;
    if (chunk.length < size) break;
  }
  return db.transaction('rw', [db.meta, db.factsBlocks], async () => {
    if (alsoInCommit && !(await alsoInCommit())) return false;
    // A fact removed since the first block was read may be in the blocks.
    if (((await metaNumber(db, metaKeys.factsRemovedAt)) ?? 0) > at) return false;
    await db.factsBlocks.clear();
    await db.factsBlocks.bulkPut(blocks);
    await db.meta.put({ key: metaKeys.factsSnapshotAt, value: at });
    await db.meta.put({ key: metaKeys.factsSnapshotCodec, value: factsCodec });
    return true;
  });
}

/** Writes the snapshot if there is none, it is of another codec, or its journal outgrew `limit`. */
export async function refreshFactsSnapshot(db: CacheDatabase, limit = journalLimit): Promise<boolean> {
  const at = await metaNumber(db, metaKeys.factsSnapshotAt);
  const due =
    at === null ||
    (await metaNumber(db, metaKeys.factsSnapshotCodec)) !== factsCodec ||
    (await db.facts.where('w').above(at).count()) > limit;
  return due ? writeFactsSnapshot(db) : false;
}

export interface FactsRead {
  byId: Map<string, DossierFacts>;
  /** Read one by one (no usable snapshot), or from a snapshot and a journal. */
  from: 'records' | 'snapshot';
  journal: number;
}

/** Every fact in the cache: from the snapshot and its journal when there is one, else one by one. */
export async function readAllFacts(db: CacheDatabase): Promise<FactsRead> {
  const read = await db.transaction('r', [db.meta, db.factsBlocks, db.facts], async () => {
    const at = await metaNumber(db, metaKeys.factsSnapshotAt);
    if (at !== null) {
      const blocks: unknown[] = await db.factsBlocks.toArray();
      if (blocks.every(isFactsBlock)) {
        return { blocks, records: await db.facts.where('w').above(at).toArray() };
      }
    }
    return { blocks: null, records: await db.facts.toArray() };
  });
  const byId = new Map<string, DossierFacts>();
  for (const block of read.blocks ?? []) decodeFacts(block, (f) => byId.set(f.id, f));
  for (const stored of read.records) byId.set(stored.id, unstamped(stored));
  return read.blocks
    ? { byId, from: 'snapshot', journal: read.records.length }
    : { byId, from: 'records', journal: 0 };
}
