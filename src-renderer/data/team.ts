import type { Macro, TeamView } from '../../src-shared/domain/team';
import { macros, teamViews } from '../cache/team';
import { useCacheQuery } from './live';

/** The team's shared views, by name, live from the cache (the pull keeps them). */
export function useTeamViews(): TeamView[] {
  return useCacheQuery(async (desk) => teamViews(desk.db), [], [], { tables: ['teamViews'] });
}

/** The team's macros, by name, live from the cache. */
export function useMacros(): Macro[] {
  return useCacheQuery(async (desk) => macros(desk.db), [], [], { tables: ['macros'] });
}
