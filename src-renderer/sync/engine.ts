import type { Bridge } from '../../src-shared/contract/bridge';
import type { SyncChange } from '../../src-shared/contract/sync';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase } from '../cache/db';
import { metaKeys } from '../cache/db';
import type { FactsWritten } from '../cache/facts';
import { buildFacts } from '../cache/facts';
import { buildSearchIndex } from '../cache/search-build';
import { pullAll } from './pull';
import { pushOutbox } from './push';
import type { SyncError, SyncProgress, SyncStatus } from './status';
import { initialStatus, roundError } from './status';

export type { SyncError, SyncProgress, SyncStatus } from './status';

/**
 * Keeps the cache in step with the server: pushes the outbox in order, pulls the change log from
 * the stored cursor, and rebases the agent's pending actions over what arrives. Push and pull never
 * overlap, so an action the server acknowledged is always in the next pull (see docs/sync.md).
 */

/**
 * Changes in one push: the API's most (500), which it applies in one transaction; the bytes limit
 * (`maxBatchBytes`) cuts long messages' batches sooner. A bulk close of 1,000 goes up in two.
 */
const pushBatchDefault = 500;

export interface EngineOptions {
  db: CacheDatabase;
  /** A second connection to the same database for pull pages, with relaxed durability. */
  bulkDb?: CacheDatabase;
  bridge: Bridge;
  settings: DisputeSettings;
  newId: () => string;
  pageSize?: number;
  pushBatch?: number;
  /** After each pull page is written (awaited: a caller may look at the cache between pages). */
  onProgress?: (p: SyncProgress) => void | Promise<void>;
  /** Each pulled page's changes once written (first sync: a snapshot, not news). */
  onChanges?: (changes: readonly SyncChange[], firstSync: boolean) => void;
  /**
   * Runs a sync round under an exclusive lock shared by every window of this app (the browser's
   * Web Locks: `navigator.locks.request(name, fn)`), so one window syncs at a time while all of them
   * see the changes through the shared cache. Without it, rounds are exclusive within this window only.
   */
  exclusive?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** The clock the status and refusals are dated by (the server-corrected one in the app). */
  now?: () => number;
  /** The local database failed in a way a rebuild may cure (closed, deleted, corrupted). */
  onStorageFault?: (error: SyncError) => void;
  /**
   * Keeps the supervisor dashboard's facts (cache/facts.ts) in the background after each round,
   * telling `onWritten` what each slice wrote. Agents, who have no dashboard, leave it out.
   */
  facts?: { onWritten: (written: FactsWritten) => void };
}

export type SyncOutcome = { ok: true; pulled: number; pushed: number } | { ok: false; error: SyncError };

