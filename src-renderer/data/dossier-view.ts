import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { OutboxEntry, Rejection } from '../cache/db';
import type { Optimistic } from '../sync/optimistic';

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

export const inTimeOrder = (a: TimelineItem, b: TimelineItem): number =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1;

/** The last read of a dossier with the agent's actions it does not have yet laid over it. */
export function withOptimistic(view: DossierView, actions: readonly Optimistic[]): DossierView {
  const last = actions.at(-1);
  if (!last) return view;
  const known = new Set(view.timeline.map((t) => (t.kind === 'message' ? t.message.id : t.event.id)));
  const added: TimelineItem[] = actions.flatMap((a) => [
    ...a.messages
      .filter((m) => !known.has(m.id))
      .map((message): TimelineItem => ({ kind: 'message', at: message.createdAt, message, pending: true })),
    ...a.events
      .filter((e) => !known.has(e.id))
      .map((event): TimelineItem => ({ kind: 'event', at: event.at, event })),
  ]);
  const pendingIds = new Set(view.pending.map((e) => e.id));
  return {
    ...view,
    dossier: last.dossier,
    timeline: [...view.timeline, ...added].sort(inTimeOrder),
    pending: [...view.pending, ...actions.map((a) => a.entry).filter((e) => !pendingIds.has(e.id))],
  };
}
