import type { Dossier, Message } from '../../src-shared/domain/model';
import { compareInQueue, urgentAt } from '../../src-shared/domain/queues';
import type { ParsedSearch } from '../../src-shared/domain/search';
import {
  hasOperators,
  parseSearch,
  passesOperators,
  searchWords,
  textWords,
} from '../../src-shared/domain/search';
import type { CacheDatabase, SearchEntry, SearchRank } from './db';
import { closedUrgency, fromCached, metaKeys } from './db';
import type { Rank, SearchOptions } from './search-ranks';
import { allMatches, compareRanks, firstMatches, matchesAll } from './search-ranks';

export type { SearchOptions } from './search-ranks';

/**
 * Local search over reference, transaction and order ids, names, e-mails and the words of the
 * correspondence. Each dossier has one entry whose words feed a multi-entry index; a query matches
 * dossiers having, for every query word, a word that starts with it. An entry's key is its
 * dossier's rank in the "All" order, so the index gives a word's matches most urgent first.
 */

/** The search build's position (see cache/search-build.ts): null when the index is complete. */
export async function searchBuiltUpTo(db: CacheDatabase): Promise<string | null> {
  const entry = await db.meta.get(metaKeys.searchBuiltUpTo);
  return typeof entry?.value === 'string' ? entry.value : null;
}

/** Most words kept per dossier: a long thread stays searchable without bloating the index. */
export const maxWords = 600;

/** A dossier's own words: its ids and names, the customer's and merchant's e-mails, tags, description and resolution. */
export function dossierWords(d: Dossier, merchantEmail?: string): string[] {
  const names = searchWords(
    [
      d.reference,
      d.id,
      d.transaction.id,
      d.transaction.orderReference,
      d.transaction.customerName,
      d.transaction.merchantName,
      d.transaction.customerEmail ?? '',
      merchantEmail ?? '',
      ...d.tags,
    ].join(' '),
  );
  return [...names, ...textWords(d.description), ...textWords(d.closure?.summary ?? '')];
}

/** The e-mail of each of these dossiers' merchants, from the cache's merchants. */
export async function merchantEmails(
  db: CacheDatabase,
  dossiers: readonly Dossier[],
): Promise<Map<string, string>> {
  const ids = [...new Set(dossiers.map((d) => d.transaction.merchantId))];
  if (ids.length === 0) return new Map();
  return new Map((await db.merchants.bulkGet(ids)).flatMap((m) => (m ? [[m.id, m.email] as const] : [])));
}

/** Letters are the same words in every dossier: only what people wrote is worth searching. */
const letterKinds = new Set<Message['kind']>(['notice', 'good_practices_reminder', 'rights_information']);

/** The words a message adds to its dossier's entry: none for the system's notices and letters. */
export function messageWords(m: Message): string[] {
  if (m.author.role === 'system' || letterKinds.has(m.kind)) return [];
  return textWords(m.body);
}

/** Where a dossier's entry sorts: the "All" order (urgency, then reference), made a key. */
export function rankOf(d: Pick<Dossier, 'id' | 'reference'> & { urgency: number }): SearchRank {
  return [d.urgency, d.reference, d.id];
}

/**
 * Adds the words of new dossier states and messages to the entries of their dossiers — only of
 * those the search build has passed, while one runs (cache/search-build.ts): it indexes the others.
 * A dossier whose urgency changed moves to its new place (its entry's key is its rank). Call inside
 * a transaction that includes `meta`, `dossiers`, `merchants` and `searchIndex`, or alone.
 */
export async function indexForSearch(
  db: CacheDatabase,
  dossiers: readonly Dossier[],
  messages: readonly Message[],
): Promise<void> {
  const builtUpTo = await searchBuiltUpTo(db);
  const fresh = new Map<string, { words: Set<string>; rank?: SearchRank }>();
  const add = (dossierId: string, words: readonly string[], rank?: SearchRank) => {
    if (builtUpTo !== null && dossierId > builtUpTo) return;
    let entry = fresh.get(dossierId);
    if (!entry) fresh.set(dossierId, (entry = { words: new Set() }));
    for (const w of words) entry.words.add(w);
    if (rank) entry.rank = rank;
  };
  for (const d of dossiers)
    add(d.id, dossierWords(d), rankOf({ ...d, urgency: urgentAt(d) ?? closedUrgency }));
  for (const m of messages) add(m.dossierId, messageWords(m));
  if (fresh.size === 0) return;
  const ids = [...fresh.keys()];
  const existing = new Map(
    (await db.searchIndex.where('dossierId').anyOf(ids).toArray()).map((e) => [e.dossierId, e]),
  );
  // A message alone does not say where its dossier sorts: the cache's dossier does.
  const unranked = ids.filter((id) => !fresh.get(id)?.rank && !existing.has(id));
  const cached = new Map(
    unranked.length === 0
      ? []
      : (await db.dossiers.bulkGet(unranked)).flatMap((d) => (d ? [[d.id, rankOf(d)] as const] : [])),
  );
  const moved: SearchRank[] = [];
  const entries: SearchEntry[] = [];
  for (const [dossierId, { words, rank }] of fresh) {
    const before = existing.get(dossierId);
    const place = rank ?? before?.rank ?? cached.get(dossierId);
    // A message of a dossier this cache does not hold: nothing to rank it by, nothing to show.
    if (!place) continue;
    if (before && compareRanks(before.rank, place) !== 0) moved.push(before.rank);
    const merged = new Set([...(before?.words ?? []), ...words]);
    entries.push({ rank: place, dossierId, words: [...merged].slice(0, maxWords) });
  }
  if (moved.length > 0) await db.searchIndex.bulkDelete(moved);
  await db.searchIndex.bulkPut(entries);
}

