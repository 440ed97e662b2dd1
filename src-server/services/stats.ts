import type { AuditEvent, Dossier } from '../../src-shared/domain/model';
import type { StatsOverview, StatsQuery } from '../../src-shared/domain/stats';
import { statsOverview } from '../../src-shared/domain/stats';
import type { DossierFacts } from '../../src-shared/domain/stats-facts';
import { dossierFacts } from '../../src-shared/domain/stats-facts';
import { readAllFacts, readHistories, staleFactIds, upsertFacts } from '../store/facts';
import type { ServerContext } from './context';

/** Dossiers whose facts are taken per transaction: a few thousand events read at once. */
const refreshSlice = 500;

/**
 * Brings every dossier's facts up to its current version. Writes never pay for the figures: the
 * first overview after a change recomputes what moved (on a fresh 100,000-dossier database, all of
 * them once). Stored rows are documents this server wrote, so they are read back without a check.
 */
export async function refreshFacts(ctx: ServerContext): Promise<number> {
  let refreshed = 0;
  for (let after = ''; ;) {
    const ids = await staleFactIds(ctx.db, after, refreshSlice);
    const last = ids.at(-1);
    if (last === undefined) return refreshed;
    const { dossiers, events } = await readHistories(ctx.db, ids);
    const trails = new Map<string, AuditEvent[]>();
    for (const e of events) {
      let trail = trails.get(e.dossierId);
      if (!trail) trails.set(e.dossierId, (trail = []));
      trail.push(JSON.parse(e.data) as AuditEvent);
    }
    const facts = dossiers.map((text) => {
      const d = JSON.parse(text) as Dossier;
      return dossierFacts(d, trails.get(d.id) ?? []);
    });
    await upsertFacts(ctx.db, facts);
    refreshed += facts.length;
    after = last;
  }
}

/** The supervisor's figures over the whole database, as the desktop computes them from its cache. */
export async function overview(ctx: ServerContext, query: StatsQuery): Promise<StatsOverview> {
  await refreshFacts(ctx);
  const facts = (await readAllFacts(ctx.db)).map((text) => JSON.parse(text) as DossierFacts);
  return statsOverview(facts, query, ctx.clock.now(), ctx.settings);
}
