import type { DisputeSettings } from '../../src-shared/domain/settings';
import type { StatsOverview, StatsQuery } from '../../src-shared/domain/stats';
import { statsOverview } from '../../src-shared/domain/stats';
import type { DossierFacts } from '../../src-shared/domain/stats-facts';
import type { CacheDatabase } from './db';
import type { FactsWritten } from './facts';
import { readAllFacts } from './facts-snapshot';

/**
 * The dashboard's facts in memory: read from the cache once (from the snapshot and its journal,
 * cache/facts-snapshot.ts), when a supervisor's desk opens, then kept up to date by the builder's slices as they are written (cache/facts.ts), so
 * every later look, filter or period computes over memory, never over the whole cache again.
 */
export class FactsMirror {
  private byId: Map<string, DossierFacts> | null = null;
  private loading: Promise<void> | null = null;
  /** Bumped by `reset`: a read begun before it is not kept. */
  private era = 0;
  /** Slices written while the first read ran: applied after it (again, harmlessly, if it saw them). */
  private queued: FactsWritten[] = [];
  private readonly listeners = new Set<() => void>();
  /** Bumped at every change: what a screen memoises its figures on. */
  version = 0;
  /** The last figures computed, for this version: the dashboard's and the ones taken ahead of it. */
  private figures: { key: string; settings: DisputeSettings; overview: StatsOverview }[] = [];

  /** Reads every fact from the cache, once (later calls wait for the same read). */
  load(db: CacheDatabase): Promise<void> {
    if (this.byId) return Promise.resolve();
    const era = this.era;
    const loading = (this.loading ??= (async () => {
      const { byId } = await readAllFacts(db);
      // Reset meanwhile (the cache was rebuilt): this read is of the cache that was.
      if (era !== this.era) return;
      for (const written of this.queued.splice(0)) apply(byId, written);
      this.byId = byId;
      this.changed();
    })().finally(() => {
      if (this.loading === loading) this.loading = null;
    }));
    return loading;
  }

  /** A slice the builder wrote (after its transaction committed). */
  apply(written: FactsWritten): void {
    if (this.byId) {
      apply(this.byId, written);
      this.changed();
    } else if (this.loading) this.queued.push(written);
  }

  /** Forgets everything (the cache was rebuilt): the next look reads it again. */
  reset(): void {
    this.era++;
    this.loading = null;
    this.byId = null;
    this.queued = [];
    this.changed();
  }

  /** Every dossier's facts, or null before the first read finished. */
  values(): Iterable<DossierFacts> | null {
    return this.byId ? this.byId.values() : null;
  }

  /**
   * The figures of a query over the facts in memory (null before the first read), computed once per
   * version: a look taken ahead (`local-client.ts`, the dashboard's first query once the facts are
   * read) is the one the dashboard shows when opened.
   */
  overview(query: StatsQuery, now: number, settings: DisputeSettings): StatsOverview | null {
    if (!this.byId) return null;
    const key = this.figuresKey(query, now);
    const kept = this.figures.find((f) => f.key === key && f.settings === settings);
    if (kept) return kept.overview;
    const overview = statsOverview(this.byId.values(), query, now, settings);
    this.figures = [{ key, settings, overview }, ...this.figures.slice(0, 3)];
    return overview;
  }

  /** Whether these figures are computed for the facts as they are now. */
  isComputed(query: StatsQuery, now: number, settings: DisputeSettings): boolean {
    const key = this.figuresKey(query, now);
    return this.figures.some((f) => f.key === key && f.settings === settings);
  }

  private figuresKey(query: StatsQuery, now: number): string {
    return `${this.version}|${now}|${JSON.stringify(query)}`;
  }

  /** One dossier's facts (undefined before the first read, or for a dossier without them). */
  get(id: string): DossierFacts | undefined {
    return this.byId?.get(id);
  }

  get size(): number {
    return this.byId?.size ?? 0;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    this.figures = [];
    for (const l of this.listeners) l();
  }
}

function apply(byId: Map<string, DossierFacts>, written: FactsWritten): void {
  for (const f of written.facts) byId.set(f.id, f);
  for (const id of written.removed) byId.delete(id);
}
