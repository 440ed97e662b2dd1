import { draftDossierIds } from '../cache/drafts';
import { useCacheQuery } from './live';

const none: ReadonlySet<string> = new Set();

/**
 * The dossiers the agent has a draft on, live: one query for a whole list (read from the drafts'
 * keys alone), so a row only asks `has(id)`. Empty while reading.
 */
export function useDraftIds(): ReadonlySet<string> {
  return useCacheQuery(({ db }) => draftDossierIds(db), [], none, { tables: ['drafts'] });
}
