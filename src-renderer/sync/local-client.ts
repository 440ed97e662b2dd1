import type { DexieOptions } from 'dexie';
import type { Bridge, DeskNotification, Result } from '../../src-shared/contract/bridge';
import type { TeamCalls } from './team-calls';
import { teamCalls } from './team-calls';
import type { DeskHost } from '../data/host';
import { NoticeStore, assignmentsTo } from './notices';
import type { MutationName } from '../../src-shared/contract/sync';
import type { User } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import { CacheDatabase } from '../cache/db';
import type { OutboxEntry } from '../cache/db';
import type { FactsWritten } from '../cache/facts';
import type { OpenedFile } from '../cache/files';
import { openFile } from '../cache/files';
import { FactsMirror } from '../cache/facts-mirror';
import { clockNow } from '../clock';
import { dashboardNowStep, dashboardOpensOn, dashboardQuery, figuresNowStep } from '../data/dashboard-query';
import { reconcileJournal } from '../cache/journal';
import type { ActionRequest, ActionResult } from './actions';
import type { EngineOptions, SyncError } from './engine';
import { SyncEngine } from './engine';
import { OptimisticStore } from './optimistic';
import type { ClientParts } from './outbox-controls';
import { discardChange, performAll, releaseAfter, undoHeld } from './outbox-controls';
import { PresenceTracker } from './presence';

/**
 * The client core of one signed-in agent: their cache (one IndexedDB database per user), the
 * outbox journal, and the sync engine, kept working through IndexedDB faults (docs/targets.md R3).
 * When the database is deleted underneath, corrupted, or fails, it is rebuilt from the server and
 * the journal puts every pending action back; when a newer app upgrades it from another window,
 * this one stops and asks to be reloaded. Screens read `db` and listen for `onChange`.
 */

export type CacheNotice =
  | { kind: 'rebuilt'; reason: 'deleted' | 'unreadable' | 'failed'; restored: number; at: string }
  | { kind: 'outdated'; at: string }
  | { kind: 'unavailable'; message: string; at: string };

export interface LocalClientOptions {
  bridge: Bridge;
  user: User;
  settings: DisputeSettings;
  newId?: () => string;
  now?: () => number;
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  exclusive?: EngineOptions['exclusive'];
  pageSize?: number;
  /** The database's name; one per user by default, so two agents on one computer never mix. */
  databaseName?: string;
}

export const cacheName = (userId: string) => `klikpay-cache-${userId}`;

/** What an action carries besides its arguments (`ActionRequest`). */
export type PerformOptions = Pick<ActionRequest, 'shown' | 'holdMs' | 'files'>;

export class LocalClient {
  db!: CacheDatabase;
  engine!: SyncEngine;
  /** Bumped whenever `db` is replaced: readers re-subscribe. */
  generation = 0;
  notice: CacheNotice | null = null;
  readonly presence: PresenceTracker;
  /** Actions decided and not yet read back from the cache (sync/optimistic.ts). */
  readonly optimistic: OptimisticStore;
  /** The supervisor dashboard's facts in memory (cache/facts-mirror.ts). */
  readonly facts = new FactsMirror();
  /** Dossiers assigned to this agent by someone else, as the server tells it. */
  readonly notices = new NoticeStore();
  private bulk!: CacheDatabase;
  private started = false;
  private rebuilding: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly name: string;
  private readonly newId: () => string;

  constructor(private readonly o: LocalClientOptions) {
    this.name = o.databaseName ?? cacheName(o.user.id);
    this.newId = o.newId ?? (() => crypto.randomUUID());
    this.presence = new PresenceTracker(o.bridge, o.now);
    this.optimistic = new OptimisticStore(o.now);
  }

  get user(): User {
    return this.o.user;
  }

  get settings(): DisputeSettings {
    return this.o.settings;
  }

