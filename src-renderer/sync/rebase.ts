import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { toCached } from '../cache/db';
import { replay } from './replay';

/**
 * Recomputes what the agent sees of a dossier: the server's state (`base`) with the actions it does
 * not contain yet replayed over it — the pending ones, and the acknowledged ones too when no pull
 * has brought their effects since (`includeAcknowledged`). Runs inside the caller's transaction.
 */
export async function rebase(
  db: CacheDatabase,
  settings: DisputeSettings,
  newId: () => string,
  dossierId: string,
  includeAcknowledged: boolean,
): Promise<void> {
  const base = await db.base.get(dossierId);
  if (!base) return;
  const all = await db.outbox.where('dossierId').equals(dossierId).sortBy('seq');
  const entries: OutboxEntry[] = all.filter(
    (e) => e.state === 'pending' || (includeAcknowledged && e.state === 'acknowledged'),
  );
  await db.dossiers.put(toCached(replay(base, entries, settings, newId)));
  if (all.length === 0) await db.base.delete(dossierId);
}
