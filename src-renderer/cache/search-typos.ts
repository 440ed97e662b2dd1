import { parseSearch, searchWords } from '../../src-shared/domain/search';
import { typoDistance } from '../../src-shared/domain/typos';
import type { Dossier } from '../../src-shared/domain/model';
import type { CacheDatabase } from './db';
import { searchDossiers } from './search';

/** A search's answer: its dossiers and, when none matched as typed, the words it read instead. */
export interface SearchAnswer {
  dossiers: Dossier[];
  /** The query as corrected ("dupont" for "dupnot"), when the results are for it. */
  corrected: string | null;
}

/**
 * The closest word of the index to each typed word the index does not know, among the words that
 * start with the same letter (a first letter is rarely the typo, and it keeps the read to one
 * range of the index's keys). Ties go to the shorter word: the one the agent more likely meant.
 */
async function corrections(db: CacheDatabase, words: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const word of words) {
    if ((await db.searchIndex.where('words').startsWith(word).first()) !== undefined) continue;
    const first = word[0];
    if (first === undefined) continue;
    let best: { word: string; distance: number } | null = null;
    const keys = await db.searchIndex.where('words').startsWith(first).uniqueKeys();
    for (const key of keys) {
      if (typeof key !== 'string') continue;
      const distance = typoDistance(word, key);
      if (distance === null) continue;
      if (
        best === null ||
        distance < best.distance ||
        (distance === best.distance && key.length < best.word.length)
      )
        best = { word: key, distance };
    }
    if (best) found.set(word, best.word);
  }
  return found;
}

/**
 * Local search that forgives a typo: as typed first; when nothing matches, each word the index
 * does not know is read as its closest indexed word, and the results say so. A whole reference is
 * never corrected (another reference is not what was asked for).
 */
export async function searchTolerant(db: CacheDatabase, query: string, limit = 50): Promise<SearchAnswer> {
  const dossiers = await searchDossiers(db, query, limit);
  const parsed = parseSearch(query);
  if (dossiers.length > 0 || parsed.reference || parsed.words.length === 0)
    return { dossiers, corrected: null };
  const fixed = await corrections(db, parsed.words);
  if (fixed.size === 0) return { dossiers, corrected: null };
  const corrected = query.replace(/[\p{L}\p{N}]+/gu, (token) => {
    const [word] = searchWords(token);
    return (word !== undefined && fixed.get(word)) || token;
  });
  const again = await searchDossiers(db, corrected, limit);
  return again.length > 0 ? { dossiers: again, corrected } : { dossiers, corrected: null };
}
