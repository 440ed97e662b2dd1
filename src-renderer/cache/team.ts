import type { TeamDeleteRequest, TeamItemSaved } from '../../src-shared/contract/bridge';
import type { Macro, TeamView } from '../../src-shared/domain/team';
import type { CacheDatabase } from './db';

/**
 * The team's shared views and macros in the cache. The pull writes them as the feed brings them;
 * a save's answer is written at once too (the pull that follows brings the same document).
 */

export async function storeTeamItem(db: CacheDatabase, saved: TeamItemSaved): Promise<void> {
  if (saved.kind === 'view') await db.teamViews.put(saved.item);
  else await db.macros.put(saved.item);
}

export async function dropTeamItem(db: CacheDatabase, { kind, id }: TeamDeleteRequest): Promise<void> {
  await (kind === 'view' ? db.teamViews.delete(id) : db.macros.delete(id));
}

const byName = <T extends { name: string }>(items: T[]): T[] =>
  items.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));

/** At most `teamItemLimits.items` of each: read whole. */
export async function teamViews(db: CacheDatabase): Promise<TeamView[]> {
  return byName(await db.teamViews.toArray());
}
export async function macros(db: CacheDatabase): Promise<Macro[]> {
  return byName(await db.macros.toArray());
}