/**
 * The first `limit` dossiers matching every query word, in the "All" order. The index's entries
 * are keyed by rank, so within one word its keys come in that order; the way to the first ones
 * depends on how common the words are:
 * - a word with few matches gives them all (one bounded read of keys): the candidates are those
 *   of the rarest such word, checked against the others;
 * - one common word: its distinct words (colis, colissimo…) are read first in rank order,
 *   `limit` keys each, and merged;
 * - otherwise (a short prefix of many words, several common words) the index is walked in rank
 *   order until `limit` entries match — quick, since common words match often.
 * Only the dossiers shown are read. Entries are ranked by the server's state of their dossier: the
 * few with a change of the agent's still in the outbox are ranked again as the cache has them.
 */
export async function searchDossiers(
  db: CacheDatabase,
  query: string,
  limit = 50,
  options: SearchOptions = {},
): Promise<Dossier[]> {
  const parsed = parseSearch(query);
  return db.transaction('r', [db.searchIndex, db.outbox, db.dossiers], async () => {
    // A whole reference names one dossier: it comes alone.
    if (parsed.reference) {
      const exact = await db.dossiers.where('reference').equals(parsed.reference).first();
      if (exact && passesOperators(fromCached(exact), parsed)) return [fromCached(exact)];
    }
    // The operators' own words narrow through the index too (names and tags are indexed).
    const words = [
      ...new Set([
        ...parsed.words,
        ...(parsed.merchant ?? []),
        ...(parsed.tag ? searchWords(parsed.tag) : []),
      ]),
    ];
    if (words.length === 0) return hasOperators(parsed) ? byStatusAlone(db, parsed, limit) : [];
    if (!hasOperators(parsed)) return matching(db, words, limit, options);
    // Operators are checked on the dossiers: ask for more matches until enough pass, or none are left.
    for (let asked = Math.max(4 * limit, 200); ; asked *= 4) {
      const found = await matching(db, words, asked, options);
      const passing = found.filter((d) => passesOperators(d, parsed));
      if (passing.length >= limit || found.length < asked || asked >= 12_800) return passing.slice(0, limit);
    }
  });
}

/** The first `limit` dossiers matching every word, in the "All" order (inside the search's transaction). */
async function matching(
  db: CacheDatabase,
  words: readonly string[],
  limit: number,
  { strategy = 'rank', fewMatches = 400, fewWords = 40, walkLimit = 4_000 }: SearchOptions,
): Promise<Dossier[]> {
  // Dossiers with a change of the agent's not synced yet may sort elsewhere than their entry.
  const pending = new Set(
    (await db.outbox.orderBy('dossierId').uniqueKeys()).filter((k): k is string => typeof k === 'string'),
  );
  const ranks =
    strategy === 'load'
      ? await allMatches(db, words)
      : await firstMatches(db, words, limit + pending.size, { fewMatches, fewWords, walkLimit });
  const local = pending.size === 0 ? [] : await pendingMatches(db, [...pending], words);
  const ids = [...ranks.filter((r) => !pending.has(r[2])), ...local]
    .sort(compareRanks)
    .slice(0, strategy === 'load' ? undefined : limit)
    .map((r) => r[2]);
  const found = (await db.dossiers.bulkGet(ids)).filter((d) => d !== undefined);
  return found.map(fromCached).sort(compareInQueue('all')).slice(0, limit);
}

/**
 * `status:` with no word: the dossiers of that status in the "All" order — open ones along the
 * status-and-urgency index (read past the limit while the urgency ties), closed ones by reference.
 */
async function byStatusAlone(db: CacheDatabase, parsed: ParsedSearch, limit: number): Promise<Dossier[]> {
  const status = parsed.status;
  if (status === undefined || status === null) return [];
  let rows;
  if (status === 'closed')
    rows = await db.dossiers
      .orderBy('reference')
      .filter((d) => d.status === 'closed')
      .limit(limit)
      .toArray();
  else if (status === 'open')
    rows = await db.dossiers.where('urgency').below(closedUrgency).limit(limit).toArray();
  else
    rows = await db.dossiers
      .where('[status+urgency]')
      .between([status, -Infinity], [status, Infinity])
      .limit(limit)
      .toArray();
  const last = rows.at(-1);
  if (status !== 'closed' && last && rows.length === limit) {
    // Those tied with the last on urgency may sort before it by reference.
    const tied = await db.dossiers.where('urgency').equals(last.urgency).toArray();
    rows = [...new Map([...rows, ...tied].map((d) => [d.id, d])).values()];
  }
  return rows
    .map(fromCached)
    .filter((d) => passesOperators(d, parsed))
    .sort(compareInQueue('all'))
    .slice(0, limit);
}

/** The ranks of the dossiers with pending changes that match, as they sort in the cache now. */
async function pendingMatches(db: CacheDatabase, ids: string[], words: readonly string[]): Promise<Rank[]> {
  const [entries, dossiers] = await Promise.all([
    db.searchIndex.where('dossierId').anyOf(ids).toArray(),
    db.dossiers.bulkGet(ids),
  ]);
  const matching = new Set(entries.filter((e) => matchesAll(e, words)).map((e) => e.dossierId));
  return dossiers.flatMap((d) => (d && matching.has(d.id) ? [rankOf(d)] : []));
}
