import type { Bridge, JournalEntry } from '../../src-shared/contract/bridge';
import { mutationArgsSchemas } from '../../src-shared/contract/sync';
import type { MutationName } from '../../src-shared/contract/sync';
import type { CacheDatabase, OutboxEntry } from './db';
import { metaKeys } from './db';

/**
 * Brings the outbox and its journal (the copy kept outside IndexedDB) back in step when a cache is
 * opened. An empty outbox with journalled actions means the cache was lost (deleted, corrupted,
 * rebuilt) or the journal kept what was answered just before a crash: every journalled action goes
 * back in the outbox, in its order and under its client id, and the server answers `duplicate` for
 * those it already has. A non-empty outbox means the cache survived: journalled actions missing
 * from it are older than what it holds, so they were answered and removed — the journal drops them.
 */
export async function reconcileJournal(
  db: CacheDatabase,
  journal: Bridge['journal'],
): Promise<{ restored: number; unreadable: number }> {
  const read = await journal.read();
  if (!read.ok || read.value.length === 0) return { restored: 0, unreadable: 0 };
  // Discarded changes stay in the journal as its record of them, and are never sent again.
  const discarded = new Set(read.value.filter((e) => e.discarded).map((e) => e.id));
  const entries = read.value.filter((e) => !discarded.has(e.id));
  if (entries.length === 0) return { restored: 0, unreadable: 0 };
  const outcome = await db.transaction('rw', [db.outbox, db.meta], async () => {
    if ((await db.outbox.count()) > 0) {
      const present = new Set((await db.outbox.toArray()).map((e) => e.id));
      return {
        answered: entries.filter((e) => !present.has(e.id)).map((e) => e.id),
        restored: 0,
        unreadable: 0,
      };
    }
    const restored: OutboxEntry[] = [];
    for (const e of entries) {
      const entry = toOutboxEntry(e);
      if (entry) restored.push(entry);
    }
    const first = entries[0];
    if (first) await db.meta.put({ key: metaKeys.clientId, value: first.clientId });
    await db.outbox.bulkAdd(restored);
    // An entry that no longer parses stays in the journal, where it can still be read and reported.
    return { answered: [], restored: restored.length, unreadable: entries.length - restored.length };
  });
  if (outcome.answered.length > 0) await journal.remove(outcome.answered);
  return { restored: outcome.restored, unreadable: outcome.unreadable };
}

/** A journalled action, checked again at this storage boundary; null when it no longer parses. */
function toOutboxEntry(e: JournalEntry): OutboxEntry | null {
  const name = e.name as MutationName;
  const parsed = mutationArgsSchemas[name].safeParse(e.args);
  if (!parsed.success) return null;
  const args = parsed.data as OutboxEntry['args'];
  return {
    id: e.id,
    name,
    args,
    dossierId: args.dossierId,
    actor: e.actor,
    createdAt: e.createdAt,
    state: 'pending',
  };
}
