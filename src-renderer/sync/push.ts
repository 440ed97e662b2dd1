import type { RefusalDetails } from '../../src-shared/domain/refusals';
import { refusalDetailsSchema } from '../../src-shared/domain/refusals';
import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase } from '../cache/db';
import { clientIdOf } from '../cache/db';
import { rebase } from './rebase';

/**
 * Pushing the outbox: pending actions in order, in batches, each under its stable mutation id, so a
 * batch whose answer was lost is simply pushed again and the server answers `duplicate`.
 */

export interface PushContext {
  db: CacheDatabase;
  bridge: Bridge;
  settings: DisputeSettings;
  newId: () => string;
  batchSize: number;
  now: () => number;
  /** Called with the actions the server answered (applied, duplicate or rejected). */
  onAnswered?: (ids: string[], rejected: number) => void;
}

export async function pushOutbox(
  ctx: PushContext,
): Promise<{ ok: true; value: number } | { ok: false; error: BridgeError }> {
  const { db, bridge } = ctx;
  let count = 0;
  for (;;) {
    const slice = await db.outbox.where('state').equals('pending').sortBy('seq');
    const batch = slice.slice(0, ctx.batchSize);
    if (batch.length === 0) return { ok: true, value: count };
    const answer = await bridge.push({
      clientId: await clientIdOf(db, ctx.newId),
      mutations: batch.map((e) => ({ id: e.id, name: e.name, args: e.args })),
    });
    if (!answer.ok) return answer;
    const byId = new Map(answer.value.results.map((r) => [r.id, r]));
    const answered: string[] = [];
    let rejected = 0;
    const tables = [db.outbox, db.rejections, db.dossiers, db.base, db.messages, db.events];
    await db.transaction('rw', tables, async () => {
      for (const entry of batch) {
        const result = byId.get(entry.id);
        if (!result || entry.seq === undefined) continue;
        answered.push(entry.id);
        if (result.status === 'rejected') {
          rejected++;
          await db.outbox.delete(entry.seq);
          await db.messages.where('mutationId').equals(entry.id).delete();
          await db.events.where('mutationId').equals(entry.id).delete();
          await db.rejections.put({
            id: entry.id,
            dossierId: entry.dossierId,
            name: entry.name,
            code: result.error?.code ?? 'conflict',
            message: result.error?.message ?? 'The server refused this change.',
            ...refusalDetailsOf(result.error?.details),
            at: new Date(ctx.now()).toISOString(),
          });
          // No pull since the acknowledged actions were applied: they are not in `base` yet.
          await rebase(db, ctx.settings, ctx.newId, entry.dossierId, true);
        } else {
          await db.outbox.update(entry.seq, { state: 'acknowledged' });
        }
      }
    });
    ctx.onAnswered?.(answered, rejected);
    // An answer that covers none of the batch would loop forever: let the round fail and back off.
    if (answered.length === 0) {
      return {
        ok: false,
        error: { code: 'server_error', message: 'The server answered none of the changes.' },
      };
    }
    count += answered.length;
  }
}

/** Details kept only when they are a reason we know: the cache holds what the shared schema says. */
function refusalDetailsOf(details: unknown): { details?: RefusalDetails } {
  const parsed = refusalDetailsSchema.safeParse(details);
  return parsed.success ? { details: parsed.data } : {};
}
