import type { Bridge, BridgeError } from '../../src-shared/contract/bridge';
import type { SyncChange } from '../../src-shared/contract/sync';
import type { AuditEvent, Dossier, Message } from '../../src-shared/domain/model';
import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { CacheDatabase, OutboxEntry } from '../cache/db';
import { toCached } from '../cache/db';
import { indexForSearch } from '../cache/search';
import { replay } from './replay';

/**
 * Keeps the cache in step with the server: pushes the outbox in order, pulls the change log from
 * the stored cursor, and rebases the agent's pending actions over what arrives. Push and pull never
 * overlap, so an action the server acknowledged is always in the next pull (see docs/sync.md).
 */

export interface SyncProgress {
  changes: number;
  bytes: number;
}

export interface EngineOptions {
  db: CacheDatabase;
  bridge: Bridge;
  settings: DisputeSettings;
  newId: () => string;
  pageSize?: number;
  pushBatch?: number;
  onProgress?: (p: SyncProgress) => void;
  /**
   * Runs a sync round under an exclusive lock shared by every window of this app (the browser's
   * Web Locks: `navigator.locks.request(name, fn)`), so one window syncs at a time while all of them
   * see the changes through the shared cache. Without it, rounds are exclusive within this window only.
   */
  exclusive?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

export type SyncOutcome = { ok: true; pulled: number; pushed: number } | { ok: false; error: BridgeError };

/** What the status region shows: offline / syncing n% / up to date / n pending / error in words. */
export interface SyncStatus {
  state: 'idle' | 'syncing' | 'up_to_date' | 'offline' | 'error';
  pending: number;
  lastSyncAt: string | null;
  progress: SyncProgress | null;
  error: BridgeError | null;
}

/** Retry delays after a failed round: exponential, capped, with jitter so clients do not stampede. */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(60_000, 1_000 * 2 ** Math.min(failures - 1, 6));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const cursorKey = 'cursor';
/**
 * The outbox's client id lives with the outbox: a reloaded page or a restarted app retries its
 * actions under the same id, so the server recognises them (exactly once across reloads).
 */
const clientIdKey = 'clientId';

export class SyncEngine {
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private interval: ReturnType<typeof setInterval> | null = null;
  private stopPokes: (() => void) | null = null;
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private current: SyncStatus = { state: 'idle', pending: 0, lastSyncAt: null, progress: null, error: null };

  constructor(private readonly o: EngineOptions) {}

  get status(): SyncStatus {
    return this.current;
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Keeps syncing on its own: at once, whenever the server pokes, every `intervalMs`, and after a
   * failure with backoff. `nudge()` (after a local action, or when the network returns) syncs now.
   */
  start(intervalMs = 30_000): void {
    if (this.stopPokes) return;
    this.stopPokes = this.o.bridge.onPoke(() => this.nudge());
    this.schedule(0);
    this.interval = setInterval(() => this.nudge(), intervalMs);
  }

  stop(): void {
    this.stopPokes?.();
    this.stopPokes = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.interval) clearInterval(this.interval);
    this.timer = null;
    this.interval = null;
  }

