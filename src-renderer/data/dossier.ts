import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { OutboxEntry, Rejection } from '../cache/db';
import { fromCached } from '../cache/db';
import type { Desk } from './desk';
import { useCacheQuery } from './live';

/** One dossier as the dossier view shows it: facts, one timeline, what waits and what was refused. */

export type TimelineItem =
  | { kind: 'message'; at: string; message: Message; pending: boolean }
  | { kind: 'event'; at: string; event: AuditEvent };

export interface DossierView {
  dossier: Dossier;
  /** Messages and audit events in time order (the audit trail's own order for equal instants). */
  timeline: TimelineItem[];
  /** The agent's actions on it the server has not accepted yet. */
  pending: OutboxEntry[];
  /** What the server refused, latest first. */
  rejections: Rejection[];
}

/** A dossier with its timeline, live; null while loading, undefined when it is not in the cache. */
export function useDossier(id: string | null): DossierView | null | undefined {
  return useCacheQuery(
    async ({ db }): Promise<DossierView | undefined> => {
      if (!id) return undefined;
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
      if (!cached) return undefined;
      const timeline: TimelineItem[] = [
        ...messages.map(({ mutationId, ...message }) => ({
          kind: 'message' as const,
          at: message.createdAt,
          message,
          pending: mutationId !== undefined,
        })),
        ...events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
      ].sort((a, b) =>
        a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1,
      );
      return {
        dossier: fromCached(cached),
        timeline,
        pending: pending.filter((e) => e.state === 'pending'),
        rejections: rejections.sort((a, b) => (a.at < b.at ? 1 : -1)),
      };
    },
    [id],
    null,
    { urgent: true },
  );
}

/**
 * The agent has read a refusal: it leaves the dossier's banner for good (on this computer; the
 * dossier's audit trail keeps the server's record of it).
 */
export async function dismissRefusal(desk: Pick<Desk, 'db'>, id: string): Promise<void> {
  await desk.db.rejections.delete(id);
}
