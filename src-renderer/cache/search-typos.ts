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
 * start with the same two letters. A typo is rarely there, and it keeps the read to a small range
 * of the index's keys: at 100,000 dossiers the range of one first letter held so many distinct
 * words (the correspondence's too) that reading it took 1–4 s. Ties go to the shorter word: the
 * one the agent more likely meant.
 */
async function corrections(db: CacheDatabase, words: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const word of words) {
    if ((await db.searchIndex.where('words').startsWith(word).first()) !== undefined) continue;
    if (word.length < 4) continue;
    let best: { word: string; distance: number } | null = null;
    for (const key of await distinctWords(db, word.slice(0, 2))) {
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
 * The distinct words of the index that start with `prefix`, each read once: the cursor jumps past
 * a word's entries to the next word (`continue(word + '\u0000')`, the very next possible key).
 * Walking the range, or Dexie's `uniqueKeys()`, visits every entry: "co" (colis, commande…) is in
 * nearly every dossier, and at 100,000 dossiers that walk took 2.3 s.
 */
async function distinctWords(db: CacheDatabase, prefix: string): Promise<string[]> {
  await db.open();
  const native = db.backendDB();
  return new Promise((resolve, reject) => {
    const words: string[] = [];
    const tx = native.transaction('searchIndex', 'readonly');
    const request = tx
      .objectStore('searchIndex')
      .index('words')
      .openKeyCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const word = cursor.key;
      // The index holds words only; anything else ends the walk rather than loop on it.
      if (typeof word !== 'string') return;
      words.push(word);
      cursor.continue(`${word}\u0000`);
    };
    tx.oncomplete = () => resolve(words);
    tx.onerror = () => reject(tx.error ?? new Error('the search index could not be read'));
    tx.onabort = () => reject(tx.error ?? new Error('the search index could not be read'));
  });
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