  nudge(): void {
    this.failures = 0;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sync().then((outcome) => {
        if (outcome.ok) this.failures = 0;
        else if (this.stopPokes) this.schedule(backoffDelay(++this.failures));
      });
    }, delay);
  }

  private async report(patch: Partial<SyncStatus>): Promise<void> {
    const pending = await this.o.db.outbox.where('state').equals('pending').count();
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
      } while (outcome.ok && this.askedAgain());
      return outcome;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async clientId(): Promise<string> {
    const { db } = this.o;
    return db.transaction('rw', db.meta, async () => {
      const stored = await db.meta.get(clientIdKey);
      if (typeof stored?.value === 'string') return stored.value;
      const id = this.o.newId();
      await db.meta.put({ key: clientIdKey, value: id });
      return id;
    });
  }

  private askedAgain(): boolean {
    return this.again;
  }

  private async round(): Promise<SyncOutcome> {
    await this.report({ state: 'syncing', progress: null, error: null });
    const outcome = await this.pushThenPull();
    if (outcome.ok) {
      await this.report({
        state: 'up_to_date',
        lastSyncAt: new Date().toISOString(),
        progress: null,
        error: null,
      });
    } else {
      await this.report({
        state: outcome.error.code === 'offline' ? 'offline' : 'error',
        progress: null,
        error: outcome.error,
      });
    }
    return outcome;
  }

  private async pushThenPull(): Promise<SyncOutcome> {
    const pushed = await this.push();
    if (!pushed.ok) return pushed;
    const pulled = await this.pull();
    if (!pulled.ok) return pulled;
    return { ok: true, pulled: pulled.value, pushed: pushed.value };
  }

  /** Pushes pending actions in order; an answer lost on the way is simply pushed again (same ids). */
  async push(): Promise<{ ok: true; value: number } | { ok: false; error: BridgeError }> {
    const { db, bridge } = this.o;
    let count = 0;
    for (;;) {
      const batch = await db.outbox.where('state').equals('pending').sortBy('seq');
      const slice = batch.slice(0, this.o.pushBatch ?? 100);
      if (slice.length === 0) return { ok: true, value: count };
      const answer = await bridge.push({
        clientId: await this.clientId(),
        mutations: slice.map((e) => ({ id: e.id, name: e.name, args: e.args })),
      });
      if (!answer.ok) return answer;
      const byId = new Map(answer.value.results.map((r) => [r.id, r]));
      await db.transaction('rw', [db.outbox, db.rejections, db.dossiers, db.base, db.messages], async () => {
        for (const entry of slice) {
          const result = byId.get(entry.id);
          if (!result || entry.seq === undefined) continue;
          if (result.status === 'rejected') {
            await db.outbox.delete(entry.seq);
            await db.messages.where('mutationId').equals(entry.id).delete();
            await db.rejections.put({
              id: entry.id,
              dossierId: entry.dossierId,
              name: entry.name,
              code: result.error?.code ?? 'conflict',
              message: result.error?.message ?? 'The server refused this change.',
              at: new Date().toISOString(),
            });
            // No pull since the acknowledged actions were applied: they are not in `base` yet.
            await this.rebase(entry.dossierId, true);
          } else {
            await db.outbox.update(entry.seq, { state: 'acknowledged' });
          }
        }
      });
      count += slice.length;
    }
  }

  /** Pulls every page after the stored cursor; each page and its cursor are written together. */
  async pull(): Promise<{ ok: true; value: number } | { ok: false; error: BridgeError }> {
    const { db, bridge } = this.o;
    const acknowledged = await db.outbox.where('state').anyOf('acknowledged', 'settled').toArray();
    let total = 0;
    let bytes = 0;
    for (;;) {
      const cursorEntry = await db.meta.get(cursorKey);
      const cursor = typeof cursorEntry?.value === 'string' ? cursorEntry.value : null;
      const page = await bridge.pull(cursor, this.o.pageSize ?? 2_000);
      if (!page.ok) return page;
      await this.writePage(page.value.changes, page.value.cursor);
      total += page.value.changes.length;
      bytes += JSON.stringify(page.value.changes).length;
      this.o.onProgress?.({ changes: total, bytes });
      if (page.value.hasMore) await this.report({ progress: { changes: total, bytes } });
      if (!page.value.hasMore) break;
    }
    // What the server acknowledged before this pull is in it now: the local copies can go.
    if (acknowledged.length > 0) {
      await db.transaction('rw', [db.outbox, db.messages, db.dossiers, db.base], async () => {
        for (const entry of acknowledged) {
          if (entry.seq !== undefined) await db.outbox.delete(entry.seq);
          await db.messages.where('mutationId').equals(entry.id).delete();
        }
        for (const dossierId of new Set(acknowledged.map((e) => e.dossierId)))
          await this.rebase(dossierId, false);
      });
    }
    return { ok: true, value: total };
  }

  private async writePage(changes: readonly SyncChange[], cursor: string): Promise<void> {
    const { db } = this.o;
    await db.transaction(
      'rw',
      [db.dossiers, db.base, db.messages, db.events, db.users, db.merchants, db.outbox, db.meta, db.search],
      async () => {
        const dossiers: Dossier[] = [];
        for (const c of changes) {
          if (c.op === 'delete') {
            const table = {
              dossier: db.dossiers,
              message: db.messages,
              event: db.events,
              user: db.users,
              merchant: db.merchants,
            }[c.entity];
            await table.delete(c.id);
          } else if (c.entity === 'dossier') dossiers.push(c.data);
        }
        const put = <T>(entity: SyncChange['entity']) =>
          changes.filter((c) => c.entity === entity && c.op === 'put').map((c) => c.data as T);
        const messages = put<Message>('message');
        await db.messages.bulkPut(messages);
        await indexForSearch(db, dossiers, messages);
        await db.events.bulkPut(put<AuditEvent>('event'));
        await db.users.bulkPut(put('user'));
        await db.merchants.bulkPut(put('merchant'));
        if (dossiers.length > 0) {
          const inOutbox = await db.outbox
            .where('dossierId')
            .anyOf(dossiers.map((d) => d.id))
            .toArray();
          // Dossiers with actions in the outbox keep the server's state as their new base.
          const withEntries = new Set(inOutbox.map((e) => e.dossierId));
          await db.dossiers.bulkPut(dossiers.filter((d) => !withEntries.has(d.id)).map(toCached));
          for (const d of dossiers.filter((x) => withEntries.has(x.id))) {
            await db.base.put(d);
            for (const e of inOutbox) {
              if (e.dossierId === d.id && e.state === 'acknowledged' && e.seq !== undefined) {
                await db.outbox.update(e.seq, { state: 'settled' });
              }
            }
            await this.rebase(d.id, false);
          }
        }
        await db.meta.put({ key: cursorKey, value: cursor });
      },
    );
  }

  /**
   * Recomputes what the agent sees of a dossier: the server's state with the actions it does not
   * contain yet replayed over it — the pending ones, and the acknowledged ones too when no pull has
   * brought their effects since (`includeAcknowledged`).
   */
  private async rebase(dossierId: string, includeAcknowledged: boolean): Promise<void> {
    const { db } = this.o;
    const base = await db.base.get(dossierId);
    if (!base) return;
    const entries: OutboxEntry[] = (
      await db.outbox.where('dossierId').equals(dossierId).sortBy('seq')
    ).filter((e) => e.state === 'pending' || (includeAcknowledged && e.state === 'acknowledged'));
    await db.dossiers.put(toCached(replay(base, entries, this.o.settings, this.o.newId)));
    if ((await db.outbox.where('dossierId').equals(dossierId).count()) === 0) {
      await db.base.delete(dossierId);
    }
  }
}
