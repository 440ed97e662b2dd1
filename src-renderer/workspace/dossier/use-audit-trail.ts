import { useMemo, useSyncExternalStore } from 'react';
import type { User } from '../../../src-shared/domain/model';
import { useDesk } from '../../data/desk';
import { useCacheQuery } from '../../data/live';
import type { AuditEntry } from './audit-trail';

export interface AuditTrailRead {
  /** The dossier's audit events, oldest first, the agent's pending ones marked. */
  entries: AuditEntry[];
  /** Everyone the cache knows, by id: staff names for the actors and the assignees. */
  users: ReadonlyMap<string, User>;
}

/**
 * A dossier's whole audit trail from the cache, live: its events through the `[dossierId+at]`
 * index, the users and its outbox entries, read once in one transaction (no read per row, however
 * long the trail).
 * The agent's own actions show at once, before the cache has them, as the timeline shows them.
 * Null while loading.
 */
export function useAuditTrail(dossierId: string): AuditTrailRead | null {
  const { optimistic } = useDesk();
  const read = useCacheQuery(
    async ({ db }) => {
      const readTick = optimistic.readTick();
      const [events, users, outbox] = await db.transaction('r', [db.events, db.users, db.outbox], () =>
        Promise.all([
          db.events.where('[dossierId+at]').between([dossierId, ''], [dossierId, '\uffff']).toArray(),
          db.users.toArray(),
          db.outbox.where('dossierId').equals(dossierId).toArray(),
        ]),
      );
      // A settled action's own record has come from the server: its local copy, deleted when the
      // pull ends, would show the same change twice until then.
      const settled = new Set(outbox.filter((e) => e.state === 'settled').map((e) => e.id));
      return {
        events: events.filter((e) => e.mutationId === undefined || !settled.has(e.mutationId)),
        users: new Map(users.map((u) => [u.id, u])),
        readTick,
      };
    },
    [dossierId],
    null,
    { tables: ['events', 'users', 'outbox'] },
  );
  const overlaid = useSyncExternalStore(
    (listener) => optimistic.subscribe(listener),
    () => optimistic.version,
  );
  return useMemo(() => {
    if (read === null) return null;
    const entries: AuditEntry[] = read.events.map(({ mutationId, ...event }) => ({
      event,
      pending: mutationId !== undefined,
    }));
    const known = new Set(entries.map((e) => e.event.id));
    for (const action of optimistic.forDossier(dossierId, read.readTick)) {
      for (const event of action.events) if (!known.has(event.id)) entries.push({ event, pending: true });
    }
    return { entries, users: read.users };
    // `overlaid` names the store's state the memo depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [read, dossierId, optimistic, overlaid]);
}
