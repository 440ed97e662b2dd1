import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type {
  DeskNotification,
  Result,
  TeamDeleteRequest,
  TeamItemSaved,
  TeamSaveRequest,
} from '../../src-shared/contract/bridge';
import type { DeskHost } from './host';

export type { DeskHost } from './host';
import type { MutationName } from '../../src-shared/contract/sync';
import type { User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { FactsMirror } from '../cache/facts-mirror';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import type { OpenedFile } from '../cache/files';
import type { ActionRequest, ActionResult } from '../sync/actions';
import type { PerformOptions } from '../sync/local-client';
import type { CacheNotice, LocalClient } from '../sync/local-client';
import type { OptimisticStore } from '../sync/optimistic';
import type { Presence } from '../sync/presence';
import type { SyncStatus } from '../sync/status';

/**
 * What the screens know of the client core: the cache to read, the one way to act, and the sync
 * status. Components never see the engine, the bridge or the network (ARCHITECTURE.md).
 */
export interface Desk {
  db: CacheDatabase;
  user: User;
  settings: DisputeSettings;
  /** Changes when the cache is rebuilt: live queries re-subscribe to the new database. */
  generation: number;
  /** `shown`: the dossier as the screen shows it, for the action to show on before it is stored. */
  perform(name: MutationName, args: unknown, options?: PerformOptions): Promise<ActionResult>;
  /** Several actions in one local transaction (a bulk action's slice); results in order. */
  performMany(requests: readonly ActionRequest[]): Promise<ActionResult[]>;
  status: Store<SyncStatus>;
  /** Tries the change the server could not take again, now. */
  retryStuck(): void;
  /** Gives up a pending change (after the agent confirmed); false when it was sent meanwhile. */
  discard(mutationId: string, why: string): Promise<boolean>;
  /** Undoes a send still held back (`holdMs`): its outbox entry, or null when it already went. */
  undoSend(mutationId: string): Promise<OutboxEntry | null>;
  /** Undoes a bulk action's changes still held: those taken back. */
  undoMany(mutationIds: readonly string[]): Promise<OutboxEntry[]>;
  /** Ends the hold of a bulk action's changes: they go `holdMs` from now. */
  releaseHeld(mutationIds: readonly string[], holdMs: number): Promise<void>;
  notice: CacheNotice | null;
  /** Actions decided and not yet read back from the cache: the dossier view shows them at once. */
  optimistic: OptimisticStore;
  presence: PresenceStore;
  /** A system notification (dossier assigned, change refused): the host shows it if allowed. */
  notify: (notification: DeskNotification) => void;
  /** What the host app brings: dossiers to open (deep links, notification clicks), the icon's badge. */
  host: DeskHost;
  /** The supervisor dashboard's facts in memory, kept by the sync (empty for agents). */
  facts: FactsMirror;
  /**
   * A supervisor marks a member of staff absent or back: straight to the server (a team operation,
   * not a change to a dossier: it is not queued offline), then into the local copy.
   */
  setAbsence: (userId: string, absent: boolean) => Promise<Result<User>>;
  /**
   * Saves or deletes a shared view or macro: straight to the server (the team shares it there; it
   * is not queued offline), then into the local copy.
   */
  saveTeamItem: (request: TeamSaveRequest) => Promise<Result<TeamItemSaved>>;
  deleteTeamItem: (request: TeamDeleteRequest) => Promise<Result<null>>;
  /** A party's file: from this device's cache if it was opened here before, else from the server. */
  openFile: (dossierId: string, attachmentId: string) => Promise<Result<OpenedFile>>;
}

/** Other agents on a dossier (online only), and this agent's own announcement. */
export interface PresenceStore {
  others: (dossierId: string) => Presence[];
  subscribe: (listener: () => void) => () => void;
  announce: (dossierId: string, activity: 'viewing' | 'writing') => void;
  leave: () => void;
}

export interface Store<T> {
  get: () => T;
  subscribe: (listener: () => void) => () => void;
}

const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk needs a <DeskProvider> (the agent must be signed in)');
  return desk;
}

/** Provides a signed-in agent's client core to the screens, following it through rebuilds. */
export function DeskProvider({ client, children }: { client: LocalClient; children: ReactNode }) {
  const version = useSyncExternalStore(
    (listener) => client.onChange(listener),
    () => `${client.generation}:${client.notice?.at ?? ''}`,
  );
  const desk = useMemo<Desk>(
    () => ({
      db: client.db,
      user: client.user,
      settings: client.settings,
      generation: client.generation,
      perform: (name, args, options) => client.perform(name, args, options),
      performMany: (requests) => client.performMany(requests),
      status: {
        get: () => client.engine.status,
        subscribe: (listener) => client.engine.onStatus(listener),
      },
      retryStuck: () => client.engine.retryStuck(),
      discard: (mutationId, why) => client.discard(mutationId, why),
      undoSend: (mutationId) => client.undoSend(mutationId),
      undoMany: (mutationIds) => client.undoMany(mutationIds),
      releaseHeld: (mutationIds, holdMs) => client.releaseHeld(mutationIds, holdMs),
      notice: client.notice,
      optimistic: client.optimistic,
      presence: {
        others: (dossierId) => client.presence.others(dossierId),
        subscribe: client.presence.subscribe,
        announce: (dossierId, activity) => client.presence.announce(dossierId, activity),
        leave: () => client.presence.leave(),
      },
      notify: (notification) => client.notify(notification),
      host: client.host,
      facts: client.facts,
      setAbsence: (userId, absent) => client.team.setAbsence(userId, absent),
      saveTeamItem: (request) => client.team.saveTeamItem(request),
      deleteTeamItem: (request) => client.team.deleteTeamItem(request),
      openFile: (dossierId, attachmentId) => client.openFile(dossierId, attachmentId),
    }),
    // `version` names the client's state the memo depends on (its database and notice).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, version],
  );
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

/** For tests and previews: a desk made of parts. */
export function DeskContextProvider({ desk, children }: { desk: Desk; children: ReactNode }) {
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

export function useSyncStatus(): SyncStatus {
  const { status } = useDesk();
  return useSyncExternalStore(status.subscribe, status.get);
}