/** Retry delays after a failed round: exponential, capped, with jitter so clients do not stampede. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1_000 * 2 ** Math.min(failures - 1, 6));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const offline: SyncError = { code: 'offline', message: 'This computer is offline.' };

export class SyncEngine {
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stops: (() => void)[] = [];
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private current: SyncStatus = initialStatus;
  private wasStarted = false;
  /** The search index of a first sync, built in the background after it (cache/search-build.ts). */
  private searchBuild: Promise<void> | null = null;
  /** The dashboard's facts, taken after the search index (both read the whole cache). */
  private factsBuild: Promise<void> | null = null;
  /** Pushes of a stuck change back off on their own; pulls go on meanwhile. */
  private pushFailures = 0;
  private pushRetryAt = 0;

  constructor(private readonly o: EngineOptions) {}

  get status(): SyncStatus {
    return this.current;
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Keeps syncing on its own: at once, whenever the server pokes, when the network returns, every
   * `intervalMs`, and after a failure with backoff. `nudge()` (after a local action) syncs now.
   */
  start(intervalMs = 30_000): void {
    if (this.stops.length > 0) return;
    this.wasStarted = true;
    const { bridge } = this.o;
    this.stops.push(bridge.onPoke(() => this.nudge()));
    this.stops.push(
      bridge.onConnectivity((online) => {
        if (online) this.nudge();
        else void this.report({ state: 'offline', progress: null, error: offline });
      }),
    );
    const interval = setInterval(() => this.nudge(), intervalMs);
    this.stops.push(() => clearInterval(interval));
    void this.restoreLastSync().then(() => this.schedule(0));
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Syncs now, if the engine is started (a stopped engine syncs only when asked to). */
  nudge(): void {
    if (this.stops.length === 0) return;
    this.failures = 0;
    this.schedule(0);
  }

  /** The agent asks to try the stuck change again now. */
  retryStuck(): void {
    this.pushRetryAt = 0;
    this.nudge();
  }

  /** A stuck change left the outbox (discarded): the others go up at once. */
  forgetStuck(mutationId: string): void {
    if (this.current.stuck?.id !== mutationId) return;
    this.pushFailures = 0;
    this.pushRetryAt = 0;
    void this.report({ stuck: null });
  }

  /** Whether the journal (the copy of pending changes outside IndexedDB) could be written last time. */
  noteJournal(ok: boolean): void {
    if (ok !== !this.current.journalFailing) return;
    void this.report({ journalFailing: !ok });
  }

  /**
   * Builds what is left of the search index (after a first sync, or one a reload interrupted), once
   * at a time; resolves when it is complete, or when the engine stopped it (it resumes at the next
   * round).
   */
  searchReady(): Promise<void> {
    this.searchBuild ??= buildSearchIndex(this.o.bulkDb ?? this.o.db, () => this.stopped)
      .catch(() => undefined)
      .finally(() => {
        this.searchBuild = null;
      });
    return this.searchBuild;
  }

  /** Takes the dashboard's facts left to take (a supervisor's engine only), once at a time. */
  factsReady(): Promise<void> {
    const facts = this.o.facts;
    if (!facts) return Promise.resolve();
    this.factsBuild ??= buildFacts(this.o.bulkDb ?? this.o.db, () => this.stopped, facts.onWritten)
      .catch(() => undefined)
      .finally(() => {
        this.factsBuild = null;
      });
    return this.factsBuild;
  }

  /** Stopped by `stop()` after it was started (an engine never started builds when asked). */
  private get stopped(): boolean {
    return this.wasStarted && this.stops.length === 0;
  }

  /** Recounts what is pending (after an action) without a round. */
  async refreshPending(): Promise<void> {
    await this.report({});
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().then((outcome) => {
        if (outcome.ok) this.failures = 0;
        else if (this.stops.length === 0) return;
        // A stuck change is tried again when its own backoff ends (pokes still pull meanwhile).
        else if (this.current.stuck && outcome.error === this.current.stuck.error) {
          this.schedule(Math.max(1_000, this.pushRetryAt - this.clock()));
        }
        // Offline: the network's return nudges; meanwhile a slow retry in case the host is wrong.
        else this.schedule(backoffDelay(++this.failures));
      });
    }, delay);
  }

  private async restoreLastSync(): Promise<void> {
    try {
      const stored = await this.o.db.meta.get(metaKeys.lastSyncAt);
      if (typeof stored?.value === 'string') await this.report({ lastSyncAt: stored.value });
    } catch {
      // The round that follows reports the storage fault.
    }
  }

  private async report(patch: Partial<SyncStatus>): Promise<void> {
    let pending = this.current.pending;
    try {
      pending = await this.o.db.outbox.where('state').equals('pending').count();
    } catch {
      // A failing database keeps the last count; the round reports the fault.
    }
    this.current = { ...this.current, ...patch, pending };
    for (const l of this.listeners) l(this.current);
  }

  /** One round: push what is pending, then pull everything new. Calls during a round queue one more. */
  sync(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let outcome: SyncOutcome;
      const exclusive = this.o.exclusive ?? ((_name: string, fn: () => Promise<SyncOutcome>) => fn());
      do {
        this.again = false;
        outcome = await exclusive('klikpay-sync', () => this.round());
        // Asked during a round that failed (offline a moment ago), the caller wants a round that
        // starts now, not the failed one's outcome.
      } while (this.askedAgain());
      return outcome;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private askedAgain(): boolean {
    return this.again;
  }

  private async round(): Promise<SyncOutcome> {
    if (!this.o.bridge.isOnline()) {
      await this.report({ state: 'offline', progress: null, error: offline });
      return { ok: false, error: offline };
    }
    await this.report({ state: 'syncing', progress: null, error: null });
    let outcome: SyncOutcome;
    try {
      outcome = await this.pushThenPull();
    } catch (error) {
      const fault = roundError(error);
      outcome = { ok: false, error: fault };
      if (fault.code === 'storage_failed') this.o.onStorageFault?.(fault);
    }
    if (outcome.ok) {
      const at = new Date(this.clock()).toISOString();
      await this.o.db.meta.put({ key: metaKeys.lastSyncAt, value: at }).catch(() => undefined);
      await this.report({ state: 'up_to_date', lastSyncAt: at, progress: null, error: null });
      // A started engine (the app) builds what is left of the search index in the background,
      // then the dashboard's facts.
      if (this.stops.length > 0) void this.searchReady().then(() => this.factsReady());
    } else {
      const state = outcome.error.code === 'offline' ? 'offline' : 'error';
      await this.report({ state, progress: null, error: outcome.error });
    }
    return outcome;
  }

  /**
   * Pushes, then pulls even when the push failed: a change the server cannot take must never stop
   * the agent from receiving everybody else's.
   */
  private async pushThenPull(): Promise<SyncOutcome> {
    const pushed = await this.pushUnlessWaiting();
    const pulled = await this.pull();
    if (!pushed.ok) return { ok: false, error: pushed.error };
    if (!pulled.ok) return pulled;
    return { ok: true, pulled: pulled.value, pushed: pushed.value };
  }

  private clock(): number {
    return (this.o.now ?? Date.now)();
  }

  private async pushUnlessWaiting(): Promise<{ ok: true; value: number } | { ok: false; error: SyncError }> {
    const { stuck } = this.current;
    if (stuck && this.clock() < this.pushRetryAt) return { ok: false, error: stuck.error };
    const pushed = await this.push();
    if (pushed.ok) {
      this.pushFailures = 0;
      if (stuck) await this.report({ stuck: null });
      return pushed;
    }
    if (!pushed.stuck) return pushed;
    this.pushFailures++;
    this.pushRetryAt = this.clock() + backoffDelay(this.pushFailures);
    const error: SyncError = pushed.error;
    await this.report({
      stuck: {
        id: pushed.stuck.id,
        name: pushed.stuck.name,
        dossierId: pushed.stuck.dossierId,
        attempts: pushed.stuck.attempts ?? 1,
        error,
        retryAt: new Date(this.pushRetryAt).toISOString(),
      },
    });
    return { ok: false, error };
  }

  /** Pushes pending actions in order; answered ones leave the journal (the server has them). */
  push(): ReturnType<typeof pushOutbox> {
    const { db, bridge, settings, newId } = this.o;
    return pushOutbox({
      db,
      bridge,
      settings,
      newId,
      batchSize: this.o.pushBatch ?? pushBatchDefault,
      now: this.o.now ?? Date.now,
      onAnswered: (ids) => {
        // A journal entry left behind is harmless (re-pushed after a rebuild, answered duplicate),
        // but a journal that cannot be written is said in the status region.
        void bridge.journal.remove(ids).then(
          (written) => this.noteJournal(written.ok),
          () => this.noteJournal(false),
        );
      },
    });
  }

  /** Pulls every page after the stored cursor; each page and its cursor are written together. */
  pull(): ReturnType<typeof pullAll> {
    const { bridge, settings, newId } = this.o;
    return pullAll({
      db: this.o.bulkDb ?? this.o.db,
      bridge,
      settings,
      newId,
      pageSize: this.o.pageSize ?? 2_000,
      keepFacts: this.o.facts !== undefined,
      ...(this.o.onChanges ? { onChanges: this.o.onChanges } : {}),
      onPage: async (progress) => {
        await this.o.onProgress?.(progress);
        if (progress.remaining !== 0) await this.report({ progress });
      },
    });
  }
}
