import { cmp } from 'dexie';
import type { CacheDatabase, SearchEntry, SearchRank } from './db';

/**
 * The first matches of a search in the "All" order, from the search index alone (cache/search.ts
 * reads the dossiers they name): entries are keyed by their dossier's rank, so the multi-entry
 * index gives a word's matches in that order, and the way to the first ones depends on how common
 * the words are.
 */

export interface SearchOptions {
  /**
   * `rank` (default) finds the first results from the index's keys, which sort in the "All" order;
   * `load` reads every matching dossier and sorts them (the plain way, which tests compare with).
   */
  strategy?: 'rank' | 'load';
  /** Matches of a word read in full when fewer than this: past it, a word is "common". */
  fewMatches?: number;
  /** Distinct words a common prefix may have to be merged word by word (else the index is walked). */
  fewWords?: number;
  /** Entries walked in rank order before giving up on walking and reading every match. */
  walkLimit?: number;
}

export type Rank = SearchRank;
export const compareRanks = (a: Rank, b: Rank): number => cmp(a, b);

export const matchesAll = (entry: SearchEntry, words: readonly string[]) =>
  words.every((w) => entry.words.some((x) => x.startsWith(w)));

/** Every match's rank: the plain way, reading every candidate entry. */
export async function allMatches(db: CacheDatabase, words: readonly string[]): Promise<Rank[]> {
  const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
  if (first === undefined) return [];
  const entries = await db.searchIndex.where('words').startsWith(first).distinct().toArray();
  return entries.filter((e) => matchesAll(e, others)).map((e) => e.rank);
}

export async function firstMatches(
  db: CacheDatabase,
  words: readonly string[],
  limit: number,
  o: Required<Omit<SearchOptions, 'strategy'>>,
): Promise<Rank[]> {
  // Each word's keys, up to `fewMatches`: complete when fewer came back.
  const keyed = await Promise.all(
    words.map(async (w) => {
      const ranks = await db.searchIndex.where('words').startsWith(w).limit(o.fewMatches).primaryKeys();
      return { word: w, ranks, complete: ranks.length < o.fewMatches };
    }),
  );
  const rare = keyed.filter((k) => k.complete).sort((a, b) => a.ranks.length - b.ranks.length);
  const rarest = rare[0];
  if (rarest) {
    // Candidates: the rarest word's matches that the other rare words also match.
    let candidates = uniqueRanks(rarest.ranks);
    for (const other of rare.slice(1)) {
      const inOther = new Set(other.ranks.map((r) => r[2]));
      candidates = candidates.filter((r) => inOther.has(r[2]));
    }
    const common = keyed.filter((k) => !k.complete).map((k) => k.word);
    if (common.length === 0 || candidates.length === 0) return candidates;
    // The common words are checked on the candidates' entries, in rank order, until enough match.
    candidates.sort(compareRanks);
    const matched: Rank[] = [];
    for (let i = 0; i < candidates.length && matched.length < limit; i += 100) {
      const entries = await db.searchIndex.bulkGet(candidates.slice(i, i + 100));
      for (const e of entries) if (e && matchesAll(e, common)) matched.push(e.rank);
    }
    return matched;
  }
  if (words.length === 1 && words[0] !== undefined) {
    const word = words[0];
    const distinct = await distinctWords(db, word, o.fewWords + 1);
    if (distinct.length <= o.fewWords) {
      const perWord = await Promise.all(
        distinct.map((w) => db.searchIndex.where('words').equals(w).limit(limit).primaryKeys()),
      );
      return uniqueRanks(perWord.flat()).sort(compareRanks).slice(0, limit);
    }
  }
  const walked = await walk(db, words, limit, o.walkLimit);
  return walked ?? allMatches(db, words);
}

/**
 * Up to `max` distinct indexed words starting with `prefix`, each found by a seek past the one
 * before. (A cursor's `nextunique` steps over every entry of a word — tens of thousands for a
 * common one — where a seek to the next word costs one read.)
 */
async function distinctWords(db: CacheDatabase, prefix: string, max: number): Promise<string[]> {
  const found: string[] = [];
  // The smallest string after `w` is `w` + U+0000: an inclusive bound there seeks past every `w`.
  for (let from = prefix; found.length < max;) {
    const [next] = await db.searchIndex
      .where('words')
      .between(from, `${prefix}\uffff`, true, true)
      .limit(1)
      .keys();
    if (typeof next !== 'string') break;
    found.push(next);
    from = `${next}\u0000`;
  }
  return found;
}

/** The first `limit` entries in rank order that match, or null past `walkLimit` entries read. */
async function walk(
  db: CacheDatabase,
  words: readonly string[],
  limit: number,
  walkLimit: number,
): Promise<Rank[] | null> {
  const matched: Rank[] = [];
  const chunkSize = Math.min(250, walkLimit);
  let after: Rank | null = null;
  for (let read = 0; read < walkLimit;) {
    const chunk: SearchEntry[] = await (after === null
      ? db.searchIndex.orderBy(':id').limit(chunkSize).toArray()
      : db.searchIndex.where(':id').above(after).limit(chunkSize).toArray());
    for (const e of chunk) {
      if (matchesAll(e, words)) matched.push(e.rank);
      if (matched.length === limit) return matched;
    }
    const last = chunk.at(-1);
    if (chunk.length < chunkSize || !last) return matched;
    after = last.rank;
    read += chunk.length;
  }
  return null;
}

/** Ranks once each (a dossier with several words of a prefix has a key for each). */
function uniqueRanks(ranks: readonly Rank[]): Rank[] {
  const seen = new Set<string>();
  return ranks.filter((r) => !seen.has(r[2]) && Boolean(seen.add(r[2])));
}
