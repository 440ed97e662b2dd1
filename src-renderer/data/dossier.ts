import { useMemo, useSyncExternalStore } from 'react';
import { fromCached } from '../cache/db';
import type { Desk } from './desk';
import { useDesk } from './desk';
import type { DossierView, TimelineItem } from './dossier-view';
import { inTimeOrder, withOptimistic } from './dossier-view';
import { useCacheQuery } from './live';

export type { DossierView, TimelineItem } from './dossier-view';

/**
 * A dossier with its timeline, live; null while loading, undefined when it is not in the cache.
 * The agent's own actions show at once, before the cache has them (sync/optimistic.ts).
 */
export function useDossier(id: string | null): DossierView | null | undefined {
  const { optimistic } = useDesk();
  const read = useCacheQuery(
    async ({ db }): Promise<{ view: DossierView | undefined; readTick: number }> => {
      const readTick = optimistic.readTick();
      if (!id) return { view: undefined, readTick };
      // One transaction for the five reads: each implicit one costs a round trip to IndexedDB.
      const read = await db.transaction(
        'r',
        [db.dossiers, db.messages, db.events, db.outbox, db.rejections],
        () =>
          Promise.all([
            db.dossiers.get(id),
            db.messages.where('[dossierId+createdAt]').between([id, ''], [id, '\uffff']).toArray(),
            db.events.where('[dossierId+at]').between([id, ''], [id, '\uffff']).toArray(),
            db.outbox.where('dossierId').equals(id).sortBy('seq'),
            db.rejections.where('dossierId').equals(id).toArray(),
          ]),
      );
      const [cached, messages, events, pending, rejections] = read;
      if (!cached) return { view: undefined, readTick };
      const timeline: TimelineItem[] = [
        ...messages.map(({ mutationId, ...message }) => ({
          kind: 'message' as const,
          at: message.createdAt,
          message,
          pending: mutationId !== undefined,
        })),
        ...events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
      ].sort(inTimeOrder);
      const view: DossierView = {
        dossier: fromCached(cached),
        timeline,
        pending: pending.filter((e) => e.state === 'pending'),
        rejections: rejections.sort((a, b) => (a.at < b.at ? 1 : -1)),
      };
      return { view, readTick };
    },
    [id],
    null,
    { tables: ['dossiers', 'messages', 'events', 'outbox', 'rejections'], urgent: true },
  );
  const overlaid = useSyncExternalStore(
    (listener) => optimistic.subscribe(listener),
    () => optimistic.version,
  );
  return useMemo(
    () =>
      read === null
        ? null
        : read.view && id
          ? withOptimistic(read.view, optimistic.forDossier(id, read.readTick))
          : read.view,
    // `overlaid` names the store's state the memo depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [read, id, optimistic, overlaid],
  );
}

/**
 * The agent has read a refusal: it leaves the dossier's banner for good (on this computer; the
 * dossier's audit trail keeps the server's record of it).
 */
export async function dismissRefusal(desk: Pick<Desk, 'db'>, id: string): Promise<void> {
  await desk.db.rejections.delete(id);
}
