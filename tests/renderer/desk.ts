import type { CacheDatabase } from '../../src-renderer/cache/db';
import { FactsMirror } from '../../src-renderer/cache/facts-mirror';
import type { FetchFile } from '../../src-renderer/cache/files';
import { openFile } from '../../src-renderer/cache/files';
import { dropTeamItem, storeTeamItem } from '../../src-renderer/cache/team';
import type { Desk, DeskHost } from '../../src-renderer/data/desk';
import {
  discardPending,
  performMany,
  releaseHeld,
  takeBackAllHeld,
  takeBackHeld,
} from '../../src-renderer/sync/actions';
import { OptimisticStore } from '../../src-renderer/sync/optimistic';
import { initialStatus } from '../../src-renderer/sync/status';
import type { SyncStatus } from '../../src-renderer/sync/status';
import type { Presence } from '../../src-renderer/sync/presence';
import type { TeamItemSaved, TeamSaveRequest } from '../../src-shared/contract/bridge';
import type { User } from '../../src-shared/domain/model';
import { defaultSettings } from '../../src-shared/domain/settings';

export interface TestDeskOptions {
  user: User;
  /** The actions' clock (the real one by default). */
  now?: () => number;
  generation?: number;
  others?: Presence[];
  announce?: (dossierId: string, activity: 'viewing' | 'writing') => void;
  /** The sync status the screens see (standing still; initial by default). */
  status?: SyncStatus;
  retryStuck?: () => void;
  /** The host app's side (deep links, badge); idle by default. */
  host?: DeskHost;
  /** The dashboard's facts in memory (a fresh, empty mirror by default). */
  facts?: FactsMirror;
  /** The bridge's side of opening a file (through the real file cache); none is found by default. */
  fetchFile?: FetchFile;
  /**
   * The server's side of saving a shared view or macro (`saveTeamItem`); by default it takes the
   * fields as the API would (stamped with the user and the clock) and the cache keeps the answer.
   */
  saveTeamItem?: Desk['saveTeamItem'];
  deleteTeamItem?: Desk['deleteTeamItem'];
}

/** What the API answers a save with: the fields stamped with their author and the time. */
function stamped(request: TeamSaveRequest, user: User, now: number): TeamItemSaved {
  const stamps = { id: request.id, createdBy: user.id, updatedAt: new Date(now).toISOString() };
  return request.kind === 'view'
    ? { kind: 'view', item: { ...request.fields, ...stamps } }
    : { kind: 'macro', item: { ...request.fields, ...stamps } };
}

/**
 * A signed-in agent's desk over a real (fake-indexeddb) cache, as the screens see it: actions run
 * the real `perform`; sync status and presence stand still (the engine is tested in tests/sync).
 */
export function testDesk(db: CacheDatabase, options: TestDeskOptions): Desk {
  const { user } = options;
  const optimistic = new OptimisticStore();
  const context = () => ({
    db,
    user,
    settings: defaultSettings,
    now: options.now ?? Date.now,
    newId: () => crypto.randomUUID(),
    optimistic,
  });
  return {
    db,
    user,
    settings: defaultSettings,
    generation: options.generation ?? 0,
    perform: async (name, args, options) => {
      const [result] = await performMany(context(), [
        {
          name,
          args,
          ...(options?.shown ? { shown: options.shown } : {}),
          ...(options?.holdMs ? { holdMs: options.holdMs } : {}),
          ...(options?.files ? { files: options.files } : {}),
        },
      ]);
      if (!result) throw new Error('performMany answered nothing');
      return result;
    },
    performMany: (requests) => performMany(context(), requests),
    status: { get: () => options.status ?? initialStatus, subscribe: () => () => undefined },
    retryStuck: options.retryStuck ?? (() => undefined),
    optimistic,
    discard: (mutationId, why) =>
      discardPending(
        db,
        defaultSettings,
        () => crypto.randomUUID(),
        mutationId,
        why,
        new Date().toISOString(),
      ).then(Boolean),
    undoSend: (mutationId) =>
      takeBackHeld(db, defaultSettings, () => crypto.randomUUID(), mutationId, (options.now ?? Date.now)()),
    undoMany: (mutationIds) =>
      takeBackAllHeld(
        db,
        defaultSettings,
        () => crypto.randomUUID(),
        mutationIds,
        (options.now ?? Date.now)(),
      ),
    releaseHeld: (mutationIds, holdMs) => {
      const now = (options.now ?? Date.now)();
      return releaseHeld(db, mutationIds, now + holdMs, now);
    },
    notice: null,
    presence: {
      others: () => options.others ?? [],
      subscribe: () => () => undefined,
      announce: options.announce ?? (() => undefined),
      leave: () => undefined,
    },
    notify: () => undefined,
    facts: options.facts ?? new FactsMirror(),
    setAbsence: async (userId, absent) => {
      const user = await db.users.get(userId);
      if (!user) return { ok: false, error: { code: 'not_found', message: 'No such member of staff.' } };
      const marked = { ...user, absent };
      await db.users.put(marked);
      return { ok: true, value: marked };
    },
    saveTeamItem: async (request) => {
      const answer = options.saveTeamItem
        ? await options.saveTeamItem(request)
        : { ok: true as const, value: stamped(request, user, (options.now ?? Date.now)()) };
      if (answer.ok) await storeTeamItem(db, answer.value);
      return answer;
    },
    deleteTeamItem: async (request) => {
      const answer = options.deleteTeamItem
        ? await options.deleteTeamItem(request)
        : { ok: true as const, value: null };
      if (answer.ok) await dropTeamItem(db, request);
      return answer;
    },
    openFile: (dossierId, attachmentId) =>
      openFile(
        db,
        options.fetchFile ??
          (async () => ({ ok: false, error: { code: 'not_found', message: 'No such file.' } })),
        { dossierId, attachmentId },
      ),
    host: options.host ?? {
      onOpenDossier: () => () => undefined,
      onCommand: () => () => undefined,
      setOverdueCount: () => undefined,
      syncNow: () => undefined,
      onAssigned: () => () => undefined,
    },
  };
}
