import type { SyncChange } from '../../src-shared/contract/sync';

/**
 * News for the agent found in what the server sends (not in the cache, which would mean scanning
 * it): a dossier a colleague or a supervisor assigned to this agent. The first sync is a snapshot,
 * not news, and an agent's own take-over is not news either.
 */
export interface AssignedNotice {
  dossierId: string;
  /** Who assigned it (null: the system). */
  by: string | null;
}

export function assignmentsTo(userId: string, changes: readonly SyncChange[]): AssignedNotice[] {
  const found: AssignedNotice[] = [];
  for (const c of changes) {
    if (c.entity !== 'event' || c.op !== 'put') continue;
    const change = c.data.changes.assigneeId;
    if (!change || change.after !== userId || change.before === userId) continue;
    if (c.data.actor.id === userId) continue;
    found.push({ dossierId: c.data.dossierId, by: c.data.actor.id });
  }
  return found;
}

/** The notices of this session, for the screens to announce (src-renderer/workspace/useNotices.ts). */
export class NoticeStore {
  private readonly listeners = new Set<(notices: readonly AssignedNotice[]) => void>();

  add(notices: readonly AssignedNotice[]): void {
    if (notices.length === 0) return;
    for (const listener of this.listeners) listener(notices);
  }

  subscribe = (listener: (notices: readonly AssignedNotice[]) => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
