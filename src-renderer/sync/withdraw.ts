import type { RefusalDetails } from '../../src-shared/domain/refusals';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { dropOutboxFiles } from '../cache/outbox-files';
import { rebase } from './rebase';

/** The tables `withdrawEntry` writes: the caller's transaction must include them. */
export const withdrawTables = (db: CacheDatabase) => [
  db.outbox,
  db.rejections,
  db.dossiers,
  db.base,
  db.messages,
  db.events,
  db.outboxFiles,
];

/**
 * Takes a change that will never be applied (refused by the server, or discarded by the agent) out
 * of the outbox and off its dossier, and keeps it as a rejection with what it said — unless `why` is
 * null: a send the agent undid while it was held leaves no trace. Runs inside the caller's
 * transaction (`withdrawTables`).
 */
export async function withdrawEntry(
  db: CacheDatabase,
  settings: DisputeSettings,
  newId: () => string,
  entry: OutboxEntry,
  why: { code: string; message: string; details?: RefusalDetails; at: string } | null,
): Promise<void> {
  if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
  await dropOutboxFiles(db, [entry.id]);
  await db.messages.where('mutationId').equals(entry.id).delete();
  await db.events.where('mutationId').equals(entry.id).delete();
  if (why)
    await db.rejections.put({
      id: entry.id,
      dossierId: entry.dossierId,
      name: entry.name,
      code: why.code,
      message: why.message,
      ...(why.details ? { details: why.details } : {}),
      at: why.at,
      args: entry.args,
    });
  // No pull since the acknowledged actions were applied: they are not in `base` yet.
  await rebase(db, settings, newId, entry.dossierId, true);
}