  /** Opens the cache (rebuilding it when it cannot be opened) and puts journalled actions back. */
  async open(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      if (isVersionError(error)) {
        this.setNotice({ kind: 'outdated', at: now() });
        throw error;
      }
      this.drop();
      await this.deleteDatabase().catch(() => undefined);
      try {
        await this.connect();
      } catch (again) {
        this.setNotice({ kind: 'unavailable', message: describe(again), at: now() });
        throw again;
      }
      const { restored } = await reconcileJournal(this.db, this.o.bridge.journal);
      this.setNotice({ kind: 'rebuilt', reason: 'unreadable', restored, at: now() });
      return;
    }
    await reconcileJournal(this.db, this.o.bridge.journal);
  }

  start(intervalMs?: number): void {
    this.started = true;
    this.engine.start(intervalMs);
    this.presence.start();
  }

  stop(): void {
    this.started = false;
    this.engine.stop();
    this.presence.stop();
  }

  close(): void {
    this.stop();
    this.drop();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An agent's action: applied to the cache at once, queued, journalled, and pushed soon. */
  async perform(name: MutationName, args: unknown, options: PerformOptions = {}): Promise<ActionResult> {
    const [result] = await this.performMany([
      {
        name,
        args,
        ...(options.shown ? { shown: options.shown } : {}),
        ...(options.holdMs ? { holdMs: options.holdMs } : {}),
        ...(options.files?.length ? { files: options.files } : {}),
      },
    ]);
    if (!result) throw new Error('performMany answered nothing');
    return result;
  }

  /** A bulk action's slice: one transaction, one journal write, one push for the lot. */
  performMany(requests: readonly ActionRequest[]): Promise<ActionResult[]> {
    return performAll(this.parts, requests);
  }

  /**
   * Undoes a send still held for its Undo: gone from the outbox, the dossier and the journal, as if
   * never sent. The entry (its text, to put back in the composer), or null when it already went.
   */
  async undoSend(mutationId: string): Promise<OutboxEntry | null> {
    const [entry] = await undoHeld(this.parts, [mutationId]);
    return entry ?? null;
  }

  /** A bulk action's Undo: the changes still held, taken back together; those that went stay. */
  undoMany(mutationIds: readonly string[]): Promise<OutboxEntry[]> {
    return undoHeld(this.parts, mutationIds);
  }

  /** See `Desk.releaseHeld`. */
  releaseHeld(mutationIds: readonly string[], holdMs: number): Promise<void> {
    return releaseAfter(this.parts, mutationIds, holdMs);
  }

  /** See `discardChange` (sync/outbox-controls.ts). */
  discard(mutationId: string, why: string): Promise<boolean> {
    return discardChange(this.parts, mutationId, why);
  }

  /** The client's current cache and engine, for what it does to its outbox (sync/outbox-controls.ts). */
  private get parts(): ClientParts {
    return {
      db: this.db,
      user: this.o.user,
      settings: this.o.settings,
      now: this.o.now ?? Date.now,
      newId: this.newId,
      journal: this.o.bridge.journal,
      engine: this.engine,
      optimistic: this.optimistic,
      onStorageFailed: () => void this.rebuild('failed'),
    };
  }

  /** See `Desk.setAbsence`, `Desk.saveTeamItem` and `Desk.deleteTeamItem`. */
  get team(): TeamCalls {
    this.teamPart ??= teamCalls(
      this.o.bridge,
      () => this.db,
      () => this.engine.nudge(),
    );
    return this.teamPart;
  }
  private teamPart: TeamCalls | null = null;

  /** See `Desk.openFile`. */
  openFile(dossierId: string, attachmentId: string): Promise<Result<OpenedFile>> {
    return openFile(
      this.db,
      (d, a) => this.o.bridge.attachment(d, a),
      { dossierId, attachmentId },
      this.o.now,
    );
  }

  notify(notification: DeskNotification): void {
    void this.o.bridge.notify(notification);
  }

  /** The host's part of the desk (src-renderer/data/desk.tsx `DeskHost`). */
  readonly host: DeskHost = {
    onOpenDossier: (listener) => this.o.bridge.onOpenDossier(listener),
    onCommand: (listener) => this.o.bridge.onCommand(listener),
    setOverdueCount: (count) => void this.o.bridge.setOverdueCount(count),
    syncNow: () => this.engine.nudge(),
    onAssigned: (listener) => this.notices.subscribe(listener),
  };

  /** Actions not yet accepted by the server (asked before signing out). */
  pendingCount(): Promise<number> {
    return this.db.outbox.where('state').equals('pending').count();
  }

  /**
   * Signing out of a shared computer: the journal (only answered actions are left in it when
   * nothing is pending) and the cache of this agent leave the device.
   */
  async removeLocalCopy(): Promise<void> {
    const journalled = await this.o.bridge.journal.read();
    if (journalled.ok && journalled.value.length > 0) {
      await this.o.bridge.journal.remove(journalled.value.map((e) => e.id));
    }
    await this.destroy();
  }

  /** Deletes this user's cache (after sign-out, when the agent chose to). */
  async destroy(): Promise<void> {
    this.stop();
    this.drop();
    await this.deleteDatabase();
  }

  /** Throws the cache away and builds it again from the server, keeping journalled actions. */
  rebuild(reason: 'deleted' | 'failed'): Promise<void> {
    this.rebuilding ??= (async () => {
      const wasStarted = this.started;
      this.engine.stop();
      this.drop();
      if (reason === 'failed') await this.deleteDatabase().catch(() => undefined);
      // The browser may still be closing what it cleared: a connection opened meanwhile is closed
      // under us ("The connection was closed"). Tried again a few times before it is said unavailable.
      for (let attempt = 0; ; attempt++) {
        try {
          await this.connect();
          break;
        } catch (error) {
          if (attempt >= rebuildRetriesMs.length) {
            this.setNotice({ kind: 'unavailable', message: describe(error), at: now() });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, rebuildRetriesMs[attempt]));
        }
      }
      const { restored } = await reconcileJournal(this.db, this.o.bridge.journal);
      this.setNotice({ kind: 'rebuilt', reason, restored, at: now() });
      if (wasStarted) this.start();
    })().finally(() => {
      this.rebuilding = null;
    });
    return this.rebuilding;
  }

  private get idbOptions() {
    return {
      ...(this.o.indexedDB ? { indexedDB: this.o.indexedDB } : {}),
      ...(this.o.IDBKeyRange ? { IDBKeyRange: this.o.IDBKeyRange } : {}),
    };
  }

  /** Deletes the database through the same IndexedDB as the connections. */
  private deleteDatabase(): Promise<void> {
    return new CacheDatabase(this.name, this.idbOptions).delete();
  }

  private async connect(): Promise<void> {
    const options = this.idbOptions;
    const db = new CacheDatabase(this.name, options);
    const bulk = new CacheDatabase(this.name, { ...options, durability: 'relaxed', quiet: true });
    for (const connection of [db, bulk]) {
      // Typed structurally: this module is also compiled for the Node tests, without DOM types.
      connection.on('versionchange', (event: unknown) => {
        this.onVersionChange(event as { newVersion: number | null });
      });
      // Closed by the browser, not by us (site data cleared while open, storage evicted): the
      // database may be gone or empty, and reopening it silently would lose the outbox's place.
      connection.on('close', () => {
        if (this.db === connection || this.bulk === connection)
          setTimeout(() => void this.rebuild('deleted'), 0);
      });
    }
    try {
      await db.open();
      await bulk.open();
    } catch (error) {
      // Neither half of a failed opening stays open behind the next try.
      db.close();
      bulk.close();
      throw error;
    }
    this.db = db;
    this.bulk = bulk;
    this.engine = new SyncEngine({
      db,
      bulkDb: bulk,
      bridge: this.o.bridge,
      settings: this.o.settings,
      newId: this.newId,
      ...(this.o.pageSize ? { pageSize: this.o.pageSize } : {}),
      ...(this.o.exclusive ? { exclusive: this.o.exclusive } : {}),
      now: this.o.now ?? Date.now,
      onStorageFault: () => void this.rebuild('failed'),
      onChanges: (changes, firstSync) => {
        if (!firstSync) this.notices.add(assignmentsTo(this.user.id, changes));
      },
      ...(this.user.role === 'supervisor'
        ? { facts: { onWritten: (written: FactsWritten) => this.facts.apply(written) } }
        : {}),
    });
    this.facts.reset();
    if (this.user.role === 'supervisor') this.readFactsAhead(db);
    this.generation++;
    for (const l of this.listeners) l();
  }

  /**
   * A supervisor's dashboard facts are read as the desk opens, not when the dashboard asks (the
   * snapshot's blocks, beside the first queue's reads), and the figures the dashboard opens on are
   * computed ahead: a first look has only its render left. A failed read is the dashboard's to retry.
   */
  private readFactsAhead(db: CacheDatabase): void {
    const stepped = (step: number) => Math.floor(clockNow() / step) * step;
    this.facts.load(db).then(
      () => {
        if (this.db !== db) return;
        const query = dashboardQuery(stepped(dashboardNowStep), dashboardOpensOn, '');
        this.facts.overview(query, stepped(figuresNowStep), this.settings);
      },
      () => undefined,
    );
  }

  private onVersionChange(event: { newVersion: number | null }): void {
    if (event.newVersion === null) {
      // Deleted underneath (site data cleared, another tool): Dexie closes; rebuild once it is gone.
      setTimeout(() => void this.rebuild('deleted'), 0);
    } else {
      this.engine.stop();
      this.setNotice({ kind: 'outdated', at: now() });
    }
  }

  /** Closes this client's connections (those of a failed open may not exist yet). */
  private drop(): void {
    const connections = [this.db as CacheDatabase | undefined, this.bulk as CacheDatabase | undefined];
    for (const c of connections) c?.close();
  }

  private setNotice(notice: CacheNotice): void {
    this.notice = notice;
    for (const l of this.listeners) l();
  }
}

const now = () => new Date().toISOString();
/** The waits before each new try at opening a rebuilt cache. */
const rebuildRetriesMs = [100, 300, 1_000, 3_000];
const isVersionError = (error: unknown) => errorNameOf(error) === 'VersionError';
const describe = (error: unknown) =>
  `${errorNameOf(error) || 'Error'}: ${error instanceof Error ? error.message : ''}`;
function errorNameOf(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string'
    ? (error as { name: string }).name
    : '';
}

/** The browser's Web Locks as the engine's exclusive section (one syncing window at a time). */
export function webLocks(): EngineOptions['exclusive'] {
  // Typed structurally: this module is also compiled for the Node tests, which have no DOM types.
  const { navigator } = globalThis as {
    navigator?: { locks?: { request<T>(name: string, fn: () => Promise<T>): Promise<T> } };
  };
  const locks = navigator?.locks;
  if (!locks) return undefined;
  return (name, fn) => locks.request(name, fn);
}

export type { SyncError };
